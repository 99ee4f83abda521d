import { voiceCap } from '../caps.js';
import { clauses } from '../clauses.js';
import { defineRule, NONE, violation } from './define-rule.js';

export default defineRule({
  id: 'voice-daily-cap',
  clause: clauses.voiceFrequency,
  description: {
    zh: '对同一债务人的语音催收（人工或智能语音）每日接通不超过3次，出借人及其委托的全部催收机构合并计算；另有约定的从其约定。',
    en: 'Voice collection (human or AI) toward one debtor: at most 3 connected calls a local day, the lender and all its agencies together, unless agreed otherwise with the debtor.',
  },
  messages: {
    'cap-reached': {
      zh: '债务人当地日期 {localDate} 全天已有 {count} 次接通的语音催收（当日较早或较晚的通话均计入），已达每日上限 {cap} 次。',
      en: 'The debtor\'s local day {localDate} has {count} connected voice calls (earlier or later that day alike): the daily cap of {cap} is reached.',
    },
  },
  limits: ['voiceDailyCap'],
  appliesTo: (f) => f.channel === 'voice' && f.targetRole === 'debtor',
  check: (f, limits) => {
    const { cap, source } = voiceCap(f.agreedVoiceDailyCap, limits);
    if (f.voiceConnectedToday < cap) return NONE;
    return [
      violation('cap-reached', {
        count: f.voiceConnectedToday,
        cap,
        capSource: source,
        localDate: f.debtorLocal.date,
        timeZone: f.debtorLocal.zone,
      }),
    ];
  },
});
