// Puts our BenchmarkDotNet results beside the reference engine's, from one run of bench/run-fhirpath.sh.
//   node bench/reference/compare.mjs RESULTS_DIR
// Reads RESULTS_DIR/reference.json (bench.mjs --json), RESULTS_DIR/bdn/results/*.json (BenchmarkDotNet JSON export)
// and RESULTS_DIR/workload.json.<kind>.cases.json (how many cases our side timed); prints a Markdown table.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const dir = process.argv[2];
if (!dir) { process.stderr.write('usage: node bench/reference/compare.mjs RESULTS_DIR\n'); process.exit(2); }
const readJson = f => JSON.parse(readFileSync(f, 'utf8'));

const reference = readJson(path.join(dir, 'reference.json'));
const resultsDir = path.join(dir, 'bdn', 'results');
const benchmarks = readdirSync(resultsDir)
  .filter(f => f.endsWith('.json'))
  .flatMap(f => readJson(path.join(resultsDir, f)).Benchmarks);

function ours(method, parameter) {
  const b = benchmarks.find(x => x.Method === method && x.Parameters === parameter);
  if (!b) throw new Error(`no BenchmarkDotNet result for ${method} ${parameter}`);
  return { meanNs: b.Statistics.Mean, allocated: b.Memory?.BytesAllocatedPerOperation ?? null };
}

const fmt = n => Math.round(n).toLocaleString('en-US');
const rows = [];
for (const kind of ['search', 'invariant']) {
  const cases = readJson(path.join(dir, `workload.json.${kind}.cases.json`));
  const o = ours('EvaluateAllCases', `Kind=${kind}`);
  const oursPerSecond = cases.cases / (o.meanNs / 1e9);
  const ref = reference[kind];
  rows.push({
    workload: `${kind} expressions (all applicable)`,
    ourCases: `${cases.cases} (${cases.excluded} excluded)`,
    refCases: `${ref.cases} (${reference.excluded?.[kind]?.count ?? 0} excluded)`,
    ours: oursPerSecond, ref: ref.evalsPerSecond,
    bytes: o.allocated === null ? 'n/a' : (o.allocated / cases.cases).toFixed(0),
  });
}
const simple = ours('Evaluate', 'Case=name-given');
rows.push({
  workload: '`Patient.name.given` (simple path)',
  ourCases: '1', refCases: '1',
  ours: 1e9 / simple.meanNs, ref: reference.simplePath.evalsPerSecond,
  bytes: simple.allocated === null ? 'n/a' : String(simple.allocated),
});

const lines = [];
lines.push(`Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}; ${reference.engine} on Node ${reference.node}; one thread each.`);
lines.push('');
lines.push('| workload | cases ours | cases reference | ours (evals/s) | fhirpath.js (evals/s) | ratio | ours: bytes allocated per evaluation |');
lines.push('|---|---|---|---:|---:|---:|---:|');
for (const r of rows) {
  lines.push(`| ${r.workload} | ${r.ourCases} | ${r.refCases} | ${fmt(r.ours)} | ${fmt(r.ref)} | ${(r.ours / r.ref).toFixed(1)}x | ${r.bytes} |`);
}
const others = benchmarks.filter(b => b.Method === 'Evaluate' && b.Parameters !== 'Case=name-given');
if (others.length) {
  lines.push('');
  lines.push('Other simple expressions on patient-example (ours only; cases named in SimplePathBenchmarks.cs):');
  lines.push('');
  lines.push('| case | ns/evaluation | bytes/evaluation |');
  lines.push('|---|---:|---:|');
  for (const b of others) lines.push(`| \`${b.Parameters.replace('Case=', '')}\` | ${b.Statistics ? b.Statistics.Mean.toFixed(0) : 'failed'} | ${b.Memory?.BytesAllocatedPerOperation ?? 'n/a'} |`);
}
console.log(lines.join('\n'));
