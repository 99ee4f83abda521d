/** visit-staffing: a visit (to anyone) needs between visitStaffMin (2) and visitStaffMax (3) staff. */
import { action, context, visitAction } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';

type Target = { role: 'debtor' | 'guarantor'; partyId: string };
const staffed = (staffCount: number, target: Target = { role: 'debtor', partyId: 'D1' }) =>
  visitAction({ target, visit: { staffCount, entersPrivateResidence: false, entersOfficeArea: false } });
const GUARANTOR: Target = { role: 'guarantor', partyId: 'G1' };
/** An overlay may raise the minimum (never lower it): the limits come from the guard's profile. */
const THREE_ONLY = { overlay: { visitStaffMin: 3 } };
const bounds = (staffCount: number) => ({ staffCount, min: 2, max: 3 });

export default {
  valid: [
    { name: 'two staff, the minimum', context: context(), action: staffed(2) },
    { name: 'three staff, the maximum', doc: '3 staff', context: context(), action: staffed(3) },
    { name: 'two staff visiting a guarantor', context: context(), action: staffed(2, GUARANTOR) },
    { name: 'not a visit: the rule does not apply', context: context(), action: action() },
    { name: 'an overlay requiring 3 staff: three pass', guard: THREE_ONLY, context: context(), action: staffed(3) },
  ],
  invalid: [
    { name: 'no staff', context: context(), action: staffed(0), violations: [{ code: 'too-few-staff', facts: bounds(0) }] },
    { name: 'one staff', context: context(), action: staffed(1), violations: [{ code: 'too-few-staff', facts: bounds(1) }] },
    { name: 'four staff', doc: '4 staff', context: context(), action: staffed(4), violations: [{ code: 'too-many-staff', facts: bounds(4) }] },
    { name: 'ten staff', context: context(), action: staffed(10), violations: [{ code: 'too-many-staff', facts: bounds(10) }] },
    {
      name: 'an overlay requiring 3 staff: two are too few',
      guard: THREE_ONLY,
      context: context(),
      action: staffed(2),
      violations: [{ code: 'too-few-staff', facts: { staffCount: 2, min: 3, max: 3 } }],
    },
    { name: 'one staff visiting a guarantor', context: context(), action: staffed(1, GUARANTOR), violations: [{ code: 'too-few-staff', facts: bounds(1) }] },
  ],
} satisfies RuleTable;
