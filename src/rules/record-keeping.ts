import { clauses } from '../core/clauses.js';
import { retainUntilMs } from '../core/limits-at.js';
import { formatInstant } from '../core/time.js';
import { defineRule, evidence } from '../core/define-rule.js';

export default defineRule({
  id: 'record-keeping',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.recordKeeping,
  evidence: evidence('press', 'An allowed action carries the duty to record it and keep the record at least 2 calendar years from the action, in the debtor\'s zone.'),
  description: {
    zh: '如实、完整记录催收全过程，受托机构向出借人移交完整记录，记录至少保存2年。',
    en: 'Record the whole process truthfully and completely; agencies hand complete records to the lender; keep them at least 2 years.',
  },
  messages: {
    'retain-records': {
      zh: '如实完整记录本次催收全过程，并至少保存至 {retainUntil}（{years} 年）。',
      en: 'Record this action truthfully and completely and keep the record at least until {retainUntil} ({years} years).',
    },
  },
  limits: ['recordRetentionYears'],
  appliesTo: () => true,
  check: (f, limits, report) => [
    report.obligation('retain-records', { retainUntil: formatInstant(retainUntilMs(f, limits), f.debtorLocal.zone), years: limits.recordRetentionYears }),
  ],
});
