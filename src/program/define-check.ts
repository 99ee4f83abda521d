import type { FactRecord, Message } from '../schema/decision.js';
import type { MessageTemplates } from '../core/template.js';
import { formatInstant, parseInstant } from '../core/time.js';
import { nationalProfile } from '../profiles/national.js';
import { monthsBefore } from './calendar.js';
import type { ProgramCitation } from './clauses.js';
import type { Severity, Subject, SubjectKind } from './result.js';
import type { AssessOptions, Institution } from './schema.js';

/** How often policies are reviewed and agencies inspected: the engine's interpretation (docs/guideline.md). */
export const REVIEW_INTERVAL_MONTHS = 12;

/** Everything a check needs besides the profile, derived once per assessment. */
export interface AssessmentContext {
  readonly atMs: number;
  readonly zone: string;
  readonly options: AssessOptions;
  /** `at` minus the national training interval (12 months): a training assessed since then is current. */
  readonly trainingDueSinceMs: number;
  /** `at` minus the national agency evaluation interval (12 months): an evaluation since then is current. */
  readonly evaluationDueSinceMs: number;
  /**
   * `at` minus REVIEW_INTERVAL_MONTHS: a policy reviewed, or an agency inspected, since then is current.
   * The engine's own interval, not a number of the standard (docs/guideline.md, interpretations).
   */
  readonly reviewDueSinceMs: number;
  /** ISO text of an instant in the assessment zone. */
  readonly format: (ms: number) => string;
  /**
   * The instant of a dated record if it had happened by `at`, else null. The assessment sees the
   * institution as it stood at `at`: a training dated after `at` had not taken place yet.
   */
  readonly happened: (instant: string | undefined) => number | null;
}

export function assessmentContext(options: AssessOptions): AssessmentContext {
  const atMs = parseInstant(options.at);
  const zone = options.timeZone;
  return {
    atMs,
    zone,
    options,
    trainingDueSinceMs: monthsBefore(atMs, nationalProfile.limits.trainingIntervalMonths, zone),
    evaluationDueSinceMs: monthsBefore(atMs, nationalProfile.limits.agencyEvaluationIntervalMonths, zone),
    reviewDueSinceMs: monthsBefore(atMs, REVIEW_INTERVAL_MONTHS, zone),
    format: (ms) => formatInstant(ms, zone),
    happened: (instant) => {
      if (instant === undefined) return null;
      const ms = parseInstant(instant);
      return ms <= atMs ? ms : null;
    },
  };
}

/** One problem a check found. */
export interface CheckResult {
  readonly severity: Severity;
  readonly code: string;
  readonly subject: Subject;
  readonly facts: FactRecord;
}

/** An institution-level check, in the manner of a rule module (src/core/define-rule.ts). */
export interface ProgramCheck {
  readonly id: string;
  readonly clause: ProgramCitation;
  /** One line on what the check verifies. */
  readonly description: Message;
  /** Message templates per finding code; `{name}` is replaced by the finding's fact of that name. */
  readonly messages: MessageTemplates;
  /** Whether the profile holds the data this check needs; when not, the check is "not assessed". */
  readonly assessable: (institution: Institution) => boolean;
  readonly run: (institution: Institution, ctx: AssessmentContext) => readonly CheckResult[];
}

export function defineCheck<const C extends ProgramCheck>(check: C): C {
  return check;
}

export function violation(code: string, subject: Subject, facts: FactRecord): CheckResult {
  return { severity: 'violation', code, subject, facts };
}

export function warning(code: string, subject: Subject, facts: FactRecord): CheckResult {
  return { severity: 'warning', code, subject, facts };
}

export function subject(kind: SubjectKind, id: string | null = null): Subject {
  return { kind, id };
}

export const INSTITUTION: Subject = Object.freeze({ kind: 'institution', id: null });

/** The latest of some instants, ignoring nulls; null when there is none. */
export function latest(...instants: readonly (number | null)[]): number | null {
  let out: number | null = null;
  for (const ms of instants) if (ms !== null && (out === null || ms > out)) out = ms;
  return out;
}
