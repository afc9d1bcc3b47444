#!/usr/bin/env bash
# bench/records — one command per part of the records benches; builds DiligenceBot and the bench (Release), runs it
# and prints the figures last.
#
#   bash bench/records/run.sh typeahead [--seconds N] [--rate R] [--customers C] [--warmup-seconds S] [--keep]
#       Teams' type-ahead (application/search, signed) over a manager's 500 customers; target p99 <= 50 ms.
#   bash bench/records/run.sh import [--rows N] [--managers M] [--keep]
#       A lead sends the customer register (100,000 rows, XLSX) in chat; then the same file with a tenth of the
#       customers moved. Targets <= 15 s and <= 300 MB peak resident memory.
#   bash bench/records/run.sh reports [--managers N] [--customers C] [--keep]
#       November's plan execution reports of 10,000 managers and their 1,000 leads (in process, SQLite), as the
#       month-end notifications render them and as one batch. Target <= 5 s.
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
  typeahead|import)
    shift
    echo "building DiligenceBot and the bench (Release)..."
    build src/DiligenceBot/DiligenceBot.csproj
    build bench/records/Records.Bench/Records.Bench.csproj
    take_measure_lock
    exec dotnet "$root/bench/records/Records.Bench/bin/Release/net10.0/Records.Bench.dll" "$part" --repo "$root" "$@"
    ;;
  reports)
    shift
    echo "building the bench with DiligenceBot (Release)..."
    build bench/records/Reports.Bench/Reports.Bench.csproj
    take_measure_lock
    exec dotnet "$root/bench/records/Reports.Bench/bin/Release/net10.0/Reports.Bench.dll" --repo "$root" "$@"
    ;;
  *)
    echo "usage: bash bench/records/run.sh typeahead|import|reports [options]" >&2
    exit 2
    ;;
esac
