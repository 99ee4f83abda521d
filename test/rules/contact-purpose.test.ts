import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { AT, action, codesOf, context } from '../support/fixtures.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

const rule = 'contact-purpose';

describe('contact-purpose', () => {
  it.each(['locate_debtor', 'relay_message'] as const)('allows %s', (purpose) => {
    const d = checkAction(unreachableDebtorCase(), toContact({ purpose }));
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it.each(['demand_payment', 'reminder'] as const)('denies %s, even toward a contact who volunteered to repay', (purpose) => {
    for (const ctx of [unreachableDebtorCase(), unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-01T10:00:00+08:00' })]) {
      const d = checkAction(ctx, toContact({ purpose }));
      expect(codesOf(d, rule)).toEqual(['purpose-not-allowed']);
      expect(d.violations[0]?.facts).toEqual({ purpose, allowed: ['locate_debtor', 'relay_message'] });
      expect(d.violations[0]?.message.en).toContain(purpose);
    }
  });

  it('denies an action toward a contact without a purpose', () => {
    const d = checkAction(unreachableDebtorCase(), toContact({ purpose: undefined }));
    expect(codesOf(d, rule)).toEqual(['purpose-missing']);
    expect(d.outcome).toBe('deny');
  });

  it('denies repayment_info to a contact who has not volunteered to repay', () => {
    expect(codesOf(checkAction(unreachableDebtorCase(), toContact({ purpose: 'repayment_info' })), rule)).toEqual(['repayment-not-volunteered']);
  });

  it('allows repayment_info to a contact who volunteered exactly at the instant; not one second later', () => {
    expect(codesOf(checkAction(unreachableDebtorCase({ volunteeredToRepayAt: AT }), toContact({ purpose: 'repayment_info' })), rule)).toEqual([]);
    expect(checkAction(unreachableDebtorCase({ volunteeredToRepayAt: AT }), toContact({ purpose: 'repayment_info' })).outcome).toBe('allow');
    expect(codesOf(checkAction(unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-30T10:00:01+08:00' }), toContact({ purpose: 'repayment_info' })), rule)).toEqual([
      'repayment-not-volunteered',
    ]);
  });

  it('does not apply to the debtor (a missing purpose toward the debtor is not its concern)', () => {
    expect(checkAction(context(), action({ purpose: undefined })).evaluated).not.toContain(rule);
  });
});
