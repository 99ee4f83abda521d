import type { Limits, Profile } from '../schema/profile.js';
import { parseClock } from '../core/time.js';
import { nationalProfile } from './national.js';

/** A profile's limits, with clock times turned into minutes of the day once. */
export interface CompiledLimits extends Limits {
  readonly profileId: string;
  readonly windowStartMinute: number;
  readonly windowEndMinute: number;
  /** The limits this profile sets stricter than the national profile. */
  readonly tightened: readonly (keyof Limits)[];
  /**
   * The ceiling up to which an agreement with the debtor may raise the voice cap (a custom profile's
   * `agreementMayRaiseVoiceCap.upTo`, its own interpretation); null = an agreed cap only lowers it.
   */
  readonly agreementVoiceCapCeiling: number | null;
  /** The profile's `debtorLostAfterFailedAttempts`, or null: `debtor.reachable` alone says whether the debtor is lost. */
  readonly debtorLostAfterFailedAttempts: number | null;
}

export function compileProfile(profile: Profile): CompiledLimits {
  const names = Object.keys(nationalProfile.limits) as (keyof Limits)[];
  return Object.freeze({
    ...profile.limits,
    profileId: profile.id,
    windowStartMinute: parseClock(profile.limits.windowStart),
    windowEndMinute: parseClock(profile.limits.windowEnd),
    tightened: Object.freeze(names.filter((n) => profile.limits[n] !== nationalProfile.limits[n])),
    agreementVoiceCapCeiling: profile.agreementMayRaiseVoiceCap?.upTo ?? null,
    debtorLostAfterFailedAttempts: profile.debtorLostAfterFailedAttempts ?? null,
  });
}

export const nationalLimits: CompiledLimits = compileProfile(nationalProfile);
