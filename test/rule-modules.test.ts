/**
 * Rule modules and program checks are checked when they are defined and registered: a template that
 * cannot be rendered (a malformed placeholder, zh and en naming different facts), a description with a
 * placeholder, no evidence, a malformed scope or a duplicate id throws a RuleDefinitionError naming the
 * rule and the code, at load. The compile-time half (unknown codes, missing facts) is
 * test/types/rule-messages.ts.
 */
import { describe, expect, it } from 'vitest';
import * as fc from './support/capped-fast-check.js';
import { createGuard, programChecks, rules } from '../src/index.js';
import { clauses } from '../src/core/clauses.js';
import { defineRule, evidence, messageProblems, NONE, RuleDefinitionError, ruleProblems, type Rule, type RuleModule, type RuleMessages } from '../src/core/define-rule.js';
import { checkProblems, defineCheck } from '../src/program/define-check.js';
import { programClauses } from '../src/program/clauses.js';
import { registry } from '../src/rules/index.js';
import { runRules } from '../src/core/evaluate.js';
import { action, context } from './support/arbitraries.js';

const base = {
  id: 'house-visit-note',
  clause: clauses.visitStaffing,
  description: { zh: '测试规则。', en: 'A test rule.' },
  evidence: evidence('interp', 'A test rule.'),
  timeDependent: false,
  appliesTo: () => true,
  check: () => NONE,
} satisfies Omit<RuleModule<RuleMessages>, 'messages'>;

/** The RuleDefinitionError that defining a rule with these messages (and overrides) throws. */
function definitionError(messages: RuleMessages, overrides: Partial<RuleModule<RuleMessages>> = {}): RuleDefinitionError {
  try {
    defineRule({ ...base, messages, ...overrides } as RuleModule<RuleMessages>);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleDefinitionError);
    return error as RuleDefinitionError;
  }
  throw new Error('defineRule accepted a malformed rule');
}

describe('defineRule checks the declaration at load', () => {
  it('keeps a well-formed scope on the rule, and refuses a malformed one, naming the rule and the path', () => {
    const rule = defineRule({ ...base, messages: { note: { zh: '备注。', en: 'A note.' } }, scope: { channels: ['visit'], actorKinds: ['human'] } });
    expect(rule.scope).toEqual({ channels: ['visit'], actorKinds: ['human'] });
    expect(ruleProblems(rule)).toEqual([]);
    const error = definitionError({ note: { zh: '备注。', en: 'A note.' } }, { scope: { channels: ['fax'], targetRoles: [] } } as unknown as Partial<RuleModule<RuleMessages>>);
    expect(error.rule).toBe('house-visit-note');
    expect(error.problems.map((p) => p.path)).toEqual(['scope.channels', 'scope.targetRoles']);
    expect(error.message).toContain('"fax" is not one of voice, sms, im, email, letter, visit');
  });

  it('accepts well-formed templates whose zh and en name the same facts, in any order', () => {
    const rule = defineRule({ ...base, messages: { 'too-many': { zh: '{count} 人，超过 {max} 人。', en: 'More than {max}: {count}.' } } });
    expect(rule.id).toBe('house-visit-note');
    expect(ruleProblems(rule)).toEqual([]);
  });

  it.each([
    ['a space inside the braces', { zh: '人数 {count}。', en: 'Staff { count }.' }, 'messages.bad.en'],
    ['an unclosed brace', { zh: '人数 {count。', en: 'Staff {count}.' }, 'messages.bad.zh'],
    ['a stray closing brace', { zh: '人数 {count}}。', en: 'Staff {count}.' }, 'messages.bad.zh'],
    ['a hyphen in the name', { zh: '人数 {staff-count}。', en: 'Staff {staff-count}.' }, 'messages.bad.zh'],
  ])('refuses a malformed placeholder (%s), naming the rule and the code', (_, template, path) => {
    const error = definitionError({ bad: template });
    expect(error.rule).toBe('house-visit-note');
    expect(error.code).toBe('ERR_RULE_DEFINITION');
    expect(error.problems.map((p) => p.path)).toContain(path);
    expect(error.message).toContain('house-visit-note');
    expect(error.message).toContain(path);
  });

  it('refuses zh and en templates that name different facts', () => {
    const error = definitionError({ ok: { zh: '无。', en: 'None.' }, 'cap-reached': { zh: '已达 {cap} 次。', en: 'The cap of {cap} is reached on {localDate}.' } });
    expect(error.problems).toEqual([{ path: 'messages.cap-reached', message: 'zh names {cap} but en names {cap}, {localDate}' }]);
  });

  it('refuses an empty template, a rule without codes, a description with a placeholder', () => {
    expect(definitionError({ empty: { zh: '', en: 'x' } }).problems).toEqual([{ path: 'messages.empty.zh', message: 'is missing or empty' }]);
    expect(definitionError({}).problems).toEqual([{ path: 'messages', message: 'declares no code' }]);
    const described = definitionError({ ok: { zh: '无。', en: 'None.' } }, { description: { zh: '至多 {cap} 次。', en: 'At most {cap}.' } });
    expect(described.problems.map((p) => p.path)).toEqual(['description.zh', 'description.en']);
  });

  it('refuses evidence that names no confidence level, and a dated field that is not one', () => {
    const ok = { ok: { zh: '无。', en: 'None.' } };
    expect(definitionError(ok, { evidence: evidence('our reading', 'x') }).problems).toEqual([{ path: 'evidence', message: 'names no confidence level (seed, press or interp)' }]);
    expect(definitionError(ok, { evidence: evidence('seed', ' ') }).problems).toEqual([{ path: 'evidence.interpretation', message: 'is empty' }]);
    expect(definitionError(ok, { dated: ['context.debtor.bornAt' as never] }).problems).toEqual([{ path: 'dated', message: 'context.debtor.bornAt is not a dated field of the input' }]);
  });
});

