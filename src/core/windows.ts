import type { CompiledWindow, Facts } from './facts.js';

/**
 * The window that governs an action at an instant, given the windows of the agreement in force then (empty
 * when none is): the agreed windows replace the default window for actions toward the debtor (agreed-hours);
 * null when the profile's default window governs (collection-hours). The rules (through the facts), `quota`
 * and the schedule search all ask here.
 */
export function governingAgreedWindows(targetRole: Facts['targetRole'], agreedWindowsInForce: readonly CompiledWindow[]): readonly CompiledWindow[] | null {
  return targetRole === 'debtor' && agreedWindowsInForce.length > 0 ? agreedWindowsInForce : null;
}

/** The agreed windows that govern the action of these facts, or null when the default window does. */
export function governingWindowsOf(f: Facts): readonly CompiledWindow[] | null {
  return governingAgreedWindows(f.targetRole, f.agreedWindows);
}

/** The agreed windows replace the default window for actions toward the debtor (see agreed-hours). */
export function agreedWindowsGovern(f: Facts): boolean {
  return governingWindowsOf(f) !== null;
}

const previousWeekday = (weekday: number): number => (weekday === 1 ? 7 : weekday - 1);

/**
 * Whether a local minute on an ISO weekday falls inside a window. The end is exclusive; a window whose
 * end is not after its start wraps midnight, and its `days` name the weekday on which it starts.
 */
export function inWindow(window: CompiledWindow, weekday: number, minuteOfDay: number): boolean {
  const { startMinute, endMinute, days } = window;
  const startsOn = (day: number): boolean => days === null || days.includes(day);
  if (startMinute < endMinute) return minuteOfDay >= startMinute && minuteOfDay < endMinute && startsOn(weekday);
  if (minuteOfDay >= startMinute) return startsOn(weekday);
  return minuteOfDay < endMinute && startsOn(previousWeekday(weekday));
}

export function inAnyWindow(windows: readonly CompiledWindow[], weekday: number, minuteOfDay: number): boolean {
  return windows.some((w) => inWindow(w, weekday, minuteOfDay));
}
