/**
 * agency-authorization: a third-party agency works under an outsourcing agreement in force, evaluated
 * within the interval (12 months nationally), with a pre-expiry evaluation in the agreement's final days,
 * and carries the duties of an agency. Plain data for the RuleTester and
 * docs/rules/agency-authorization.md (npm run docs:rules).
 */
import { AT, action, agencyOrganization, aiActor, context } from '../support/fixtures.js';
import type { ExpectedFinding, RuleTable } from '../support/rule-tester.js';
import { agencyActor } from '../support/who.js';

const by = (fields: Record<string, unknown>) => action({ actor: agencyActor(fields) });
const agreement = (validFrom?: string, validUntil?: string) => ({ ref: 'OA-1', ...(validFrom === undefined ? {} : { validFrom }), ...(validUntil === undefined ? {} : { validUntil }) });
const duties: ExpectedFinding[] = [{ code: 'agency-duties' }];
// The agreement ends 30 days after the action (2026-12-30T10:00): its final 30 days, whose 90-day period starts 2026-10-01T10:00.
const endingSoon = (lastEvaluatedAt: string) => by({ outsourcingAgreement: agreement('2026-01-01T00:00:00+08:00', '2026-12-30T10:00:00+08:00'), lastEvaluatedAt });
const preExpiry: ExpectedFinding = { code: 'pre-expiry-evaluation-due', facts: { dueBy: '2026-12-30T10:00:00+08:00', periodFrom: '2026-10-01T10:00:00+08:00' }, exact: true };

export default {
  valid: [
    { name: 'an agency under an agreement in force, evaluated this year', context: context(), action: by({}), outcome: 'allow', evaluated: true, obligations: duties },
    {
      name: 'an agency evaluated exactly 12 months before the action',
      context: context(),
      action: by({ lastEvaluatedAt: '2025-11-30T10:00:00+08:00' }),
      outcome: 'allow',
      obligations: duties,
      doc: 'an agreement in force, the agency evaluated exactly 12 months before',
    },
    { name: 'the lender itself: the rule does not apply', context: context(), action: action(), evaluated: false, obligations: [] },
    { name: 'an AI actor run by an agency', context: context(), action: action({ actor: aiActor({ organization: agencyOrganization() }) }), evaluated: true },
    { name: 'an agreement ending exactly at the action', context: context(), action: by({ outsourcingAgreement: agreement('2026-01-01T00:00:00+08:00', AT) }) },
    { name: 'an agreement starting exactly at the action', context: context(), action: by({ outsourcingAgreement: agreement(AT) }) },
    { name: 'an agreement without dates', context: context(), action: by({ outsourcingAgreement: agreement() }) },
    { name: 'evaluated exactly at the action', context: context(), action: by({ lastEvaluatedAt: AT }) },
    {
      name: 'the final 30 days of the agreement, no evaluation in its final 90 days: allowed, with the due date',
      context: context(),
      action: endingSoon('2026-05-01T09:00:00+08:00'),
      outcome: 'allow',
      obligations: [preExpiry, { code: 'agency-duties' }],
    },
    { name: '30 days and a second before the end: no pre-expiry duty yet', context: context(), action: by({ outsourcingAgreement: agreement('2026-01-01T00:00:00+08:00', '2026-12-30T10:00:01+08:00') }), obligations: duties },
    { name: 'an evaluation exactly at the start of the final 90 days discharges the pre-expiry duty', context: context(), action: endingSoon('2026-10-01T10:00:00+08:00'), obligations: duties },
    { name: 'an evaluation one second before the final 90 days does not', context: context(), action: endingSoon('2026-10-01T09:59:59+08:00'), obligations: [preExpiry, { code: 'agency-duties' }] },
  ],
  invalid: [
    { name: 'no outsourcing agreement', context: context(), action: by({ outsourcingAgreement: undefined }), violations: [{ code: 'no-outsourcing-agreement' }], obligations: [] },
    {
      name: 'an AI actor run by an agency with neither agreement nor evaluation',
      context: context(),
      action: action({ actor: aiActor({ organization: { id: 'AG1', kind: 'agency' } }) }),
      violations: [{ code: 'no-outsourcing-agreement' }, { code: 'agency-not-evaluated' }],
    },
    {
      name: 'an agreement that ended one second before the action',
      context: context(),
      action: by({ outsourcingAgreement: agreement('2026-01-01T00:00:00+08:00', '2026-11-30T09:59:59+08:00') }),
      violations: [{ code: 'outsourcing-expired', facts: { validUntil: '2026-11-30T09:59:59+08:00' }, exact: true }],
    },
    {
      name: 'an agreement that starts one second after the action',
      context: context(),
      action: by({ outsourcingAgreement: agreement('2026-11-30T10:00:01+08:00') }),
      violations: [{ code: 'outsourcing-not-yet-in-force', facts: { validFrom: '2026-11-30T10:00:01+08:00' }, exact: true }],
    },
    { name: 'never evaluated', context: context(), action: by({ lastEvaluatedAt: undefined }), violations: [{ code: 'agency-not-evaluated', facts: { lastEvaluatedAt: null }, exact: true }] },
    { name: 'evaluated only after the action', context: context(), action: by({ lastEvaluatedAt: '2026-11-30T10:00:01+08:00' }), violations: [{ code: 'agency-not-evaluated' }] },
    {
      name: 'evaluated 12 months and 1 second before the action',
      context: context(),
      action: by({ lastEvaluatedAt: '2025-11-30T09:59:59+08:00' }),
      violations: [{ code: 'evaluation-lapsed', facts: { lastEvaluatedAt: '2025-11-30T09:59:59+08:00', cutoff: '2025-11-30T10:00:00+08:00', intervalMonths: 12 }, exact: true }],
    },
    {
      name: 'no agreement, and the evaluation is 14 months old',
      context: context(),
      action: by({ outsourcingAgreement: undefined, lastEvaluatedAt: '2025-09-30T09:00:00+08:00' }),
      violations: [{ code: 'no-outsourcing-agreement' }, { code: 'evaluation-lapsed' }],
      doc: 'no agreement, and the evaluation is 14 months old',
    },
    {
      name: 'evaluated in May: lapsed under a 6-month interval (the interval comes from the limits)',
      guard: { overlay: { agencyEvaluationIntervalMonths: 6 } },
      context: context(),
      action: by({ lastEvaluatedAt: '2026-05-01T09:00:00+08:00' }),
      violations: [{ code: 'evaluation-lapsed' }],
    },
  ],
} satisfies RuleTable;
