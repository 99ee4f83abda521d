import { STANDARD, clauses } from './clauses.js';
import { summarizeProblems, type Problem } from './problems.js';
import type { Rule, RuleResult } from './define-rule.js';
import type { Decision, FactValue, Finding } from '../schema/decision.js';
import { renderTemplate } from './template.js';
import { VERSION } from './version.js';

export type { Decision, Finding, Obligation, Message, FactRecord, FactValue } from '../schema/decision.js';

export function findingOf(rule: Rule, result: RuleResult, enFirst = false): Finding {
  return { rule: rule.id, clause: result.clause ?? rule.clause, code: result.code, message: rule.render(result.code, result.facts, enFirst), facts: result.facts as Record<string, FactValue> };
}

export interface RulesetInfo {
  readonly profile: string;
}

export function ruleset(info: RulesetInfo): Decision['ruleset'] {
  return { standard: STANDARD, version: VERSION, profile: info.profile };
}

/** The rule id and code of the finding that denies input that cannot be verified. */
export const INVALID_INPUT = 'invalid-input';
/** The code of the finding that denies when a rule, the facts or the house rules failed (fail closed). */
export const INTERNAL_ERROR = 'internal-error';

/** A problem with the input of a check: where, and what in English and Chinese. */
export type InputProblem = Problem & { readonly zh: string };

/** The one finding of a deny for invalid input, with its problems typed. */
export type InvalidInputFinding = Omit<Finding, 'rule' | 'code' | 'facts'> & {
  readonly rule: typeof INVALID_INPUT;
  readonly code: typeof INVALID_INPUT;
  readonly facts: { readonly issues: InputProblem[] };
};

/** A deny for invalid input: one violation, `invalid-input`, listing each problem. */
export type InvalidInputDecision = Omit<Decision, 'violations'> & { violations: [InvalidInputFinding] };

/** Whether a decision is the deny for invalid input; then `decision.violations[0].facts.issues` is typed. */
export function isInvalidInput(decision: Decision): decision is Decision & InvalidInputDecision {
  const first = decision.violations[0];
  return first !== undefined && first.rule === INVALID_INPUT && first.code === INVALID_INPUT;
}

function isProblem(value: FactValue): value is InputProblem {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as { readonly [key: string]: FactValue };
  return typeof v.path === 'string' && typeof v.message === 'string' && typeof v.zh === 'string';
}

/** The problems of an invalid-input deny (empty for any other decision). */
export function inputProblems(decision: Decision): readonly InputProblem[] {
  if (!isInvalidInput(decision)) return [];
  const issues: FactValue = decision.violations[0].facts.issues;
  return Array.isArray(issues) ? issues.filter(isProblem) : [];
}

const INVALID_INPUT_TEMPLATE = {
  zh: '输入无效，无法核验该催收操作，依规拒绝：{summary}',
  en: 'Invalid input: the action cannot be verified, so it is denied: {summary}',
};

/** The deny for input that cannot be verified. */
export function invalidInputDecision(problems: readonly Problem[], profile: string, enFirst = false): InvalidInputDecision {
  const issues = problems.map((p) => ({ path: p.path, message: p.message, zh: p.zh ?? p.message }));
  const zh = renderTemplate(INVALID_INPUT_TEMPLATE.zh, { summary: summarizeProblems(issues, 'zh-CN') }, 'zh');
  const en = renderTemplate(INVALID_INPUT_TEMPLATE.en, { summary: summarizeProblems(issues, 'en') }, 'en');
  const message = enFirst ? { en, zh } : { zh, en };
  return {
    outcome: 'deny',
    violations: [{ rule: INVALID_INPUT, clause: clauses.inputUnverifiable, code: INVALID_INPUT, message, facts: { issues } }],
    obligations: [],
    evaluated: [],
    ruleset: ruleset({ profile }),
  };
}
