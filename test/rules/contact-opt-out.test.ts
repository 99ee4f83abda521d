import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { AT, action, codesOf, context } from '../support/fixtures.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

const rule = 'contact-opt-out';

describe('contact-opt-out', () => {
  it('allows a contact who never opted out', () => {
    const d = checkAction(unreachableDebtorCase(), toContact());
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it('denies an approach at exactly the instant of the opt-out', () => {
    const d = checkAction(unreachableDebtorCase({ optedOutAt: AT }), toContact());
    expect(codesOf(d, rule)).toEqual(['contact-opted-out']);
    expect(d.outcome).toBe('deny');
    expect(d.violations[0]?.facts).toEqual({ optedOutAt: '2026-11-30T10:00:00+08:00' });
    expect(d.violations[0]?.message.zh).toContain('2026-11-30T10:00:00+08:00');
  });

  it('allows an approach one second before the opt-out', () => {
    const d = checkAction(unreachableDebtorCase({ optedOutAt: AT }), toContact({ at: '2026-11-30T09:59:59+08:00' }));
    expect(codesOf(d, rule)).toEqual([]);
    expect(d.outcome).toBe('allow');
  });

  it('denies every later approach, by any channel and for any purpose', () => {
    const ctx = unreachableDebtorCase({ optedOutAt: '2026-01-01T09:00:00+08:00' });
    for (const channel of ['voice', 'sms', 'im', 'email', 'letter'] as const) {
      for (const purpose of ['locate_debtor', 'relay_message'] as const) {
        expect(codesOf(checkAction(ctx, toContact({ channel, purpose })), rule)).toEqual(['contact-opted-out']);
      }
    }
  });

  it("formats the opt-out instant in the contact's own zone", () => {
    const d = checkAction(unreachableDebtorCase({ timeZone: 'UTC', optedOutAt: '2026-11-30T01:00:00Z' }), toContact());
    expect(d.violations.find((v) => v.rule === rule)?.facts).toEqual({ optedOutAt: '2026-11-30T01:00:00+00:00' });
  });

  it('does not apply to the debtor or to an unregistered contact', () => {
    expect(checkAction(context(), action()).evaluated).not.toContain(rule);
    expect(checkAction(unreachableDebtorCase({ optedOutAt: AT }), toContact({ target: { role: 'contact', partyId: 'C9' } })).evaluated).not.toContain(rule);
  });
});
