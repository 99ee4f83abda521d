/**
 * The RuleTester polices the tables; this file polices the tester. Each check of rule-cases.ts is fed a
 * table with one fault, built around a small fake rule (defineRule, as the real rules are), and must
 * report that fault, and only it; a sound table must report nothing.
 */
import { describe, expect, it } from 'vitest';
import visitStaffing from '../../src/rules/visit-staffing.js';
import { clauses } from '../../src/core/clauses.js';
import { defineRule, evidence } from '../../src/core/define-rule.js';
import { action, context, visitAction } from './fixtures.js';
import { caseProblems, checkTable, matchesSubset, runCase, tableProblems, type RuleTable, type TesterProblem } from './rule-cases.js';

/** A fake rule on text messages: a reminder is a violation naming the channel, anything else an obligation. */
const fakeSms = defineRule({
  id: 'fake-sms',
  clause: clauses.general,
  description: { zh: '测试用规则。', en: 'A rule for the tester\'s own tests.' },
  timeDependent: false,
  evidence: evidence('interp', 'A fake rule for the tester\'s own tests.'),
  messages: {
    'reminder-by-sms': { zh: '不得以{channel}发送提醒。', en: 'No reminder by {channel}.' },
    'fact-forgotten': { zh: '缺少事实 {missing}。', en: 'The fact {missing} was not given.' },
    'sms-noted': { zh: '已记录短信。', en: 'The SMS is noted.' },
  },
  appliesTo: (f) => f.channel === 'sms',
  check: (f, _limits, report) => {
    // Deliberately forgets the fact of its placeholder: the tester must catch what the types would refuse.
    // @ts-expect-error 'fact-forgotten' needs the fact `missing`
    if (f.disclosures.includes('debt_amount')) return [report.violation('fact-forgotten')];
    if (f.purpose === 'reminder') return [report.violation('reminder-by-sms', { channel: f.channel })];
    return [report.obligation('sms-noted')];
  },
});

const sms = action({ channel: 'sms' });
const reminder = action({ channel: 'sms', purpose: 'reminder' });
const forgetful = action({ channel: 'sms', disclosures: ['debt_amount'] });

/** A table of the fake rule that exercises 'reminder-by-sms' and 'sms-noted' soundly. */
const sound: RuleTable = {
  valid: [
    { name: 'an sms that is not a reminder', context: context(), action: sms, obligations: [{ code: 'sms-noted' }], outcome: 'allow', evaluated: true },
    { name: 'a call: the rule does not apply', context: context(), action: action(), evaluated: false },
  ],
  invalid: [{ name: 'a reminder by sms', context: context(), action: reminder, violations: [{ code: 'reminder-by-sms', facts: { channel: 'sms' }, exact: true }] }],
};

const checks = (problems: readonly TesterProblem[]) => problems.map((p) => [p.check, p.case ?? null]);

