import { GuardConfigError, type ConfigProblem } from '../core/errors.js';
import { Limits, Profile, type Profile as ProfileType } from '../schema/profile.js';
import { parseClock } from '../core/time.js';
import { validate } from '../core/validate.js';
import { nationalProfile } from './national.js';

type LimitName = keyof Limits;

/**
 * For each limit, which direction is stricter. A profile or overlay may move a limit only that way from
 * the profile it builds on, and never past the national value.
 */
const stricter: Record<LimitName, 'lower' | 'higher' | 'later' | 'earlier' | 'nullable-lower'> = {
  windowStart: 'later',
  windowEnd: 'earlier',
  voiceDailyCap: 'lower',
  visitDailyCap: 'lower',
  visitStaffMin: 'higher',
  visitStaffMax: 'lower',
  recordRetentionYears: 'higher',
  trainingIntervalMonths: 'lower',
  agencyEvaluationIntervalMonths: 'lower',
  minMlpsLevel: 'higher',
  unansweredAttemptsPerNumberDailyCap: 'nullable-lower',
};

function looser(name: LimitName, value: unknown, base: unknown): boolean {
  switch (stricter[name]) {
    case 'lower': return (value as number) > (base as number);
    case 'higher': return (value as number) < (base as number);
    case 'later': return parseClock(value as string) < parseClock(base as string);
    case 'earlier': return parseClock(value as string) > parseClock(base as string);
    case 'nullable-lower': return base !== null && (value === null || (value as number) > (base as number));
  }
}

/** A partial set of limits, each at most as loose as the profile it applies to. */
export const Overlay = Limits.partial();
export type Overlay = Partial<Limits>;

/** Checks that `limits` are nowhere looser than `base` nor than the national profile, and are coherent. */
export function tighteningProblems(limits: Limits, base: Limits, prefix: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const name of Object.keys(stricter) as LimitName[]) {
    const national = nationalProfile.limits[name];
    const value = limits[name];
    if (looser(name, value, national)) {
      problems.push({ path: `${prefix}.${name}`, message: `${JSON.stringify(value)} is looser than the national ${JSON.stringify(national)}: a profile may only tighten GB/T 45251`, value, national });
    } else if (looser(name, value, base[name])) {
      problems.push({ path: `${prefix}.${name}`, message: `${JSON.stringify(value)} is looser than the base profile's ${JSON.stringify(base[name])} (national ${JSON.stringify(national)}): an overlay may only tighten`, value, national });
    }
  }
  if (parseClock(limits.windowStart) >= parseClock(limits.windowEnd)) {
    problems.push({ path: `${prefix}.windowEnd`, message: 'the default window must end after it starts' });
  }
  if (limits.visitStaffMin > limits.visitStaffMax) {
    problems.push({ path: `${prefix}.visitStaffMax`, message: 'visitStaffMax is below visitStaffMin' });
  }
  return problems;
}

/** Validates a complete profile: readable, and nowhere looser than the national one. */
export function checkedProfile(input: unknown, path = 'profile'): ProfileType {
  const parsed = validate(Profile, input, path);
  if (!parsed.ok) throw new GuardConfigError('The profile cannot be read', parsed.problems);
  const problems = tighteningProblems(parsed.value.limits, nationalProfile.limits, `${path}.limits`);
  if (problems.length > 0) throw new GuardConfigError(`Profile "${parsed.value.id}" would loosen GB/T 45251`, problems);
  return parsed.value;
}

/** Applies an overlay to a profile: every limit it names must be at least as strict as the base's. */
export function applyOverlay(base: ProfileType, input: unknown, id = 'overlay'): ProfileType {
  const parsed = validate(Overlay, input, 'overlay');
  if (!parsed.ok) throw new GuardConfigError('The overlay cannot be read', parsed.problems);
  const limits = { ...base.limits, ...parsed.value } as Limits;
  const problems = tighteningProblems(limits, base.limits, 'overlay');
  if (problems.length > 0) throw new GuardConfigError('The overlay would loosen GB/T 45251', problems);
  // The base's own settings (debtorLostAfterFailedAttempts, agreementMayRaiseVoiceCap) carry over: an overlay only adds limits.
  return { ...base, id: `${base.id}+${id}`, title: `${base.title} + ${id}`, limits };
}

