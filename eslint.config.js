// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Reading host-local time would make a decision depend on the server's TZ setting.
const hostLocalTime = [
  'getHours', 'getMinutes', 'getSeconds', 'getDate', 'getDay', 'getMonth', 'getFullYear',
  'getTimezoneOffset', 'setHours', 'setMinutes', 'setSeconds', 'setDate', 'setMonth', 'setFullYear',
  'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString',
].map((property) => ({ property, message: 'Host-local time: use the zone helpers in src/core/time.ts.' }));

const nodeOnly = { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The core runs outside Node: no Node-only API outside src/cli/.' };
// The layers of src/, lowest first (docs/design.md, "Layers"): a folder imports only from its own layer
// or a lower one. src/index.ts, the public facade, re-exports all; test/layout.test.ts checks that this
// list, the tree and docs/design.md agree, and every import of src/ against it.
export const layers = [
  ['core', 'schema', 'profiles'],
  ['rules'],
  ['schedule'],
  ['guard'],
  ['report-kit', 'audit', 'program', 'ledger'],
  ['cli'],
];
const higherThan = (level) => layers.slice(level + 1).flat();
const layerRules = layers.slice(0, -1).map((folders, level) => ({
  files: folders.map((folder) => `src/${folder}/**/*.ts`),
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [nodeOnly, {
        group: higherThan(level).flatMap((folder) => [`**/${folder}/*`, `./${folder}/*`]),
        message: `${folders.join('/, ')}/ must not import a higher layer (${higherThan(level).join('/, ')}/): see docs/design.md.`,
      }],
    }],
  },
}));

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
  ...layerRules,
);
