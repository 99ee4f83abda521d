// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Reading host-local time would make a decision depend on the server's TZ setting.
const hostLocalTime = [
  'getHours', 'getMinutes', 'getSeconds', 'getDate', 'getDay', 'getMonth', 'getFullYear',
  'getTimezoneOffset', 'setHours', 'setMinutes', 'setSeconds', 'setDate', 'setMonth', 'setFullYear',
  'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString',
].map((property) => ({ property, message: 'Host-local time: use the zone helpers in src/time.ts.' }));

const nodeOnly = { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The core runs outside Node: no Node-only API outside src/cli/.' };
// The layers (docs/design.md): the core (src/*.ts, rules/, schema/, profiles/) is imported by audit/,
// program/, ledger/ and cli/, never the other way round. src/index.ts, the public facade, re-exports all.
const higherLayers = {
  group: ['**/cli/*', '**/audit/*', '**/program/*', '**/ledger/*', './cli/*', './audit/*', './program/*', './ledger/*'],
  message: 'The core must not import a higher layer (cli/, audit/, program/, ledger/): see docs/design.md.',
};

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'schemas/', 'docs/api/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-properties': ['error', ...hostLocalTime],
      'no-restricted-imports': ['error', { patterns: [nodeOnly] }],
      'no-restricted-globals': ['error', { name: 'process', message: 'The core runs outside Node.' }, { name: 'Buffer', message: 'The core runs outside Node.' }],
    },
  },
  {
    files: ['src/*.ts', 'src/rules/**/*.ts', 'src/schema/**/*.ts', 'src/profiles/**/*.ts'],
    ignores: ['src/index.ts', 'src/sidecar.ts'], // the public facades: the main entry and the `cuishou-guard/sidecar` subpath
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeOnly, higherLayers] }],
    },
  },
);
