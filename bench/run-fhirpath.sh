#!/usr/bin/env bash
# FHIRPath speed, both engines on the identical workload in one run:
#   our engine (BenchmarkDotNet, bench/OpenImis.Fhir.Benchmarks) and the HL7 reference engine fhirpath.js 4.11.0 (Node).
# Usage: bench/run-fhirpath.sh [--quick]     (--quick: shorter runs, for a smoke test)
# Results: bench/results/fhirpath/summary.md (the table docs/performance.md quotes).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/prepare.sh

out=bench/results/fhirpath
rm -rf "$out" && mkdir -p "$out"
node bench/reference/workload.mjs --out "$out/workload.json"
export OPENIMIS_FHIRPATH_WORKLOAD="$PWD/$out/workload.json"

seconds=10; job=()
if [ "${1:-}" = "--quick" ]; then seconds=3; job=(--job short); fi

echo "== reference engine (fhirpath.js) =="
node bench/reference/bench.mjs "$out/workload.json" --seconds "$seconds" --json > "$out/reference.json"

echo "== our engine (BenchmarkDotNet) =="
dotnet run -c Release --project bench/OpenImis.Fhir.Benchmarks -- \
  --filter '*FhirPathEvaluationBenchmarks*' '*SimplePathBenchmarks*' \
  --exporters json --artifacts "$out/bdn" "${job[@]}"

node bench/reference/compare.mjs "$out" | tee "$out/summary.md"
