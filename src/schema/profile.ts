import { z } from 'zod';
import { ClockTime, Id } from './primitives.js';

/**
 * Every number a built-in rule uses. The national profile holds GB/T 45251's values; a stricter profile
 * may only tighten them (see src/profiles/).
 */
export const Limits = z.strictObject({
  /** Start of the default daily window in which collection is allowed (inclusive), local time. */
  windowStart: ClockTime,
  /** End of the default daily window (exclusive), local time; the ban runs from here to windowStart. */
  windowEnd: ClockTime,
  /** Connected voice calls toward one debtor per local day. */
  voiceDailyCap: z.number().int().min(0),
  /** On-site visits to one debtor per local day. */
  visitDailyCap: z.number().int().min(0),
  visitStaffMin: z.number().int().min(1),
  visitStaffMax: z.number().int().min(1),
  /** Years an action's records are kept. */
  recordRetentionYears: z.number().int().min(1),
  /** A collector's training assessment may be at most this many months old. */
  trainingIntervalMonths: z.number().int().min(1),
  /** An agency's evaluation may be at most this many months old. */
  agencyEvaluationIntervalMonths: z.number().int().min(1),
  /** Minimum MLPS (等级保护) level of the collection system. */
  minMlpsLevel: z.number().int().min(1).max(5),
  /** Unanswered voice attempts on one phone number per local day; null = no such limit. */
  unansweredAttemptsPerNumberDailyCap: z.number().int().min(0).nullable(),
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
