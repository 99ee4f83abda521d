import type { CompiledWindow, Facts } from './facts.js';

/** The agreed windows replace the default window for actions toward the debtor (see agreed-hours). */
export function agreedWindowsGovern(f: Facts): boolean {
  return f.targetRole === 'debtor' && f.agreedWindows.length > 0;
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
