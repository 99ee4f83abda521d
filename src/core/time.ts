/**
 * Zone math without host-local time.
 *
 * Every function here works on epoch milliseconds and IANA zone names, reading wall-clock fields with
 * `getUTC*` only, so a decision never depends on the TZ setting of the server it runs on. date-fns-tz
 * is not used at run time: its offset lookup reads the host-local fields of a Date (see docs/design.md).
 */
import { boundedMemo, registerCache, type Memo } from './memo.js';

export const MINUTE_MS = 60_000;
const MINUTE = MINUTE_MS;
export const HOUR_MS = 60 * MINUTE;
const HOUR = HOUR_MS;
export const DAY_MS = 24 * HOUR;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

// Character codes of an instant's punctuation, compared with charCodeAt (no one-character strings made).
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const PLUS = 0x2b;
const LETTER_T = 0x54;
const LETTER_Z = 0x5a;

/** Two digits at `from` of `s` as a number, or -1 when either is not a digit. */
function two(s: string, from: number): number {
  const a = s.charCodeAt(from) - 48;
  const b = s.charCodeAt(from + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Digits at [from, from + count) of `s` as a number, or -1 when any is not a digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function parseInstantUncached(text: string): number {
  // yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±HH:mm), read by hand with character codes and the calendar by
  // arithmetic: this runs for every instant of every check and every audited record.
  const len = text.length;
  if (len < 17 || len > 35 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH || text.charCodeAt(10) !== LETTER_T || text.charCodeAt(13) !== COLON) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === COLON) {
    second = two(text, i + 1);
    if (second < 0 || second > 59) return Number.NaN;
    i += 3;
    if (text.charCodeAt(i) === DOT) {
      const start = i + 1;
      i = start;
      while (i < len && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i += 1;
      const count = i - start;
      if (count < 1 || count > 9) return Number.NaN;
      const kept = Math.min(count, 3);
      millis = digits(text, start, kept) * 10 ** (3 - kept);
    }
  }
  let offset = 0; // Z
  const sign = text.charCodeAt(i);
  if (sign === LETTER_Z && i === len - 1) {
    // UTC
  } else if ((sign === PLUS || sign === DASH) && i === len - 6 && text.charCodeAt(i + 3) === COLON) {
    const offHours = two(text, i + 1);
    const offMinutes = two(text, i + 4);
    if (offHours < 0 || offHours > 18 || offMinutes < 0 || offMinutes > 59) return Number.NaN;
    offset = (sign === DASH ? -1 : 1) * (offHours * HOUR + offMinutes * MINUTE);
  } else {
    return Number.NaN;
  }
  return daysFromCivil(year, month, day) * DAY_MS + hour * HOUR + minute * MINUTE + second * 1000 + millis - offset;
}

// Validation and fact derivation read the same instants, and a dialer checks the same case again and
// again: a bounded cache makes the second reading a lookup.
const instantCache = boundedMemo<string, number>('time.instants', 20_000);

/**
 * Parses an ISO 8601 instant that carries an offset or `Z` (`2026-11-30T10:00:00+08:00`) into epoch
 * milliseconds. Returns NaN for anything else, including impossible dates such as February 30 or 24:00,
 * which `Date.parse` would silently roll over.
 */
export function parseInstant(text: string): number {
  return instantCache.through(text, parseInstantUncached);
}

/**
 * parseInstant for text that is read once and rarely again (an audited record's instant, the schema's
 * check of an instant): the cached value when there is one, else the text parsed without caching it. A
 * cache miss that stores costs several times the parse itself (hashing and inserting a fresh string),
 * and an audit's instants are nearly all distinct.
 */
export function readInstant(text: string): number {
  const cached = instantCache.peek(text);
  return cached !== undefined ? cached : parseInstantUncached(text);
}

const zoneCanonical = boundedMemo<string, string | null>('time.zoneCanonical', 1000);

/**
 * Names whose canonical name is themselves in every ICU release, answered without asking Intl: the first
 * `Intl.DateTimeFormat` of a process loads ICU's zone data, 20–70 ms here, which a plain check in Beijing
 * time or UTC never needs to pay (issue 18, cold start). Aliases (`PRC`, `Asia/Kashgar`) and other
 * spellings still go through Intl, whose answer for them has changed between releases.
 */
const STATIC_CANONICAL: ReadonlyMap<string, string> = new Map([
  ['Asia/Shanghai', 'Asia/Shanghai'],
  ['Asia/Urumqi', 'Asia/Urumqi'],
  ['UTC', 'UTC'],
]);
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * Names ICU accepts that are not IANA names: the old JDK three-letter ids and `SystemV/…`. They are
 * ambiguous abbreviations (`CST` is US Central in ICU, China Standard Time to many a reader; `BST` is
 * Dhaka in ICU, British Summer Time to others) and are refused, so a zone is never guessed.
 */
const ICU_ONLY = new Set('ACT AET AGT ART AST BET BST CAT CNT CST CTT EAT ECT IET IST JST MIT NET NST PLT PNT PRT PST SST VST'.split(' '));

/**
 * The canonical IANA name of a zone name or alias as this runtime's Intl knows it (`PRC` and
 * `asia/shanghai` → `Asia/Shanghai`, `Asia/Kashgar` → `Asia/Urumqi`), or null when it is no zone. Cached per name.
 */
export function canonicalTimeZone(zone: string): string | null {
  const fixed = STATIC_CANONICAL.get(zone);
  if (fixed !== undefined) return fixed;
  const known = zoneCanonical.get(zone);
  if (known !== undefined) return known;
  let canonical: string | null = null;
  if (ZONE_NAME.test(zone) && !ICU_ONLY.has(zone.toUpperCase()) && !/^systemv\//i.test(zone)) {
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
  }
  zoneCanonical.set(zone, canonical);
  return canonical;
}

/** True when `zone` is an IANA zone name or alias that this runtime's Intl knows, in any letter case. */
export function isValidTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== null;
}

/** Beijing time, the one legal time of mainland China. */
export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

/**
 * The mainland China zones, canonical names (their aliases `PRC`, `Asia/Chongqing`, `Asia/Chungking`,
 * `Asia/Harbin` and `Asia/Kashgar` canonicalize to one of these).
 */
export const MAINLAND_CHINA_ZONES: ReadonlySet<string> = new Set(['Asia/Shanghai', 'Asia/Urumqi', 'PRC', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'Asia/Kashgar']);

/**
 * The zone a person recorded in `zone` is judged in: the canonical name, except that every mainland China
 * zone is judged at Beijing time (GUIDELINE.md, "Time"): `Asia/Urumqi` (UTC+6) → `Asia/Shanghai`.
 * Null when `zone` is no zone. Validation calls this once; everything downstream reads its result.
 */
export function judgingTimeZone(zone: string): string | null {
  // The mainland names as spelled in the tz database are all judged at Beijing time whatever Intl's
  // canonical name for them is (and every ICU knows them): no Intl needed.
  if (MAINLAND_CHINA_ZONES.has(zone)) return BEIJING_TIME_ZONE;
  const canonical = canonicalTimeZone(zone);
  if (canonical === null) return null;
  return MAINLAND_CHINA_ZONES.has(canonical) ? BEIJING_TIME_ZONE : canonical;
}

// Intl accepts a zone in any letter case, and each formatter holds tens of kilobytes: bounded, so that
// many spellings of one zone cannot grow memory (issue 15).
const formatters = boundedMemo<string, Intl.DateTimeFormat>('time.formatters', 256);

function formatterFor(zone: string): Intl.DateTimeFormat {
  let dtf = formatters.get(zone);
  if (dtf === undefined) {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, dtf);
  }
  return dtf;
}

