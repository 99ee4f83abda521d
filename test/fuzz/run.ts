/**
 * npm run fuzz: every fuzz target of test/fuzz/targets.ts with many runs (docs/testing.md).
 *
 *   FUZZ_RUNS   runs per target (default 20000)
 *   FUZZ_SEED   the seed (default 45251, printed at start: a failure is replayed with the same seed)
 *   FUZZ_MAX_MS the time budget of one call (default 200)
 *   FUZZ_ONLY   a substring of the target names to run only those
 */
import fc from 'fast-check';
import { sidecarTarget } from './sidecar.js';
import { fuzzTargets } from './targets.js';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = Number(process.env.FUZZ_SEED ?? 45251);
const maxMs = Number(process.env.FUZZ_MAX_MS ?? 200);
const only = process.env.FUZZ_ONLY ?? '';

if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !(maxMs > 0)) {
  console.error('FUZZ_RUNS and FUZZ_SEED must be integers (runs ≥ 1), FUZZ_MAX_MS a positive number');
  process.exit(2);
}

console.log(`fuzz: ${runs} runs per target, seed ${seed}, time budget ${maxMs} ms per call (node ${process.version})`);
/**
 * What failed, and how to replay it. The counterexample itself is printed only when it is small: a
 * 20 000-level nesting would overflow fast-check's own pretty-printer.
 */
function report(details: fc.RunDetails<unknown>): string {
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  let example: string;
  try {
    example = fc.stringify(details.counterexample);
  } catch {
    example = '(too large or too deep to print)';
  }
  return [
    `  error: ${error.split('\n')[0]}`,
    `  counterexample: ${example.length > 2_000 ? `${example.slice(0, 2_000)}… (${example.length} characters)` : example}`,
    `  replay: FUZZ_SEED=${details.seed} (fast-check path "${details.counterexamplePath ?? ''}")`,
  ].join('\n');
}

const started = performance.now();
let failed = 0;
for (const target of fuzzTargets({ maxMs }).filter((t) => t.name.includes(only))) {
  const start = performance.now();
  // House rules are asynchronous (json-rules-engine): fc.check returns a promise for them.
  const details = await (fc.check as (p: unknown, o: fc.Parameters<unknown>) => fc.RunDetails<unknown> | Promise<fc.RunDetails<unknown>>)(target.property, { numRuns: runs, seed, endOnFailure: true });
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  const slowest = target.slowest().toFixed(1);
  if (details.failed) {
    failed += 1;
    console.log(`✗ ${target.name}: failed after ${details.numRuns} runs (${seconds} s)`);
    console.log(report(details as unknown as fc.RunDetails<unknown>));
  } else {
    console.log(`✓ ${target.name}: ${details.numRuns} runs in ${seconds} s, slowest call ${slowest} ms`);
  }
}
const http = sidecarTarget(maxMs);
if (http.name.includes(only)) {
  const start = performance.now();
  const { details, slowest } = await http.run(runs, seed);
  const seconds = ((performance.now() - start) / 1000).toFixed(1);
  if (details.failed) {
    failed += 1;
    console.log(`✗ ${http.name}: failed after ${details.numRuns} runs (${seconds} s)`);
    console.log(report(details));
  } else {
    console.log(`✓ ${http.name}: ${details.numRuns} runs in ${seconds} s, slowest request ${slowest.toFixed(1)} ms`);
  }
}
console.log(`fuzz: ${failed === 0 ? 'no failures' : `${failed} target(s) failed`} in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${seed})`);
process.exit(failed === 0 ? 0 : 1);
