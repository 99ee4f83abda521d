import { clauses } from '../core/clauses.js';
import { beforeMonthsBack, evaluationCutoffMs } from '../core/limits-at.js';
import { DAY_MS, formatInstant } from '../core/time.js';

/**
 * The pre-expiry evaluation (委托协议到期前也需开展1次): work under an agreement in its final
 * PRE_EXPIRY_NOTICE_DAYS carries an obligation naming the due date, unless the agency was evaluated in the
 * agreement's final PRE_EXPIRY_PERIOD_DAYS (the program assessment's default, docs/program.md). Days of 24 h.
 */
export const PRE_EXPIRY_NOTICE_DAYS = 30;
export const PRE_EXPIRY_PERIOD_DAYS = 90;
import { defineRule, evidence, type RuleResult } from '../core/define-rule.js';

export default defineRule({
  id: 'agency-authorization',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.agencyAuthorization,
  evidence: evidence('seed, press; interp for the 30- and 90-day periods', 'An agency acts under an outsourcing agreement in force at the instant and an evaluation within the interval (12 months); in the agreement\'s final 30 days without an evaluation in its final 90 days, an obligation names the pre-expiry due date (the program assessment judges it after the fact).'),
  description: {
    zh: '第三方催收机构须在有效的委托协议下开展催收，且出借人在评估周期内（全国标准为12个月）对其进行过评估；协议到期前最后30天内尚无到期前评估的，附带评估义务并写明到期日；出借人仍承担首要责任。',
    en: 'A third-party agency works only under an outsourcing agreement in force at the time and with an evaluation of the agency within the evaluation interval (12 months nationally); in the agreement\'s final 30 days without a pre-expiry evaluation, an obligation names the due date; the lender stays responsible.',
  },
  messages: {
    'no-outsourcing-agreement': {
      zh: '第三方催收机构没有委托协议，不得催收。',
      en: 'The agency has no outsourcing agreement and must not collect.',
    },
    'outsourcing-not-yet-in-force': {
      zh: '委托协议自 {validFrom} 起生效，本次操作时尚未生效。',
      en: 'The outsourcing agreement is in force from {validFrom}, after this action.',
    },
    'outsourcing-expired': {
      zh: '委托协议已于 {validUntil} 到期。',
      en: 'The outsourcing agreement ended at {validUntil}, before this action.',
    },
    'agency-not-evaluated': {
      zh: '本次操作前没有对该第三方催收机构的评估记录。',
      en: 'The agency has no evaluation on record before this action.',
    },
    'evaluation-lapsed': {
      zh: '对该机构的最近一次评估在 {lastEvaluatedAt}，早于截止时间 {cutoff}：须每 {intervalMonths} 个月至少评估一次。',
      en: 'The last evaluation of the agency, at {lastEvaluatedAt}, is before the cutoff {cutoff}: an agency is evaluated at least every {intervalMonths} months.',
    },
    'pre-expiry-evaluation-due': {
      zh: '委托协议将于 {dueBy} 到期：到期前须再对该机构开展1次评估（自 {periodFrom} 起尚无评估，年度评估不能替代）。',
      en: 'The outsourcing agreement expires at {dueBy}: evaluate the agency once more before then (no evaluation since {periodFrom}; a yearly evaluation does not stand in).',
    },
    'agency-duties': {
      zh: '出借人对受托催收仍承担首要责任；受托机构须向出借人移交本次催收的完整记录。',
      en: 'The lender stays the party responsible for this collection; the agency hands the complete records of this action to the lender.',
    },
  },
  limits: ['agencyEvaluationIntervalMonths'],
  dated: ['action.actor.organization.outsourcingAgreement.validFrom', 'action.actor.organization.outsourcingAgreement.validUntil', 'action.actor.organization.lastEvaluatedAt'],
  scope: { organizationKinds: ['agency'] },
  appliesTo: (f) => f.organizationKind === 'agency',
  check: (f, limits, report) => {
    const zone = f.debtorLocal.zone;
    const found: RuleResult[] = [];
    const oa = f.outsourcing;
    if (oa === null) found.push(report.violation('no-outsourcing-agreement'));
    else {
      if (oa.validFromMs !== null && f.atMs < oa.validFromMs) found.push(report.violation('outsourcing-not-yet-in-force', { validFrom: formatInstant(oa.validFromMs, zone) }));
      if (oa.validUntilMs !== null && f.atMs > oa.validUntilMs) found.push(report.violation('outsourcing-expired', { validUntil: formatInstant(oa.validUntilMs, zone) }));
    }
    const evaluated = f.agencyLastEvaluatedAtMs;
    if (evaluated === null || evaluated > f.atMs) {
      found.push(report.violation('agency-not-evaluated', { lastEvaluatedAt: evaluated === null ? null : formatInstant(evaluated, zone) }));
    } else if (beforeMonthsBack(evaluated, f, limits.agencyEvaluationIntervalMonths)) {
      found.push(report.violation('evaluation-lapsed', {
        lastEvaluatedAt: formatInstant(evaluated, zone),
        cutoff: formatInstant(evaluationCutoffMs(f, limits), zone),
        intervalMonths: limits.agencyEvaluationIntervalMonths,
      }));
    }
    if (oa !== null && oa.validUntilMs !== null && f.atMs <= oa.validUntilMs && f.atMs >= oa.validUntilMs - PRE_EXPIRY_NOTICE_DAYS * DAY_MS) {
      const periodFrom = oa.validUntilMs - PRE_EXPIRY_PERIOD_DAYS * DAY_MS;
      if (evaluated === null || evaluated < periodFrom || evaluated > f.atMs) {
        found.push(report.obligation('pre-expiry-evaluation-due', { dueBy: formatInstant(oa.validUntilMs, zone), periodFrom: formatInstant(periodFrom, zone) }, 'always'));
      }
    }
    found.push(report.obligation('agency-duties'));
    return found;
  },
});
