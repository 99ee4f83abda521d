import { z } from 'zod';
import { ClockTime, Id } from './primitives.js';

/** The largest retention a profile may set: a stricter policy than 2 years, still a date that exists. */
export const MAX_RETENTION_YEARS = 100;
/** The largest training or evaluation interval a profile may name (the national ones are shorter). */
export const MAX_INTERVAL_MONTHS = 120;

/**
 * Every number a built-in rule uses, each with a sane maximum: an absurd value is refused at load with
 * the limit's name, not accepted as "stricter" to break every check later (issue 15). The national profile holds GB/T 45251's values; a stricter profile
 * may only tighten them (see src/profiles/).
 */
export const Limits = z.strictObject({
  /** Start of the default daily window in which collection is allowed (inclusive), local time. */
  windowStart: ClockTime,
  /** End of the default daily window (exclusive), local time; the ban runs from here to windowStart. */
  windowEnd: ClockTime,
  /** Connected voice calls toward one debtor per local day. */
  voiceDailyCap: z.number().int().min(0).max(100, { error: 'voiceDailyCap: at most 100 calls a day' }),
  /** On-site visits to one debtor per local day. */
  visitDailyCap: z.number().int().min(0).max(100, { error: 'visitDailyCap: at most 100 visits a day' }),
  visitStaffMin: z.number().int().min(1).max(100, { error: 'visitStaffMin: at most 100 staff' }),
  visitStaffMax: z.number().int().min(1).max(100, { error: 'visitStaffMax: at most 100 staff' }),
  /** Years an action's records are kept. */
  recordRetentionYears: z.number().int().min(1).max(MAX_RETENTION_YEARS, { error: `recordRetentionYears: at most ${MAX_RETENTION_YEARS} years (a longer retention is not a stricter policy but a mistake, and its date would not exist)` }),
  /** A collector's training assessment may be at most this many months old. */
  trainingIntervalMonths: z.number().int().min(1).max(MAX_INTERVAL_MONTHS, { error: `trainingIntervalMonths: at most ${MAX_INTERVAL_MONTHS} months` }),
  /** An agency's evaluation may be at most this many months old. */
  agencyEvaluationIntervalMonths: z.number().int().min(1).max(MAX_INTERVAL_MONTHS, { error: `agencyEvaluationIntervalMonths: at most ${MAX_INTERVAL_MONTHS} months` }),
  /** Minimum MLPS (等级保护) level of the collection system. */
  minMlpsLevel: z.number().int().min(1).max(5),
  /** Unanswered voice attempts on one phone number per local day; null = no such limit. */
  unansweredAttemptsPerNumberDailyCap: z.number().int().min(0).max(1000, { error: 'unansweredAttemptsPerNumberDailyCap: at most 1000 attempts a day' }).nullable(),
});
export type Limits = z.infer<typeof Limits>;

/**
 * A custom profile's opt-in to agreements that raise the voice cap above the profile's own, up to a
 * ceiling. No source allows raising the cap (GUIDELINE.md, voice-daily-cap): an institution that sets
 * this takes the interpretation on itself. No built-in profile sets it.
 */
export const AgreementMayRaiseVoiceCap = z.strictObject({
  /** The highest cap an agreement with the debtor may set; an agreed cap above it counts as this. */
  upTo: z.number().int().min(0).max(100),
});

export const Profile = z.strictObject({
  id: Id,
  title: z.string(),
  limits: Limits,
  /** Absent (every built-in profile): an agreed voice cap can only lower the cap, never raise it. */
  agreementMayRaiseVoiceCap: AgreementMayRaiseVoiceCap.optional(),
  /**
   * When set (cba-2026: 3), a debtor counts as lost (失联), so that contacts may be approached, only when
   * `debtor.reachable` is false AND the last this-many outbound voice attempts toward the debtor before the
   * action all went unanswered. Only ever stricter than the national reading (`reachable` alone).
   */
  debtorLostAfterFailedAttempts: z.number().int().min(1).max(20).optional(),
});
export type Profile = z.infer<typeof Profile>;
