import type { Profile } from '../schema/profile.js';
import { nationalProfile } from './national.js';

/**
 * China Banking Association, 金融机构个人消费类贷款催收工作指引（试行）, 2026-01-30, the parts the sources
 * support (article numbers unconfirmed; see docs/profiles.md for each limit's source and confidence):
 * - `unansweredAttemptsPerNumberDailyCap: 6` — when the debtor does not answer, at most 6 attempts a day on
 *   the same contact method of the debtor, unless agreed otherwise (press, several reports; an agreement may
 *   only lower it here: the stricter reading);
 * - `debtorLostAfterFailedAttempts: 3` — third persons only when the debtor is lost, e.g. the number is
 *   invalid or three consecutive attempts failed (press): the history must show three unanswered attempts
 *   in a row besides `debtor.reachable: false` (the stricter reading).
 * Everything else is the national profile (22:00–08:00, at least 2 visitors: the same values).
 */
export const cba2026Profile: Profile = Object.freeze({
  id: 'cba-2026',
  title: '中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》(2026-01-30) on GB/T 45251—2025',
  limits: Object.freeze({ ...nationalProfile.limits, unansweredAttemptsPerNumberDailyCap: 6 }),
  debtorLostAfterFailedAttempts: 3,
});

/** The built-in profiles by id. */
export const presets: Readonly<Record<string, Profile>> = Object.freeze({
  [nationalProfile.id]: nationalProfile,
  [cba2026Profile.id]: cba2026Profile,
});
