/**
 * Issue 15, breakage 3: house rules that load but deny every check (`house-rules/internal-error`). Every
 * rule createGuard accepts must run; everything docs/house-rules.md says is refused is refused at
 * createGuard, with the problem's path. The property at the end is the invariant: accepted ⇒ no check
 * ever ends in house-rules/internal-error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGuard, GuardConfigError, HOUSE_FACTS } from '../../src/index.js';
import { action, context, visitAction } from '../support/fixtures.js';

const rule = (conditions: unknown): unknown => ({ name: 'r', conditions, event: { type: 'x', params: { message: 'm' } } });
const leaf = (fact: unknown, operator: unknown, value: unknown): Record<string, unknown> => ({ fact, operator, value });

/** The problems createGuard reports for these rules, or null when it accepts them. */
function refusal(houseRules: unknown[]): { path: string; message: string }[] | null {
  try {
    createGuard({ houseRules });
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GuardConfigError);
    return [...(error as GuardConfigError).problems];
  }
}

const CASES = [context(), context({ debtor: { id: 'D1', timeZone: 'Asia/Kathmandu' } })];
const ACTIONS = [action(), action({ at: '2026-11-30T23:30:00+08:00' }), visitAction(), action({ channel: 'sms', disclosures: [] })];

async function internalErrors(houseRules: unknown[]): Promise<number> {
  const guard = createGuard({ houseRules });
  let count = 0;
  for (const c of CASES) for (const a of ACTIONS) count += (await guard.check(c, a)).violations.filter((v) => v.code === 'internal-error').length;
  return count;
}

describe('refused at createGuard, with the path', () => {
  it('the rule of the issue: fact "constructor"', () => {
    const input = JSON.parse('[{"name":"a","conditions":{"all":[{"fact":"constructor","operator":"equal","value":1}]},"event":{"type":"x","params":{"message":"m"}}}]') as unknown[];
    expect(refusal(input)).toEqual([expect.objectContaining({ path: 'houseRules[0] (a).conditions.all[0].fact', message: expect.stringContaining('unknown fact "constructor"') as string })]);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'])('inherited name %s: as a fact and as a value fact', (name) => {
    const asFact = JSON.parse(JSON.stringify([rule({ all: [leaf('PLACEHOLDER', 'equal', 1)] })]).replace('PLACEHOLDER', name)) as unknown[];
    expect(refusal(asFact)?.map((p) => p.path)).toContain('houseRules[0] (r).conditions.all[0].fact');
    const asValue = JSON.parse(`[{"name":"r","conditions":{"all":[{"fact":"localHour","operator":"equal","value":{"fact":"${name}"}}]},"event":{"type":"x","params":{"message":"m"}}}]`) as unknown[];
    expect(refusal(asValue)?.map((p) => p.path)).toContain('houseRules[0] (r).conditions.all[0].value.fact');
  });

  it.each([
    ['in with a scalar', leaf('channel', 'in', 'sms'), 'operator'],
    ['in with null', leaf('channel', 'in', null), 'operator'],
    ['notIn with a number', leaf('localHour', 'notIn', 3), 'operator'],
    ['everyValue with a scalar', leaf('localHour', 'everyValue:lessThan', 3), 'operator'],
    ['someValue with null', leaf('localHour', 'someValue:equal', null), 'operator'],
    ['someFact on a scalar fact', leaf('channel', 'someFact:equal', 'sms'), 'operator'],
    ['contains on a scalar fact', leaf('channel', 'contains', 's'), 'operator'],
    ['lessThan with a string', leaf('localHour', 'lessThan', '22'), 'operator'],
    ['lessThan on a string fact', leaf('channel', 'lessThan', 3), 'operator'],
    ['equal with an array', leaf('channel', 'equal', ['sms']), 'operator'],
    ['equal, string fact, number value', leaf('channel', 'equal', 5), 'operator'],
    ['in with a wrongly typed element', leaf('localWeekday', 'in', [6, '7']), 'operator'],
    ['an object value', leaf('channel', 'equal', { a: 1 }), 'value.a'],
    ['a value fact with a path', leaf('channel', 'equal', { fact: 'channel', path: '$.a' }), 'value.path'],
    ['unknown operator', leaf('channel', 'startsWith', 's'), 'operator'],
    ['unknown decorator', leaf('channel', 'maybe:equal', 's'), 'operator'],
    ['no value', { fact: 'channel', operator: 'equal' }, 'value'],
    ['path', { ...leaf('channel', 'equal', 'sms'), path: '$.x' }, 'path'],
    ['params', { ...leaf('channel', 'equal', 'sms'), params: {} }, 'params'],
    ['an unknown key', { ...leaf('channel', 'equal', 'sms'), onSuccess: 1 }, 'onSuccess'],
  ])('%s', (_name, condition, where) => {
    expect(refusal([rule({ all: [condition] })])?.map((p) => p.path)).toContain(`houseRules[0] (r).conditions.all[0].${where}`);
  });

  it('a node with both all and any (json-rules-engine would run only one)', () => {
    const problems = refusal([rule({ all: [leaf('channel', 'equal', 'sms')], any: [leaf('constructor', 'equal', 1)] })]);
    expect(problems?.[0]?.path).toBe('houseRules[0] (r).conditions');
    expect(problems?.[0]?.message).toMatch(/all and any/);
    expect(refusal([rule({ all: [{ not: leaf('channel', 'equal', 'sms'), any: [] }] })])?.[0]?.path).toBe('houseRules[0] (r).conditions.all[0]');
  });

  it('a shared condition reference, a key beside all, an empty all, a top-level not', () => {
    expect(refusal([rule({ all: [{ condition: 'shared' }] })])?.[0]?.path).toBe('houseRules[0] (r).conditions.all[0].condition');
    expect(refusal([rule({ all: [leaf('channel', 'equal', 'sms')], name: 'x' })])?.[0]?.path).toBe('houseRules[0] (r).conditions.name');
    expect(refusal([rule({ all: [] })])?.[0]?.path).toBe('houseRules[0] (r).conditions.all');
    expect(refusal([rule({ not: leaf('channel', 'equal', 'sms') })])?.[0]?.path).toBe('houseRules[0] (r).conditions');
  });

  it('conditions nested too deep or too many are refused, not walked without end', () => {
    let deep: unknown = leaf('channel', 'equal', 'sms');
    for (let i = 0; i < 20; i += 1) deep = { not: deep };
    expect(refusal([rule({ all: [deep] })])?.[0]?.message).toMatch(/nested deeper/);
    const many = Array.from({ length: 300 }, () => leaf('channel', 'equal', 'sms'));
    expect(refusal([rule({ any: many })])?.some((p) => /more than 200 conditions/.test(p.message))).toBe(true);
  });
});

