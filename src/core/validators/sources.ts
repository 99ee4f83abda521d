/** The schemas that get generated validators (src/core/validators/generated.ts): every input the library validates. */
import { AuditRecord } from '../../schema/audit-record.js';
import { Action } from '../../schema/action.js';
import { Context } from '../../schema/context.js';
import type { Source } from './codegen.js';

export const VALIDATOR_SOURCES: readonly Source[] = [
  { name: 'Context', from: '../../schema/context.js', schema: Context },
  { name: 'Action', from: '../../schema/action.js', schema: Action },
  { name: 'AuditRecord', from: '../../schema/audit-record.js', schema: AuditRecord },
];
