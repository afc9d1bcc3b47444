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
# shellcheck source=../common.sh
source "$root/bench/common.sh"

echo "building the bench and DiligenceBot (Release)..."
build bench/coaching/Coaching.Bench/Coaching.Bench.csproj

take_measure_lock

exec dotnet "$root/bench/coaching/Coaching.Bench/bin/Release/net10.0/Coaching.Bench.dll" --repo "$root" "$@"
