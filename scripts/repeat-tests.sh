#!/usr/bin/env bash
# Proves the suite is deterministic: runs the whole suite (./test.sh) N times in a row, then the end-to-end tests
# and the PostgreSQL run of the integration tests M times (default 1) while a busy loop keeps every core busy.
# Each run keeps its TRX files and its console output under artifacts/test-results/run-K; one line per run gives
# its passed/failed counts (and the names of failed tests), the last line sums them up.
# Usage: scripts/repeat-tests.sh N [M]     Exit code: non-zero if any run failed.
set -uo pipefail

# One function, parsed whole before it runs: editing this file while it runs cannot change what runs.
main() {
  cd "$(dirname "$0")/.."
  runs="${1:-}"
  contended="${2:-1}"
  if ! [[ "$runs" =~ ^[0-9]+$ && "$contended" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/repeat-tests.sh N [M]   (N whole-suite runs, then M contended end-to-end + PostgreSQL runs)" >&2
    exit 2
  fi

  root="$PWD/artifacts/test-results"
  mkdir -p "$root"
  rm -rf "$root"/run-*
  busy=()
  stop_busy() {
    for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${busy[@]}"; do wait "$pid" 2>/dev/null; done
    busy=()
  }
  trap stop_busy EXIT

  total_passed=0 total_failed=0 green=0 red=0 n=0
  report() { # $1 run number, $2 label, $3 exit status, $4 seconds
    local dir="$root/run-$1" passed=0 failed=0 counters p f
    for trx in "$dir"/*.trx; do
      [ -f "$trx" ] || continue
      counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
      p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
      f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
      passed=$((passed + ${p:-0}))
      failed=$((failed + ${f:-0}))
    done
    if [ "$3" -ne 0 ] && [ "$failed" -eq 0 ]; then
      failed=1 # the build or a setup step failed before any test could (see output.log)
    fi
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    if [ "$3" -eq 0 ] && [ "$failed" -eq 0 ]; then green=$((green + 1)); verdict=PASS; else red=$((red + 1)); verdict=FAIL; fi
    printf 'run %d (%s): %s, %d passed, %d failed, %d s\n' "$1" "$2" "$verdict" "$passed" "$failed" "$4"
    grep -ho 'testName="[^"]*"[^>]*outcome="Failed"' "$dir"/*.trx 2>/dev/null | sed -e 's/testName="\([^"]*\)".*/    failed: \1/' -e 's/&quot;/"/g' -e 's/&amp;/\&/g' | sort -u
  }

  for _ in $(seq 1 "$runs"); do
    n=$((n + 1))
    mkdir -p "$root/run-$n"
    start=$SECONDS
    # test.sh empties its results folder first: its output goes beside it until it is done.
    DILIGENCEBOT_TEST_RESULTS="$root/run-$n" ./test.sh >"$root/run-$n.log" 2>&1
    status=$?
    mv "$root/run-$n.log" "$root/run-$n/output.log"
    report "$n" "whole suite" "$status" $((SECONDS - start))
  done

  if [ "$contended" -gt 0 ]; then
    # The build the contended runs use (test.sh built it already when N > 0; cheap when nothing changed).
    dotnet build DiligenceBot.sln -c Debug -nologo -clp:ErrorsOnly >/dev/null || { echo "build failed" >&2; exit 1; }
    pg="$(scripts/postgres.sh)" || { echo "PostgreSQL could not be started" >&2; exit 1; }
    for _ in $(seq 1 "$(nproc)"); do
      yes >/dev/null &
      busy+=($!)
    done
    for _ in $(seq 1 "$contended"); do
      n=$((n + 1))
      dir="$root/run-$n"
      mkdir -p "$dir"
      start=$SECONDS
      status=0
      dotnet test tests/DiligenceBot.Tests --no-build -c Debug --filter "Category=EndToEnd" \
        --logger "trx;LogFilePrefix=endtoend" --results-directory "$dir" >"$dir/output.log" 2>&1 || status=1
      DILIGENCEBOT_TEST_DB_PROVIDER=PostgreSql DILIGENCEBOT_TEST_DB_CONNECTION="$pg" \
        dotnet test tests/DiligenceBot.Tests --no-build -c Debug --filter "Category!=EndToEnd" \
        --logger "trx;LogFilePrefix=postgres" --results-directory "$dir" >>"$dir/output.log" 2>&1 || status=1
      report "$n" "end-to-end + PostgreSQL, $(nproc) busy loops" "$status" $((SECONDS - start))
    done
    stop_busy
  fi

  echo "SUMMARY: $n runs, $green passed, $red failed; $total_passed tests passed, $total_failed failed (results in artifacts/test-results/run-*)"
  [ "$red" -eq 0 ]
}

main "$@"
exit $?
