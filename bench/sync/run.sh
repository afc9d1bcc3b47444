#!/usr/bin/env bash
# bench/sync — the one command: builds the bench (Release, with DiligenceBot and the local Graph), then times a
# 20,000-person tenant's first directory sync from Graph with 5 % of Graph's answers 429 + Retry-After, and a delta of
# 200 changes, through the app's GraphServiceClient, DirectorySyncJob and SQLite; prints the figures last.
#
#   bash bench/sync/run.sh [--people 20000] [--changes 200] [--page 200] [--throttle 0.05] [--retry-after 1]
#
# Needs dotnet (the SDK in global.json). Loopback only; it stops by itself.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=../common.sh
source "$root/bench/common.sh"

echo "building the bench and DiligenceBot (Release)..."
build bench/sync/Sync.Bench/Sync.Bench.csproj

take_measure_lock

exec dotnet "$root/bench/sync/Sync.Bench/bin/Release/net10.0/Sync.Bench.dll" "$@"
