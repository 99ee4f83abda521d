import { readingDate } from '../core/facts.js';
import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'visit-daily-cap',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.visitFrequency,
  evidence: evidence('seed', 'A visit counts whatever its outcome, every organisation together, in the debtor\'s local calendar day; only visits to the debtor.'),
  description: {
    zh: '对同一债务人的上门催收每日不超过1次（无论上门结果）。',
    en: 'On-site visits to one debtor: at most 1 a local day, whatever the outcome.',
  },
  messages: {
    'cap-reached': {
      zh: '债务人当地日期 {localDate} 已上门 {count} 次，已达每日上限 {cap} 次。',
      en: 'The debtor has already been visited {count} time(s) on local day {localDate}: the daily cap of {cap} is reached.',
    },
  },
  limits: ['visitDailyCap'],
  scope: { channels: ['visit'], targetRoles: ['debtor'] },
  appliesTo: (f) => f.channel === 'visit' && f.targetRole === 'debtor',
  check: (f, limits, report) => {
    if (f.visitsToday < limits.visitDailyCap) return NONE;
    return [report.violation('cap-reached', { count: f.visitsToday, cap: limits.visitDailyCap, localDate: readingDate(f.debtorLocal), timeZone: f.debtorLocal.zone })];
  },
});
