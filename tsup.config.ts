import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  // `cuishou-guard/sidecar`: createSidecar for a Node host. Node only, ESM and CJS.
  {
    entry: { sidecar: 'src/cli/sidecar/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
  },
  // `cuishou-guard/ledger`: Node only (database clients, loaded lazily and left external as optional peers).
  // The core is imported as the package itself, so that an application holds one copy of it.
  {
    entry: { ledger: 'src/ledger/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    external: ['pg', 'redis'],
    esbuildPlugins: [
      {
        name: 'core-as-package',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/index\.js$/ }, () => ({ path: 'cuishou-guard', external: true }));
        },
      },
    ],
  },
  // The `cuishou-guard` executable: Node only, ESM only, the library bundled in.
  {
    // The audit's worker threads run audit-worker.js, beside cli.js (src/cli/parallel-audit.ts).
    entry: { cli: 'src/cli/main.ts', 'audit-worker': 'src/cli/audit-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
