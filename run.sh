#!/usr/bin/env bash
# Runs DiligenceBot on embedded defaults — SQLite file, demo organisation from seeds/, local development mode
# (no app id, no authentication) — on http://127.0.0.1:3978, with the Microsoft 365 Agents Playground (the local
# Teams emulator) beside it on http://127.0.0.1:56150. Open that address in a browser and chat as Wang Lei.
# Ctrl+C stops both. `./run.sh --bot-only` starts the bot alone.
set -euo pipefail
cd "$(dirname "$0")"
for c in dotnet node npm; do command -v "$c" >/dev/null || { echo "$c is required" >&2; exit 1; }; done

playground=1
[ "${1:-}" = "--bot-only" ] && playground=0

if [ "$playground" = 1 ] && [ ! -d tools/playground/node_modules ]; then
  (cd tools/playground && npm ci --no-audit --no-fund --loglevel=error)
fi
dotnet build src/DiligenceBot -nologo -clp:ErrorsOnly -v q

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

ASPNETCORE_ENVIRONMENT=Development dotnet run --no-build --project src/DiligenceBot --launch-profile DiligenceBot &
pids+=($!)
for _ in $(seq 1 120); do curl -fs http://127.0.0.1:3978/healthz >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs http://127.0.0.1:3978/healthz >/dev/null || { echo "The bot did not start." >&2; exit 1; }

if [ "$playground" = 1 ]; then
  APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none \
    node tools/playground/node_modules/@microsoft/m365agentsplayground/cli.js \
      -e http://127.0.0.1:3978/api/messages -c msteams -p 56150 --disable-telemetry &
  pids+=($!)
  sleep 3
  echo
  echo "DiligenceBot is ready. Open http://127.0.0.1:56150 in a browser; you are Wang Lei (manager in East 1, lead of East 2)."
  echo "Try: help · 帮助 · me"
fi
wait
