#!/usr/bin/env bash
# bench/submit — the one command: builds DiligenceBot and the bench (Release), then sends work-log submissions at
# a fixed open-loop rate and prints the figures last.
#
#   bash bench/submit/run.sh [--seconds N] [--rate R] [--warmup-seconds S] [--warmup-rate W] [--keep]
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
build bench/submit/Submit.Bench/Submit.Bench.csproj

take_measure_lock

exec dotnet "$root/bench/submit/Submit.Bench/bin/Release/net10.0/Submit.Bench.dll" --repo "$root" "$@"
