#!/usr/bin/env bash
# Runs DiligenceBot on embedded defaults — SQLite file, demo organisation from seeds/ with its generated history, local
# development mode (no app id, no authentication) — on http://127.0.0.1:3978, with the Microsoft 365 Agents Playground
# (the local Teams emulator) beside it on http://127.0.0.1:56150. Prints "ready" once the bot's /readyz and the
# Playground's /_debug/ping both answer; stops with a message naming which one when either fails to come up or exits.
# Ctrl+C stops both.
#
#   ./run.sh                          chat as Wang Lei (manager in East 1, lead of East 2), in English
#   ./run.sh --as li-na               chat as another demo person (li-na, chen-jie, zhao-min, sun-hao, liu-yang, wang-lei)
#   ./run.sh --lang zh-CN             the Teams client in Chinese (zh-CN or en-US)
#   ./run.sh --bot-only               the bot alone (for the Bot Framework Emulator, say)
set -euo pipefail
cd "$(dirname "$0")"

usage() { sed -n '7,11s/^#  //p' "$0"; }

playground=1
person=""
lang="en-US"
while [ $# -gt 0 ]; do
  case "$1" in
    --bot-only) playground=0 ;;
    --as) [ $# -ge 2 ] || { echo "run.sh: --as needs a demo person, e.g. --as li-na" >&2; exit 2; }; person="$2"; shift ;;
    --lang) [ $# -ge 2 ] || { echo "run.sh: --lang needs zh-CN or en-US" >&2; exit 2; }; lang="$2"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case "$lang" in zh-CN | en-US) ;; *) echo "run.sh: --lang must be zh-CN or en-US, not '$lang'" >&2; exit 2 ;; esac
if [ "$playground" = 0 ] && { [ -n "$person" ] || [ "$lang" != "en-US" ]; }; then
  echo "run.sh: --as and --lang choose the Playground's user and language; they do nothing with --bot-only" >&2
  exit 2
fi
for c in dotnet node npm curl; do command -v "$c" >/dev/null || { echo "run.sh: $c is required" >&2; exit 1; }; done

bot_port=3978
playground_port=56150
proxy_port=3979
in_use() { curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/"; }
in_use "$bot_port" && { echo "run.sh: port $bot_port is already in use (another ./run.sh?); the bot needs it" >&2; exit 1; }
if [ "$playground" = 1 ]; then
  # The Playground silently moves to another port when its own is taken: refuse instead of opening a stale one.
  in_use "$playground_port" && { echo "run.sh: port $playground_port is already in use (another ./run.sh?); the Playground needs it" >&2; exit 1; }
  [ "$lang" != "en-US" ] && in_use "$proxy_port" && { echo "run.sh: port $proxy_port is already in use; the locale proxy needs it" >&2; exit 1; }
  if [ ! -d tools/playground/node_modules ]; then
    (cd tools/playground && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

config=""
if [ -n "$person" ]; then
  config="$(mktemp --suffix=.yml)"
  node tools/playground/config-as.mjs .m365agentsplayground.yml "$person" >"$config" || { rm -f "$config"; exit 2; }
fi

dotnet build src/DiligenceBot -nologo -clp:ErrorsOnly -v q

declare -A names=()
pids=()
cleanup() {
  trap - EXIT INT TERM
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$config" ] && rm -f "$config"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
start() { # name, command...
  local name="$1"
  shift
  "$@" &
  pids+=($!)
  names[$!]="$name"
}
alive() { kill -0 "$1" 2>/dev/null; }
# Waits until the URL answers with the expected text; fails naming the process when it exits or does not answer in time.
wait_for() { # pid, name, url, expected text, seconds
  local pid="$1" name="$2" url="$3" expected="$4" seconds="$5" answer
  for _ in $(seq 1 $((seconds * 4))); do
    alive "$pid" || { echo "run.sh: $name exited before it was ready (see its output above)" >&2; exit 1; }
    answer="$(curl -fs --max-time 2 "$url" 2>/dev/null || true)"
    [[ "$answer" == "$expected"* ]] && return 0
    sleep 0.25
  done
  echo "run.sh: $name did not answer $url within $seconds s${answer:+ (last answer: ${answer//$'\n'/; })}" >&2
  exit 1
}

# The built app itself (not `dotnet run`), so that its process is the one watched and stopped; in the project's
# folder, as `dotnet run` would be: its appsettings apply and the SQLite file is src/DiligenceBot/diligencebot.db.
start "the bot" env -C src/DiligenceBot ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$bot_port" \
  dotnet bin/Debug/net10.0/DiligenceBot.dll
bot_pid=$!
wait_for "$bot_pid" "the bot" "http://127.0.0.1:$bot_port/readyz" "Healthy" 120

who="Wang Lei (manager in East 1, lead of East 2)"
if [ "$playground" = 1 ]; then
  endpoint="http://127.0.0.1:$bot_port/api/messages"
  if [ "$lang" != "en-US" ]; then
    start "the locale proxy" node tools/playground/locale-proxy.mjs "$proxy_port" "http://127.0.0.1:$bot_port" "$lang"
    endpoint="http://127.0.0.1:$proxy_port/api/messages"
  fi

  if [ -n "$person" ]; then
    who="$(awk '/^currentUser:/ { inside = 1; next } inside && /^  name: / { sub(/^  name: /, ""); print; exit }' "$config")"
  fi

  start "the Playground" env APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none \
    ${config:+M365_AGENTS_PLAYGROUND_CONFIG_PATH="$config"} \
    node tools/playground/node_modules/@microsoft/m365agentsplayground/cli.js \
      -e "$endpoint" -c msteams -p "$playground_port" --disable-telemetry
  playground_pid=$!
  wait_for "$playground_pid" "the Playground" "http://127.0.0.1:$playground_port/_debug/ping" "pong" 60
  echo
  echo "ready: open http://127.0.0.1:$playground_port in a browser; you are $who, Teams in $lang."
  echo "Try: help · 帮助 · me · log · team logs · coach Chen Jie"
else
  echo
  echo "ready: the bot is on http://127.0.0.1:$bot_port/api/messages"
fi

# Whichever stops first stops the demo, loudly.
set +e
wait -n "${pids[@]}"
code=$?
for p in "${pids[@]}"; do
  if ! alive "$p"; then
    echo "run.sh: ${names[$p]} exited (code $code); stopping" >&2
    break
  fi
done
exit $((code == 0 ? 1 : code))
