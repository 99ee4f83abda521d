/**
 * The output of `assessProgram`, as zod schemas (for JSON Schema generation and for tests) with the
 * TypeScript types inferred from them.
 */
import { z } from 'zod';
import { ClauseRef, FactValue, Message } from '../schema/decision.js';
import { PROGRAM_CLAUSES } from './clauses.js';

export const Severity = z.enum(['violation', 'warning']);
export type Severity = z.infer<typeof Severity>;

/** What a finding is about: the institution as a whole, or one of its records (by the institution's own id). */
export const SubjectKind = z.enum(['institution', 'policy', 'staff', 'agency', 'case', 'system', 'complaint', 'incident']);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const Subject = z.strictObject({ kind: SubjectKind, id: z.string().nullable() });
export type Subject = z.infer<typeof Subject>;

export const ProgramFinding = z.strictObject({
  check: z.string(),
  clause: ClauseRef,
  severity: Severity,
  code: z.string(),
  subject: Subject,
  message: Message,
  facts: z.record(z.string(), FactValue),
});
export type ProgramFinding = z.infer<typeof ProgramFinding>;

export const ProgramClauseId = z.enum(PROGRAM_CLAUSES);

export const ClauseStatus = z.enum(['compliant', 'findings', 'not-assessed']);
export type ClauseStatus = z.infer<typeof ClauseStatus>;

export const CheckStatus = z.enum(['passed', 'findings', 'not-assessed']);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const ClauseResult = z.strictObject({
  clause: ProgramClauseId,
  heading: Message,
  status: ClauseStatus,
  violations: z.number().int(),
  warnings: z.number().int(),
  /** Checks of this clause that the profile had no data for. */
  notAssessed: z.array(z.string()),
});
export type ClauseResult = z.infer<typeof ClauseResult>;

export const CheckResultSummary = z.strictObject({ id: z.string(), clause: ProgramClauseId, status: CheckStatus });
export type CheckResultSummary = z.infer<typeof CheckResultSummary>;

export const ProgramAssessment = z.strictObject({
  standard: z.string(),
  version: z.string(),
  /** The assessment instant as given; null when it was invalid. */
  at: z.string().nullable(),
  /** The zone of the calendar math; null when the options were invalid. */
  timeZone: z.string().nullable(),
  findings: z.array(ProgramFinding),
  clauses: z.array(ClauseResult),
  checks: z.array(CheckResultSummary),
  summary: z.strictObject({
    findings: z.number().int(),
    violations: z.number().int(),
    warnings: z.number().int(),
    clauses: z.strictObject({ compliant: z.number().int(), findings: z.number().int(), notAssessed: z.number().int() }),
  }),
});
export type ProgramAssessment = z.infer<typeof ProgramAssessment>;
