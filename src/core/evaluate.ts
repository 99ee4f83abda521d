import { clauses } from './clauses.js';
import { findingOf, INTERNAL_ERROR, ruleset } from './decision.js';
import type { Facts } from './facts.js';
import type { CompiledLimits } from '../profiles/compile.js';
import type { Rule, RuleResult } from './define-rule.js';
import type { Decision, Finding } from '../schema/decision.js';
import { messageOf, renderMessage, type MessageTemplates } from './template.js';

const internalErrorMessages: MessageTemplates = {
  [INTERNAL_ERROR]: {
    zh: '规则 {rule} 执行出错（{error}），无法核验，依规拒绝。',
    en: 'Rule {rule} failed ({error}); the action cannot be verified, so it is denied.',
  },
};

/** A deny for a rule (or the fact derivation) that threw: fail closed, naming where. */
export function internalError(ruleId: string, error: unknown, enFirst = false): Finding {
  const facts = { rule: ruleId, error: error instanceof Error ? error.name : typeof error };
  return { rule: ruleId, clause: clauses.inputUnverifiable, code: INTERNAL_ERROR, message: renderMessage(internalErrorMessages, INTERNAL_ERROR, facts, undefined, enFirst), facts };
}

/** What the rules found, before the outcome is settled: obligations keep whether they stand with a deny. */
export interface Evaluation {
  readonly violations: readonly Finding[];
  readonly obligations: readonly { readonly finding: Finding; readonly when: 'allow' | 'always' }[];
  readonly evaluated: readonly string[];
}

/**
 * Runs every applicable rule on the facts (no short-circuit), in registry order; `enFirst` renders messages
 * with English first (a guard's locale `en`). With `obligations` false the obligations are left out
 * (the audit keeps none): each is still checked to have its message, so a rule that would fail rendering
 * one fails here too, and the violations and the outcome are those of a full run.
 */
export function runRules(rules: readonly Rule[], facts: Facts, limits: CompiledLimits, enFirst = false, obligations = true): Evaluation {
  const violations: Finding[] = [];
  const kept: { finding: Finding; when: 'allow' | 'always' }[] = [];
  const evaluated: string[] = [];
  // Indexed loops: a rule's results come in arrays of several element kinds, and for-of over them
  // went through the generic array iterator (about 5% of a prepared check).
  for (let r = 0; r < rules.length; r += 1) {
    const rule = rules[r] as Rule;
    try {
      if (!rule.appliesTo(facts, limits)) continue;
      evaluated.push(rule.id);
      const results = rule.check(facts, limits);
      for (let i = 0; i < results.length; i += 1) {
        const result = results[i] as RuleResult;
        if (result.kind === 'violation') violations.push(findingOf(rule, result, enFirst));
        else if (obligations) kept.push({ finding: findingOf(rule, result, enFirst), when: result.when });
        else messageOf(rule.messages, result.code);
      }
    } catch (error) {
      violations.push(internalError(rule.id, error, enFirst));
    }
  }
  return { violations, obligations: kept, evaluated };
}

/**
 * Settles the outcome: deny on any violation; an allow carries every obligation, a deny only the standing
 * ones. The decision takes the evaluation's arrays as they are (every evaluation is built for one
 * decision), rather than copying them.
 */
export function decide(evaluation: Evaluation, profile: string): Decision {
  const allow = evaluation.violations.length === 0;
  const obligations: Finding[] = [];
  for (let i = 0; i < evaluation.obligations.length; i += 1) {
    const o = evaluation.obligations[i] as Evaluation['obligations'][number];
    if (allow || o.when === 'always') obligations.push(o.finding);
  }
  return {
    outcome: allow ? 'allow' : 'deny',
    violations: evaluation.violations as Finding[],
    obligations,
    evaluated: evaluation.evaluated as string[],
    ruleset: ruleset({ profile }),
  };
}

/** Runs the rules and settles the decision. */
export function evaluate(rules: readonly Rule[], facts: Facts, limits: CompiledLimits): Decision {
  return decide(runRules(rules, facts, limits), limits.profileId);
}
