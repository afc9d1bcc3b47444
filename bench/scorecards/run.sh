#!/usr/bin/env bash
# bench/scorecards — one command per part of the scorecard benches (issue 12); builds DiligenceBot and the bench
# (Release), runs it and prints the figures last, with the load average they were taken under.
#
#   bash bench/scorecards/run.sh draft [--managers N] [--provider sqlite|postgresql|both] [--keep]
#       November's scorecard drafts of 10,000 managers in 1,000 teams, as the first working day of December makes them
#       (the team schedule job's drafts notification, rendered team by team through the app's code). Default both
#       providers; PostgreSQL through scripts/postgres.sh, a fresh database per run. Target <= 5 s per provider.
#   bash bench/scorecards/run.sh figures [--rows N] [--managers M]
#       A lead sends 100,000 figure rows (XLSX) in chat to a signed bot; then the same file again (every row replaces
#       one). Target <= 15 s; prints peak resident memory.
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
  draft)
    shift
    pg=""
    if [[ " $* " != *" --provider sqlite "* ]]; then
      echo "starting PostgreSQL (scripts/postgres.sh)..."
      pg="$(bash scripts/postgres.sh | tail -1)"
    fi
    echo "building the bench with DiligenceBot (Release)..."
    build bench/scorecards/Scorecards.Bench/Scorecards.Bench.csproj
    take_measure_lock
    exec dotnet "$root/bench/scorecards/Scorecards.Bench/bin/Release/net10.0/Scorecards.Bench.dll" --repo "$root" --pg "$pg" "$@"
    ;;
  figures)
    shift
    echo "building DiligenceBot and the bench (Release)..."
    build src/DiligenceBot/DiligenceBot.csproj
    build bench/scorecards/Figures.Bench/Figures.Bench.csproj
    take_measure_lock
    exec dotnet "$root/bench/scorecards/Figures.Bench/bin/Release/net10.0/Figures.Bench.dll" --repo "$root" "$@"
    ;;
  survey)
    shift
    echo "building DiligenceBot and the bench (Release)..."
    build src/DiligenceBot/DiligenceBot.csproj
    build bench/scorecards/Survey.Bench/Survey.Bench.csproj
    take_measure_lock
    exec dotnet "$root/bench/scorecards/Survey.Bench/bin/Release/net10.0/Survey.Bench.dll" --repo "$root" "$@"
    ;;
  *)
    echo "usage: bash bench/scorecards/run.sh draft|figures|survey [options]" >&2
    exit 2
    ;;
esac
