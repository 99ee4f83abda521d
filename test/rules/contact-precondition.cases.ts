/**
 * contact-precondition: a debtor's contact may be approached only when the debtor cannot be reached, has
 * died, or lacks full legal capacity (and, under a profile that asks for it, the history shows the debtor
 * lost). Plain data for the RuleTester and docs/rules/contact-precondition.md (npm run docs:rules).
 */
import { action, context, past } from '../support/fixtures.js';
import type { RuleTable, ValidCase } from '../support/rule-tester.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

type Debtor = Parameters<typeof unreachableDebtorCase>[1];
const reachable = { debtorReachable: true, debtorDeceased: false, debtorLegalCapacity: 'full' };
const cba = { profile: 'cba-2026' };
/** Voice attempts toward the debtor the day before, one an hour from 09:00. */
const tries = (...outcomes: string[]) => outcomes.map((o, i) => past('voice', `2026-11-29T${String(9 + i).padStart(2, '0')}:00:00+08:00`, o));
const lostWith = (history: ReturnType<typeof tries>) => ({ ...unreachableDebtorCase(), history });

export default {
  valid: [
    ...([
      ['unreachable', { reachable: false }],
      ['deceased', { reachable: true, deceased: true }],
      ['of limited legal capacity', { reachable: true, legalCapacity: 'limited' }],
      ['without legal capacity', { reachable: true, legalCapacity: 'none' }],
    ] as const).map(([label, debtor]): ValidCase => ({
      name: `the debtor is ${label}`,
      context: unreachableDebtorCase({}, debtor as Debtor),
      action: toContact(),
      outcome: 'allow',
      evaluated: true,
      ...(label === 'unreachable' ? { doc: 'the debtor cannot be reached' } : {}),
    })),
    { name: 'cba-2026: three consecutive unanswered attempts show the debtor lost', guard: cba, context: lostWith(tries('not_connected', 'failed', 'not_connected')), action: toContact(), outcome: 'allow' },
    { name: 'the debtor: the rule does not apply', context: context(), action: action(), evaluated: false },
    { name: 'a guarantor: the rule does not apply', context: context(), action: action({ target: { role: 'guarantor', partyId: 'G1' } }), evaluated: false },
  ],
  invalid: [
    {
      name: 'the debtor can be reached, is alive and fully capable',
      context: context(),
      action: toContact(),
      violations: [{ code: 'debtor-reachable', facts: reachable, exact: true }],
      doc: 'the same call while the debtor can be reached',
    },
    { name: 'an unregistered contact while the debtor can be reached (debtor-only denies it too)', context: context(), action: toContact({ target: { role: 'contact', partyId: 'C9' } }), violations: [{ code: 'debtor-reachable' }] },
    {
      name: 'cba-2026: reachable: false alone does not show the debtor lost',
      guard: cba,
      context: unreachableDebtorCase(),
      action: toContact(),
      violations: [{ code: 'debtor-not-shown-lost', facts: { debtorReachable: false, required: 3 }, exact: true }],
    },
    { name: 'cba-2026: two unanswered attempts are not three', guard: cba, context: lostWith(tries('not_connected', 'not_connected')), action: toContact(), violations: [{ code: 'debtor-not-shown-lost' }] },
    {
      name: 'cba-2026: an answered call breaks the run',
      guard: cba,
      context: lostWith(tries('not_connected', 'not_connected', 'not_connected', 'connected')),
      action: toContact(),
      violations: [{ code: 'debtor-not-shown-lost' }],
    },
    {
      name: 'cba-2026: the history never makes a reachable debtor lost',
      guard: cba,
      context: context({ history: tries('failed', 'failed', 'failed', 'failed') }),
      action: toContact(),
      violations: [{ code: 'debtor-reachable' }],
    },
  ],
} satisfies RuleTable;
