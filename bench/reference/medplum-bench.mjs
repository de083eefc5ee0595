// Throughput of Medplum's validator (@medplum/core validateResource) on our benchmark resources.
//   node bench/reference/medplum-bench.mjs [--ig ig-profiles] [--seconds N] [--warmup N] [--json]
//                                          [--write-bundle FILE]
// Resources are JSON-parsed once; each validation is one validateResource(resource, {profile})
// call (Medplum re-parses the profile StructureDefinition on every call: that is its API).
// A validation that reports errors throws an OperationOutcomeError; it is caught and still counted.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseStructureDefinition } from '@medplum/core';
import { ENGINE, REPO_ROOT, readJson, parseArgs, loadBaseDefinitions, loadIg, validate, validateResource,
  BENCH_EXAMPLES, makeTransactionBundle } from './medplum-common.mjs';

const args = parseArgs(process.argv.slice(2), ['json']);
const igDir = args.ig ?? 'ig-profiles';
const seconds = Number(args.seconds ?? 10);
const warmup = Number(args.warmup ?? 2);

loadBaseDefinitions();
const { profiles, failed } = loadIg(igDir);
const unparseable = new Set(failed.map(f => f.url));

const templates = Object.fromEntries(Object.entries(BENCH_EXAMPLES)
  .map(([k, f]) => [k, readJson(path.resolve(REPO_ROOT, igDir, f))]));
const bundle = makeTransactionBundle(templates);
if (args['write-bundle']) writeFileSync(args['write-bundle'], JSON.stringify(bundle, null, 2) + '\n');

// Validates repeatedly for `secs` seconds; errors (thrown OperationOutcomes) are part of the cost.
function measure(resource, options, secs, fn = validateResource) {
  let n = 0;
  const start = performance.now(), end = start + secs * 1000;
  let now = start;
  do {
    for (let i = 0; i < 10; i++) {
      try { fn(resource, options); } catch { /* OperationOutcomeError: errors found */ }
    }
    n += 10;
    now = performance.now();
  } while (now < end);
  return { n, elapsed: (now - start) / 1000 };
}

function rate(resource, options, fn) {
  measure(resource, options, warmup, fn);
  const { n, elapsed } = measure(resource, options, seconds, fn);
  return { validations: n, seconds: Number(elapsed.toFixed(3)),
    validationsPerSecond: Math.round(n / elapsed), usPerValidation: Number((elapsed * 1e6 / n).toFixed(3)) };
}

function bench(name, resource, canonical) {
  // The profile in meta.profile, unless Medplum cannot parse it (then the base definition, with a note).
  let note;
  let sd = canonical ? profiles.get(canonical) : undefined;
  if (canonical && !sd) note = `profile ${canonical} not found; base definition used`;
  if (sd && unparseable.has(canonical)) {
    note = `Medplum cannot parse profile ${canonical} (${failed.find(f => f.url === canonical).error}); base definition used`;
    sd = undefined;
  }
  const options = sd ? { profile: sd } : undefined;
  const issues = validate(resource, sd);
  const out = {
    profile: sd ? canonical : `http://hl7.org/fhir/StructureDefinition/${resource.resourceType}`,
    ...rate(resource, options),
    errors: issues.filter(i => i.severity === 'error').length,
    warnings: issues.filter(i => i.severity === 'warning').length,
    ...(note ? { note } : {}),
  };
  if (sd) {
    // Same resource against its base definition only, and the cost of parsing the profile alone
    // (parseStructureDefinition, which validateResource does on every call with a profile).
    const baseIssues = validate(resource, undefined);
    out.base = { ...rate(resource, undefined), errors: baseIssues.filter(i => i.severity === 'error').length };
    out.profileParseUs = rate(sd, undefined, parseStructureDefinition).usPerValidation;
  }
  if (!args.json) process.stderr.write(`${name}: ${out.validationsPerSecond} validations/s (${out.usPerValidation} us), ` +
    `${out.errors} errors, ${out.warnings} warnings against ${out.profile}${note ? ` [${note}]` : ''}` +
    (out.base ? `; base definition only: ${out.base.validationsPerSecond}/s (${out.base.usPerValidation} us); profile parse ${out.profileParseUs} us` : '') + '\n');
  return out;
}

const report = { engine: ENGINE, node: process.version, warmupSeconds: warmup, measureSeconds: seconds, results: {} };
for (const [k, r] of Object.entries(templates)) report.results[k] = bench(k, r, r.meta?.profile?.[0]);
// validateResource recurses into Bundle.entry.resource, validating each entry against the base
// definition of its resourceType only (meta.profile is ignored).
report.results.bundle = { entries: bundle.entry.length, ...bench('bundle', bundle, undefined) };

if (args.json) process.stdout.write(JSON.stringify(report) + '\n');
