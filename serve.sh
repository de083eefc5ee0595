#!/usr/bin/env bash
# Runs the FHIR server: prepares the FHIR definitions (npm), builds, and serves http://127.0.0.1:8080/fhir.
# Without ConnectionStrings__Fhir it starts its own PostgreSQL in .local/postgres (as user postgres when run as
# root) and stops it on exit. Extra arguments go to `openimis-fhir serve` (e.g. --urls http://127.0.0.1:9090).
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
"$root/scripts/prepare.sh"
dotnet build "$root/src/OpenImis.Fhir.Server" -c Release -v quiet -nologo >/dev/null
cd "$root"
exec dotnet "$root/src/OpenImis.Fhir.Server/bin/Release/net10.0/openimis-fhir.dll" serve "$@"
