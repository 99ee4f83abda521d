/**
 * collector-training: pre-job training, a confidentiality pledge and a training assessment within the
 * interval (12 calendar months nationally), all before the action. Plain data for the RuleTester and
 * docs/rules/collector-training.md (npm run docs:rules).
 */
import { AT, action, aiActor, context } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';
import { withCollector } from '../support/who.js';

const by = (fields: Record<string, unknown>, at = AT) => action({ at, actor: withCollector(fields) });
const LATER = '2026-11-30T10:00:01+08:00';

export default {
  valid: [
    { name: 'trained, pledged and assessed this year', context: context(), action: by({}), outcome: 'allow', evaluated: true },
    { name: 'trained, pledged and assessed exactly at the instant', context: context(), action: by({ preJobTrainingPassedAt: AT, lastTrainingAssessedAt: AT, confidentialityPledgeSignedAt: AT }) },
    {
      name: 'assessed exactly 12 months before the action',
      context: context(),
      action: by({ preJobTrainingPassedAt: '2025-01-05T09:00:00+08:00', confidentialityPledgeSignedAt: '2025-01-05T09:00:00+08:00', lastTrainingAssessedAt: '2025-11-30T10:00:00+08:00' }),
      outcome: 'allow',
      doc: 'assessed exactly 12 months before the action',
    },
    { name: "31 March 2027: an assessment on 31 March 2026 at the same time is in time (calendar months, the debtor's calendar)", context: context(), action: by({ lastTrainingAssessedAt: '2026-03-31T10:00:00+08:00' }, '2027-03-31T10:00:00+08:00') },
    { name: 'assessed in May: in time under the national 12 months', context: context(), action: by({ lastTrainingAssessedAt: '2026-05-01T09:00:00+08:00' }) },
    { name: 'an AI actor: the rule does not apply', context: context(), action: action({ actor: aiActor() }), evaluated: false },
  ],
  invalid: [
    { name: 'no pre-job training', context: context(), action: by({ preJobTrainingPassedAt: undefined }), violations: [{ code: 'no-pre-job-training' }] },
    { name: 'pre-job training passed one second after the action', context: context(), action: by({ preJobTrainingPassedAt: LATER }), violations: [{ code: 'no-pre-job-training', facts: { preJobTrainingPassedAt: LATER }, exact: true }] },
    { name: 'no confidentiality pledge', context: context(), action: by({ confidentialityPledgeSignedAt: undefined }), violations: [{ code: 'no-confidentiality-pledge' }] },
    { name: 'the pledge signed after the action', context: context(), action: by({ confidentialityPledgeSignedAt: '2026-12-01T09:00:00+08:00' }), violations: [{ code: 'no-confidentiality-pledge' }] },
    { name: 'no training assessment', context: context(), action: by({ lastTrainingAssessedAt: undefined }), violations: [{ code: 'no-training-assessment', facts: { lastTrainingAssessedAt: null }, exact: true }] },
    { name: 'assessed one second after the action', context: context(), action: by({ lastTrainingAssessedAt: LATER }), violations: [{ code: 'no-training-assessment' }] },
    {
      name: 'assessed 12 months and 1 second before the action',
      context: context(),
      action: by({ preJobTrainingPassedAt: '2025-01-05T09:00:00+08:00', confidentialityPledgeSignedAt: '2025-01-05T09:00:00+08:00', lastTrainingAssessedAt: '2025-11-30T09:59:59+08:00' }),
      violations: [{ code: 'training-assessment-lapsed', facts: { lastTrainingAssessedAt: '2025-11-30T09:59:59+08:00', cutoff: '2025-11-30T10:00:00+08:00', intervalMonths: 12 }, exact: true }],
      doc: 'one second older',
    },
    { name: '31 March 2027: an assessment one second before 31 March 2026 10:00 has lapsed', context: context(), action: by({ lastTrainingAssessedAt: '2026-03-31T09:59:59+08:00' }, '2027-03-31T10:00:00+08:00'), violations: [{ code: 'training-assessment-lapsed' }] },
    {
      name: 'every missing step at once',
      context: context(),
      action: by({ preJobTrainingPassedAt: undefined, confidentialityPledgeSignedAt: undefined, lastTrainingAssessedAt: undefined }),
      violations: [{ code: 'no-pre-job-training' }, { code: 'no-confidentiality-pledge' }, { code: 'no-training-assessment' }],
    },
    {
      name: 'assessed in May: lapsed under a 6-month interval (the interval comes from the limits)',
      guard: { overlay: { trainingIntervalMonths: 6 } },
      context: context(),
      action: by({ lastTrainingAssessedAt: '2026-05-01T09:00:00+08:00' }),
      violations: [{ code: 'training-assessment-lapsed', facts: { cutoff: '2026-05-30T10:00:00+08:00', intervalMonths: 6 } }],
    },
  ],
} satisfies RuleTable;
