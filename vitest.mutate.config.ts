/**
 * The vitest configuration Stryker runs (npm run mutate): the fast, focused tests of the mutated modules
 * only, with fast-check capped at FAST_CHECK_RUNS runs per property (test/support/capped-fast-check.ts).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./test/support/capped-fast-check.ts', import.meta.url)) }],
  },
  test: {
    include: [
      'test/rules/**/*.test.ts', 'test/facts.test.ts', 'test/time.test.ts', 'test/time-edges.test.ts', 'test/schedule/**/*.test.ts',
      'test/properties/**/*.test.ts', 'test/guard/**/*.test.ts', 'test/docs.test.ts',
    ],
    env: { FAST_CHECK_RUNS: process.env.FAST_CHECK_RUNS ?? '30' },
    testTimeout: 60_000,
    // One module graph for all test files: a mutant run costs the tests, not 29 imports of the library.
    isolate: false,
  },
});
