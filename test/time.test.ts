import { formatInTimeZone } from 'date-fns-tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWallMonths, addZonedMonths, BEIJING_FIXED_FROM_MS, formatInstant, isValidTimeZone, localDayBounds, localHour, localParts, parseClock, parseInstant, readInstant, wallToInstant, zoneOffset,
} from '../src/core/time.js';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/St_Johns', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/Santiago'];

describe('parseInstant', () => {
  it.each([
    ['2026-11-30T10:00:00+08:00', Date.UTC(2026, 10, 30, 2)],
    ['2026-11-30T10:00+08:00', Date.UTC(2026, 10, 30, 2)],
    ['2026-11-30T02:00:00Z', Date.UTC(2026, 10, 30, 2)],
    ['2026-11-30T02:00:00.250Z', Date.UTC(2026, 10, 30, 2, 0, 0, 250)],
    ['2026-11-30T02:00:00.5Z', Date.UTC(2026, 10, 30, 2, 0, 0, 500)],
    ['2026-11-30T02:00:00.05+00:00', Date.UTC(2026, 10, 30, 2, 0, 0, 50)],
    ['1999-12-31T23:59:59-18:00', Date.UTC(2000, 0, 1, 17, 59, 59)],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2026-11-30T02:00:00.123456789-05:30', Date.UTC(2026, 10, 30, 7, 30, 0, 123)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
  ])('%s', (text, ms) => {
    expect(readInstant(text)).toBe(ms); // not cached yet: parsed
    expect(parseInstant(text)).toBe(ms);
    expect(readInstant(text)).toBe(ms); // cached now
  });

  it.each([
    '2026-11-30T10:00:00', // no offset: a local time is not an instant
    '2026-11-30 10:00:00+08:00',
    '2026-02-30T10:00:00Z', // Date.parse would roll this over to 2 March
    '2027-02-29T10:00:00Z',
    '2026-11-30T24:00:00Z',
    '2026-11-30T10:60:00Z',
    '2026-11-30T10:00:60Z',
    '2026-13-01T10:00:00Z',
    '2026-11-30T10:00:00+19:00',
    '2026-11-30T10:00:00+0800',
    '2026-11-30',
    '',
    '0099-11-30T10:00:00Z',
    '2100-02-29T10:00:00Z', // not a leap year
    '2026-11-30T10:00:00.Z',
    '2026-11-30T10:00:00.1234567890Z',
    '2026-11-30T10:00:00Zjunk',
    '2026-11-30T10:00:00+08:00junk',
    '2026-11-30T10:00:00 +08:00',
    '2026-11-30T1a:00:00Z',
    '+2026-11-30T10:00:00Z',
    '2026-11-30T10:00:00z',
  ])('refuses %s', (text) => {
    expect(readInstant(text)).toBeNaN();
    expect(parseInstant(text)).toBeNaN();
  });
});