describe('accepted rules run', () => {
  it.each([
    ['in with an array', leaf('channel', 'in', ['sms', 'voice'])],
    ['everyValue with an array', leaf('localHour', 'everyValue:lessThan', [30, 40])],
    ['contains on an array fact', leaf('disclosures', 'contains', 'debt_amount')],
    ['someFact on an array fact', leaf('conduct', 'someFact:equal', 'insult')],
    ['swap:in (value in fact)', leaf('disclosures', 'swap:in', 'debt_amount')],
    ['equal null on a nullable fact', leaf('staffCount', 'equal', null)],
    ['a value naming a fact', leaf('localHour', 'lessThan', { fact: 'localMinuteOfDay' })],
    ['not:equal', leaf('channel', 'not:equal', 'letter')],
  ])('%s: accepted, and no check ends in internal-error', async (_name, condition) => {
    expect(refusal([rule({ all: [condition] })])).toBeNull();
    expect(await internalErrors([rule({ all: [condition] })])).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------------
// The invariant, on generated rules: either createGuard refuses, or no check ends in internal-error.

const factName = fc.oneof(fc.constantFrom(...Object.keys(HOUSE_FACTS)), fc.constantFrom('constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'nope'));
const operatorName = fc.tuple(
  fc.array(fc.constantFrom('not', 'swap', 'someFact', 'everyFact', 'someValue', 'everyValue', 'bogus'), { maxLength: 2 }),
  fc.constantFrom('equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'),
).map(([decorators, base]) => [...decorators, base].join(':'));
const scalarValue = fc.oneof(fc.constantFrom('sms', 'voice', 'debt_amount', 'insult', 'human', '2026-11-30', '10:00'), fc.integer({ min: -2, max: 30 }), fc.boolean(), fc.constant(null));
const valueArb = fc.oneof(scalarValue, fc.array(scalarValue, { maxLength: 3 }), factName.map((fact) => ({ fact })), fc.constant({ a: 1 }));
const leafArb = fc.record({ fact: factName, operator: operatorName, value: valueArb });
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }), fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }), fc.record({ not: tie('node') })),
})).node;

describe('accepted ⇒ never internal-error (property)', () => {
  it('generated condition trees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ all: fc.array(tree, { minLength: 1, maxLength: 3 }) }), fc.record({ any: fc.array(tree, { minLength: 1, maxLength: 3 }) })), async (conditions) => {
        const input = JSON.parse(JSON.stringify([rule(conditions)])) as unknown[];
        if (refusal(input) !== null) return;
        expect(await internalErrors(input)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
