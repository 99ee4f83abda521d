import type { Profile } from '../schema/profile.js';

/** GB/T 45251—2025 as read in docs/guideline.md: the floor every other profile builds on. */
export const nationalProfile: Profile = Object.freeze({
  id: 'gb-t-45251-2025',
  title: 'GB/T 45251—2025 互联网金融 个人网络消费信贷 贷后催收风控指引',
  limits: Object.freeze({
    windowStart: '08:00',
    windowEnd: '22:00',
    voiceDailyCap: 3,
    visitDailyCap: 1,
    visitStaffMin: 2,
    visitStaffMax: 3,
    recordRetentionYears: 2,
    trainingIntervalMonths: 12,
    agencyEvaluationIntervalMonths: 12,
    minMlpsLevel: 2,
    unansweredAttemptsPerNumberDailyCap: null,
  }),
});
