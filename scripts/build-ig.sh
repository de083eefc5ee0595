#!/usr/bin/env bash
# Compiles the openIMIS IG (FHIR Shorthand in fsh/) with SUSHI, offline, and writes the resources into OUT_DIR.
#   scripts/build-ig.sh [OUT_DIR]        (default OUT_DIR: ig-profiles/ of the repository)
# - Installs the pinned npm packages (scripts/prepare.sh) and the offline FHIR package cache
#   (scripts/fhir-package-cache.mjs) when missing.
# - Runs SUSHI 3.21.0 with --snapshot on a temporary copy of fsh/, so fsh/fsh-generated/ is left alone and two
#   builds can run at the same time.
# - Fails (exit 1, SUSHI's error lines on stderr) when SUSHI reports any error.
# - Replaces OUT_DIR's content with one <Type>-<id>.json per generated resource, as SUSHI names it, re-serialised
#   with 2-space indentation and a final newline. Publisher and contact from fsh/sushi-config.yaml are filled into
#   every StructureDefinition, CodeSystem and ValueSet that does not set them itself: SUSHI drops them in FSHOnly mode.
# The output depends only on fsh/ and the pinned packages: building twice gives the same bytes (the rebuild check in
# tests/OpenImis.Fhir.Engine.Tests/ImplementationGuide relies on it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

out=${1:-ig-profiles}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# OUT_DIR is emptied below: refuse a folder that holds anything but generated *.json files.
if find "$out" -mindepth 1 \( -not -type f -o -not -name '*.json' \) -print -quit | grep -q .; then
  echo "build-ig: $out holds something other than *.json files; refusing to replace its content." >&2
  exit 2
fi

./scripts/prepare.sh
node scripts/fhir-package-cache.mjs

work=$(mktemp -d "${TMPDIR:-/tmp}/openimis-ig-build.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/fsh"
cp fsh/sushi-config.yaml "$work/fsh/"
cp -R fsh/input "$work/fsh/input"

# HOME points SUSHI at the offline package cache (and keeps the user's ~/.fhir out of it).
status=0
HOME="$root/.local/fhir-home" node node_modules/fsh-sushi/dist/app.js build "$work/fsh" --snapshot \
  >"$work/sushi.log" 2>&1 || status=$?

errors=$(sed -nE 's/.* ([0-9]+) Errors? .*/\1/p' "$work/sushi.log" | tail -n 1)
if [ "$status" -ne 0 ] || [ "${errors:-x}" != 0 ]; then
  echo "build-ig: SUSHI failed (exit $status, ${errors:-unknown number of} errors):" >&2
  # Each error line with its indented File:/Line: lines.
  awk '/^error / {show=1; print; next} /^  / && show {print; next} {show=0}' "$work/sushi.log" \
    | sed "s#$work/fsh/#fsh/#g" >&2
  if [ -z "$errors" ] || [ "$errors" = 0 ]; then cat "$work/sushi.log" >&2; fi
  exit 1
fi

node --input-type=module - "$work/fsh/fsh-generated/resources" "$work/out" "$root/fsh/sushi-config.yaml" <<'EOF'
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [resources, out, configFile] = process.argv.slice(2);
// SUSHI's own reading of sushi-config.yaml: publisher.name becomes publisher, publisher.name/url/email the first contact.
const require = createRequire(path.join(process.cwd(), 'package.json'));
const { sushiImport, utils } = require('fsh-sushi');
utils.logger.level = 'error'; // not again the FSHOnly warning about unused properties SUSHI itself printed
const config = sushiImport.importConfiguration(readFileSync(configFile, 'utf8'), configFile);

mkdirSync(out);
const files = existsSync(resources) ? readdirSync(resources).filter(f => f.endsWith('.json')).sort() : [];
for (const file of files) {
  let resource = JSON.parse(readFileSync(path.join(resources, file), 'utf8'));
  if (['StructureDefinition', 'CodeSystem', 'ValueSet'].includes(resource.resourceType)) {
    resource = withMetadata(resource, { publisher: config.publisher, contact: config.contact });
  }
  writeFileSync(path.join(out, file), JSON.stringify(resource, null, 2) + '\n');
}
console.error(`build-ig: ${files.length} resources`);

// Adds the missing metadata after status (FHIR's element order: status, experimental, date, publisher, contact).
function withMetadata(resource, metadata) {
  const missing = Object.entries(metadata).filter(([key, value]) => value !== undefined && !(key in resource));
  if (missing.length === 0) return resource;
  const result = {};
  for (const [key, value] of Object.entries(resource)) {
    result[key] = value;
    if (key === 'status') Object.assign(result, Object.fromEntries(missing));
  }
  return 'status' in resource ? result : Object.assign(result, Object.fromEntries(missing));
}
EOF

# Replace OUT_DIR's content only once everything above has succeeded.
find "$out" -mindepth 1 -maxdepth 1 -type f -name '*.json' -delete
if [ -n "$(ls -A "$work/out")" ]; then cp "$work/out"/*.json "$out/"; fi
echo "build-ig: wrote $(find "$out" -maxdepth 1 -name '*.json' | wc -l) resources to $out" >&2
