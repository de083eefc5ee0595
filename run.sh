#!/usr/bin/env bash
# Builds and runs the openimis-fhir program with the given arguments, e.g.
#   ./run.sh fhirpath --resource patient.json "Patient.name.given"
# (The `serve` verb, which runs the FHIR server with its own PostgreSQL, comes with the REST server issue.)
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
"$root/scripts/prepare.sh"
dotnet build "$root/src/OpenImis.Fhir.Server" -c Release -v quiet -nologo >/dev/null
exec dotnet "$root/src/OpenImis.Fhir.Server/bin/Release/net10.0/openimis-fhir.dll" "$@"
