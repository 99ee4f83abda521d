import { clauses } from '../core/clauses.js';
import { beforeMonthsBack, trainingCutoffMs } from '../core/limits-at.js';
import { formatInstant } from '../core/time.js';
import { defineRule, evidence, type RuleResult } from '../core/define-rule.js';

export default defineRule({
  id: 'collector-training',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.collectorTraining,
  evidence: evidence('seed; press for "once a year"', 'Pre-job training and pledge before the action, and a training assessment within the last 12 calendar months on the debtor\'s calendar; dates after the action do not count.'),
  description: {
    zh: '催收人员须通过岗前培训和考核、签署个人信息保密承诺，并至少每年参加一次培训和考核。',
    en: 'A collector has passed pre-job training and assessment, signed a personal-information confidentiality pledge, and been trained and assessed again at least once a year.',
  },
  messages: {
    'no-pre-job-training': {
      zh: '催收人员在本次操作前未通过岗前培训和考核。',
      en: 'The collector had not passed pre-job training and assessment before this action.',
    },
    'no-confidentiality-pledge': {
      zh: '催收人员在本次操作前未签署个人信息保密承诺。',
      en: 'The collector had not signed a personal-information confidentiality pledge before this action.',
    },
    'no-training-assessment': {
      zh: '催收人员在本次操作前没有培训考核记录。',
      en: 'The collector has no training assessment on record before this action.',
    },
    'training-assessment-lapsed': {
      zh: '催收人员最近一次培训考核在 {lastTrainingAssessedAt}，早于截止时间 {cutoff}：培训和考核须每 {intervalMonths} 个月至少一次。',
      en: "The collector's last training assessment, at {lastTrainingAssessedAt}, is before the cutoff {cutoff}: training and assessment are due at least every {intervalMonths} months.",
    },
  },
  limits: ['trainingIntervalMonths'],
  dated: ['action.actor.collector.preJobTrainingPassedAt', 'action.actor.collector.lastTrainingAssessedAt', 'action.actor.collector.confidentialityPledgeSignedAt'],
  scope: { actorKinds: ['human'] },
  appliesTo: (f) => f.actorKind === 'human',
  check: (f, limits, report) => {
    const c = f.collector;
    const zone = f.debtorLocal.zone;
    const fmt = (ms: number | null): string | null => (ms === null ? null : formatInstant(ms, zone));
    const doneBy = (ms: number | null | undefined): ms is number => ms !== null && ms !== undefined && ms <= f.atMs;
    const found: RuleResult[] = [];
    const training = c?.preJobTrainingPassedAtMs ?? null;
    const pledge = c?.confidentialityPledgeSignedAtMs ?? null;
    const assessed = c?.lastTrainingAssessedAtMs ?? null;
    if (!doneBy(training)) found.push(report.violation('no-pre-job-training', { preJobTrainingPassedAt: fmt(training) }));
    if (!doneBy(pledge)) found.push(report.violation('no-confidentiality-pledge', { confidentialityPledgeSignedAt: fmt(pledge) }));
    if (!doneBy(assessed)) found.push(report.violation('no-training-assessment', { lastTrainingAssessedAt: fmt(assessed) }));
    else if (beforeMonthsBack(assessed, f, limits.trainingIntervalMonths)) {
      found.push(report.violation('training-assessment-lapsed', {
        lastTrainingAssessedAt: formatInstant(assessed, zone),
        cutoff: formatInstant(trainingCutoffMs(f, limits), zone),
        intervalMonths: limits.trainingIntervalMonths,
      }));
    }
    return found;
  },
});
