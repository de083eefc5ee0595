// Puts our validator's BenchmarkDotNet results beside Medplum's, from one run of bench/run-validation.sh.
//   node bench/reference/compare-validation.mjs RESULTS_DIR
// Reads RESULTS_DIR/medplum.json (medplum-bench.mjs --json), RESULTS_DIR/bdn/results/*.json (BenchmarkDotNet JSON
// export), and, when present, RESULTS_DIR/ours-issues.txt and RESULTS_DIR/cold-startup.txt (written by the C#
// benchmarks' setup); prints a Markdown table.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const dir = process.argv[2];
if (!dir) { process.stderr.write('usage: node bench/reference/compare-validation.mjs RESULTS_DIR\n'); process.exit(2); }
const readJson = f => JSON.parse(readFileSync(f, 'utf8'));

const medplum = readJson(path.join(dir, 'medplum.json'));
const resultsDir = path.join(dir, 'bdn', 'results');
const benchmarks = readdirSync(resultsDir)
  .filter(f => f.endsWith('.json'))
  .flatMap(f => readJson(path.join(resultsDir, f)).Benchmarks);

function ours(method, parameter) {
  const b = benchmarks.find(x => x.Method === method && (parameter === undefined || x.Parameters === parameter));
  if (!b?.Statistics) throw new Error(`no BenchmarkDotNet result for ${method} ${parameter ?? ''}`);
  return { meanNs: b.Statistics.Mean, stdDevNs: b.Statistics.StandardDeviation, allocated: b.Memory?.BytesAllocatedPerOperation ?? null };
}

// "case\tkey=value\t..." lines; the first line per case wins.
function readTab(file) {
  const map = new Map();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const [name, ...kv] = line.split('\t');
    if (!map.has(name)) map.set(name, Object.fromEntries(kv.map(p => p.split('='))));
  }
  return map;
}
const ourIssues = readTab(path.join(dir, 'ours-issues.txt'));
const cold = readTab(path.join(dir, 'cold-startup.txt'));

const fmt = n => Math.round(n).toLocaleString('en-US');
const shortProfile = p => p.replace(/^.*\/StructureDefinition\//, '');
const cases = ['patient', 'claim', 'contract', 'group', 'bundle'];
const labels = {
  patient: 'Patient `john-doe`', claim: 'Claim `Claim001`', contract: 'Contract `InformalSectorContract`',
  group: 'Group `doe-family`', bundle: 'transaction Bundle, 100 entries',
};

const lines = [];
lines.push(`Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}; ours on .NET (BenchmarkDotNet), ` +
  `${medplum.engine} on Node ${medplum.node}; one thread each.`);
lines.push('');
lines.push('| case | ours (validations/s) | ours (µs/validation) | ours: bytes allocated per validation | Medplum, same profile (validations/s) | ratio | Medplum, base definition only (validations/s) | ratio | errors ours / Medplum | notes |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
const ratios = {};
for (const c of cases) {
  const o = ours('Validate', `Case=${c}`);
  const ourRate = 1e9 / o.meanNs;
  const m = medplum.results[c];
  const notes = [];
  let profiled = null, base = null;
  if (c === 'bundle') {
    base = m.validationsPerSecond;
    notes.push('ours: each entry against its meta.profile; Medplum: each entry against the base definition of its type only (it ignores meta.profile in a Bundle)');
  } else if (m.base) {
    profiled = m.validationsPerSecond;
    base = m.base.validationsPerSecond;
    notes.push(`profile ${shortProfile(m.profile)}; Medplum re-parses it on every call (${fmt(m.profileParseUs)} µs of its ${fmt(m.usPerValidation)} µs)`);
  } else {
    base = m.validationsPerSecond;
    notes.push(m.note ? m.note.replace(/^Medplum cannot parse profile (\S+) \((.*)\); base definition used$/,
      (_, p, e) => `Medplum cannot load ${shortProfile(p)} (${e}): its figure is base-only; ours is against the profile`) : 'base definition');
  }
  ratios[c] = { profiled: profiled ? ourRate / profiled : null, base: ourRate / base };
  const ourErr = ourIssues.get(c)?.errors ?? '?';
  const mErr = m.errors;
  lines.push(`| ${labels[c]} | ${fmt(ourRate)} | ${(o.meanNs / 1000).toFixed(1)} | ${o.allocated === null ? 'n/a' : fmt(o.allocated)} | ` +
    `${profiled === null ? '—' : fmt(profiled)} | ${profiled === null ? '—' : `**${(ourRate / profiled).toFixed(0)}x**`} | ` +
    `${fmt(base)} | **${(ourRate / base).toFixed(1)}x** | ${ourErr} / ${mErr} | ${notes.join('; ')} |`);
}

lines.push('');
try {
  const s = ours('LoadDefinitionsAndCompileAllProfiles');
  lines.push(`Start-up, in-process (warm JIT; \`ValidationStartupBenchmarks\`, mean of 5): read the R4 definitions, terminology and IG, ` +
    `build the model and terminology service, compile every StructureDefinition (CompileAll): ` +
    `**${(s.meanNs / 1e6).toFixed(0)} ms** (±${(s.stdDevNs / 1e6).toFixed(0)} ms), ${fmt(s.allocated / 1048576)} MB allocated.`);
} catch (e) { lines.push(`Start-up: ${e.message}`); }
if (cold.size) {
  const totals = [...cold.values()].map(v => Number(v.total_ms));
  const first = [...cold.values()][0];
  lines.push(`Start-up, cold (first \`ForR4AndIg\` + \`CompileAll\` in each fresh benchmark process, JIT included; ${cold.size} processes): ` +
    `${Math.min(...totals)}–${Math.max(...totals)} ms (e.g. build ${first.build_ms} ms + CompileAll ${first.compile_all_ms} ms, ${first.compiled} StructureDefinitions).`);
}
console.log(lines.join('\n'));
