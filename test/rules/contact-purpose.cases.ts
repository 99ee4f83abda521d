/**
 * contact-purpose: a contact may only be asked to help locate the debtor or to relay a message, or be given
 * repayment information after volunteering to repay. Plain data for the RuleTester and
 * docs/rules/contact-purpose.md (npm run docs:rules).
 */
import { AT, action, context } from '../support/fixtures.js';
import type { InvalidCase, RuleTable } from '../support/rule-tester.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

const volunteer = unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-01T10:00:00+08:00' });

export default {
  valid: [
    { name: 'locate_debtor', context: unreachableDebtorCase(), action: toContact({ purpose: 'locate_debtor' }), outcome: 'allow', evaluated: true, doc: 'asking a contact to help locate the debtor' },
    { name: 'relay_message', context: unreachableDebtorCase(), action: toContact({ purpose: 'relay_message' }), outcome: 'allow', evaluated: true },
    { name: 'repayment_info to a contact who volunteered exactly at the instant', context: unreachableDebtorCase({ volunteeredToRepayAt: AT }), action: toContact({ purpose: 'repayment_info' }), outcome: 'allow' },
    { name: 'the debtor without a purpose: the rule does not apply', context: context(), action: action({ purpose: undefined }), evaluated: false },
  ],
  invalid: [
    ...(['demand_payment', 'reminder'] as const).flatMap((purpose): InvalidCase[] =>
      [
        ['', unreachableDebtorCase()],
        [', even to a contact who volunteered to repay', volunteer],
      ].map(([suffix, ctx]) => ({
        name: `${purpose}${suffix as string}`,
        context: ctx as ReturnType<typeof unreachableDebtorCase>,
        action: toContact({ purpose }),
        violations: [{ code: 'purpose-not-allowed', facts: { purpose, allowed: ['locate_debtor', 'relay_message'] }, exact: true }],
        ...(purpose === 'demand_payment' && suffix === '' ? { doc: 'a payment demand to the contact' } : {}),
      })),
    ),
    { name: 'no purpose', context: unreachableDebtorCase(), action: toContact({ purpose: undefined }), violations: [{ code: 'purpose-missing' }], outcome: 'deny' },
    { name: 'repayment_info to a contact who has not volunteered', context: unreachableDebtorCase(), action: toContact({ purpose: 'repayment_info' }), violations: [{ code: 'repayment-not-volunteered' }] },
    {
      name: 'repayment_info to a contact who volunteered one second after the action',
      context: unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-30T10:00:01+08:00' }),
      action: toContact({ purpose: 'repayment_info' }),
      violations: [{ code: 'repayment-not-volunteered' }],
    },
  ],
} satisfies RuleTable;
