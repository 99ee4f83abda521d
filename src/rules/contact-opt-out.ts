import { clauses } from '../core/clauses.js';
import { formatInstant } from '../core/time.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'contact-opt-out',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.contactOptOut,
  evidence: evidence('seed, press', 'Permanent per contact record, every channel; an action at the very instant of the refusal is already a later approach.'),
  description: {
    zh: '联系人拒绝或要求不再联系的，应立即停止，此后不得再联系。',
    en: 'A contact who refused or asked not to be contacted again is never approached again.',
  },
  messages: {
    'contact-opted-out': {
      zh: '该联系人已于 {optedOutAt} 拒绝或要求不再联系，不得再联系。',
      en: 'The contact refused or asked not to be contacted again at {optedOutAt}: no further approach is allowed.',
    },
  },
  // Only a registered contact has an opt-out on record; an unregistered one is denied by debtor-only.
  scope: { targetRoles: ['contact'] },
  appliesTo: (f) => f.targetRole === 'contact' && f.contact !== null,
  check: (f, _limits, report) => {
    const optedOutAtMs = f.contact?.optedOutAtMs ?? null;
    if (optedOutAtMs === null || optedOutAtMs > f.atMs) return NONE;
    return [report.violation('contact-opted-out', { optedOutAt: formatInstant(optedOutAtMs, f.targetLocal.zone) })];
  },
});
