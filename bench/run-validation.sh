#!/usr/bin/env bash
# Validator speed, ours and Medplum's on the identical resources in one run:
#   our FhirValidator (BenchmarkDotNet, bench/OpenImis.Fhir.Benchmarks/Validation) and @medplum/core's validateResource
#   (bench/reference/medplum-bench.mjs, Node): the Patient, Claim, Contract and Group IG examples against their profiles
#   and a 100-entry transaction Bundle; plus our start-up (load definitions, compile all profiles).
# Usage: bench/run-validation.sh [--quick]     (--quick: shorter runs, for a smoke test)
# Results: bench/results/validation/summary.md (the table docs/performance.md quotes).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prepare.sh

out=bench/results/validation
rm -rf "$out" && mkdir -p "$out"
export OPENIMIS_VALIDATION_BUNDLE="$PWD/$out/transaction-bundle-100.json"
export OPENIMIS_VALIDATION_OUT="$PWD/$out"

seconds=10; warmup=2; job=()
if [ "${1:-}" = "--quick" ]; then seconds=2; warmup=1; job=(--job short); fi

echo "== Medplum (@medplum/core validateResource) =="
# Also writes the Bundle both sides validate.
node bench/reference/medplum-bench.mjs --seconds "$seconds" --warmup "$warmup" --json \
  --write-bundle "$OPENIMIS_VALIDATION_BUNDLE" > "$out/medplum.json"

echo "== our validator (BenchmarkDotNet) =="
dotnet run -c Release --project bench/OpenImis.Fhir.Benchmarks -- \
  --filter '*Validation*' --exporters json --artifacts "$out/bdn" "${job[@]}"

node bench/reference/compare-validation.mjs "$out" | tee "$out/summary.md"