describe('parseInstant agrees with a reference parser', () => {
  it('on random valid instants written every way the format allows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1001, 0, 1), max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: -18 * 60, max: 18 * 60 }),
        fc.constantFrom('min', 'sec', 'ms'),
        (ms, off, precision) => {
          const wall = new Date(Math.floor(ms / 1000) * 1000 + off * 60_000 + (precision === 'ms' ? ms % 1000 : 0));
          const p = (n: number, w = 2) => String(n).padStart(w, '0');
          if (precision === 'min') wall.setUTCSeconds(0);
          const date = `${p(wall.getUTCFullYear(), 4)}-${p(wall.getUTCMonth() + 1)}-${p(wall.getUTCDate())}T${p(wall.getUTCHours())}:${p(wall.getUTCMinutes())}`;
          const time = precision === 'min' ? '' : `:${p(wall.getUTCSeconds())}${precision === 'ms' ? `.${p(wall.getUTCMilliseconds(), 3)}` : ''}`;
          const zone = off === 0 ? 'Z' : `${off < 0 ? '-' : '+'}${p(Math.floor(Math.abs(off) / 60))}:${p(Math.abs(off) % 60)}`;
          const text = `${date}${time}${zone}`;
          expect(readInstant(text)).toBe(Date.parse(text));
          expect(parseInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('zones', () => {
  it('knows real IANA zones and refuses others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Base', '+08:00', 'asia shanghai', '', 'Asia/Shanghai/Extra/More', 'CST', 'PST']) expect(isValidTimeZone(bad)).toBe(false);
  });

  it('reads the same wall clock as date-fns-tz (differential, random instants and zones)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        const p = localParts(ms, zone);
        const expected = formatInTimeZone(ms, zone, 'yyyy-MM-dd HH:mm i');
        const hh = String(Math.floor(p.minuteOfDay / 60)).padStart(2, '0');
        const mm = String(p.minuteOfDay % 60).padStart(2, '0');
        expect(`${p.date} ${hh}:${mm} ${p.weekday}`).toBe(expected);
        expect(localHour(ms, zone)).toBe(Math.floor(p.minuteOfDay / 60));
        expect(formatInstant(ms, zone)).toBe(formatInTimeZone(ms, zone, ms % 1000 === 0 ? "yyyy-MM-dd'T'HH:mm:ssXXX" : "yyyy-MM-dd'T'HH:mm:ss.SSSXXX").replace(/Z$/, '+00:00'));
      }),
      { numRuns: 2000 },
    );
  });

  it('formats whole-second instants (the one-string fast path) as date-fns-tz does, offsets east and west', () => {
    const seconds = fc.integer({ min: Date.UTC(1900, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => s * 1000);
    fc.assert(
      fc.property(seconds, fc.constantFrom(...ZONES, 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Caracas'), (ms, zone) => {
        expect(formatInstant(ms, zone)).toBe(formatInTimeZone(ms, zone, "yyyy-MM-dd'T'HH:mm:ssXXX").replace(/Z$/, '+00:00'));
      }),
      { numRuns: 2000 },
    );
    expect(formatInstant(Date.UTC(9999, 11, 31, 15, 59, 59), 'Asia/Shanghai')).toBe('9999-12-31T23:59:59+08:00');
    expect(formatInstant(Date.UTC(999, 0, 1, 0, 0, 0), 'UTC')).toBe('0999-01-01T00:00:00+00:00');
    expect(formatInstant(Date.UTC(2026, 6, 1, 12, 0, 0), 'America/St_Johns')).toBe('2026-07-01T09:30:00-02:30');
    expect(formatInstant(Date.UTC(2026, 6, 1, 12, 0, 0, 5), 'America/St_Johns')).toBe('2026-07-01T09:30:00.005-02:30');
  });

  it('reads Beijing time as date-fns-tz does across its summer times (1986–1991) and the fixed +08:00 after', () => {
    // Beijing time and UTC are answered without Intl where the offset is fixed (BEIJING_FIXED_FROM_MS):
    // both sides of that cut-off, the last summer times before it, and far ahead, against date-fns-tz.
    const zone = 'Asia/Shanghai';
    const at = (ms: number): void => {
      expect(formatInstant(ms, zone)).toBe(formatInTimeZone(ms, zone, ms % 1000 === 0 ? "yyyy-MM-dd'T'HH:mm:ssXXX" : "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
      expect(zoneOffset(ms, 'UTC')).toBe(0);
      const { wallMs } = localParts(ms, zone);
      const back = wallToInstant(wallMs, zone); // the earlier instant of a wall time read twice
      expect(localParts(back, zone).wallMs).toBe(wallMs);
      expect(back).toBeLessThanOrEqual(ms);
      if (ms >= BEIJING_FIXED_FROM_MS + 86_400_000) expect(back).toBe(ms); // one offset: exact
    };
    for (const ms of [BEIJING_FIXED_FROM_MS - 1, BEIJING_FIXED_FROM_MS, Date.UTC(1991, 8, 14, 16, 59), Date.UTC(1991, 8, 14, 17), Date.UTC(1991, 3, 13, 18)]) at(ms);
    expect(zoneOffset(Date.UTC(1991, 6, 1), zone)).toBe(9 * 3_600_000); // summer time 1991, from Intl
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1985, 0, 1), max: Date.UTC(2100, 0, 1) }), at), { numRuns: 3000 });
    const wall = Date.UTC(1991, 8, 15, 1, 30); // 01:30 on 1991-09-15 happened twice (02:00 CDT back to 01:00 CST)
    expect(formatInstant(wallToInstant(wall, zone), zone)).toBe('1991-09-15T01:30:00+09:00');
  });

  it('round-trips an instant through its wall clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2050, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        const { wallMs } = localParts(ms, zone);
        const back = wallToInstant(wallMs, zone);
        // Same wall clock; for a wall time read twice (clocks turned back) the earlier instant.
        expect(localParts(back, zone).wallMs).toBe(wallMs);
        expect(back).toBeLessThanOrEqual(ms);
      }),
      { numRuns: 2000 },
    );
  });

  it('maps a wall time in a spring-forward gap to the end of the gap', () => {
    // New York, 2026-03-08: 02:00 EST jumps to 03:00 EDT, so 02:30 never happens.
    expect(formatInstant(wallToInstant(Date.UTC(2026, 2, 8, 2, 30), 'America/New_York'), 'America/New_York')).toBe('2026-03-08T03:00:00-04:00');
    // London, 2026-03-29 01:30 does not exist.
    expect(formatInstant(wallToInstant(Date.UTC(2026, 2, 29, 1, 30), 'Europe/London'), 'Europe/London')).toBe('2026-03-29T02:00:00+01:00');
  });

  it('takes the earlier reading of a wall time that happens twice', () => {
    // New York, 2026-11-01: 01:30 happens at -04:00 and again at -05:00.
    expect(formatInstant(wallToInstant(Date.UTC(2026, 10, 1, 1, 30), 'America/New_York'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('gives local days of 23 and 25 hours on DST change days', () => {
    const spring = localDayBounds(Date.UTC(2026, 2, 8, 17), 'America/New_York');
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    const autumn = localDayBounds(Date.UTC(2026, 10, 1, 17), 'America/New_York');
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
    const shanghai = localDayBounds(parseInstant('2026-11-30T23:59:59+08:00'), 'Asia/Shanghai');
    expect(formatInstant(shanghai.start, 'Asia/Shanghai')).toBe('2026-11-30T00:00:00+08:00');
    expect(formatInstant(shanghai.end, 'Asia/Shanghai')).toBe('2026-12-01T00:00:00+08:00');
  });

  it('adds calendar months on the zone calendar, clamping month ends', () => {
    const z = 'Asia/Shanghai';
    expect(formatInstant(addZonedMonths(parseInstant('2026-11-30T10:00:00+08:00'), 24, z), z)).toBe('2028-11-30T10:00:00+08:00');
    expect(formatInstant(addZonedMonths(parseInstant('2028-02-29T10:00:00+08:00'), 24, z), z)).toBe('2030-02-28T10:00:00+08:00');
    expect(formatInstant(addZonedMonths(parseInstant('2026-03-31T10:00:00+08:00'), -1, z), z)).toBe('2026-02-28T10:00:00+08:00');
    expect(formatInstant(addZonedMonths(parseInstant('2026-11-30T10:00:00+08:00'), -12, z), z)).toBe('2025-11-30T10:00:00+08:00');
  });

  it('adds calendar months to a wall clock as Date does, clamping to the month\'s last day (any year 1000–9999)', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9000, 0, 1) }), fc.integer({ min: -1200, max: 1200 }), (wallMs, months) => {
      const d = new Date(wallMs);
      const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
      const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
      target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
      const expected = target.getTime() + (wallMs - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
      expect(addWallMonths(wallMs, months)).toBe(expected);
    }), { numRuns: 3000 });
  });

  it('parses HH:mm clock times', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('22:00')).toBe(1320);
    expect(parseClock('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:00', '07:60', '0700', '', '07:00\n', ' 07:00', '07-00', '٠٧:٠٠', '0a:00', '/7:00', ':7:00']) expect(parseClock(bad)).toBeNaN();
  });

  it('accepts exactly what /^([01]\\d|2[0-3]):([0-5]\\d)$/ accepts, with its minute of day', () => {
    const reference = (text: string): number => {
      const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
      return m === null ? Number.NaN : Number(m[1]) * 60 + Number(m[2]);
    };
    // Every string of the shape, digits or near-digits in each place, and arbitrary text.
    const near = fc.constantFrom('0', '1', '2', '3', '5', '6', '9', '/', ':', 'a', ' ', '٣');
    const shaped = fc.tuple(near, near, fc.constantFrom(':', ';', '9'), near, near).map((parts) => parts.join(''));
    fc.assert(fc.property(fc.oneof(shaped, fc.string({ maxLength: 7 })), (text) => {
      expect(parseClock(text)).toBe(reference(text));
    }), { numRuns: 5000 });
    for (let minute = 0; minute < 1440; minute += 1) {
      const text = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
      expect(parseClock(text)).toBe(minute);
    }
  });
});
