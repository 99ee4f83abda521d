/** visit-premises: a visit (to anyone) must not enter a private residence or an office area. */
import { action, context, visitAction } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';
import { unreachableDebtorCase } from '../support/who.js';

type Target = { role: 'debtor' | 'guarantor'; partyId: string };
const visiting = (entersPrivateResidence: boolean, entersOfficeArea: boolean, target: Target = { role: 'debtor', partyId: 'D1' }) =>
  visitAction({ target, visit: { staffCount: 2, entersPrivateResidence, entersOfficeArea } });
const GUARANTOR: Target = { role: 'guarantor', partyId: 'G1' };

export default {
  valid: [
    { name: 'a visit that enters neither', doc: 'the visit stays outside both', context: context(), action: visiting(false, false) },
    { name: 'a visit to a guarantor that enters neither', context: context(), action: visiting(false, false, GUARANTOR) },
    { name: 'not a visit: the rule does not apply', context: context(), action: action() },
  ],
  invalid: [
    { name: 'enters a private residence', context: context(), action: visiting(true, false), violations: [{ code: 'enters-private-residence', facts: {} }] },
    { name: 'enters an office area', context: context(), action: visiting(false, true), violations: [{ code: 'enters-office-area', facts: {} }] },
    {
      name: 'enters both: two violations',
      doc: 'the visit would enter both a residence and an office area',
      context: context(),
      action: visiting(true, true),
      violations: [
        { code: 'enters-private-residence', facts: {} },
        { code: 'enters-office-area', facts: {} },
      ],
    },
    {
      name: "a visit to a registered contact entering the contact's office area",
      context: unreachableDebtorCase(),
      action: visitAction({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor', visit: { staffCount: 2, entersPrivateResidence: false, entersOfficeArea: true } }),
      violations: [{ code: 'enters-office-area', facts: {} }],
    },
    { name: "a visit to a guarantor entering the guarantor's residence", context: context(), action: visiting(true, false, GUARANTOR), violations: [{ code: 'enters-private-residence', facts: {} }] },
  ],
} satisfies RuleTable;