function computeOffset(ms: number, zone: string): number {
  const parts = formatterFor(zone).formatToParts(new Date(ms));
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of parts) {
    switch (part.type) {
      case 'year': year = Number(part.value); break;
      case 'month': month = Number(part.value); break;
      case 'day': day = Number(part.value); break;
      case 'hour': hour = Number(part.value) % 24; break;
      case 'minute': minute = Number(part.value); break;
      case 'second': second = Number(part.value); break;
      case 'era': bc = part.value === 'BC' || part.value === 'B'; break;
      default: break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(bc ? 1 - year : year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  const flooredMs = ms - (((ms % 1000) + 1000) % 1000);
  return wall.getTime() - flooredMs;
}

// Offsets only change on quarter-hour boundaries of UTC in every zone still in use, so one lookup
// serves a whole quarter hour. One numeric-keyed map per zone (no string keys on the hot path), bounded
// both ways: audits touch many quarters, hostile input many zone spellings.
const QUARTER = 15 * MINUTE;
const OFFSET_ZONES = 64;
const OFFSET_QUARTERS_PER_ZONE = 8192;
const offsetCaches = boundedMemo<string, Memo<number, number>>('time.offsetZones', OFFSET_ZONES);
registerCache('time.offsetQuarters', OFFSET_ZONES * OFFSET_QUARTERS_PER_ZONE, () => {
  let total = 0;
  for (const cache of offsetCaches.values()) total += cache.size;
  return total;
});

/**
 * From this instant on Beijing time is UTC+08:00 without daylight saving (the last change was the end of
 * summer time on 1991-09-15; 1992-01-01T00:00+08:00 leaves a margin). Before it, Intl's tz data decides
 * (summer time 1986–1991 and 1940–1949, local mean time before 1901).
 */
export const BEIJING_FIXED_FROM_MS = Date.UTC(1991, 11, 31, 16);
const BEIJING_OFFSET_MS = 8 * HOUR;

/** Offset of `zone` from UTC at instant `ms`, in milliseconds (Asia/Shanghai: +8 h). */
export function zoneOffset(ms: number, zone: string): number {
  // The zones nearly every check is judged in, answered without Intl where the offset is exact (see
  // BEIJING_FIXED_FROM_MS), so a plain check never loads ICU's zone data (issue 18, cold start).
  if (zone === BEIJING_TIME_ZONE && ms >= BEIJING_FIXED_FROM_MS) return BEIJING_OFFSET_MS;
  if (zone === 'UTC') return 0;
  let cache = offsetCaches.get(zone);
  if (cache === undefined) {
    cache = boundedMemo<number, number>('time.offsetQuarters', OFFSET_QUARTERS_PER_ZONE, { register: false });
    offsetCaches.set(zone, cache);
  }
  const quarter = Math.floor(ms / QUARTER);
  let offset = cache.get(quarter);
  if (offset === undefined) {
    offset = computeOffset(ms, zone);
    cache.set(quarter, offset);
  }
  return offset;
}

/** Wall-clock fields of an instant in a zone. */
export interface LocalParts {
  /** `yyyy-MM-dd` */
  readonly date: string;
  /** Minutes since local midnight, 0–1439. */
  readonly minuteOfDay: number;
  /** Seconds since local midnight, 0–86399. */
  readonly secondOfDay: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Epoch ms of the wall clock read as if it were UTC (a zone-free "local timestamp"). */
  readonly wallMs: number;
  readonly offsetMs: number;
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : String(n)));

/** A number of 0–99 as two digits. */
export const pad2 = (n: number): string => TWO_DIGITS[n] ?? (n < 10 ? `0${n}` : String(n));

function pad4(n: number): string {
  if (n >= 1000 && n <= 9999) return String(n);
  const s = String(Math.abs(n)).padStart(4, '0');
  return n < 0 ? `-${s}` : s;
}

/**
 * Year, month (1–12) and day of a count of days since 1970-01-01, proleptic Gregorian (H. Hinnant's
 * civil_from_days): plain arithmetic, no Date object, on the hot path of every check.
 */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  // Within an era every value is a small non-negative integer: `(a / b) | 0` is an integer division by a
  // constant, which compiles to a multiplication (floating division and Math.floor cost several times it).
  const doe = (z - era * 146_097) | 0;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36_524) | 0) - ((doe / 146_096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - (((153 * mp + 2) / 5) | 0) + 1 };
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; month 1–12): Date.UTC without a Date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = (y - era * 400) | 0; // 0–399, and integer divisions from here on (see civilFromDays)
  const doy = (((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The wall-clock midnight that starts the day of a wall-clock timestamp (no floating %, a library call). */
export function wallMidnight(wallMs: number): number {
  return Math.floor(wallMs / DAY_MS) * DAY_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a count of days since 1970-01-01, a Thursday. */
export function weekdayOfDays(days: number): number {
  return days + 3 - Math.floor((days + 3) / 7) * 7 + 1;
}

/** `yyyy-MM-dd` of a wall-clock timestamp. */
export function wallDate(wallMs: number): string {
  const { year, month, day } = civilFromDays(Math.floor(wallMs / DAY_MS));
  return dateText(year, month, day);
}

/** `yyyy-MM-dd` of a calendar date. */
function dateText(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

export function localParts(ms: number, zone: string): LocalParts {
  const offsetMs = zoneOffset(ms, zone);
  const wallMs = ms + offsetMs;
  const days = Math.floor(wallMs / DAY_MS);
  const secondOfDay = Math.floor((wallMs - days * DAY_MS) / 1000);
  return {
    date: wallDate(wallMs),
    minuteOfDay: Math.floor(secondOfDay / 60),
    secondOfDay,
    weekday: weekdayOfDays(days),
    wallMs,
    offsetMs,
  };
}

/**
 * The instant at which the wall clock of `zone` shows `wallMs`. For a wall time that occurs twice
 * (clocks turned back) the earlier instant; for one that never occurs (clocks turned forward) the
 * instant the gap ends, which is when that wall time would have been reached.
 */
export function wallToInstant(wallMs: number, zone: string): number {
  // Beijing time where its offset is fixed a day either side (see BEIJING_FIXED_FROM_MS): one offset.
  if (zone === BEIJING_TIME_ZONE && wallMs - BEIJING_OFFSET_MS - DAY_MS >= BEIJING_FIXED_FROM_MS) return wallMs - BEIJING_OFFSET_MS;
  // Offsets in force shortly before and after: within a day either side a zone changes offset at most
  // once, so the wall time maps through one of these two.
  const before = zoneOffset(wallMs - DAY_MS, zone);
  const after = zoneOffset(wallMs + DAY_MS, zone);
  // No change of offset nearby (nearly always): the wall time maps through that one offset.
  if (before === after && zoneOffset(wallMs - before, zone) === before) return wallMs - before;
  const viaBefore = wallMs - before;
  const viaAfter = wallMs - after;
  const beforeFits = viaBefore + zoneOffset(viaBefore, zone) === wallMs;
  const afterFits = viaAfter + zoneOffset(viaAfter, zone) === wallMs;
  if (beforeFits && afterFits) return Math.min(viaBefore, viaAfter);
  if (beforeFits) return viaBefore;
  if (afterFits) return viaAfter;
  // A gap: find the transition between the two readings, to the minute.
  let lo = Math.min(viaBefore, viaAfter);
  let hi = Math.max(viaBefore, viaAfter);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.max(MINUTE, Math.floor((hi - lo) / 2 / MINUTE) * MINUTE);
    if (zoneOffset(mid, zone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Start (inclusive) and end (exclusive) instants of the local calendar day that contains `ms`. */
export function localDayBounds(ms: number, zone: string): { start: number; end: number } {
  // The wall clock only: localParts would also format the date, which nothing here reads.
  const wallMs = ms + zoneOffset(ms, zone);
  const midnight = wallMidnight(wallMs);
  return { start: wallToInstant(midnight, zone), end: wallToInstant(midnight + DAY_MS, zone) };
}

function offsetText(offsetMs: number): string {
  if (offsetMs === 0) return '+00:00';
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs);
  return `${sign}${pad2(Math.floor(abs / HOUR))}:${pad2(Math.floor((abs % HOUR) / MINUTE))}`;
}

// The character code of '0', for isoText.
const ZERO = 0x30;

/**
 * `yyyy-MM-ddTHH:mm:ss±HH:mm` of a wall clock in years 0–9999 and an offset under 100 hours (every zone's),
 * seconds precision: one string made from its 25 character codes. Concatenating its dozen pieces cost four
 * times as much, and every allowed check formats one instant (record-keeping's retention date).
 */
function isoText(year: number, month: number, day: number, ofDaySeconds: number, offsetMs: number): string {
  const hour = (ofDaySeconds / 3600) | 0;
  const minute = ((ofDaySeconds % 3600) / 60) | 0;
  const second = ofDaySeconds % 60;
  const offsetMinutes = (Math.abs(offsetMs) / MINUTE) | 0;
  const offsetHours = (offsetMinutes / 60) | 0;
  const offsetRest = offsetMinutes % 60;
  return String.fromCharCode(
    ZERO + ((year / 1000) | 0), ZERO + (((year / 100) | 0) % 10), ZERO + (((year / 10) | 0) % 10), ZERO + (year % 10), DASH,
    ZERO + ((month / 10) | 0), ZERO + (month % 10), DASH, ZERO + ((day / 10) | 0), ZERO + (day % 10), LETTER_T,
    ZERO + ((hour / 10) | 0), ZERO + (hour % 10), COLON, ZERO + ((minute / 10) | 0), ZERO + (minute % 10), COLON,
    ZERO + ((second / 10) | 0), ZERO + (second % 10),
    offsetMs < 0 ? DASH : PLUS, ZERO + ((offsetHours / 10) | 0), ZERO + (offsetHours % 10), COLON, ZERO + ((offsetRest / 10) | 0), ZERO + (offsetRest % 10),
  );
}

/** ISO 8601 text of an instant in a zone's offset: `2026-11-30T10:00:00+08:00`. */
export function formatInstant(ms: number, zone: string): string {
  const offsetMs = zoneOffset(ms, zone);
  const wallMs = ms + offsetMs;
  // The time of day by arithmetic on the wall clock (no Date object: every allowed check formats one).
  // Milliseconds of the day, 0–86 399 999: int32 arithmetic (a floating % is a library call).
  const days = Math.floor(wallMs / DAY_MS);
  const ofDay = (wallMs - days * DAY_MS) | 0;
  const millis = ofDay % 1000;
  const { year, month, day } = civilFromDays(days);
  if (millis === 0 && year >= 0 && year <= 9999 && Math.abs(offsetMs) < 100 * HOUR) return isoText(year, month, day, (ofDay / 1000) | 0, offsetMs);
  const frac = millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`;
  const time = `${pad2((ofDay / HOUR) | 0)}:${pad2(((ofDay % HOUR) / MINUTE) | 0)}:${pad2(((ofDay % MINUTE) / 1000) | 0)}`;
  return `${dateText(year, month, day)}T${time}${frac}${offsetMs === BEIJING_OFFSET_MS ? '+08:00' : offsetText(offsetMs)}`;
}

/** The hour of the day, 0–23, on the wall clock of `zone` at instant `ms` (localParts without the date's text). */
export function localHour(ms: number, zone: string): number {
  const wallMs = ms + zoneOffset(ms, zone);
  return ((wallMs - wallMidnight(wallMs)) / HOUR) | 0;
}

/** `HH:mm` of a minute of day. */
export function formatMinuteOfDay(minute: number): string {
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

/**
 * Minute of day of an `HH:mm` clock time (00:00–23:59, ASCII digits), NaN for anything else: what
 * /^([01]\d|2[0-3]):([0-5]\d)$/ accepts, read with character codes (an agreement's windows are read for
 * every check of a case that has one, and for every audited record).
 */
export function parseClock(text: string): number {
  if (text.length !== 5 || text.charCodeAt(2) !== COLON) return Number.NaN;
  const hour = two(text, 0);
  const minute = two(text, 3);
  return hour < 0 || hour > 23 || minute < 0 || minute > 59 ? Number.NaN : hour * 60 + minute;
}

/**
 * Adds calendar months to a wall-clock timestamp, clamping the day to the target month's length
 * (31 March − 1 month = 28 or 29 February), as date-fns `addMonths` does.
 */
export function addWallMonths(wallMs: number, months: number): number {
  const days = Math.floor(wallMs / DAY_MS);
  const { year, month, day } = civilFromDays(days);
  const index = month - 1 + months;
  const targetYear = year + Math.floor(index / 12);
  const targetMonth = ((index % 12) + 12) % 12;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth + 1));
  return daysFromCivil(targetYear, targetMonth + 1, targetDay) * DAY_MS + (wallMs - days * DAY_MS);
}

/** The instant `months` calendar months after (or before, when negative) `ms`, on the zone's calendar. */
export function addZonedMonths(ms: number, months: number, zone: string): number {
  return wallToInstant(addWallMonths(ms + zoneOffset(ms, zone), months), zone);
}
