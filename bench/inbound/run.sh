#!/usr/bin/env bash
# bench/inbound — the one command: builds (Release), installs the JS peer's npm packages if missing, runs the
# inbound benchmark against the raw Kestrel limit, the reply floor, DiligenceBot and two JavaScript peers (botbuilder-js
# and the Microsoft 365 Agents SDK), prints the figures last.
#
#   bash bench/inbound/run.sh [--seconds N] [--pin] [--bot-dll PATH] [other Inbound.Bench options, see README.md]
#
# Needs dotnet (the SDK in global.json), node and npm. Everything it talks to is on 127.0.0.1.
set -euo pipefail

caller_dir="$(pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

# shellcheck source=../common.sh
source "$root/bench/common.sh"

# --bot-dll PATH measures an already built DiligenceBot (e.g. another commit's) instead of building this tree's.
bot_dll="$root/src/DiligenceBot/bin/Release/net10.0/DiligenceBot.dll"
own_bot=1
pin_wanted=0
fwd=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bot-dll)
      [ $# -ge 2 ] || { echo "run.sh: --bot-dll needs a path" >&2; exit 2; }
      bot_dll="$(cd "$caller_dir" && realpath -m "$2")"
      own_bot=0
      shift 2
      ;;
    --pin)
      pin_wanted=1
      shift
      ;;
    --no-pin)
      pin_wanted=0
      shift
      ;;
    *)
      fwd+=("$1")
      shift
      ;;
  esac
done

if [ "$own_bot" = 1 ]; then
  echo "building DiligenceBot and the bench (Release)..."
  build src/DiligenceBot/DiligenceBot.csproj
else
  echo "building the bench (Release); DiligenceBot from $bot_dll..."
fi
build bench/inbound/Inbound.Bench/Inbound.Bench.csproj

if [ ! -d "$here/peer/node_modules/botbuilder" ]; then
  echo "installing the botbuilder-js peer's npm packages (npm ci)..."
  (cd "$here/peer" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -d "$here/peer-agents/node_modules/@microsoft/agents-hosting" ]; then
  echo "installing the Agents SDK peer's npm packages (npm ci)..."
  (cd "$here/peer-agents" && npm ci --no-audit --no-fund --loglevel=error)
fi

bench_dll="$root/bench/inbound/Inbound.Bench/bin/Release/net10.0/Inbound.Bench.dll"

# Default: every process sees the whole machine (the server under test competes with the load generator, issuer
# and connector for the cores). --pin: the server under test runs on CPU 1 only and this side on CPU 0 only, a
# one-core-per-server comparison (needs two cores and taskset).
pin=()
if [ "$pin_wanted" = 1 ]; then
  if [ "$(nproc --all)" -ge 2 ] && command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c 0)
    fwd=(--server-cpus 1 "${fwd[@]}")
  else
    echo "run.sh: --pin needs two cores and taskset; running unpinned" >&2
  fi
fi

exec "${pin[@]}" dotnet "$bench_dll" --bot-dll "$bot_dll" --peer-dir "$here/peer" --agents-dir "$here/peer-agents" "${fwd[@]}"
