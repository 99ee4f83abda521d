/**
 * `npm run validators`: writes src/validators/generated.ts, the fast validators of the input schemas
 * (see src/fast-validate.ts). Run after changing a schema; test/properties/fast-validate.test.ts fails
 * while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { VALIDATOR_SOURCES } from '../src/validators/sources.js';
import { generateValidators } from '../src/validators/codegen.js';
import { INPUT_BOUNDS } from '../src/validate.js';

const path = new URL('../src/validators/generated.ts', import.meta.url);
writeFileSync(path, generateValidators(VALIDATOR_SOURCES, INPUT_BOUNDS));
console.log('wrote src/validators/generated.ts');
