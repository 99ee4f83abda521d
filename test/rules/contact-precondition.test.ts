import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { action, codesOf, context } from '../support/fixtures.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

const rule = 'contact-precondition';

describe('contact-precondition', () => {
  it('denies approaching a contact while the debtor is reachable, alive and fully capable', () => {
    const d = checkAction(context(), toContact());
    expect(codesOf(d, rule)).toEqual(['debtor-reachable']);
    expect(d.outcome).toBe('deny');
    expect(d.violations[0]?.facts).toEqual({ debtorReachable: true, debtorDeceased: false, debtorLegalCapacity: 'full' });
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.3', topic: '联系人联系前提' });
  });

  it.each([
    ['unreachable', { reachable: false }],
    ['deceased', { reachable: true, deceased: true }],
    ['of limited legal capacity', { reachable: true, legalCapacity: 'limited' as const }],
    ['without legal capacity', { reachable: true, legalCapacity: 'none' as const }],
  ])('allows a contact when the debtor is %s', (_label, debtor) => {
    const d = checkAction(unreachableDebtorCase({}, debtor), toContact());
    expect(codesOf(d, rule)).toEqual([]);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it('applies to an unregistered contact too (debtor-only also denies it)', () => {
    const d = checkAction(context(), toContact({ target: { role: 'contact', partyId: 'C9' } }));
    expect(codesOf(d, rule)).toEqual(['debtor-reachable']);
    expect(codesOf(d, 'debtor-only')).toEqual(['unregistered-contact']);
  });

  it('does not apply to the debtor or a guarantor', () => {
    expect(checkAction(context(), action()).evaluated).not.toContain(rule);
    expect(checkAction(context(), action({ target: { role: 'guarantor', partyId: 'G1' } })).evaluated).not.toContain(rule);
  });
});
