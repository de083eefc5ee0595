// Throughput of fhirpath.js on the shared workload (reference side of the benchmarks).
//   node bench/reference/bench.mjs WORKLOAD_FILE [--kind search|invariant|all] [--seconds N]
//                                  [--warmup N] [--json] [--resolve local|native]
// Expressions are compiled once (fhirpath.compile), resources JSON-parsed once;
// then all cases of a kind are evaluated in a loop: ~2 s warm-up, N s measured.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ENGINE, fhirpath, r4Model, loadWorkload, makeOptions, parseArgs } from './common.mjs';

const args = parseArgs(process.argv.slice(2), ['json']);
if (!args._[0]) {
  process.stderr.write('usage: node bench/reference/bench.mjs WORKLOAD_FILE [--kind search|invariant|all] [--seconds N] [--warmup N] [--json]\n');
  process.exit(2);
}
const kind = args.kind ?? 'all';
if (!['search', 'invariant', 'all'].includes(kind)) throw new Error(`bad --kind ${kind}`);
const seconds = Number(args.seconds ?? 10);
const warmup = Number(args.warmup ?? 2);
// Typed results (no conversion to plain JS): the same information our engine returns.
const options = makeOptions({ resolve: args.resolve ?? 'local', typed: true });

const { workload, texts } = loadWorkload(args._[0]);
const resources = texts.map(t => JSON.parse(t));
const envs = resources.map(r => ({ resource: r, rootResource: r }));

// Compiles the cases of one kind; cases that fail to compile, throw, or go
// asynchronous on a first run are excluded from timing.
function prepare(cases) {
  const runs = [], excluded = [];
  for (const c of cases) {
    try {
      if (!c.expression) throw new Error(c.note ?? 'no expression');
      const fn = fhirpath.compile(c.expression, r4Model, options);
      const res = fn(resources[c.resource], envs[c.resource]);
      if (res instanceof Promise) { res.catch(() => {}); throw new Error('asynchronous evaluation'); }
      runs.push({ fn, resource: resources[c.resource], env: envs[c.resource] });
    } catch (err) {
      excluded.push({ id: c.id, error: String(err?.message ?? err).split('\n')[0].slice(0, 200) });
    }
  }
  return { runs, excluded };
}

// Evaluates all runs repeatedly for `secs` seconds; returns evaluations/second.
function measure(runs, secs) {
  let evals = 0, sink = 0;
  const start = performance.now(), end = start + secs * 1000;
  let now = start;
  do {
    for (let i = 0; i < runs.length; i++) {
      const r = runs[i];
      sink += r.fn(r.resource, r.env).length;
    }
    evals += runs.length;
    now = performance.now();
  } while (now < end);
  if (sink < 0) console.log(sink);   // keep results alive
  return { evals, elapsed: (now - start) / 1000 };
}

function bench(name, cases) {
  const { runs, excluded } = prepare(cases);
  if (runs.length === 0) return { cases: 0, excluded: excluded.length, evalsPerSecond: 0 };
  measure(runs, warmup);
  const { evals, elapsed } = measure(runs, seconds);
  const out = {
    cases: runs.length,
    evaluations: evals,
    seconds: Number(elapsed.toFixed(3)),
    evalsPerSecond: Math.round(evals / elapsed),
    usPerEval: Number((elapsed * 1e6 / evals).toFixed(3)),
  };
  if (!args.json) process.stderr.write(`${name}: ${runs.length} cases, ${out.evalsPerSecond} evals/s (${out.usPerEval} us/eval), ${excluded.length} excluded\n`);
  return { ...out, excludedCases: excluded };
}

const report = { engine: ENGINE, node: process.version, warmupSeconds: warmup, measureSeconds: seconds };
const excluded = {};
for (const k of ['search', 'invariant']) {
  if (kind !== 'all' && kind !== k) continue;
  const { excludedCases, ...r } = bench(k, workload.cases.filter(c => c.kind === k));
  report[k] = r;
  excluded[k] = { count: excludedCases.length, cases: excludedCases };
}
// The "simple path" figure: Patient.name.given on patient-example.json.
let pi = workload.resources.findIndex(r => path.basename(r.file) === 'patient-example.json');
if (pi < 0) pi = workload.resources.findIndex(r => r.resourceType === 'Patient');
if (pi >= 0) {
  const { excludedCases, ...r } = bench('simplePath', [{ id: 'simplePath', resource: pi, expression: 'Patient.name.given' }]);
  report.simplePath = { expression: 'Patient.name.given', resource: workload.resources[pi].file, ...r };
  if (excludedCases.length) excluded.simplePath = { count: excludedCases.length, cases: excludedCases };
}
report.excluded = excluded;

if (args.json) process.stdout.write(JSON.stringify(report) + '\n');
else for (const [k, v] of Object.entries(excluded))
  for (const e of v.cases) process.stderr.write(`  excluded (${k}) ${e.id}: ${e.error}\n`);
