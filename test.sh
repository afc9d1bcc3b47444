#!/usr/bin/env bash
# The whole test suite: protocol, app integration (SQLite), card and manifest validation, the Agents Playground
# end-to-end test, then the integration tests again on PostgreSQL. Installs what it needs (npm packages, PostgreSQL,
# Azurite for the Azure Blob record store tests).
# TRX results go to artifacts/test-results (or DILIGENCEBOT_TEST_RESULTS, which scripts/repeat-tests.sh sets per run).
# Exit code: non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"
results="${DILIGENCEBOT_TEST_RESULTS:-$PWD/artifacts/test-results}"
rm -rf "$results"
mkdir -p "$results"

for tool in tools/validate tools/playground tools/render-cards tools/azurite tools/dashboard; do
  if [ ! -d "$tool/node_modules" ]; then
    (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $tool" >&2; exit 1; }
  fi
done
# The card pictures (tools/render-cards) need a Chromium and a Chinese font.
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null || { echo "could not install chromium and fonts-noto-cjk" >&2; exit 1; }
fi
dotnet tool restore >/dev/null || exit 1
dotnet build DiligenceBot.sln -c Debug -nologo -clp:ErrorsOnly || exit 1

status=0
# The Azure Blob record store's tests talk to Azurite (the tests would start it themselves; started here like PostgreSQL).
if azurite="$(scripts/azurite.sh)"; then
  export DILIGENCEBOT_TEST_AZURITE="$azurite"
else
  echo "Azurite could not be started: the Azure Blob record store tests will FAIL." >&2
  status=1
fi
dotnet test DiligenceBot.sln --no-build -c Debug --logger "trx" --results-directory "$results" || status=1

if pg="$(scripts/postgres.sh)"; then
  DILIGENCEBOT_TEST_DB_PROVIDER=PostgreSql DILIGENCEBOT_TEST_DB_CONNECTION="$pg" \
    dotnet test tests/DiligenceBot.Tests --no-build -c Debug --filter "Category!=EndToEnd&Category!=Rendering" \
      --logger "trx;LogFilePrefix=postgres" --results-directory "$results" || status=1
else
  echo "PostgreSQL could not be started: the PostgreSQL run of the integration tests FAILED." >&2
  status=1
fi
exit $status
