import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import type { ContextInput } from '../../src/index.js';
import { action, AT, codesOf, context, visitAction } from '../support/fixtures.js';

const settled = (settledAt: string, overrides: Partial<ContextInput> = {}) => context({ debt: { id: 'L1', status: 'settled', settledAt }, ...overrides });

// The action is at AT = 2026-11-30T10:00:00+08:00.
describe('settled-debt', () => {
  it('an overdue debt: allowed, and the rule is evaluated', () => {
    const d = checkAction(context(), action());
    expect(codesOf(d, 'settled-debt')).toEqual([]);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain('settled-debt');
    expect(d.obligations.map((o) => o.code)).not.toContain('destroy-case-data');
  });

  it('settled before the action: denied, with the destroy-case-data obligation on the deny', () => {
    const d = checkAction(settled('2026-11-29T15:00:00+08:00'), action());
    expect(d.outcome).toBe('deny');
    expect(codesOf(d, 'settled-debt')).toEqual(['debt-settled']);
    expect(d.violations[0]).toMatchObject({
      rule: 'settled-debt',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '债务结清后停止催收' },
      code: 'debt-settled',
    });
    const destroy = d.obligations.filter((o) => o.code === 'destroy-case-data');
    expect(destroy).toHaveLength(1);
    // The data-destruction duty sits in 5.5 (personal-information security), the stop in 5.3 (issue 14).
    expect(destroy[0]).toMatchObject({ rule: 'settled-debt', clause: { standard: 'GB/T 45251—2025', clause: '5.5', topic: '结清后通知第三方催收机构销毁数据' } });
    expect(destroy[0]?.message.en).toContain('5.5');
    // A denied action carries no record-keeping obligation.
    expect(d.obligations.map((o) => o.code)).not.toContain('retain-records');
    expect(d.evaluated).toContain('settled-debt');
  });

  it('settled exactly at the action instant: denied', () => {
    expect(codesOf(checkAction(settled(AT), action()), 'settled-debt')).toEqual(['debt-settled']);
    // The same instant written in another offset.
    expect(codesOf(checkAction(settled('2026-11-30T02:00:00Z'), action()), 'settled-debt')).toEqual(['debt-settled']);
  });

  it('settled one second after the action: allowed (status "settled" with a later settledAt is valid input)', () => {
    const d = checkAction(settled('2026-11-30T10:00:01+08:00'), action());
    expect(d.violations.map((v) => v.rule)).not.toContain('invalid-input');
    expect(codesOf(d, 'settled-debt')).toEqual([]);
    expect(d.outcome).toBe('allow');
    expect(d.obligations.map((o) => o.code)).not.toContain('destroy-case-data');
  });

  it('applies to every channel and every target', () => {
    const ctx = settled('2026-11-01T00:00:00+08:00');
    for (const channel of ['voice', 'sms', 'im', 'email', 'letter'] as const) {
      expect(codesOf(checkAction(ctx, action({ channel })), 'settled-debt')).toEqual(['debt-settled']);
    }
    expect(codesOf(checkAction(ctx, visitAction()), 'settled-debt')).toEqual(['debt-settled']);
    expect(codesOf(checkAction(ctx, action({ target: { role: 'guarantor', partyId: 'G1' } })), 'settled-debt')).toEqual(['debt-settled']);
  });

  it('other violations do not remove the destroy-case-data obligation', () => {
    const d = checkAction(settled('2026-11-01T00:00:00+08:00'), action({ at: '2026-11-30T23:00:00+08:00', conduct: ['threat'] }));
    expect(d.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['collection-hours', 'settled-debt', 'lawful-conduct']));
    expect(d.obligations.map((o) => o.code)).toEqual(['destroy-case-data']);
  });

  it('status settled without settledAt is invalid input', () => {
    const d = checkAction(context({ debt: { id: 'L1', status: 'settled' } }), action());
    expect(d.outcome).toBe('deny');
    expect(d.violations).toHaveLength(1);
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.violations[0]?.facts.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'context.debt.settledAt' })]));
    expect(d.evaluated).toEqual([]);
  });

  it('status overdue with a settledAt is invalid input', () => {
    const d = checkAction(context({ debt: { id: 'L1', status: 'overdue', settledAt: '2026-11-01T00:00:00+08:00' } }), action());
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.violations[0]?.facts.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'context.debt.settledAt' })]));
  });
});
