import { clauses } from '../clauses.js';
import { evaluationCutoffMs } from '../limits-at.js';
import { formatInstant } from '../time.js';
import { defineRule, obligation, violation, type RuleResult } from './define-rule.js';

export default defineRule({
  id: 'agency-authorization',
  clause: clauses.agencyAuthorization,
  description: {
    zh: '第三方催收机构须在有效的委托协议下开展催收，且出借人在评估周期内（全国标准为12个月）对其进行过评估；出借人仍承担首要责任。',
    en: 'A third-party agency works only under an outsourcing agreement in force at the time and with an evaluation of the agency within the evaluation interval (12 months nationally); the lender stays responsible.',
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
    'agency-duties': {
      zh: '出借人对受托催收仍承担首要责任；受托机构须向出借人移交本次催收的完整记录。',
      en: 'The lender stays the party responsible for this collection; the agency hands the complete records of this action to the lender.',
    },
  },
  appliesTo: (f) => f.organizationKind === 'agency',
  check: (f, limits) => {
    const zone = f.debtorLocal.zone;
    const found: RuleResult[] = [];
    const oa = f.outsourcing;
    if (oa === null) found.push(violation('no-outsourcing-agreement'));
    else {
      if (oa.validFromMs !== null && f.atMs < oa.validFromMs) found.push(violation('outsourcing-not-yet-in-force', { validFrom: formatInstant(oa.validFromMs, zone) }));
      if (oa.validUntilMs !== null && f.atMs > oa.validUntilMs) found.push(violation('outsourcing-expired', { validUntil: formatInstant(oa.validUntilMs, zone) }));
    }
    const evaluated = f.agencyLastEvaluatedAtMs;
    if (evaluated === null || evaluated > f.atMs) {
      found.push(violation('agency-not-evaluated', { lastEvaluatedAt: evaluated === null ? null : formatInstant(evaluated, zone) }));
    } else if (evaluated < evaluationCutoffMs(f, limits)) {
      found.push(violation('evaluation-lapsed', {
        lastEvaluatedAt: formatInstant(evaluated, zone),
        cutoff: formatInstant(evaluationCutoffMs(f, limits), zone),
        intervalMonths: limits.agencyEvaluationIntervalMonths,
      }));
    }
    found.push(obligation('agency-duties'));
    return found;
  },
});