describe('the RuleTester reports each fault of a table', () => {
  it('a sound table has no problem but the code it leaves unexercised', () => {
    expect(checks(checkTable(fakeSms, sound))).toEqual([['unexercised-code', null]]);
    expect(checkTable(fakeSms, sound)[0]?.message).toContain('fact-forgotten');
  });

  it('a case that duplicates another (same guard, context and action), under another name', () => {
    const table = { ...sound, valid: [...sound.valid, { name: 'the same sms again', context: context(), action: action({ channel: 'sms' }) }] };
    expect(checks(tableProblems(fakeSms, table))).toEqual([['duplicate-case', 'the same sms again']]);
    // The same input under another guard is another case.
    const otherGuard = { ...sound, valid: [...sound.valid, { name: 'under an overlay', context: context(), action: sms, guard: { overlay: { voiceDailyCap: 2 } } }] };
    expect(tableProblems(fakeSms, otherGuard)).toEqual([]);
  });

  it('two cases with one name', () => {
    const table = { ...sound, valid: [...sound.valid, { name: 'a reminder by sms', context: context(), action: action({ channel: 'email' }) }] };
    expect(checks(tableProblems(fakeSms, table))).toEqual([['duplicate-name', 'a reminder by sms']]);
  });

  it('a code the rule does not declare, expected as a violation or as an obligation', () => {
    const table: RuleTable = {
      valid: [{ name: 'obligation', context: context(), action: sms, obligations: [{ code: 'sms-logged' }] }],
      invalid: [{ name: 'violation', context: context(), action: reminder, violations: [{ code: 'reminder-sent' }] }],
    };
    expect(checks(tableProblems(fakeSms, table))).toEqual([['unknown-code', 'obligation'], ['unknown-code', 'violation']]);
  });

  it('an invalid case that expects no violation', () => {
    const table: RuleTable = { valid: [], invalid: [{ name: 'empty', context: context(), action: reminder, violations: [] }] };
    expect(checks(tableProblems(fakeSms, table))).toEqual([['nothing-expected', 'empty']]);
  });

  it('a code no case exercises, violation or obligation', () => {
    const noObligation: RuleTable = { valid: [], invalid: [...sound.invalid, { name: 'forgetful', context: context(), action: forgetful, violations: [{ code: 'fact-forgotten' }] }] };
    const unexercised = checkTable(fakeSms, noObligation).filter((p) => p.check === 'unexercised-code');
    expect(unexercised.map((p) => p.message)).toEqual(['no case exercises sms-noted of fake-sms']);
  });

  it('a message that keeps a placeholder (a fact the rule did not give), in each language', () => {
    const table: RuleTable = { ...sound, invalid: [...sound.invalid, { name: 'forgetful', context: context(), action: forgetful, violations: [{ code: 'fact-forgotten' }] }] };
    const problems = checkTable(fakeSms, table);
    expect(checks(problems)).toEqual([['placeholder', 'forgetful'], ['placeholder', 'forgetful']]);
    expect(problems.map((p) => p.message).join('\n')).toContain('{missing}');
  });

  it('`evaluated` that disagrees with the rule\'s appliesTo', () => {
    // A rule whose appliesTo is not a function of the facts: true when the guard asks, false when the tester does.
    let calls = 0;
    const fickle = defineRule({ ...fakeSms, id: 'fake-fickle', appliesTo: () => calls++ % 2 === 0 });
    const table: RuleTable = { valid: [{ name: 'an sms', context: context(), action: sms }], invalid: [] };
    expect(checks(checkTable(fickle, table)).filter(([check]) => check === 'evaluated-vs-applies-to')).toEqual([['evaluated-vs-applies-to', 'an sms']]);
    // The same disagreement in a guard's decision on a real rule: a visit decided without visit-staffing.
    const visit = { valid: [{ name: 'a visit', context: context(), action: visitAction() }], invalid: [] };
    const decision = runCase(visitStaffing, visit, visit.valid[0]!);
    expect(caseProblems(visitStaffing, visit, visit.valid[0]!, decision)).toEqual([]);
    const doctored = { ...decision, evaluated: decision.evaluated.filter((id) => id !== 'visit-staffing') };
    expect(checks(caseProblems(visitStaffing, visit, visit.valid[0]!, doctored))).toEqual([['evaluated-vs-applies-to', 'a visit']]);
  });

  it('findings, facts, obligations, outcome and evaluated that differ from what the case expects', () => {
    const wrong: RuleTable = {
      valid: [
        { name: 'valid but denied by the rule', context: context(), action: reminder },
        { name: 'wrong obligation', context: context(), action: sms, obligations: [] },
        { name: 'wrong outcome', context: context(), action: action({ channel: 'sms', at: '2026-11-30T11:00:00+08:00' }), outcome: 'deny' },
        { name: 'wrong evaluated', context: context(), action: action({ channel: 'email' }), evaluated: true },
      ],
      invalid: [
        { name: 'wrong code', context: context(), action: forgetful, violations: [{ code: 'reminder-by-sms' }] },
        { name: 'wrong facts', context: context(), action: action({ channel: 'sms', purpose: 'reminder', at: '2026-11-30T13:00:00+08:00' }), violations: [{ code: 'reminder-by-sms', facts: { channel: 'voice' } }] },
        { name: 'facts not exact', context: context(), action: action({ channel: 'sms', purpose: 'reminder', at: '2026-11-30T11:00:00+08:00' }), violations: [{ code: 'reminder-by-sms', facts: {}, exact: true }] },
        { name: 'allowed', context: context(), action: action({ channel: 'sms', at: '2026-11-30T12:00:00+08:00' }), violations: [{ code: 'sms-noted' }] },
      ],
    };
    const problems = checkTable(fakeSms, wrong).filter((p) => p.check !== 'placeholder' && p.check !== 'unexercised-code');
    expect(checks(problems)).toEqual([
      ['violations', 'valid but denied by the rule'],
      ['obligations', 'wrong obligation'],
      ['outcome', 'wrong outcome'],
      ['evaluated', 'wrong evaluated'],
      ['violations', 'wrong code'],
      ['violations', 'wrong facts'],
      ['violations', 'facts not exact'],
      ['violations', 'allowed'],
      ['outcome', 'allowed'],
    ]);
    // Subset facts pass where exact ones do not.
    const subset: RuleTable = { valid: [], invalid: [{ name: 'subset', context: context(), action: reminder, violations: [{ code: 'reminder-by-sms', facts: {} }] }] };
    expect(checks(checkTable(fakeSms, subset)).filter(([check]) => check !== 'unexercised-code')).toEqual([]);
  });
});

describe('running a case', () => {
  it("refuses a copy of a registered rule (it would be tested alone while the guard runs the original)", () => {
    const copy = { ...visitStaffing };
    const table: RuleTable = { valid: [{ name: 'a visit', context: context(), action: visitAction() }], invalid: [] };
    expect(() => runCase(copy, table, table.valid[0]!)).toThrow(/not the registry's rule object/);
    expect(runCase(visitStaffing, table, table.valid[0]!).evaluated).toContain('visit-staffing');
  });
});

describe('matchesSubset (toMatchObject without vitest)', () => {
  it.each([
    [{ a: 1 }, { a: 1, b: 2 }, true],
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [{ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 2, d: 3 }] } }, true],
    [[1, 2], [1, 2, 3], false],
    [[1, 2], [1, 2], true],
    [{ a: null }, { a: null }, true],
    [{ a: null }, {}, false],
    [{ a: undefined }, {}, false],
    [{}, null, false],
    [{}, [], false],
    ['12', 12, false],
    [Number.NaN, Number.NaN, true],
  ])('%j within %j: %s', (expected, actual, result) => {
    expect(matchesSubset(expected, actual)).toBe(result);
  });
});
