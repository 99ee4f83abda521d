import { STANDARD, clauses } from './clauses.js';
import type { Rule, RuleMessages, RuleResult } from './rules/define-rule.js';
import type { Decision, FactRecord, FactValue, Finding, Message } from './schema/decision.js';
import { boundedMemo } from './memo.js';
import { VERSION } from './version.js';

export type { Decision, Finding, Obligation, Message, FactRecord, FactValue } from './schema/decision.js';

/** A message template split once into literal text and `{fact}` names (odd positions). */
const compiled = boundedMemo<string, readonly string[]>('decision.templates', 10_000);

function partsOf(template: string): readonly string[] {
  return compiled.through(template, (t) => t.split(/\{(\w+)\}/));
}

function render(template: string, facts: FactRecord): string {
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    if (i % 2 === 0) {
      out += part;
      continue;
    }
    const value = facts[part];
    out += value === undefined ? `{${part}}` : Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** Renders a message in both languages for one finding code. */
export function renderMessage(messages: RuleMessages, code: string, facts: FactRecord): Message {
  const template = messages[code];
  if (template === undefined) throw new Error(`no message for code "${code}"`);
  return { zh: render(template.zh, facts), en: render(template.en, facts) };
}

export function findingOf(rule: Rule, result: RuleResult): Finding {
  return { rule: rule.id, clause: result.clause ?? rule.clause, code: result.code, message: renderMessage(rule.messages, result.code, result.facts), facts: result.facts as Record<string, FactValue> };
}

export interface RulesetInfo {
  readonly profile: string;
}

export function ruleset(info: RulesetInfo): Decision['ruleset'] {
  return { standard: STANDARD, version: VERSION, profile: info.profile };
}

/** One issue with the input: where (`context.debtor.timeZone`) and what. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

const invalidInputMessages: RuleMessages = {
  'invalid-input': {
    zh: '输入无效，无法核验该催收操作，依规拒绝：{summary}',
    en: 'Invalid input: the action cannot be verified, so it is denied: {summary}',
  },
};

/** The deny for input that cannot be verified. */
export function invalidInputDecision(problems: readonly InputProblem[], profile: string): Decision {
  const summary = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ') + (problems.length > 5 ? ` (+${problems.length - 5})` : '');
  const facts = { issues: problems.map((p) => ({ path: p.path, message: p.message })) };
  const message = renderMessage(invalidInputMessages, 'invalid-input', { summary });
  return {
    outcome: 'deny',
    violations: [{ rule: 'invalid-input', clause: clauses.inputUnverifiable, code: 'invalid-input', message, facts }],
    obligations: [],
    evaluated: [],
    ruleset: ruleset({ profile }),
  };
}
