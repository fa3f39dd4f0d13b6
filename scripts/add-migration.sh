#!/usr/bin/env bash
# Adds a migration named $1 for every provider, for each DbContext given (default: all of them).
#   scripts/add-migration.sh AddClubs ClubsDbContext
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName [Context ...]}
shift
contexts=("$@")
if [ ${#contexts[@]} -eq 0 ]; then
  contexts=($(scripts/contexts.sh))
fi
dotnet tool restore >/dev/null
dotnet build src/Plan10000.Portal.Web --configuration Debug -nologo -v q
declare -A connection=(
  [Sqlite]="Data Source=design.db"
  [PostgreSql]="Host=localhost;Database=design"
  [SqlServer]="Server=localhost;Database=design;TrustServerCertificate=true"
)
for provider in Sqlite PostgreSql SqlServer; do
  for context in "${contexts[@]}"; do
    folder=${context%DbContext}
    echo "== $provider / $context"
    Portal__Database__Provider=$provider ConnectionStrings__Portal="${connection[$provider]}" \
      dotnet ef migrations add "$name" --no-build \
        --project src/Plan10000.Portal.Migrations.$provider \
        --startup-project src/Plan10000.Portal.Web \
        --context "$context" --output-dir "$folder"
  done
done
