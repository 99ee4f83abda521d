/**
 * Calendar math of the program assessment, on top of src/core/time.ts: months and days are counted on the
 * assessment's zone calendar, hours (the 48-hour deadline) are exact elapsed time.
 */
import { DAY_MS, HOUR_MS, addZonedMonths, localParts, pad2, wallToInstant } from '../core/time.js';

export { HOUR_MS };

/** The instant `days` calendar days after `ms` (same wall-clock time), on the zone's calendar. */
export function addZonedDays(ms: number, days: number, zone: string): number {
  return wallToInstant(localParts(ms, zone).wallMs + days * DAY_MS, zone);
}

/**
 * The earliest instant that is still "within the last `months` months" of `atMs`: exactly 12 months
 * before is within, a second earlier is not.
 */
export function monthsBefore(atMs: number, months: number, zone: string): number {
  return addZonedMonths(atMs, -months, zone);
}

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

function offsetMsOf(suffix: string): number {
  if (suffix === 'Z') return 0;
  const sign = suffix.startsWith('-') ? -1 : 1;
  return sign * (Number(suffix.slice(1, 3)) * HOUR_MS + Number(suffix.slice(4, 6)) * 60_000);
}

/**
 * ISO text of `ms` in the offset that `reference` (an ISO instant) is written in, `Z` included: a
 * deadline computed from `2026-03-01T10:00:00+08:00` reads `…+08:00`, one from `…Z` reads `…Z`.
 */
export function formatInOffsetOf(ms: number, reference: string): string {
  const suffix = OFFSET.exec(reference)?.[1] ?? 'Z';
  const d = new Date(ms + offsetMsOf(suffix));
  const millis = d.getUTCMilliseconds();
  const frac = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}${frac}${suffix}`;
}
