import { readingDate } from '../core/facts.js';
import { unansweredNumberCap } from '../core/caps.js';
import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'unanswered-attempts-cap',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.cbaUnansweredAttempts,
  evidence: evidence('press (China Banking Association guideline; article unconfirmed)', 'Only under a profile that sets it (cba-2026: 6), for voice toward the debtor: unanswered or failed outbound attempts toward the debtor on the action\'s phoneRef in the debtor\'s local day; an agreed cap only lowers it; a voice action without phoneRef is denied.'),
  description: {
    zh: '（仅 cba-2026 等设定该限额的配置）债务人未接听时，对债务人同一联系号码每日呼叫尝试不超过限额（中国银行业协会指引为6次），另有约定的从其约定（约定只能降低）。债务人回拨不计入。',
    en: "Profiles that set it only (cba-2026): when the debtor does not answer, at most N call attempts a local day on one of the debtor's own numbers (6 in the China Banking Association guideline), unless agreed otherwise (an agreement may only lower it); the debtor's call-backs do not count.",
  },
  messages: {
    'cap-reached': {
      zh: '该号码在当地日期 {localDate} 已有 {count} 次未接通的呼叫，已达每日上限 {cap} 次。',
      en: 'This number has {count} unanswered call attempts on local day {localDate}: the daily cap of {cap} is reached.',
    },
    'phone-ref-missing': {
      zh: '该配置按号码限制未接通呼叫次数，但语音操作未提供 phoneRef，无法核验。',
      en: 'This profile caps unanswered attempts per number, but the voice action has no phoneRef to count them by.',
    },
  },
  limits: ['unansweredAttemptsPerNumberDailyCap'],
  dated: ['context.agreement.validFrom', 'context.agreement.validUntil'],
  basis: clauses.voiceFrequency,
  scope: { channels: ['voice'], targetRoles: ['debtor'] },
  appliesTo: (f, limits) => f.channel === 'voice' && f.targetRole === 'debtor' && limits.unansweredAttemptsPerNumberDailyCap !== null,
  check: (f, limits, report) => {
    // The cap quota reports too (src/core/caps.ts); appliesTo guarantees the profile sets one.
    const { cap, source } = unansweredNumberCap(f.agreedUnansweredAttemptsDailyCap, limits) ?? { cap: Number.POSITIVE_INFINITY, source: 'profile' };
    if (f.unansweredOnNumberToday === null) return [report.violation('phone-ref-missing')];
    if (f.unansweredOnNumberToday < cap) return NONE;
    return [report.violation('cap-reached', { count: f.unansweredOnNumberToday, cap, capSource: source, localDate: readingDate(f.targetLocal), timeZone: f.targetLocal.zone })];
  },
});
