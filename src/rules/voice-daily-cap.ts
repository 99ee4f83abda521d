import { readingDate } from '../core/facts.js';
import { voiceCap } from '../core/caps.js';
import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'voice-daily-cap',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.voiceFrequency,
  evidence: evidence('seed, press; interp for combining call types and tighten-only agreements', 'Connected and completed outbound voice calls of every organisation count together (the debtor\'s call-backs do not), in the debtor\'s local calendar day (Beijing time for mainland zones); an agreed cap only lowers the cap, unless a custom profile opts in with agreementMayRaiseVoiceCap and a ceiling (its own interpretation).'),
  description: {
    zh: '对同一债务人的主动语音催收（人工或智能语音）每日接通不超过3次（大陆债务人按北京时间的自然日），出借人及其委托的全部催收机构合并计算；债务人回拨不计入。与债务人的约定只能降低上限，不能提高。',
    en: 'Voice collection (human or AI) toward one debtor: at most 3 connected outbound calls a local day (Beijing time for mainland debtors), the lender and all its agencies together; the debtor\'s call-backs do not count. An agreement with the debtor may lower the cap, never raise it.',
  },
  messages: {
    'cap-reached': {
      zh: '债务人当地日期 {localDate} 全天已有 {count} 次接通的主动语音催收（当日较早或较晚的通话均计入），已达每日上限 {cap} 次（{capReason}）。',
      en: "The debtor's local day {localDate} has {count} connected outbound voice calls (earlier or later that day alike): the daily cap of {cap} is reached ({capReason}).",
    },
  },
  limits: ['voiceDailyCap'],
  dated: ['context.agreement.validFrom', 'context.agreement.validUntil'],
  scope: { channels: ['voice'], targetRoles: ['debtor'] },
  appliesTo: (f) => f.channel === 'voice' && f.targetRole === 'debtor',
  check: (f, limits, report) => {
    const { cap, source, reason, profileCap, agreedCap } = voiceCap(f.agreedVoiceDailyCap, limits);
    if (f.voiceConnectedToday < cap) return NONE;
    return [
      report.violation('cap-reached', {
        count: f.voiceConnectedToday,
        cap,
        capSource: source,
        capReason: reason,
        profileCap,
        agreedCap,
        localDate: readingDate(f.debtorLocal),
        timeZone: f.debtorLocal.zone,
      }),
    ];
  },
});
