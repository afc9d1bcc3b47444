#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests on 127.0.0.1:${PGPORT:-5433} (trust auth, data under
# /tmp/diligencebot-postgres-PORT), installing the Debian package first if this machine has none. Idempotent.
# Prints nothing on success but the connection string's server part.
set -euo pipefail
port="${PGPORT:-5433}"
# Outside the checkout: the postgres user must be able to reach it (a clone under /root is not).
data="${DILIGENCEBOT_PGDATA:-/tmp/diligencebot-postgres-$port}"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed and this script is not root: apt-get install postgresql first." >&2
    exit 1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

if ! "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
  mkdir -p "$data"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    as_pg "'$bin/initdb' -D '$data' --auth=trust --username=postgres -E UTF8 >/dev/null"
  fi
  as_pg "'$bin/pg_ctl' -D '$data' -l '$data/server.log' -o \"-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" -w start >/dev/null"
fi
for _ in $(seq 1 50); do "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q && break; sleep 0.2; done
echo "Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
