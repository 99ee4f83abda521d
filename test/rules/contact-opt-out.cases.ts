/**
 * contact-opt-out: a contact who asked not to be contacted again is never approached from that instant on.
 * Plain data for the RuleTester and docs/rules/contact-opt-out.md (npm run docs:rules).
 */
import { AT, action, context } from '../support/fixtures.js';
import type { InvalidCase, RuleTable } from '../support/rule-tester.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

const optedOut = unreachableDebtorCase({ optedOutAt: '2026-01-01T09:00:00+08:00' });

export default {
  valid: [
    { name: 'a contact who never opted out', context: unreachableDebtorCase(), action: toContact(), outcome: 'allow', evaluated: true },
    {
      name: 'one second before the opt-out',
      context: unreachableDebtorCase({ optedOutAt: AT }),
      action: toContact({ at: '2026-11-30T09:59:59+08:00' }),
      outcome: 'allow',
      evaluated: true,
      doc: 'one second before the opt-out',
    },
    { name: 'the debtor: the rule does not apply', context: context(), action: action(), evaluated: false },
    { name: 'an unregistered contact: the rule does not apply', context: unreachableDebtorCase({ optedOutAt: AT }), action: toContact({ target: { role: 'contact', partyId: 'C9' } }), evaluated: false },
  ],
  invalid: [
    {
      name: 'exactly at the instant of the opt-out',
      context: unreachableDebtorCase({ optedOutAt: AT }),
      action: toContact(),
      violations: [{ code: 'contact-opted-out', facts: { optedOutAt: '2026-11-30T10:00:00+08:00' }, exact: true }],
      doc: 'exactly at the opt-out',
    },
    ...(['voice', 'sms', 'im', 'email', 'letter'] as const).flatMap((channel) =>
      (['locate_debtor', 'relay_message'] as const).map(
        (purpose): InvalidCase => ({ name: `a later ${channel} to ${purpose}`, context: optedOut, action: toContact({ channel, purpose }), violations: [{ code: 'contact-opted-out' }] }),
      ),
    ),
    {
      name: "the opt-out instant written in the contact's own zone",
      context: unreachableDebtorCase({ timeZone: 'UTC', optedOutAt: '2026-11-30T01:00:00Z' }),
      action: toContact(),
      violations: [{ code: 'contact-opted-out', facts: { optedOutAt: '2026-11-30T01:00:00+00:00' }, exact: true }],
    },
  ],
} satisfies RuleTable;
