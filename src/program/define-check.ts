import { messageProblems, RuleDefinitionError, type Evidence, type FactsArg } from '../core/define-rule.js';
import type { Problem } from '../core/problems.js';
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
export interface CheckResult<C extends string = string> {
  readonly severity: Severity;
  readonly code: C;
  readonly subject: Subject;
  readonly facts: FactRecord;
}

/**
 * The third argument of a check's `run`, bound to its messages as a rule's `report` is
 * (src/rules/define-rule.ts): only declared codes, with a fact for every placeholder.
 */
export interface CheckReport<M extends MessageTemplates> {
  violation<C extends keyof M & string>(code: C, subject: Subject, ...facts: FactsArg<M, C>): CheckResult<C>;
  warning<C extends keyof M & string>(code: C, subject: Subject, ...facts: FactsArg<M, C>): CheckResult<C>;
}

/** What a check declares about itself, with the rules' field names (id, clause, description, messages, evidence). */
export interface CheckMeta<M extends MessageTemplates = MessageTemplates> {
  readonly id: string;
  readonly clause: ProgramCitation;
  /** One line on what the check verifies (no placeholders). */
  readonly description: Message;
  /** Message templates per finding code; `{name}` is replaced by the finding's fact of that name. */
  readonly messages: M;
  /** How sure we are of the requirement (docs/guideline.md's confidence of the clause), and the check's interpretation. */
  readonly evidence: Evidence;
}

/** A program check as its author writes it: the meta, `assessable`, and `run` with its typed `report`. */
export interface CheckModule<M extends MessageTemplates> extends CheckMeta<M> {
  /** Whether the profile holds the data this check needs; when not, the check is "not assessed". */
  readonly assessable: (institution: Institution) => boolean;
  /** What the check finds; every finding is built by `report`, which types its code and facts. */
  readonly run: (institution: Institution, ctx: AssessmentContext, report: CheckReport<M>) => readonly CheckResult[];
}

/** An institution-level check, in the manner of a rule module (src/rules/define-rule.ts), as assessProgram runs it. */
export interface ProgramCheck extends CheckMeta {
  /** Whether the profile holds the data this check needs; when not, the check is "not assessed". */
  readonly assessable: (institution: Institution) => boolean;
  readonly run: (institution: Institution, ctx: AssessmentContext) => readonly CheckResult[];
}

const REPORT = {
  violation: (code: string, subject: Subject, facts?: FactRecord): CheckResult => ({ severity: 'violation', code, subject, facts: facts ?? {} }),
  warning: (code: string, subject: Subject, facts?: FactRecord): CheckResult => ({ severity: 'warning', code, subject, facts: facts ?? {} }),
};

/** The problems of a check's declaration: its templates (as a rule's) and its evidence. */
export function checkProblems(check: CheckMeta): Problem[] {
  const problems = messageProblems(check.messages, check.description);
  if (check.evidence === undefined || check.evidence.confidence.length === 0) problems.push({ path: 'evidence', message: 'names no confidence level (seed, press or interp)' });
  else if (check.evidence.interpretation.trim() === '') problems.push({ path: 'evidence.interpretation', message: 'is empty' });
  return problems;
}

/**
 * Gives a check module its type and checks its declaration at load (a RuleDefinitionError naming the
 * check otherwise); `run`'s `report` only accepts the declared codes with their placeholders' facts.
 */
export function defineCheck<const M extends MessageTemplates>(module: CheckModule<M>): ProgramCheck {
  const problems = checkProblems(module);
  if (problems.length > 0) throw new RuleDefinitionError(module.id, problems);
  const report = REPORT as unknown as CheckReport<M>;
  const { run, ...meta } = module;
  return { ...meta, run: (institution: Institution, ctx: AssessmentContext) => run(institution, ctx, report) };
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
