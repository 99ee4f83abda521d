import type { Profile } from '../schema/profile.js';
import { nationalProfile } from './national.js';

/**
 * China Banking Association, 金融机构个人消费类贷款催收工作指引（试行）, 2026-01-30 (press reports): the national
 * profile plus at most 6 call attempts per contact number a day when calls go unanswered.
 */
export const cba2026Profile: Profile = Object.freeze({
  id: 'cba-2026',
  title: '中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》(2026-01-30) on GB/T 45251—2025',
  limits: Object.freeze({ ...nationalProfile.limits, unansweredAttemptsPerNumberDailyCap: 6 }),
});

/** The built-in profiles by id. */
export const presets: Readonly<Record<string, Profile>> = Object.freeze({
  [nationalProfile.id]: nationalProfile,
  [cba2026Profile.id]: cba2026Profile,
});
