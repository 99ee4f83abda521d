import { clauses } from '../core/clauses.js';
import { formatInstant } from '../core/time.js';
import { defineRule, evidence, type RuleResult } from '../core/define-rule.js';

export default defineRule({
  id: 'ai-fairness',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.aiFairness,
  evidence: evidence('seed; interp for the concrete flags', 'Each principle is one attested fact (a review date or a boolean) that must predate the action; unattested is denied. AI actors also face every other rule exactly as humans (ai-compliance, a property test).'),
  description: {
    zh: '人工智能催收系统须包容公平、无歧视性设计，可用可靠准确，不给债务人造成不便（可转人工），算法和数据安全可控。',
    en: 'An AI collection system is fair with no discriminatory design, reliable and accurate, offers a path to a human, and its algorithms and data are secure and controllable.',
  },
  messages: {
    'fairness-not-reviewed': {
      zh: '该人工智能系统在本次操作前未经公平性（无歧视）审查。',
      en: 'The AI system had no fairness (non-discrimination) review before this action.',
    },
    'uses-protected-attributes': {
      zh: '该人工智能系统使用了受保护的个人属性进行决策，属歧视性设计。',
      en: 'The AI system uses protected personal attributes: a discriminatory design.',
    },
    'protected-attributes-not-attested': {
      zh: '未说明该人工智能系统是否使用受保护的个人属性，无法核验其公平性。',
      en: 'It is not attested whether the AI system uses protected personal attributes: fairness cannot be verified.',
    },
    'reliability-not-validated': {
      zh: '该人工智能系统在本次操作前未经可靠性与准确性验证。',
      en: 'The AI system had not been validated for reliability and accuracy before this action.',
    },
    'no-human-handoff': {
      zh: '该人工智能系统不提供转接人工的途径。',
      en: 'The AI system offers no hand-off to a human.',
    },
    'handoff-not-attested': {
      zh: '未说明该人工智能系统是否可转接人工，无法核验。',
      en: 'It is not attested whether the AI system offers a hand-off to a human.',
    },
    'security-not-assessed': {
      zh: '该人工智能系统的算法与数据在本次操作前未经安全评估。',
      en: "The AI system's algorithms and data had no security assessment before this action.",
    },
  },
  dated: ['action.actor.ai.fairnessReviewedAt', 'action.actor.ai.reliabilityValidatedAt', 'action.actor.ai.securityAssessedAt'],
  scope: { actorKinds: ['ai'] },
  appliesTo: (f) => f.actorKind === 'ai',
  check: (f, _limits, report) => {
    const ai = f.ai;
    const zone = f.debtorLocal.zone;
    const found: RuleResult[] = [];
    const notDone = (ms: number | null | undefined): boolean => ms === null || ms === undefined || ms > f.atMs;
    const at = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : formatInstant(ms, zone));
    if (notDone(ai?.fairnessReviewedAtMs)) found.push(report.violation('fairness-not-reviewed', { fairnessReviewedAt: at(ai?.fairnessReviewedAtMs) }));
    const protectedAttributes = ai?.usesProtectedAttributes ?? null;
    if (protectedAttributes === true) found.push(report.violation('uses-protected-attributes', { usesProtectedAttributes: true }));
    else if (protectedAttributes === null) found.push(report.violation('protected-attributes-not-attested', { usesProtectedAttributes: null }));
    if (notDone(ai?.reliabilityValidatedAtMs)) found.push(report.violation('reliability-not-validated', { reliabilityValidatedAt: at(ai?.reliabilityValidatedAtMs) }));
    const handoff = ai?.humanHandoff ?? null;
    if (handoff === false) found.push(report.violation('no-human-handoff', { humanHandoff: false }));
    else if (handoff === null) found.push(report.violation('handoff-not-attested', { humanHandoff: null }));
    if (notDone(ai?.securityAssessedAtMs)) found.push(report.violation('security-not-assessed', { securityAssessedAt: at(ai?.securityAssessedAtMs) }));
    return found;
  },
});
