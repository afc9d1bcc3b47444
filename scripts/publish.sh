#!/usr/bin/env bash
# scripts/publish.sh — the deployment build of DiligenceBot: Release, framework-dependent, linux-x64, ReadyToRun
# (ahead-of-time compiled, so a start JIT-compiles far less: bench/startup measures both builds side by side).
#
#   bash scripts/publish.sh [OUT_DIR]        (default: artifacts/publish)
#
# Run it with `dotnet OUT_DIR/DiligenceBot.dll`; configuration as in the README (environment variables or
# appsettings.Production.json beside the DLL). The pipeline publishes OUT_DIR as the `app` artifact.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/publish}"
rm -rf "$out"
dotnet publish "$root/src/DiligenceBot/DiligenceBot.csproj" -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$out" -nologo -v quiet
test -f "$out/DiligenceBot.dll"
echo "published (ReadyToRun, linux-x64) to $out"