describe('a registry is checked when it is built', () => {
  const good = defineRule({ ...base, messages: { ok: { zh: '无。', en: 'None.' } } });

  it('refuses two rules with one id', () => {
    expect(() => registry([good, { ...good }])).toThrow(RuleDefinitionError);
    expect(() => registry([good, { ...good }])).toThrow(/house-visit-note[\s\S]*id: is registered twice/);
  });

  it('checks a rule that did not come through defineRule, naming the rule and the code', () => {
    const handMade: Rule = { ...good, id: 'hand-made', messages: { 'cap-reached': { zh: '已达 {cap} 次。', en: 'Cap {cap reached.' } } };
    expect(() => registry([good, handMade])).toThrow(/hand-made[\s\S]*messages\.cap-reached\.en/);
  });

  it('accepts every built-in rule and program check, whose templates and evidence are all sound', () => {
    expect(registry(rules)).toEqual(rules);
    for (const r of rules) expect(ruleProblems(r), r.id).toEqual([]);
    for (const c of programChecks) expect(checkProblems(c), c.id).toEqual([]);
    expect(messageProblems({ ok: { zh: '{a}{b}', en: '{b} and {a}' } })).toEqual([]);
  });
});

describe('defineCheck checks a program check the same way', () => {
  it('refuses a check whose zh and en name different facts, naming the check and the code', () => {
    const define = () =>
      defineCheck({
        id: 'staff-badge',
        clause: programClauses.department,
        description: { zh: '测试检查。', en: 'A test check.' },
        evidence: evidence('interp', 'A test check.'),
        messages: { 'badge-missing': { zh: '人员 {staffId} 没有工牌。', en: 'Staff member has no badge.' } },
        assessable: () => true,
        run: () => [],
      });
    expect(define).toThrow(RuleDefinitionError);
    expect(define).toThrow(/staff-badge[\s\S]*messages\.badge-missing: zh names \{staffId\} but en names \{\}/);
  });
});

describe('at run time, a built-in finding never has a placeholder without its fact', () => {
  const PLACEHOLDER = /\{\w+\}/;
  const guards = [createGuard(), createGuard({ profile: 'cba-2026' }), createGuard({ profile: 'cba-2026', locale: 'zh-CN' })];

  it('no message of a decision keeps a {placeholder}, and no rule fails as internal-error, on random valid cases', () => {
    fc.assert(
      fc.property(context, action, fc.integer({ min: 0, max: 2 }), (ctx, act, g) => {
        const decision = (guards[g] as (typeof guards)[number]).checkSync(ctx, act);
        for (const f of [...decision.violations, ...decision.obligations]) {
          expect(f.code, f.rule).not.toBe('internal-error');
          expect(`${f.message.zh} ${f.message.en}`, `${f.rule}/${f.code}`).not.toMatch(PLACEHOLDER);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('runRules without obligations (the audit keeps none)', () => {
  const rule = (code: string): Rule =>
    defineRule({ ...base, messages: { note: { zh: '记录 {n}。', en: 'Record {n}.' } }, check: () => [{ kind: 'obligation', code, facts: { n: 1 }, when: 'allow' }] });
  const facts = {} as Parameters<typeof runRules>[1];
  const limits = {} as Parameters<typeof runRules>[2];

  it('leaves the obligations out, unrendered; the violations and the rules evaluated are the same', () => {
    const full = runRules([rule('note')], facts, limits);
    expect(full.obligations.map((o) => o.finding.message.en)).toEqual(['Record 1.']);
    expect(runRules([rule('note')], facts, limits, false, false)).toEqual({ ...full, obligations: [] });
  });

  it('an obligation that has no message fails closed as it would when rendered: an internal-error violation', () => {
    const full = runRules([rule('missing')], facts, limits);
    expect(full.violations.map((v) => v.code)).toEqual(['internal-error']);
    expect(runRules([rule('missing')], facts, limits, false, false)).toEqual({ ...full, obligations: [] });
  });
});
