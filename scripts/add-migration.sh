#!/usr/bin/env bash
# Adds the same EF Core migration to every provider's migrations project (SQLite and PostgreSQL).
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project "src/SalesCrm.Migrations.$provider" --startup-project "src/SalesCrm.Migrations.$provider" --output-dir Migrations
done
