import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { AT, action, codesOf, context } from '../support/fixtures.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

const rule = 'contact-disclosure';
const obligationsOf = (d: ReturnType<typeof checkAction>) => d.obligations.filter((o) => o.rule === rule).map((o) => o.code);

describe('contact-disclosure', () => {
  it('allows a contact action that discloses nothing, with the duty to say nothing of the debt', () => {
    const d = checkAction(unreachableDebtorCase(), toContact());
    expect(d.outcome).toBe('allow');
    expect(obligationsOf(d)).toEqual(['no-debt-disclosure']);
    expect(d.obligations.find((o) => o.rule === rule)?.clause).toMatchObject({ clause: '5.3', topic: '不得向联系人披露债务信息' });
  });

  it.each(['debt_amount', 'overdue_duration', 'debt_details', 'repayment_info'] as const)('denies disclosing %s to a contact', (disclosure) => {
    const d = checkAction(unreachableDebtorCase(), toContact({ purpose: 'relay_message', disclosures: [disclosure] }));
    expect(codesOf(d, rule)).toEqual(['debt-disclosed']);
    expect(d.violations.find((v) => v.rule === rule)?.facts).toEqual({ disclosures: [disclosure] });
    expect(obligationsOf(d)).toEqual([]);
  });

  it('lists every disclosed item once', () => {
    const d = checkAction(unreachableDebtorCase(), toContact({ disclosures: ['debt_amount', 'overdue_duration', 'debt_amount'] }));
    expect(d.violations.find((v) => v.rule === rule)?.facts).toEqual({ disclosures: ['debt_amount', 'overdue_duration'] });
  });

  it('lets a contact who volunteered exactly at the instant be given repayment information', () => {
    const d = checkAction(unreachableDebtorCase({ volunteeredToRepayAt: AT }), toContact({ purpose: 'repayment_info', disclosures: ['debt_amount', 'repayment_info'] }));
    expect(d.outcome).toBe('allow');
    expect(obligationsOf(d)).toEqual(['repayment-info-only']);
  });

  it('keeps the ban when the contact volunteered one second after the action', () => {
    const d = checkAction(unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-30T10:00:01+08:00' }), toContact({ purpose: 'repayment_info', disclosures: ['debt_amount'] }));
    expect(codesOf(d, rule)).toEqual(['debt-disclosed']);
  });

  it('keeps the ban for a volunteer when the purpose is not repayment_info', () => {
    const d = checkAction(unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-01T10:00:00+08:00' }), toContact({ purpose: 'relay_message', disclosures: ['debt_amount'] }));
    expect(codesOf(d, rule)).toEqual(['debt-disclosed']);
  });

  it('carries no allow-only obligation on a denied action', () => {
    // Denied by contact-precondition (debtor reachable): the duty comes only with an allowed action.
    const d = checkAction(context(), toContact());
    expect(d.outcome).toBe('deny');
    expect(d.evaluated).toContain(rule);
    expect(obligationsOf(d)).toEqual([]);
  });

  it('does not apply to the debtor', () => {
    const d = checkAction(context(), action({ disclosures: ['debt_amount', 'overdue_duration'] }));
    expect(d.evaluated).not.toContain(rule);
    expect(d.outcome).toBe('allow');
  });
});
