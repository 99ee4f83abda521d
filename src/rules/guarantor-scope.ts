import { clauses } from '../core/clauses.js';
import { formatInstant } from '../core/time.js';
import { defineRule, evidence, type RuleResult } from '../core/define-rule.js';

export default defineRule({
  id: 'guarantor-scope',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.guarantors,
  evidence: evidence('seed, press; interp for the three checks', 'The guarantee covers this debt, is in force at the instant and the demand is within its cap; a missing bound or cap is not a limit.'),
  description: {
    zh: '对担保人的催收仅限法律和担保合同范围内：担保覆盖本笔债务、在操作时有效、主张金额不超过担保上限。',
    en: 'A guarantor is approached only within the law and the guarantee: it covers this debt, is in force at the time, and any amount demanded is within its cap.',
  },
  messages: {
    'guarantee-not-covering-debt': {
      zh: '该担保人的担保不覆盖本笔债务，不得就本笔债务向其催收。',
      en: "The guarantor's guarantee does not cover this debt: the guarantor must not be pursued for it.",
    },
    'guarantee-not-yet-in-force': {
      zh: '担保自 {validFrom} 起生效，本次操作时尚未生效。',
      en: 'The guarantee is in force from {validFrom}, after this action.',
    },
    'guarantee-expired': {
      zh: '担保已于 {validUntil} 到期，本次操作时已失效。',
      en: 'The guarantee ended at {validUntil}, before this action.',
    },
    'amount-over-cap': {
      zh: '主张金额 {amountDemanded} 元超过担保责任上限 {liabilityCap} 元。',
      en: 'The amount demanded, {amountDemanded} yuan, exceeds the liability cap of {liabilityCap} yuan.',
    },
  },
  // An unregistered guarantor has no guarantee to check: debtor-only denies it.
  dated: ['context.guarantors[].validFrom', 'context.guarantors[].validUntil'],
  scope: { targetRoles: ['guarantor'] },
  appliesTo: (f) => f.targetRole === 'guarantor' && f.guarantor !== null,
  check: (f, _limits, report) => {
    const g = f.guarantor;
    if (g === null) return [];
    const zone = f.targetLocal.zone;
    const found: RuleResult[] = [];
    if (!g.coversDebt) found.push(report.violation('guarantee-not-covering-debt', { coversDebt: false }));
    if (g.validFromMs !== null && f.atMs < g.validFromMs) {
      found.push(report.violation('guarantee-not-yet-in-force', { validFrom: formatInstant(g.validFromMs, zone) }));
    }
    if (g.validUntilMs !== null && f.atMs > g.validUntilMs) {
      found.push(report.violation('guarantee-expired', { validUntil: formatInstant(g.validUntilMs, zone) }));
    }
    if (f.amountDemanded !== null && g.liabilityCap !== null && f.amountDemanded > g.liabilityCap) {
      found.push(report.violation('amount-over-cap', { amountDemanded: f.amountDemanded, liabilityCap: g.liabilityCap }));
    }
    return found;
  },
});
