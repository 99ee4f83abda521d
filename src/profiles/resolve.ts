import { GuardConfigError } from '../core/errors.js';
import { boundedMemo } from '../core/memo.js';
import type { Profile } from '../schema/profile.js';
import { compileProfile, type CompiledLimits } from './compile.js';
import { presets } from './presets.js';
import { checkedProfile } from './tighten.js';

const compiledPresets = boundedMemo<string, CompiledLimits>('profiles.presets', 64);

/** A built-in profile by id. */
export function presetProfile(id: string): Profile {
  const profile = Object.hasOwn(presets, id) ? presets[id] : undefined;
  if (profile === undefined) {
    throw new GuardConfigError('Unknown profile', [{ path: 'profile', message: `"${id}" is not a built-in profile; known: ${Object.keys(presets).join(', ')}` }]);
  }
  return profile;
}

export function presetLimits(id: string): CompiledLimits {
  let limits = compiledPresets.get(id);
  if (limits === undefined) {
    limits = compileProfile(presetProfile(id));
    compiledPresets.set(id, limits);
  }
  return limits;
}

/** A profile given by id or as a whole object (validated: nowhere looser than the national profile). */
export function resolveProfile(profile: string | Profile | undefined): Profile {
  if (profile === undefined) return presetProfile('gb-t-45251-2025');
  return typeof profile === 'string' ? presetProfile(profile) : checkedProfile(profile);
}
