import type { CompiledLimits } from './profiles/compile.js';

/**
 * The voice cap for a debtor: an agreement's cap replaces the national one (the standard lets the parties
 * agree otherwise), but a profile that tightened `voiceDailyCap` still binds it.
 */
export function voiceCap(agreedCap: number | null, limits: CompiledLimits): { cap: number; source: 'profile' | 'agreement' } {
  if (agreedCap === null) return { cap: limits.voiceDailyCap, source: 'profile' };
  const cap = limits.tightened.includes('voiceDailyCap') ? Math.min(agreedCap, limits.voiceDailyCap) : agreedCap;
  return { cap, source: cap === agreedCap ? 'agreement' : 'profile' };
}
