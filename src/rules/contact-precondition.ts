import { clauses } from '../core/clauses.js';
import { debtorLostByHistory } from '../core/limits-at.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'contact-precondition',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.contactPrecondition,
  evidence: evidence('press', 'Reachability is the caller\'s fact (debtor.reachable); under a profile with debtorLostAfterFailedAttempts (cba-2026: 3) the history must also show that many unanswered outbound attempts in a row. No exception for a contact who volunteered to repay while the debtor can be reached.'),
  description: {
    zh: '仅在债务人失联、死亡或无完全民事行为能力时，方可联系其联系人。',
    en: "A debtor's contact may be approached only when the debtor cannot be reached, has died, or lacks full legal capacity.",
  },
  messages: {
    'debtor-not-shown-lost': {
      zh: '该配置要求有失联依据：债务人最近 {required} 次主动语音呼叫须连续未接通（或号码无效），历史记录不足以认定失联，不得联系其联系人。',
      en: 'This profile counts the debtor as lost only after {required} consecutive unanswered outbound call attempts (or an invalid number): the history does not show it, so contacts must not be approached.',
    },
    'debtor-reachable': {
      zh: '债务人可联系（未失联、未死亡、民事行为能力：{debtorLegalCapacity}），不得联系其联系人。',
      en: 'The debtor can be reached, is alive and has {debtorLegalCapacity} legal capacity: their contacts must not be approached.',
    },
  },
  // Every action toward a contact, registered or not: an unregistered one is also denied by debtor-only.
  scope: { targetRoles: ['contact'] },
  appliesTo: (f) => f.targetRole === 'contact',
  check: (f, limits, report) => {
    if (f.debtorDeceased || f.debtorLegalCapacity !== 'full') return NONE;
    // A profile with debtorLostAfterFailedAttempts wants the history to show it, besides the caller's word.
    const required = limits.debtorLostAfterFailedAttempts;
    if (!f.debtorReachable && required !== null && debtorLostByHistory(f, limits) === false) {
      return [report.violation('debtor-not-shown-lost', { debtorReachable: false, required })];
    }
    if (!f.debtorReachable) return NONE;
    return [
      report.violation('debtor-reachable', {
        debtorReachable: f.debtorReachable,
        debtorDeceased: f.debtorDeceased,
        debtorLegalCapacity: f.debtorLegalCapacity,
      }),
    ];
  },
});
