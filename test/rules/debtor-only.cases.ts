/** debtor-only: who may be approached (the debtor, a registered contact, a registered guarantor). */
import { action, context } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';
import { toContact, toGuarantor, unreachableDebtorCase } from '../support/who.js';

export default {
  valid: [
    { name: 'the debtor, by id', doc: 'the debtor of the case', context: context(), action: action({ target: { role: 'debtor', partyId: 'D1' } }) },
    { name: 'the debtor, without an id', context: context(), action: action({ target: { role: 'debtor' } }) },
    { name: 'a registered contact, the debtor unreachable', context: unreachableDebtorCase(), action: toContact() },
    { name: 'a registered guarantor', context: context(), action: toGuarantor() },
  ],
  invalid: [
    {
      name: 'a third party without an id',
      context: context(),
      action: action({ target: { role: 'third_party' } }),
      violations: [{ code: 'third-party', facts: { role: 'third_party' } }],
    },
    {
      name: 'a third party with an id',
      context: context(),
      action: action({ target: { role: 'third_party', partyId: 'X1' } }),
      violations: [{ code: 'third-party', facts: { role: 'third_party' } }],
    },
    {
      name: 'a contact the case does not register',
      doc: 'a contact the case does not register',
      context: unreachableDebtorCase(),
      action: toContact({ target: { role: 'contact', partyId: 'C9' } }),
      violations: [{ code: 'unregistered-contact', facts: { role: 'contact' } }],
    },
    {
      name: 'a contact when the case registers no contacts at all',
      context: context({ debtor: { id: 'D1', reachable: false }, contacts: [] }),
      action: toContact(),
      violations: [{ code: 'unregistered-contact', facts: { role: 'contact' } }],
    },
    {
      name: 'a guarantor the case does not register',
      context: context(),
      action: toGuarantor({ target: { role: 'guarantor', partyId: 'G9' } }),
      violations: [{ code: 'unregistered-guarantor', facts: { role: 'guarantor' } }],
    },
    {
      name: 'a "debtor" target whose id is another person',
      context: context(),
      action: action({ target: { role: 'debtor', partyId: 'D2' } }),
      violations: [{ code: 'not-the-debtor', facts: { role: 'debtor' } }],
    },
    {
      name: 'a registered contact id given as a guarantor (roles are not interchangeable)',
      context: context(),
      action: toGuarantor({ target: { role: 'guarantor', partyId: 'C1' } }),
      violations: [{ code: 'unregistered-guarantor', facts: { role: 'guarantor' } }],
    },
    {
      name: 'a registered guarantor id given as a contact (roles are not interchangeable)',
      context: unreachableDebtorCase(),
      action: toContact({ target: { role: 'contact', partyId: 'G1' } }),
      violations: [{ code: 'unregistered-contact', facts: { role: 'contact' } }],
    },
  ],
} satisfies RuleTable;
