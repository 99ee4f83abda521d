import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ActionSchema, checkAction, ContextSchema, createGuard, GuardConfigError, HOUSE_FACTS } from '../../src/index.js';
import { deriveFacts } from '../../src/core/facts.js';
import { houseFactsOf } from '../../src/guard/house-rules.js';
import { action, aiActor, context } from '../support/fixtures.js';

const houseRules = JSON.parse(readFileSync(new URL('../../examples/house-rules.json', import.meta.url), 'utf8')) as unknown[];

function configError(fn: () => unknown): GuardConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GuardConfigError);
    return error as GuardConfigError;
  }
  throw new Error('expected a GuardConfigError');
}

const rule = (overrides: Record<string, unknown> = {}) => ({
  name: 'no-sms-on-sunday',
  conditions: { all: [{ fact: 'channel', operator: 'equal', value: 'sms' }, { fact: 'localWeekday', operator: 'equal', value: 7 }] },
  event: { type: 'sms-on-sunday', params: { message: 'No SMS on Sundays.' } },
  ...overrides,
});

describe('house rules', () => {
  const guard = createGuard({ houseRules });

  it('a fired house rule is a violation with its own id, code, message and a house citation', async () => {
    const d = await guard.check(context(), action({ channel: 'sms', at: '2026-11-29T15:00:00+08:00' })); // a Sunday
    expect(d.outcome).toBe('deny');
    expect(d.violations).toEqual([
      expect.objectContaining({
        rule: 'no-sms-on-sunday',
        code: 'sms-on-sunday',
        clause: { standard: 'house', clause: 'no-sms-on-sunday', topic: '周日不发催收短信 / no collection SMS on Sundays' },
        message: { zh: '本机构规定：周日不发送催收短信。', en: 'House rule: no collection SMS on Sundays.' },
        facts: { channel: 'sms', localWeekday: 7 },
        source: { kind: 'house', profile: 'gb-t-45251-2025' },
      }),
    ]);
    expect(d.evaluated).toEqual(expect.arrayContaining(['no-sms-on-sunday', 'spring-festival-quiet']));
    expect(d.obligations).toEqual([]);
  });

  it('a rule that does not fire leaves the decision as the built-in rules made it', async () => {
    const monday = action({ channel: 'sms', at: '2026-11-30T15:00:00+08:00' });
    const d = await guard.check(context(), monday);
    const plain = checkAction(context(), monday);
    expect(d.outcome).toBe('allow');
    expect(d.violations).toEqual([]);
    expect(d.obligations).toEqual(plain.obligations);
    expect(d.evaluated).toEqual([...plain.evaluated, 'no-sms-on-sunday', 'spring-festival-quiet', 'no-ai-visits-or-late-ai-calls']);
  });

  it('adds to built-in violations, after them', async () => {
    const d = await guard.check(context(), action({ channel: 'voice', at: '2027-02-08T23:00:00+08:00' }));
    expect(d.violations.map((v) => v.rule)).toEqual(['collection-hours', 'spring-festival-quiet']);
  });

  it('uses the local date of the target zone', async () => {
    // 2027-02-04T17:00Z is 5 February 01:00 in Shanghai (holiday) and 4 February in New York.
    const ny = context({ debtor: { id: 'D1', timeZone: 'America/New_York' } });
    const inNewYork = await guard.check(ny, action({ at: '2027-02-04T17:00:00Z' }));
    expect(inNewYork.violations.map((v) => v.rule)).not.toContain('spring-festival-quiet');
  });

  it('AI after 20:00 local', async () => {
    const d = await guard.check(context(), action({ actor: aiActor(), at: '2026-11-30T20:00:00+08:00' }));
    expect(d.violations.map((v) => v.rule)).toEqual(['no-ai-visits-or-late-ai-calls']);
    expect((await guard.check(context(), action({ actor: aiActor(), at: '2026-11-30T19:59:59+08:00' }))).outcome).toBe('allow');
  });

  it('invalid input is denied before house rules run', async () => {
    const d = await guard.check(context(), { ...action(), at: 'yesterday' });
    expect(d.violations.map((v) => v.rule)).toEqual(['invalid-input']);
  });

  it('checkSync refuses when house rules are configured', () => {
    expect(() => guard.checkSync(context(), action())).toThrow(GuardConfigError);
    expect(createGuard({ houseRules: [] }).checkSync(context(), action()).outcome).toBe('allow');
  });

  it.each([
    [rule({ name: 'Bad Name' }), 'houseRules[0].name'],
    [rule({ name: 'collection-hours' }), 'houseRules[0] (collection-hours).name'],
    [rule({ conditions: { all: [{ fact: 'chanel', operator: 'equal', value: 'sms' }] } }), 'houseRules[0] (no-sms-on-sunday).conditions.all[0].fact'],
    [rule({ conditions: { all: [{ fact: 'channel', operator: 'equals', value: 'sms' }] } }), 'houseRules[0] (no-sms-on-sunday).conditions.all[0].operator'],
    [rule({ conditions: { all: [{ fact: 'channel', operator: 'equal' }] } }), 'houseRules[0] (no-sms-on-sunday).conditions.all[0].value'],
    [rule({ conditions: { some: [] } }), 'houseRules[0] (no-sms-on-sunday).conditions'],
    [rule({ event: { type: 'x', params: {} } }), 'houseRules[0].event.params.message'],
    [rule({ onSuccess: 'x' }), 'houseRules[0]'],
  ])('a malformed house rule is refused when the guard is created, naming it (%#)', (bad, path) => {
    const error = configError(() => createGuard({ houseRules: [bad] }));
    expect(error.problems.map((p) => p.path)).toContain(path);
  });

  it('refuses duplicate ids', () => {
    expect(configError(() => createGuard({ houseRules: [rule(), rule()] })).problems[0]?.message).toContain('duplicate');
  });

  it('documents every house fact, and derives each from the facts', () => {
    const doc = readFileSync(new URL('../../docs/house-rules.md', import.meta.url), 'utf8');
    for (const name of Object.keys(HOUSE_FACTS)) expect(doc).toContain(`\`${name}\``);
    expect(Object.keys(HOUSE_FACTS)).toEqual(expect.arrayContaining(['localWeekday', 'localDate', 'channel']));
    // houseFactsOf returns exactly the documented set.
    const derived = houseFactsOf(deriveFacts(ContextSchema.parse(context()), ActionSchema.parse(action())));
    expect(Object.keys(derived).sort()).toEqual(Object.keys(HOUSE_FACTS).sort());
  });
});
