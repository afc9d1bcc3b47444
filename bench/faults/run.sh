#!/usr/bin/env bash
# bench/faults — the one command: builds DiligenceBot and the bench (Release), installs N managers and lets a
# reminder fan out every few minutes: the bot is killed (SIGKILL) in the middle of each of the first fan-outs and
# restarted, then the connector fails 20 % of the sends of the last one. Prints delivered / lost / duplicates.
#
#   bash bench/faults/run.sh [--managers 2000] [--crashes 10] [--spacing-minutes 2] [--fault-share 0.2] [--seed 1] [--keep]
#
# Needs dotnet (the SDK in global.json). Everything it talks to is on 127.0.0.1; it stops by itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=../common.sh
source "$root/bench/common.sh"

echo "building DiligenceBot and the bench (Release)..."
build src/DiligenceBot/DiligenceBot.csproj
build bench/faults/Faults.Bench/Faults.Bench.csproj

take_measure_lock

exec dotnet "$root/bench/faults/Faults.Bench/bin/Release/net10.0/Faults.Bench.dll" --repo "$root" "$@"
