// Shared helpers for the fhirpath.js reference scripts (evaluate.mjs, bench.mjs).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const fhirpath = require('fhirpath');
export const r4Model = require('fhirpath/fhir-context/r4');
// Internal classes, needed to build result nodes and to recognise value types.
const fpTypes = require('fhirpath/src/types.js');
export const { ResourceNode, FP_Type, FP_Quantity, FP_Decimal, FP_Date, FP_DateTime, FP_Time } = fpTypes;

export const ENGINE = `fhirpath.js ${fhirpath.version}`;

// Repository root: paths in the workload are relative to it.
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

// Reads a workload and the text of its resources (file paths are relative to the repo root).
export function loadWorkload(workloadFile) {
  const workload = readJson(workloadFile);
  const texts = workload.resources.map(r => readFileSync(path.resolve(REPO_ROOT, r.file), 'utf8'));
  return { workload, texts };
}

// ---------------------------------------------------------------------------
// resolve(): fhirpath.js 4.11 implements resolve() as an *asynchronous*
// function (it fetches from a FHIR server: needs options.async and
// options.fhirServerUrl; without them every case using resolve() throws).
// For search extraction and invariants we want a local, synchronous resolver,
// the same policy our C# engine uses:
//   1. "#id"            -> the contained resource with that id (of the resource holding the reference)
//   2. a Bundle entry    -> when %rootResource is a Bundle, the entry whose fullUrl matches,
//                           or whose resource matches Type/id
//   3. "[base/]Type/id[/_history/v]" with a known resource type -> a stub {resourceType: Type, id}
//                           (so `resolve() is Patient` works the way a search indexer needs)
//   4. anything else     -> nothing
// Input items that are not Reference/canonical/uri/string are ignored.
// ---------------------------------------------------------------------------
const resourceTypes = new Set(
  Object.entries(r4Model.type2Parent)
    .filter(([t]) => isResourceType(t))
    .map(([t]) => t));
function isResourceType(t) {
  let p = t;
  for (let i = 0; p && i < 10; i++) {
    if (p === 'Resource') return true;
    p = r4Model.type2Parent[p];
  }
  return false;
}
const refRegex = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

function parentResourceNode(node) {
  let n = node;
  while (n && !n.data?.resourceType) n = n.parentResNode;
  return n;
}

function localResolve(coll) {
  const ctx = this;
  const out = [];
  const root = ctx.vars?.rootResource ?? ctx.dataRoot?.[0];
  const rootData = root instanceof ResourceNode ? root.data : root;
  for (const item of coll || []) {
    const v = item instanceof ResourceNode ? item.data : item;
    let ref = null;
    if (typeof v === 'string') ref = v;                        // canonical / uri / string
    else if (v && typeof v === 'object' && typeof v.reference === 'string') ref = v.reference;
    if (v instanceof FP_Type || ref == null) continue;
    if (ref.startsWith('#')) {
      const holder = item instanceof ResourceNode ? parentResourceNode(item) : null;
      const res = holder?.data;
      const id = ref.substring(1);
      if (id === '' && res) { out.push(holder); continue; } // "#" refers to the container itself
      const idx = (res?.contained || []).findIndex(c => c.id === id);
      if (idx >= 0) {
        out.push(ResourceNode.makeResNode(ctx, res.contained[idx], holder,
          holder.path + '.contained', null, null, 'contained', idx));
      }
      continue;
    }
    const m = refRegex.exec(ref);
    if (rootData?.resourceType === 'Bundle') {
      const entry = (rootData.entry || []).find(e => e.resource && (e.fullUrl === ref ||
        (m && e.resource.resourceType === m[1] && e.resource.id === m[2])));
      if (entry) { out.push(ResourceNode.makeResNode(ctx, entry.resource, null, null, null, null)); continue; }
    }
    if (m && resourceTypes.has(m[1])) {
      out.push(ResourceNode.makeResNode(ctx, { resourceType: m[1], id: m[2] }, null, null, null, null));
    }
  }
  return out;
}

const noTrace = () => {};

// Options used by both evaluate.mjs and bench.mjs: synchronous evaluation,
// local resolve(), silent trace(). resolveInternalTypes=false keeps the typed
// result nodes so that fhirpath.types() can report their types.
export function makeOptions({ resolve = 'local', typed = true } = {}) {
  const options = { resolveInternalTypes: !typed, traceFn: noTrace };
  if (resolve === 'local') {
    options.userInvocationTable = { resolve: { fn: localResolve, internalStructures: true } };
  }
  return options;
}

// Parses a "--name value" / "--name=value" / "--flag" command line.
export function parseArgs(argv, flags = []) {
  const args = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.substring(2, eq) : a.substring(2);
      if (eq > 0) args[name] = a.substring(eq + 1);
      else if (flags.includes(name)) args[name] = true;
      else args[name] = argv[++i];
    } else args._.push(a);
  }
  return args;
}

// ---------------------------------------------------------------------------
// Result normalisation: [{type, value}] in FHIR JSON form.
// ---------------------------------------------------------------------------
const systemTypeNames = {
  Boolean: 'boolean', Integer: 'integer', Decimal: 'decimal', String: 'string',
  Date: 'date', DateTime: 'dateTime', Time: 'time', Quantity: 'Quantity', Long: 'long',
};

function normaliseType(t) {
  const dot = t.indexOf('.');
  const ns = t.substring(0, dot), name = t.substring(dot + 1);
  if (ns === 'FHIR') return name;
  return systemTypeNames[name] ?? name;
}

// UCUM units are kept by fhirpath.js in quotes ('mg'); calendar units are bare (days).
function quantityUnit(unit) {
  return /^'.*'$/.test(unit) ? unit.slice(1, -1) : unit;
}

function jsonValue(v) {
  if (v instanceof ResourceNode) v = v.data;
  if (v instanceof FP_Quantity) return { value: jsonValue(v.value), unit: quantityUnit(v.unit) };
  if (v instanceof FP_Decimal) return v.toNumber();
  if (v instanceof FP_Time) return String(v).replace(/^T/, '');
  if (v instanceof FP_Type) return v.toJSON();          // FP_Date / FP_DateTime: ISO string without '@'
  if (typeof v === 'bigint') return v.toString();
  return v;                                             // primitives and plain JSON objects
}

// Converts a result array (obtained with resolveInternalTypes=false) to [{type, value}].
export function normaliseResult(result) {
  const types = fhirpath.types(result);
  return result.map((v, i) => ({ type: normaliseType(types[i]), value: jsonValue(v) }));
}
