/**
 * What depends on a limit, computed from the facts and the limits in one place: the facts say what the
 * input says (src/core/facts.ts, no limit involved), and the rules, `quota` and the schedule search read the
 * limit-dependent values here. Provenance can then compare a profile with the national one on the same
 * facts.
 */
import type { Facts } from './facts.js';
import type { CompiledLimits } from '../profiles/compile.js';
import { addZonedMonths, DAY_MS } from './time.js';
import { governingWindowsOf, inAnyWindow } from './windows.js';
import type { CompiledWindow } from './facts.js';

/** Whether a local minute of the day falls inside the profile's default window (end exclusive). */
export function inDefaultWindow(minuteOfDay: number, limits: CompiledLimits): boolean {
  return minuteOfDay >= limits.windowStartMinute && minuteOfDay < limits.windowEndMinute;
}

/** A local reading of an instant: its ISO weekday and minute of the day in one zone. */
export interface WindowReading {
  readonly weekday: number;
  readonly minuteOfDay: number;
}

/**
 * Whether one local reading is inside the governing window: one of the agreed windows when they govern
 * (`agreed` non-null, from governingAgreedWindows in src/core/windows.ts), else the profile's default window.
 */
export function inGoverningWindow(reading: WindowReading, agreed: readonly CompiledWindow[] | null, limits: CompiledLimits): boolean {
  return agreed !== null ? inAnyWindow(agreed, reading.weekday, reading.minuteOfDay) : inDefaultWindow(reading.minuteOfDay, limits);
}

/**
 * Whether actions may happen at these local readings (each of the zones concerned): inside the governing
 * window in every one of them. Used by `quota` and the schedule search; the hour rules deny exactly at the
 * readings of readingsOutsideWindow, the same test.
 */
export function windowOpenAt(readings: readonly WindowReading[], agreed: readonly CompiledWindow[] | null, limits: CompiledLimits): boolean {
  return readings.every((r) => inGoverningWindow(r, agreed, limits));
}

/**
 * The readings of an action that fall outside the window governing it (the agreed windows or the default
 * one, governingWindowsOf): collection-hours and agreed-hours give one violation for each. The readings are
 * those of the person approached (`targetLocals`: the debtor's candidate zones for the debtor, whom alone
 * agreed windows govern).
 */
export function readingsOutsideWindow(f: Facts, limits: CompiledLimits): Facts['targetLocals'] {
  const agreed = governingWindowsOf(f);
  return f.targetLocals.filter((r) => !inGoverningWindow(r, agreed, limits));
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

/** The instant `months` calendar months before the action, in the debtor's zone. */
function monthsBeforeAction(f: Facts, months: number): number {
  return addZonedMonths(f.atMs, -months, f.debtorLocal.zone);
}

/** The earliest instant a training assessment may date from: the action minus the training interval, in the debtor's zone. */
export function trainingCutoffMs(f: Facts, limits: CompiledLimits): number {
  return monthsBeforeAction(f, limits.trainingIntervalMonths);
}

/** The earliest instant an agency evaluation may date from. */
export function evaluationCutoffMs(f: Facts, limits: CompiledLimits): number {
  return monthsBeforeAction(f, limits.agencyEvaluationIntervalMonths);
}

/**
 * Whether `ms` is before the instant `months` calendar months before the action, in the debtor's zone
 * (trainingCutoffMs, evaluationCutoffMs), computing that instant only when needed. A month back is at
 * least 28 days of wall clock, and two offsets of a zone differ by less than 33 hours (UTC−12 to UTC+14
 * today; Manila's local mean times around its skipped day of 1844 at the extreme), so the cutoff is at
 * least 28 days a month less 66 hours before the action: an instant within 28 days a month less 3 days
 * of the action is never before it. That answers the common case (a recent attestation) without calendar
 * arithmetic; a property test holds both answers equal.
 */
export function beforeMonthsBack(ms: number, f: Facts, months: number): boolean {
  if (ms >= f.atMs - (28 * months - 3) * DAY_MS) return false;
  return ms < monthsBeforeAction(f, months);
}

/** The action's instant plus the record retention period, in the debtor's zone. */
export function retainUntilMs(f: Facts, limits: CompiledLimits): number {
  return addZonedMonths(f.atMs, 12 * limits.recordRetentionYears, f.debtorLocal.zone);
}
