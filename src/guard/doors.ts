/**
 * The plain functions of the public API: each is a thin door over the guard of a built-in profile
 * (src/guard/guard.ts, memoized per profile), so that `checkAction`, `prepareCase`, `scheduleAction`,
 * `nextAllowedAt` and `quota` give exactly what `createGuard({ profile })` gives. Overlays, house rules and
 * a locale: `createGuard`.
 */
import { builtInGuard, type PreparedCase } from './guard.js';
import type { ActionInput } from '../schema/action.js';
import type { ContextInput } from '../schema/context.js';
import type { Decision } from '../schema/decision.js';
import type { QuotaResult, ScheduleOptions, ScheduleResult } from '../schedule/schedule.js';

/** Options of `checkAction` and the other plain functions. */
export interface CheckOptions {
  /** A built-in profile id: `gb-t-45251-2025` (default) or `cba-2026`. Overlays and custom profiles: `createGuard`. */
  readonly profile?: string;
}

/**
 * Decides whether a proposed collection action is allowed under GB/T 45251—2025. Synchronous and pure:
 * the same input gives the same decision. Never throws for bad data: invalid input is a deny with one
 * `invalid-input` violation listing each problem's path and message. Throws a GuardConfigError only for
 * an unknown `options.profile`, which is a programming error, not data.
 */
export function checkAction(context: ContextInput, action: ActionInput, options: CheckOptions = {}): Decision {
  return builtInGuard(options.profile).checkSync(context, action);
}

/**
 * A case validated and indexed once, then checked against many actions: the morning dial list screens
 * a million accounts, a dialer checks each dial of the same case. Same decisions as checkAction.
 */
export function prepareCase(context: ContextInput, options: CheckOptions = {}): PreparedCase {
  return builtInGuard(options.profile).prepareCase(context);
}

/**
 * The earliest instant ≥ action.at at which the same action (moved in time, nothing else changed) is
 * allowed, with the decision there — or null with the reasons: permanent ones (nothing waiting can cure)
 * or those that last through the whole horizon. Never throws for bad data (invalid input: null, permanent).
 */
export function scheduleAction(context: ContextInput, action: ActionInput, options: ScheduleOptions = {}): ScheduleResult {
  const { profile, ...rest } = options;
  return builtInGuard(profile).scheduleAction(context, action, rest);
}

/** The earliest allowed instant ≥ action.at as ISO text in the debtor's offset, or null (see scheduleAction). */
export function nextAllowedAt(context: ContextInput, action: ActionInput, options: ScheduleOptions = {}): string | null {
  return scheduleAction(context, action, options).at;
}

/** What is left today for the debtor: calls, visits, the window, and per-number attempts. */
export function quota(context: ContextInput, at: string, options: CheckOptions = {}): QuotaResult {
  return builtInGuard(options.profile).quota(context, at);
}
