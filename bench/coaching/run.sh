#!/usr/bin/env bash
# bench/coaching — the one command: builds the bench (Release, with DiligenceBot), seeds one tenant of N managers on
# SQLite, then times the coaching classification of all of them (CoachingDesk.SuggestAsync) and prints the figures last.
#
#   bash bench/coaching/run.sh [--managers 10000] [--days 22] [--seed 1] [--runs 3] [--no-per-team] [--keep]
#
# Needs dotnet (the SDK in global.json). In process, no network; it stops by itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build() {
  local log
  log="$(mktemp)"
  if ! dotnet build "$1" -c Release -nologo -v quiet >"$log" 2>&1; then
    cat "$log"
    rm -f "$log"
    echo "run.sh: building $1 failed" >&2
    exit 1
  fi
  rm -f "$log"
}

echo "building the bench and DiligenceBot (Release)..."
build bench/coaching/Coaching.Bench/Coaching.Bench.csproj

# One measuring bench at a time on this machine (the same lock as bench/submit and bench/fanout).
exec 9>"${TMPDIR:-/tmp}/diligencebot-bench-measure.lock"
if ! flock -n 9; then
  echo "waiting for another measuring bench (bench/submit, bench/fanout, bench/coaching) to finish..."
  flock 9
fi

exec dotnet "$root/bench/coaching/Coaching.Bench/bin/Release/net10.0/Coaching.Bench.dll" --repo "$root" "$@"
