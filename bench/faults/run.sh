#!/usr/bin/env bash
# bench/faults — the one command: builds DiligenceBot and the bench (Release), then on SQLite and on PostgreSQL in turn
# installs N managers and lets a reminder fan out every few minutes: the bot is killed (SIGKILL) in the middle of each
# of the first fan-outs and restarted, then the connector fails 20 % of the sends of the last one. Prints, last, one
# table with both databases side by side: delivered / lost, duplicates caused by a crash mid-send, any other duplicate.
#
#   bash bench/faults/run.sh [--provider both|Sqlite|PostgreSql] [--managers 2000] [--crashes 10] [--spacing-minutes 2]
#                            [--fault-share 0.2] [--seed 1] [--keep]
#
# Needs dotnet (the SDK in global.json); for PostgreSQL, scripts/postgres.sh starts (or reuses) the throwaway cluster on
# 127.0.0.1:5433. Everything it talks to is on 127.0.0.1; it stops by itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=../common.sh
source "$root/bench/common.sh"

provider=both
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ "${args[i]}" == "--provider" ]]; then
    provider="${args[i + 1]:-}"
  fi
done

echo "building DiligenceBot and the bench (Release)..."
build src/DiligenceBot/DiligenceBot.csproj
build bench/faults/Faults.Bench/Faults.Bench.csproj

postgres=()
if [[ "$provider" != "Sqlite" ]]; then
  echo "starting (or reusing) the throwaway PostgreSQL (scripts/postgres.sh)..."
  postgres=(--postgres "$(bash "$root/scripts/postgres.sh")")
fi

take_measure_lock

exec dotnet "$root/bench/faults/Faults.Bench/bin/Release/net10.0/Faults.Bench.dll" --repo "$root" "${postgres[@]}" "$@"
