import { clauses } from '../clauses.js';
import { defineRule, NONE, violation } from './define-rule.js';

export default defineRule({
  id: 'contact-precondition',
  clause: clauses.contactPrecondition,
  description: {
    zh: '仅在债务人失联、死亡或无完全民事行为能力时，方可联系其联系人。',
    en: "A debtor's contact may be approached only when the debtor cannot be reached, has died, or lacks full legal capacity.",
  },
  messages: {
    'debtor-reachable': {
      zh: '债务人可联系（未失联、未死亡、民事行为能力：{debtorLegalCapacity}），不得联系其联系人。',
      en: 'The debtor can be reached, is alive and has {debtorLegalCapacity} legal capacity: their contacts must not be approached.',
    },
  },
  // Every action toward a contact, registered or not: an unregistered one is also denied by debtor-only.
  appliesTo: (f) => f.targetRole === 'contact',
  check: (f) => {
    const allowed = !f.debtorReachable || f.debtorDeceased || f.debtorLegalCapacity !== 'full';
    if (allowed) return NONE;
    return [
      violation('debtor-reachable', {
        debtorReachable: f.debtorReachable,
        debtorDeceased: f.debtorDeceased,
        debtorLegalCapacity: f.debtorLegalCapacity,
      }),
    ];
  },
});
