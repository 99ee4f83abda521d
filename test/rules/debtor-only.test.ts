import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { action, codesOf, context } from '../support/fixtures.js';
import { toContact, toGuarantor, unreachableDebtorCase } from '../support/who.js';

describe('debtor-only', () => {
  it('allows the debtor, by id or without one', () => {
    for (const target of [{ role: 'debtor', partyId: 'D1' }, { role: 'debtor' }] as const) {
      const d = checkAction(context(), action({ target }));
      expect(d.outcome).toBe('allow');
      expect(d.evaluated).toContain('debtor-only');
    }
  });

  it('allows a registered contact and a registered guarantor', () => {
    expect(codesOf(checkAction(unreachableDebtorCase(), toContact()), 'debtor-only')).toEqual([]);
    expect(checkAction(unreachableDebtorCase(), toContact()).outcome).toBe('allow');
    expect(checkAction(context(), toGuarantor()).outcome).toBe('allow');
  });

  it('denies a third party, with or without a party id', () => {
    for (const target of [{ role: 'third_party' }, { role: 'third_party', partyId: 'X1' }] as const) {
      const d = checkAction(context(), action({ target }));
      expect(codesOf(d, 'debtor-only')).toEqual(['third-party']);
      expect(d.outcome).toBe('deny');
      expect(d.violations.find((v) => v.rule === 'debtor-only')?.facts).toEqual({ role: 'third_party' });
    }
  });

  it('denies a contact who is not registered in the case', () => {
    const d = checkAction(unreachableDebtorCase(), toContact({ target: { role: 'contact', partyId: 'C9' } }));
    expect(codesOf(d, 'debtor-only')).toEqual(['unregistered-contact']);
    expect(d.violations.find((v) => v.rule === 'debtor-only')?.facts).toEqual({ role: 'contact' });
  });

  it('denies a contact when the case registers no contacts at all', () => {
    const d = checkAction(context({ debtor: { id: 'D1', reachable: false }, contacts: [] }), toContact());
    expect(codesOf(d, 'debtor-only')).toEqual(['unregistered-contact']);
  });

  it('denies a guarantor who is not registered in the case', () => {
    const d = checkAction(context(), toGuarantor({ target: { role: 'guarantor', partyId: 'G9' } }));
    expect(codesOf(d, 'debtor-only')).toEqual(['unregistered-guarantor']);
    // guarantor-scope has no guarantee to check for an unregistered guarantor.
    expect(d.evaluated).not.toContain('guarantor-scope');
  });

  it('denies a "debtor" target whose id is not the debtor of the case', () => {
    const d = checkAction(context(), action({ target: { role: 'debtor', partyId: 'D2' } }));
    expect(codesOf(d, 'debtor-only')).toEqual(['not-the-debtor']);
    expect(d.violations[0]).toMatchObject({ rule: 'debtor-only', clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '催收对象' } });
  });

  it('a contact id registered as a contact is not a guarantor (roles are not interchangeable)', () => {
    expect(codesOf(checkAction(context(), toGuarantor({ target: { role: 'guarantor', partyId: 'C1' } })), 'debtor-only')).toEqual(['unregistered-guarantor']);
    expect(codesOf(checkAction(unreachableDebtorCase(), toContact({ target: { role: 'contact', partyId: 'G1' } })), 'debtor-only')).toEqual(['unregistered-contact']);
  });

  it('never lets a party id into the decision', () => {
    const secret = '张三-13800138000';
    const decisions = [
      checkAction(context(), action({ target: { role: 'third_party', partyId: secret } })),
      checkAction(unreachableDebtorCase(), toContact({ target: { role: 'contact', partyId: secret } })),
      checkAction(context(), toGuarantor({ target: { role: 'guarantor', partyId: secret } })),
      checkAction(context(), action({ target: { role: 'debtor', partyId: secret } })),
    ];
    for (const d of decisions) {
      expect(d.outcome).toBe('deny');
      expect(JSON.stringify(d)).not.toContain(secret);
      expect(JSON.stringify(d)).not.toContain('13800138000');
    }
  });
});
