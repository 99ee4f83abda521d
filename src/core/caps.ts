import type { CompiledLimits } from '../profiles/compile.js';

/**
 * Why a voice cap applies:
 * - `profile`: no agreed cap is in force; the profile's cap (3 nationally);
 * - `agreement-lower`: an agreed cap below the profile's, which binds (an agreement may always lower it);
 * - `agreement-not-higher`: an agreed cap at or above the profile's, which does not raise it (tighten-only:
 *   no source allows raising the cap, GUIDELINE.md);
 * - `agreement-raised`: a custom profile's `agreementMayRaiseVoiceCap` lets the agreed cap raise it;
 * - `agreement-raised-to-ceiling`: the same, the agreed cap cut down to the profile's `upTo`.
 */
export type VoiceCapReason = 'profile' | 'agreement-lower' | 'agreement-not-higher' | 'agreement-raised' | 'agreement-raised-to-ceiling';

export interface VoiceCap {
  readonly cap: number;
  /** Whose number the cap is: the profile's or the agreement's. */
  readonly source: 'profile' | 'agreement';
  readonly reason: VoiceCapReason;
  /** The profile's own cap, and the agreed cap in force (null without one). */
  readonly profileCap: number;
  readonly agreedCap: number | null;
}

/** One literal for every voice cap (no object spread: every voice check toward the debtor reads a cap). */
function voiceCapOf(cap: number, source: VoiceCap['source'], reason: VoiceCapReason, profileCap: number, agreedCap: number | null): VoiceCap {
  return { cap, source, reason, profileCap, agreedCap };
}

/**
 * The voice cap for a debtor. An agreed cap only lowers the profile's cap; only a custom profile that opts
 * in with `agreementMayRaiseVoiceCap: { upTo }` lets it raise the cap, and never above `upTo`.
 */
export function voiceCap(agreedCap: number | null, limits: CompiledLimits): VoiceCap {
  const profileCap = limits.voiceDailyCap;
  if (agreedCap === null) return voiceCapOf(profileCap, 'profile', 'profile', profileCap, agreedCap);
  if (agreedCap < profileCap) return voiceCapOf(agreedCap, 'agreement', 'agreement-lower', profileCap, agreedCap);
  const ceiling = limits.agreementVoiceCapCeiling;
  if (ceiling === null || ceiling <= profileCap || agreedCap === profileCap) return voiceCapOf(profileCap, 'profile', 'agreement-not-higher', profileCap, agreedCap);
  if (agreedCap <= ceiling) return voiceCapOf(agreedCap, 'agreement', 'agreement-raised', profileCap, agreedCap);
  return voiceCapOf(ceiling, 'profile', 'agreement-raised-to-ceiling', profileCap, agreedCap);
}

/** The cap on unanswered attempts per number and day, and whose number it is. */
export interface NumberCap {
  readonly cap: number;
  readonly source: 'profile' | 'agreement';
}

/**
 * The cap on unanswered attempts on one of the debtor's numbers in a day, under a profile that sets one
 * (`unansweredAttemptsPerNumberDailyCap`, cba-2026), else null. An agreed cap only lowers it ("unless agreed
 * otherwise" is read as tighten-only, as for the voice cap). Read by unanswered-attempts-cap and `quota`.
 */
export function unansweredNumberCap(agreedCap: number | null, limits: CompiledLimits): NumberCap | null {
  const profileCap = limits.unansweredAttemptsPerNumberDailyCap;
  if (profileCap === null) return null;
  return agreedCap !== null && agreedCap < profileCap ? { cap: agreedCap, source: 'agreement' } : { cap: profileCap, source: 'profile' };
}
