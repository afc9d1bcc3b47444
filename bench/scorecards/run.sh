#!/usr/bin/env bash
# bench/scorecards — one command per part of the assessment benches; builds DiligenceBot and the bench (Release), runs
# it and prints the figures last.
#
#   bash bench/scorecards/run.sh survey [--seconds N] [--rate R] [--warmup-seconds S] [--keep]
#       Retail customers answering the survey page: 200 form POSTs per second, each on its own signed link, against
#       the bot on loopback (SQLite). Target: 200/s with p99 <= 50 ms.
#
# Needs dotnet (the SDK in global.json). Everything it talks to is on 127.0.0.1; it stops by itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=../common.sh
source "$root/bench/common.sh"

part="${1:-}"
case "$part" in
  survey)
    shift
    echo "building DiligenceBot and the bench (Release)..."
    build src/DiligenceBot/DiligenceBot.csproj
    build bench/scorecards/Survey.Bench/Survey.Bench.csproj
    take_measure_lock
    exec dotnet "$root/bench/scorecards/Survey.Bench/bin/Release/net10.0/Survey.Bench.dll" --repo "$root" "$@"
    ;;
  *)
    echo "usage: bash bench/scorecards/run.sh survey [options]" >&2
    exit 2
    ;;
esac
