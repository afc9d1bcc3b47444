#!/usr/bin/env bash
# bench/fanout — the one command: builds DiligenceBot and the bench (Release), installs N managers, lets their
# reminder fall due at the same minute and measures the delivery through a connector enforcing Teams' limits.
#
#   bash bench/fanout/run.sh [--managers N] [--inject 0.05] [--seed 1] [--max-seconds 150] [--keep]
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
build bench/fanout/Fanout.Bench/Fanout.Bench.csproj

take_measure_lock

exec dotnet "$root/bench/fanout/Fanout.Bench/bin/Release/net10.0/Fanout.Bench.dll" --repo "$root" "$@"
