// Medplum's validator (@medplum/core validateResource) on our IG examples and invalid cases.
//   node bench/reference/medplum-validate.mjs [--ig ig-profiles]
//        [--invalid tests/OpenImis.Fhir.Engine.Tests/ImplementationGuide/Invalid] [--out FILE]
// Output (stdout or FILE): {engine, examples: {file: [issue]}, invalid: {manifest file: [issue]}, modes}
// issue = {severity, code, expression, message}. Summary on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE, REPO_ROOT, readJson, parseArgs, loadBaseDefinitions, loadIg, listExamples, validate } from './medplum-common.mjs';

const args = parseArgs(process.argv.slice(2));
const igDir = args.ig ?? 'ig-profiles';
const invalidDir = path.resolve(REPO_ROOT, args.invalid ?? 'tests/OpenImis.Fhir.Engine.Tests/ImplementationGuide/Invalid');

loadBaseDefinitions();
const { profiles, failed } = loadIg(igDir);

// Validates text against a canonical. The profile is passed (as its StructureDefinition) only when
// it is known and constrains the resource's type; otherwise the base definition of the resourceType
// is used (mode "base": e.g. a Bundle carrying the profiled resource, an unknown canonical).
// validateResource ignores meta.profile and validates Bundle entries / contained resources
// against their base definitions only. Text that is not JSON gets one issue with source "JSON.parse".
function run(text, canonical) {
  let resource;
  try { resource = JSON.parse(text); } catch (err) {
    return { mode: 'parse', issues: [{ severity: 'error', code: 'structure', expression: null, message: err.message, source: 'JSON.parse' }] };
  }
  const sd = profiles.get(canonical);
  const useProfile = sd && sd.type === resource?.resourceType;
  return { mode: useProfile ? 'profile' : 'base', issues: validate(resource, useProfile ? sd : undefined) };
}

const report = { engine: ENGINE, examples: {}, invalid: {}, modes: {}, profilesNotLoaded: failed };
const isError = i => i.severity === 'error' || i.severity === 'fatal';

// 1. IG examples, each against the first profile in its meta.profile.
// Errors Medplum reports on the (valid) examples of a profile are its false positives; an invalid
// case of that profile counts as "specific" when it has an error outside that baseline.
let examplesWithErrors = 0;
const examples = listExamples(igDir);
const signature = i => `${i.code}|${i.expression}|${i.message}`;
const baseline = new Map();   // canonical -> Set of error signatures on its examples
for (const { file, text } of examples) {
  let canonical;
  try { canonical = JSON.parse(text).meta?.profile?.[0]; } catch { /* reported by run() */ }
  const { mode, issues } = run(text, canonical);
  report.examples[file] = issues;
  report.modes[`examples/${file}`] = mode;
  if (issues.some(isError)) examplesWithErrors++;
  if (canonical && mode === 'profile') {
    const set = baseline.get(canonical) ?? new Set();
    for (const i of issues.filter(isError)) set.add(signature(i));
    baseline.set(canonical, set);
  }
}

// 2. Invalid cases, each against its manifest profile.
const manifest = readJson(path.join(invalidDir, 'manifest.json'));
// detected = at least one error issue in an OperationOutcome; exception = validateResource threw
// something else (e.g. a profile Medplum cannot parse); missed = neither.
const byCheck = {};
const totals = { detected: 0, exception: 0, missed: 0, specific: 0, noBaseline: 0, atLocation: 0 };
for (const c of manifest) {
  const { mode, issues } = run(readFileSync(path.join(invalidDir, c.file), 'utf8'), c.profile);
  report.invalid[c.file] = issues;
  report.modes[`invalid/${c.file}`] = mode;
  const errors = issues.filter(isError);
  const k = (byCheck[c.check] ??= { cases: 0, detected: 0, exception: 0, missed: 0, specific: 0, missedFiles: [] });
  k.cases++;
  const outcome = errors.some(i => i.thrown) ? 'exception' : errors.length ? 'detected' : 'missed';
  k[outcome]++; totals[outcome]++;
  if (outcome === 'missed') k.missedFiles.push(c.file);
  if (outcome === 'detected') {
    const base = mode === 'profile' ? baseline.get(c.profile) : undefined;
    if (!base) totals.noBaseline++;
    if (errors.some(i => !base?.has(signature(i)))) { k.specific++; totals.specific++; }
    if (c.expected.some(e => errors.some(i => i.expression === e.location))) totals.atLocation++;
  }
}
report.summary = { totals, byCheck };

const json = JSON.stringify(report, null, 2) + '\n';
if (args.out) writeFileSync(args.out, json); else process.stdout.write(json);

const log = s => process.stderr.write(s + '\n');
log(`${ENGINE}, node ${process.version}`);
log(`IG StructureDefinitions Medplum cannot parse: ${failed.length}`);
for (const f of failed) log(`  ${f.url.split('/').pop()}: ${f.error}`);
log(`examples: ${examples.length}, with errors (Medplum's view of our valid examples): ${examplesWithErrors}`);
for (const [f, issues] of Object.entries(report.examples)) {
  const errs = issues.filter(isError);
  if (errs.length) log(`  ${f}: ${errs.map(i => `${i.code} @${i.expression}: ${i.message}`).join(' | ')}`);
}
log(`invalid: ${manifest.length} cases: detected ${totals.detected}, exception ${totals.exception}, missed ${totals.missed}` +
  ` (specific: ${totals.specific} detected with an error not also reported on the profile's examples,` +
  ` ${totals.noBaseline} of them without examples to compare; ${totals.atLocation} with an error at an expected location)`);
log(`  ${'check'.padEnd(16)} detected exception missed specific (cases)`);
for (const [check, k] of Object.entries(byCheck).sort())
  log(`  ${check.padEnd(16)} ${String(k.detected).padStart(8)} ${String(k.exception).padStart(9)} ${String(k.missed).padStart(6)} ${String(k.specific).padStart(8)} (${k.cases})`);
