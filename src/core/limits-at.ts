/**
 * What depends on a limit, computed from the facts and the limits in one place: the facts say what the
 * input says (src/core/facts.ts, no limit involved), and the rules, `quota` and the schedule search read the
 * limit-dependent values here. Provenance can then compare a profile with the national one on the same
 * facts.
 */
import type { Facts } from './facts.js';
import type { CompiledLimits } from '../profiles/compile.js';
import { addZonedMonths } from './time.js';
import { inAnyWindow } from './windows.js';
import type { CompiledWindow } from './facts.js';

/** Whether a local minute of the day falls inside the profile's default window (end exclusive). */
export function inDefaultWindow(minuteOfDay: number, limits: CompiledLimits): boolean {
  return minuteOfDay >= limits.windowStartMinute && minuteOfDay < limits.windowEndMinute;
}

/**
 * Whether actions toward the debtor may happen at these local readings: inside an agreed window when
 * windows are agreed (`agreed` non-empty), else inside the default window; in every reading (each of the
 * debtor's candidate zones). Used by the hour rules, `quota` and the schedule search.
 */
export function windowOpenAt(readings: readonly { readonly weekday: number; readonly minuteOfDay: number }[], agreed: readonly CompiledWindow[], limits: CompiledLimits): boolean {
  return agreed.length > 0
    ? readings.every((r) => inAnyWindow(agreed, r.weekday, r.minuteOfDay))
    : readings.every((r) => inDefaultWindow(r.minuteOfDay, limits));
}

/** The minutes of the day at which the default window opens and closes. */
export function defaultWindowEdges(limits: CompiledLimits): readonly number[] {
  return [limits.windowStartMinute, limits.windowEndMinute];
}

/**
 * Under a profile with `debtorLostAfterFailedAttempts` (N): whether the last N outbound voice attempts
 * toward the debtor before the action all went unanswered; null under a profile without it.
 */
export function debtorLostByHistory(f: Facts, limits: CompiledLimits): boolean | null {
  const n = limits.debtorLostAfterFailedAttempts;
  return n === null ? null : f.trailingUnansweredAttempts >= n;
}

/** The earliest instant a training assessment may date from: the action minus the training interval, in the debtor's zone. */
export function trainingCutoffMs(f: Facts, limits: CompiledLimits): number {
  return addZonedMonths(f.atMs, -limits.trainingIntervalMonths, f.debtorLocal.zone);
}

/** The earliest instant an agency evaluation may date from. */
export function evaluationCutoffMs(f: Facts, limits: CompiledLimits): number {
  return addZonedMonths(f.atMs, -limits.agencyEvaluationIntervalMonths, f.debtorLocal.zone);
}

/** The action's instant plus the record retention period, in the debtor's zone. */
export function retainUntilMs(f: Facts, limits: CompiledLimits): number {
  return addZonedMonths(f.atMs, 12 * limits.recordRetentionYears, f.debtorLocal.zone);
}
