/**
 * fast-check with `assert` capped at FAST_CHECK_RUNS runs, for mutation testing only: vitest.mutate.config.ts
 * aliases `fast-check` to this module so that Stryker runs every property test with few runs. `npm test`
 * never loads it, and the property tests keep their own run counts there.
 */
import * as real from '../../node_modules/fast-check/lib/fast-check.js';

export * from '../../node_modules/fast-check/lib/fast-check.js';

const cap = Number(process.env.FAST_CHECK_RUNS ?? '');

/**
 * `fc.assert` with `numRuns` lowered to the cap (a property's own lower count stands). A property with a
 * fixed `seed` is a deterministic sample (e.g. "the generated space is not vacuous") and keeps its count.
 */
export const assert: typeof real.assert = ((property: Parameters<typeof real.assert>[0], params: Parameters<typeof real.assert>[1] = {}) =>
  real.assert(property, Number.isInteger(cap) && cap > 0 && params.seed === undefined ? { ...params, numRuns: Math.min(params.numRuns ?? 100, cap) } : params)) as typeof real.assert;

export default { ...real.default, assert };
