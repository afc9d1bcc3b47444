# Sourced by bench/*/run.sh: quiet Release builds and the lock that keeps measuring benches apart.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Builds a project in Release, showing the build's output only when it fails.
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

# One measuring bench (bench/submit, bench/fanout, bench/coaching) at a time on this machine; the lock is held on
# file descriptor 9 until the process that took it ends.
take_measure_lock() {
  exec 9>"${TMPDIR:-/tmp}/diligencebot-bench-measure.lock"
  if ! flock -n 9; then
    echo "waiting for another measuring bench (bench/submit, bench/fanout, bench/coaching) to finish..."
    flock 9
  fi
}
