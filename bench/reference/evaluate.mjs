// Evaluates every case of a workload with fhirpath.js and prints the typed
// results as JSON (reference side of the differential test).
//   node bench/reference/evaluate.mjs WORKLOAD_FILE [--resolve local|native] [--out FILE]
import { writeFileSync } from 'node:fs';
import { ENGINE, fhirpath, r4Model, loadWorkload, makeOptions, normaliseResult, parseArgs } from './common.mjs';

const args = parseArgs(process.argv.slice(2));
if (!args._[0]) {
  process.stderr.write('usage: node bench/reference/evaluate.mjs WORKLOAD_FILE [--resolve local|native] [--out FILE]\n');
  process.exit(2);
}
const { workload, texts } = loadWorkload(args._[0]);
const resolve = args.resolve ?? 'local';
const options = makeOptions({ resolve, typed: true });

const results = {};
let ok = 0, failed = 0;
for (const c of workload.cases) {
  try {
    if (!c.expression) throw new Error(c.note ?? 'no expression');
    // A fresh copy per case: fhirpath.js may annotate the objects it returns.
    const resource = JSON.parse(texts[c.resource]);
    const env = { resource, rootResource: resource };   // %context is set by fhirpath.js itself
    const value = fhirpath.evaluate(resource, c.expression, env, r4Model, options);
    if (value instanceof Promise) throw new Error('asynchronous evaluation (not supported here)');
    results[c.id] = { result: normaliseResult(value) };
    ok++;
  } catch (err) {
    results[c.id] = { error: String(err?.message ?? err).split('\n')[0] };
    failed++;
  }
}

const text = JSON.stringify({ engine: ENGINE, resolve, results }, null, 1) + '\n';
if (args.out) writeFileSync(args.out, text); else process.stdout.write(text);
process.stderr.write(`evaluate: ${workload.cases.length} cases, ${ok} evaluated, ${failed} errors\n`);
