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

echo "building DiligenceBot and the bench (Release)..."
build src/DiligenceBot/DiligenceBot.csproj
build bench/submit/Submit.Bench/Submit.Bench.csproj

# One of bench/submit and bench/fanout at a time on this machine (the bench itself also waits for bench/inbound).
exec 9>"${TMPDIR:-/tmp}/diligencebot-bench-measure.lock"
if ! flock -n 9; then
  echo "waiting for another bench/submit or bench/fanout run to finish..."
  flock 9
fi

exec dotnet "$root/bench/submit/Submit.Bench/bin/Release/net10.0/Submit.Bench.dll" --repo "$root" "$@"
