#!/usr/bin/env bash
# Regenerates the compiled EF Core model of the SQLite context (src/DiligenceBot/Data/CompiledModels/Sqlite), which
# EF Core finds by its assembly attribute and uses instead of building the model at start-up. Run it after any change
# to an entity, a configuration or a migration; CompiledModelTests fails while the compiled model is stale.
#
#   bash scripts/compiled-model.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore >/dev/null
rm -rf src/DiligenceBot/Data/CompiledModels/Sqlite
dotnet ef dbcontext optimize -p src/DiligenceBot -s src/DiligenceBot -c SqliteDiligenceDbContext \
  -o Data/CompiledModels/Sqlite -n DiligenceBot.Data.CompiledModels.Sqlite
