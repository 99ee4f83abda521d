/**
 * contact-disclosure: say nothing of the debt to a contact, except repayment information to a contact who
 * volunteered to repay. Plain data for the RuleTester and docs/rules/contact-disclosure.md (npm run docs:rules).
 */
import { AT, action, context } from '../support/fixtures.js';
import type { InvalidCase, RuleTable } from '../support/rule-tester.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';

export default {
  valid: [
    {
      name: 'locating the debtor, nothing disclosed: the duty to say nothing of the debt',
      context: unreachableDebtorCase(),
      action: toContact(),
      outcome: 'allow',
      evaluated: true,
      obligations: [{ code: 'no-debt-disclosure', facts: {}, exact: true }],
      doc: 'locating the debtor, nothing disclosed',
    },
    {
      name: 'a contact who volunteered exactly at the instant may be given repayment information',
      context: unreachableDebtorCase({ volunteeredToRepayAt: AT }),
      action: toContact({ purpose: 'repayment_info', disclosures: ['debt_amount', 'repayment_info'] }),
      outcome: 'allow',
      obligations: [{ code: 'repayment-info-only', facts: { volunteered: true }, exact: true }],
    },
    {
      name: 'a denied action (the debtor can be reached) carries no allow-only duty',
      context: context(),
      action: toContact(),
      outcome: 'deny',
      evaluated: true,
      obligations: [],
    },
    { name: 'the debtor: the rule does not apply', context: context(), action: action({ disclosures: ['debt_amount', 'overdue_duration'] }), outcome: 'allow', evaluated: false },
  ],
  invalid: [
    ...(['debt_amount', 'overdue_duration', 'debt_details', 'repayment_info'] as const).map(
      (disclosure): InvalidCase => ({
        name: `${disclosure} disclosed to a contact`,
        context: unreachableDebtorCase(),
        action: toContact({ purpose: 'relay_message', disclosures: [disclosure] }),
        violations: [{ code: 'debt-disclosed', facts: { disclosures: [disclosure] }, exact: true }],
        obligations: [],
      }),
    ),
    {
      name: 'the amount told by text message to a contact who has not offered to repay',
      context: unreachableDebtorCase(),
      action: toContact({ channel: 'sms', purpose: 'relay_message', disclosures: ['debt_amount'] }),
      violations: [{ code: 'debt-disclosed', facts: { disclosures: ['debt_amount'] }, exact: true }],
      doc: 'the amount told to a contact who has not offered to repay',
    },
    {
      name: 'every disclosed item listed once',
      context: unreachableDebtorCase(),
      action: toContact({ disclosures: ['debt_amount', 'overdue_duration', 'debt_amount'] }),
      violations: [{ code: 'debt-disclosed', facts: { disclosures: ['debt_amount', 'overdue_duration'] }, exact: true }],
    },
    {
      name: 'the contact volunteered one second after the action',
      context: unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-30T10:00:01+08:00' }),
      action: toContact({ purpose: 'repayment_info', disclosures: ['debt_amount'] }),
      violations: [{ code: 'debt-disclosed' }],
    },
    {
      name: 'a volunteer called to relay a message is still told nothing',
      context: unreachableDebtorCase({ volunteeredToRepayAt: '2026-11-01T10:00:00+08:00' }),
      action: toContact({ purpose: 'relay_message', disclosures: ['debt_amount'] }),
      violations: [{ code: 'debt-disclosed' }],
    },
  ],
} satisfies RuleTable;
