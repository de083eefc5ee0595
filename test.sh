#!/usr/bin/env bash
# Runs every test of the repository and ends with one line: "N passed, M failed".
# Needs: the .NET 10 SDK, Node 20 + npm (the FHIR definitions and the reference FHIRPath engine come from npm),
# and ../shared beside the repository (the conformance suites and reference data).
set -euo pipefail
cd "$(dirname "$0")"

./scripts/prepare.sh

log=$(mktemp)
status=0
dotnet test OpenImis.Fhir.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?

# dotnet test prints a summary per test project: "Passed!  - Failed: 0, Passed: 12, ..." at minimal verbosity,
# or a block with "     Passed: 12" / "     Failed: 1" lines at normal verbosity. Count either form.
count() {
  local block summary
  block=$(grep -E "^ +$1: +[0-9]+ *\$" "$log" | sed -E 's/[^0-9]//g' || true)
  summary=$(grep -E '^(Passed|Failed)! +- ' "$log" | sed -E "s/.*$1: +([0-9]+).*/\1/" || true)
  printf '%s\n' "${block:-$summary}" | awk '{s+=$1} END {print s+0}'
}
passed=$(count Passed)
failed=$(count Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build error counts as a failure
rm -f "$log"
echo "$passed passed, $failed failed"
exit "$status"
