/**
 * Cold start (docs/benchmarks.md): the first `checkAction` in a fresh process, on the built package
 * (dist/index.js; `npm run bench` builds it first). Each run is a new `node` process that imports the
 * package, then times the first check and a second one; the figures are medians over the runs.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { builtIndex, fmt, machine, replaceSection } from './lib.js';
import { action, context } from '../support/fixtures.js';

const RUNS = Number(process.env.COLD_RUNS ?? 15);
const dist = builtIndex();

const script = `
const t0 = performance.now();
const { checkAction } = await import(${JSON.stringify(dist.href)});
const t1 = performance.now();
const input = ${JSON.stringify({ context: context(), action: action() })};
const first = checkAction(input.context, input.action);
const t2 = performance.now();
checkAction(input.context, input.action);
const t3 = performance.now();
if (first.outcome !== 'allow') throw new Error('expected allow');
console.log(JSON.stringify({ importMs: t1 - t0, firstMs: t2 - t1, secondMs: t3 - t2, processMs: t2 }));
`;

const samples: { importMs: number; firstMs: number; secondMs: number; processMs: number }[] = [];
for (let i = 0; i < RUNS; i += 1) {
  samples.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as (typeof samples)[number]);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const m = {
  importMs: median(samples.map((s) => s.importMs)),
  firstMs: median(samples.map((s) => s.firstMs)),
  secondMs: median(samples.map((s) => s.secondMs)),
  processMs: median(samples.map((s) => s.processMs)),
};
console.log(`cold start over ${RUNS} fresh processes (medians): import ${fmt(m.importMs)} ms, first checkAction ${fmt(m.firstMs)} ms, second ${fmt(m.secondMs * 1000)} µs; first check done ${fmt(m.processMs)} ms after the process started`);

if (process.argv.includes('--write')) {
  const path = new URL('../../docs/benchmarks.md', import.meta.url);
  const section = `## Cold start

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with \`npm run bench\` (\`tsx test/bench/cold.ts\`): ${RUNS} fresh
\`node\` processes each import the built package (dist/index.js) and time the first \`checkAction\` (no
history, an allowed call), then a second; medians over the processes.

| | median |
| --- | --- |
| \`import('cuishou-guard')\` | ${fmt(m.importMs)} ms |
| first \`checkAction\` (target ≤ 10 ms) | ${fmt(m.firstMs)} ms |
| second \`checkAction\` | ${fmt(m.secondMs * 1000)} µs |
| from process start to the first decision | ${fmt(m.processMs)} ms |
`;
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), 'cold', section));
  console.log('wrote docs/benchmarks.md (cold section)');
}
