import { RULE_FACT_LABELS } from '../../src/core/labels.js';
import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import type { ActionInput } from '../../src/index.js';
import { action, aiActor, codesOf, context, visitAction } from '../support/fixtures.js';

type Conduct = NonNullable<ActionInput['conduct']>[number];
const ALL: Conduct[] = ['threat', 'insult', 'violence', 'harassment', 'impersonation', 'forged_document', 'false_statement', 'public_shaming'];

describe('lawful-conduct', () => {
  it('no flagged conduct: allowed, and the rule is evaluated', () => {
    const d = checkAction(context(), action({ conduct: [] }));
    expect(codesOf(d, 'lawful-conduct')).toEqual([]);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain('lawful-conduct');
  });

  it('conduct omitted defaults to none', () => {
    const input: Record<string, unknown> = { ...action() };
    delete input.conduct;
    const d = checkAction(context(), input as never);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain('lawful-conduct');
  });

  it.each(ALL)('%s is denied', (value) => {
    const d = checkAction(context(), action({ conduct: [value] }));
    expect(codesOf(d, 'lawful-conduct')).toEqual(['prohibited-conduct']);
    expect(d.outcome).toBe('deny');
    expect(d.violations[0]).toMatchObject({
      rule: 'lawful-conduct',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '依法合规催收：禁止暴力催收、虚假陈述与公开散布' },
      code: 'prohibited-conduct',
      facts: { conduct: [value] },
    });
    expect(d.violations[0]?.message.en).toContain(value);
    // The Chinese message names the conduct in Chinese, not by its code.
    expect(d.violations[0]?.message.zh).toContain(RULE_FACT_LABELS.conduct?.[value]?.zh ?? '(no label)');
    expect(d.violations[0]?.message.zh).not.toContain(value);
  });

  it('two values give one violation listing both', () => {
    const d = checkAction(context(), action({ conduct: ['threat', 'impersonation'] }));
    expect(codesOf(d, 'lawful-conduct')).toEqual(['prohibited-conduct']);
    expect(d.violations[0]?.facts).toEqual({ conduct: ['threat', 'impersonation'] });
  });

  it('a repeated value is listed once', () => {
    const d = checkAction(context(), action({ conduct: ['insult', 'insult', 'harassment'] }));
    expect(d.violations[0]?.facts).toEqual({ conduct: ['insult', 'harassment'] });
  });

  it('all eight values give one violation listing all eight', () => {
    const d = checkAction(context(), action({ conduct: ALL }));
    expect(codesOf(d, 'lawful-conduct')).toEqual(['prohibited-conduct']);
    expect(d.violations[0]?.facts).toEqual({ conduct: ALL });
  });

  it('issue 14: a false or misleading statement and public shaming are denied on their own, on every channel', () => {
    for (const value of ['false_statement', 'public_shaming'] as const) {
      for (const channel of ['voice', 'sms', 'letter', 'im'] as const) {
        const d = checkAction(context(), action({ channel, conduct: [value] }));
        expect(d.outcome, `${value} by ${channel}`).toBe('deny');
        expect(d.violations.map((v) => [v.rule, v.code])).toEqual([['lawful-conduct', 'prohibited-conduct']]);
      }
    }
    // The same action without the flag is allowed: the flag alone makes the deny.
    expect(checkAction(context(), action({ channel: 'letter', conduct: [] })).outcome).toBe('allow');
  });

  it('applies to every channel, every target and AI actors', () => {
    expect(codesOf(checkAction(context(), visitAction({ conduct: ['violence'] })), 'lawful-conduct')).toEqual(['prohibited-conduct']);
    expect(codesOf(checkAction(context(), action({ channel: 'letter', conduct: ['forged_document'] })), 'lawful-conduct')).toEqual(['prohibited-conduct']);
    expect(codesOf(checkAction(context(), action({ target: { role: 'guarantor', partyId: 'G1' }, conduct: ['threat'] })), 'lawful-conduct')).toEqual(['prohibited-conduct']);
    expect(codesOf(checkAction(context(), action({ actor: aiActor(), conduct: ['harassment'] })), 'lawful-conduct')).toEqual(['prohibited-conduct']);
  });

  it('an unknown conduct value is invalid input', () => {
    const d = checkAction(context(), { ...action(), conduct: ['shouting' as never] });
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.violations[0]?.facts.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'action.conduct[0]' })]));
  });
});
