#!/usr/bin/env bash
# bench/startup — the one command: how long DiligenceBot takes from process start to /readyz answering 200 on an
# existing database, and its resident memory after start and under bench/inbound's load; beside it the same for an
# empty ASP.NET Core app (the floor). Figures last.
#
#   bash bench/startup/run.sh [--starts N] [--load-seconds N]
#
# Targets (issue 16): start <= 1.5 s, RSS <= 150 MB. Needs dotnet, curl; bench/inbound for the load part.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
# shellcheck source=../common.sh
source "$root/bench/common.sh"

starts=7
load_seconds=15
while [ $# -gt 0 ]; do
  case "$1" in
    --starts) starts="$2"; shift 2 ;;
    --load-seconds) load_seconds="$2"; shift 2 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

echo "building DiligenceBot, the empty app and bench/inbound (Release)..."
build src/DiligenceBot/DiligenceBot.csproj
build bench/startup/EmptyApp/EmptyApp.csproj
build bench/inbound/Inbound.Bench/Inbound.Bench.csproj
# The same app published ahead-of-time compiled (ReadyToRun, framework-dependent, linux-x64): what a deployment should
# run (README, design notes); measured beside the plain build.
r2r_dir="$(mktemp -d)"
echo "publishing DiligenceBot ReadyToRun (linux-x64)..."
if ! dotnet publish src/DiligenceBot/DiligenceBot.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
    -o "$r2r_dir" -nologo -v quiet >"$r2r_dir.log" 2>&1; then
  cat "$r2r_dir.log"; echo "run.sh: the ReadyToRun publish failed" >&2; exit 1
fi
take_measure_lock

bot_dll="$root/src/DiligenceBot/bin/Release/net10.0/DiligenceBot.dll"
empty_dll="$root/bench/startup/EmptyApp/bin/Release/net10.0/EmptyApp.dll"
work="$(mktemp -d)"
port=39871
pid=""
r2r_dll="$r2r_dir/DiligenceBot.dll"
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work" "$r2r_dir" "$r2r_dir.log"; }
trap cleanup EXIT

# As a deployment runs it: Production, an app id (nothing is fetched until an activity comes), the schedule on
# (Hangfire on SQLite), migrations and seeds checked at start-up, no demo history.
bot_env=(ASPNETCORE_ENVIRONMENT=Production Bot__AppId=4b7e2d1c-0a9f-4e3d-8c2b-1a0f9e8d7c6b Bot__AppPassword=bench
  "Database__ConnectionString=Data Source=$work/bench.db" Logging__LogLevel__Default=Warning)

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

# Starts a process, waits for /readyz; prints "milliseconds rss-after-1s".
start_once() { # dll, env...
  local dll="$1" t0 t1
  shift
  t0=$(date +%s%N)
  env "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$dll" >"$work/out.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null --max-time 1 "http://127.0.0.1:$port/readyz"; do
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: $(basename "$dll") exited; its output:" >&2; cat "$work/out.log" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  sleep 1
  echo "$(((t1 - t0) / 1000000)) $(rss_mb "$pid")"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "creating the database (first start: migrations and seeds; not measured)..."
start_once "$bot_dll" "${bot_env[@]}" >/dev/null

echo "measuring $starts starts of each..."
: >"$work/bot" ; : >"$work/empty" ; : >"$work/r2r"
for _ in $(seq 1 "$starts"); do
  start_once "$bot_dll" "${bot_env[@]}" >>"$work/bot"
  start_once "$r2r_dll" "${bot_env[@]}" >>"$work/r2r"
  start_once "$empty_dll" Logging__LogLevel__Default=Warning >>"$work/empty"
done
echo "  DiligenceBot (ms, MB): $(tr '\n' ' ' <"$work/bot")"
echo "  ReadyToRun   (ms, MB): $(tr '\n' ' ' <"$work/r2r")"
echo "  empty app    (ms, MB): $(tr '\n' ' ' <"$work/empty")"

echo "resident memory under bench/inbound's load ($load_seconds s, 64 connections, help activities)..."
peak="$work/peak"
echo 0 >"$peak"
(
  while sleep 0.2; do
    for p in $(pgrep -f "^dotnet $bot_dll" || true); do
      r=$(rss_mb "$p" 2>/dev/null || echo 0)
      awk -v r="$r" -v f="$peak" 'BEGIN { getline m < f; if (r + 0 > m + 0) { print r > f } }'
    done
  done
) &
sampler=$!
dotnet bench/inbound/Inbound.Bench/bin/Release/net10.0/Inbound.Bench.dll --bot-dll "$bot_dll" --peer-dir bench/inbound/peer --agents-dir bench/inbound/peer-agents \
  --targets bot --quiet-wait 5 --warmup 3 --seconds "$load_seconds" >"$work/inbound.log" 2>&1 || { cat "$work/inbound.log" >&2; kill "$sampler"; exit 1; }
kill "$sampler" 2>/dev/null || true
rate="$(grep -E '^\s*\**DiligenceBot|diligencebot' "$work/inbound.log" | tail -1)"

bot_ms=$(awk '{ print $1 }' "$work/bot" | median)
bot_rss=$(awk '{ print $2 }' "$work/bot" | median)
r2r_ms=$(awk '{ print $1 }' "$work/r2r" | median)
r2r_rss=$(awk '{ print $2 }' "$work/r2r" | median)
empty_ms=$(awk '{ print $1 }' "$work/empty" | median)
empty_rss=$(awk '{ print $2 }' "$work/empty" | median)
load_rss=$(cat "$peak")
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t + 0) ? "met" : "NOT met" }'; }

echo
echo "--- results (median of $starts starts; $(nproc) cores, other load on the machine not controlled) ---"
echo "inbound load: $rate"
printf '%-34s %10s %12s\n' "" "start (ms)" "RSS (MB)"
printf '%-34s %10s %12s\n' "empty ASP.NET Core app (floor)" "$empty_ms" "$empty_rss"
printf '%-34s %10s %12s\n' "DiligenceBot, existing database" "$bot_ms" "$bot_rss"
printf '%-34s %10s %12s\n' "DiligenceBot, ReadyToRun publish" "$r2r_ms" "$r2r_rss"
printf '%-34s %10s %12s\n' "DiligenceBot under inbound load" "" "$load_rss (peak)"
echo "ReadyToRun publish: start to /readyz $r2r_ms ms (target <= 1500: $(verdict "$r2r_ms" 1500)); RSS after start $r2r_rss MB (target <= 150: $(verdict "$r2r_rss" 150))"
echo "start to /readyz: $bot_ms ms (target <= 1500: $(verdict "$bot_ms" 1500)); RSS after start $bot_rss MB, under load $load_rss MB (target <= 150: $(verdict "$load_rss" 150))"
