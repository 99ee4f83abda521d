/**
 * A small subset of npm run fuzz, so that npm test keeps the guarantees: a few hundred runs per target,
 * a fixed seed, and a looser time budget than the fuzz script's (test runners share a busy CPU).
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fuzzTargets } from './targets.js';

describe('fuzz (subset of npm run fuzz)', () => {
  it.each(fuzzTargets({ maxMs: 1_000 }).map((t) => [t.name, t] as const))('%s: never throws, never allows invalid input, never hangs', async (_name, target) => {
    await (fc.assert as (p: unknown, o: fc.Parameters<unknown>) => void | Promise<void>)(target.property, { numRuns: 200, seed: 45251 });
  }, 120_000);
});
