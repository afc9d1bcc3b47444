#!/usr/bin/env bash
# Starts Azurite (the Azure Storage emulator: the real Blob protocol) for the Azure Blob record store tests on
# 127.0.0.1:${AZURITE_PORT:-10000} (data under /tmp/diligencebot-azurite-PORT), installing its pinned npm package into
# tools/azurite first when missing. Idempotent: an Azurite already answering on the port is reused.
# Prints nothing on success but the connection string of Azurite's well-known development account.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${AZURITE_PORT:-10000}"
data="${DILIGENCEBOT_AZURITE_DATA:-/tmp/diligencebot-azurite-$port}"
tool="$PWD/tools/azurite"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

if ! answers; then
  if [ ! -x "$tool/node_modules/.bin/azurite-blob" ]; then
    (cd "$tool" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  mkdir -p "$data"
  # In its own session, so it outlives this script and the test run that started it.
  setsid nohup "$tool/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" --location "$data" \
    --skipApiVersionCheck --silent >"$data/azurite.log" 2>&1 </dev/null &
  for _ in $(seq 1 100); do answers && break; sleep 0.1; done
  if ! answers; then
    echo "Azurite did not start on 127.0.0.1:$port; see $data/azurite.log" >&2
    exit 1
  fi
fi
# Azurite's documented development account (public, the same on every machine; not a secret).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
echo "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
