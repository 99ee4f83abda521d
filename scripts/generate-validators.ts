/**
 * `npm run validators`: writes src/core/validators/generated.ts, the fast validators of the input schemas
 * (see src/core/fast-validate.ts). Run after changing a schema; test/properties/fast-validate.test.ts fails
 * while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { VALIDATOR_SOURCES } from '../src/core/validators/sources.js';
import { generateValidators } from '../src/core/validators/codegen.js';
import { INPUT_BOUNDS } from '../src/core/validate.js';

const path = new URL('../src/core/validators/generated.ts', import.meta.url);
writeFileSync(path, generateValidators(VALIDATOR_SOURCES, INPUT_BOUNDS));
console.log('wrote src/core/validators/generated.ts');
