/**
 * src/core/time.ts at its edges: every malformed character position of an instant, the ranges of each field,
 * leap years of every century rule, calendar dates across four centuries against Date, zone names Intl
 * knows but the contract does not take, clock times with trailing text. Written from mutation testing
 * (docs/testing.md); test/time.test.ts has the properties and the DST cases.
 */
import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isValidTimeZone, judgingTimeZone, parseClock, parseInstant, wallDate } from '../src/core/time.js';

describe('parseInstant refuses', () => {
  it.each([
    ['2026x11-30T10:00:00Z', 'a wrong first date separator'],
    ['2026-11x30T10:00:00Z', 'a wrong second date separator'],
    ['2026-11-30x10:00:00Z', 'no T'],
    ['2026-11-30T10x00:00Z', 'a wrong time separator'],
    ['2026-11-3/T10:00:00Z', 'a character just below the digits'],
    ['2026-11-1:T10:00:00Z', 'a character just above the digits'],
    ['2026-00-10T10:00:00Z', 'month 00'],
    ['2026-13-01T10:00:00Z', 'month 13'],
    ['2026-11-00T10:00:00Z', 'day 00'],
    ['2026-11-31T10:00:00Z', 'day 31 in a 30-day month'],
    ['2026-11-30T10:-1:00Z', 'a negative minute'],
    ['2026-11-30T10:00:-1Z', 'a negative second'],
    ['2026-11-30T10:00:00x08:00', 'no sign before the offset'],
    ['2026-11-30T10:00:00+08x00', 'no colon in the offset'],
    ['2026-11-30T10:00:00+-1:00', 'a negative offset hour'],
    ['2026-11-30T10:00:00+08:-1', 'a negative offset minute'],
    ['2026-11-30T10:00:00+08:60', 'offset minute 60'],
    ['2026-11-30T10:00:00+19:00', 'offset hour 19'],
    ['1900-02-29T10:00:00Z', '29 February of a century year not divisible by 400'],
    ['2100-02-29T10:00:00Z', '29 February 2100'],
    ['2027-02-29T10:00:00Z', '29 February of a common year'],
    ['2026-11-30T10:00', 'no offset, 16 characters'],
    [`2026-11-30T10:00:00.${'1'.repeat(30)}Z`, 'more than 35 characters'],
  ])('%s (%s)', (text) => {
    expect(parseInstant(text)).toBeNaN();
  });
});

describe('parseInstant accepts the edges of each field', () => {
  it.each([
    ['2000-02-29T10:00:00Z', Date.UTC(2000, 1, 29, 10)],
    ['2400-02-29T00:00:00Z', Date.UTC(2400, 1, 29)],
    ['2028-02-29T23:59:59Z', Date.UTC(2028, 1, 29, 23, 59, 59)],
    ['2026-11-30T10:00:00+00:59', Date.UTC(2026, 10, 30, 9, 1)],
    ['2026-11-30T10:00:00-00:59', Date.UTC(2026, 10, 30, 10, 59)],
    ['2026-11-30T10:00:00+18:59', Date.UTC(2026, 10, 29, 15, 1)],
    ['2026-12-31T00:00:00.999999999Z', Date.UTC(2026, 11, 31, 0, 0, 0, 999)],
    ['1000-01-01T00:00Z', Date.UTC(1000, 0, 1)],
  ])('%s', (text, ms) => {
    expect(parseInstant(text)).toBe(ms);
  });
});

describe('calendar dates', () => {
  it('agree with Date on every century rule, 1600 to 2800, and every year 1970–2100', () => {
    const days: number[] = [];
    for (let year = 1600; year <= 2800; year += 100) {
      for (const [m, d] of [[0, 1], [1, 28], [1, 29], [2, 1], [11, 31]] as const) days.push(Date.UTC(year, m, d));
    }
    for (let year = 1970; year <= 2100; year += 1) for (const [m, d] of [[1, 28], [2, 1], [11, 31]] as const) days.push(Date.UTC(year, m, d));
    for (const ms of days) {
      for (const at of [ms, ms + 86_399_999]) expect(wallDate(at), new Date(at).toISOString()).toBe(new Date(at).toISOString().slice(0, 10));
    }
  });
});

describe('zone names and clock times', () => {
  it('takes IANA names and aliases in any letter case, not the ICU-only abbreviations Intl also knows', () => {
    for (const zone of ['Asia/Shanghai', 'America/Argentina/Buenos_Aires', 'Etc/GMT+8', 'UTC', 'EST5EDT', 'GMT', 'PRC', 'prc', 'ROC', 'asia/shanghai', 'Asia/Kashgar']) expect(isValidTimeZone(zone), zone).toBe(true);
    for (const zone of ['Asia/Shanghai ', ' Asia/Shanghai', 'Asia/Nowhere', 'Asia', '', 'CST', 'cst', 'BST', 'IST', 'CTT', 'SystemV/AST4']) expect(isValidTimeZone(zone), zone).toBe(false);
  });

  it('canonicalizes aliases and letter case once (Intl), and judges every mainland China zone at Beijing time', () => {
    expect(canonicalTimeZone('PRC')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('ASIA/SHANGHAI')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Asia/Kashgar')).toBe('Asia/Urumqi');
    expect(canonicalTimeZone('Hongkong')).toBe('Asia/Hong_Kong');
    expect(canonicalTimeZone('Mars/Base')).toBeNull();
    for (const zone of ['Asia/Shanghai', 'PRC', 'prc', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'Asia/Urumqi', 'asia/urumqi', 'Asia/Kashgar']) {
      expect(judgingTimeZone(zone), zone).toBe('Asia/Shanghai');
    }
    // Outside the mainland, each zone keeps its own local time.
    for (const [zone, judged] of [['Asia/Hong_Kong', 'Asia/Hong_Kong'], ['Asia/Macau', 'Asia/Macau'], ['ROC', 'Asia/Taipei'], ['Asia/Almaty', 'Asia/Almaty'], ['utc', 'UTC']]) {
      expect(judgingTimeZone(zone as string), zone).toBe(judged);
    }
    expect(judgingTimeZone('Asia/Nowhere')).toBeNull();
  });

  it('a clock time is exactly HH:mm', () => {
    expect(parseClock('23:59')).toBe(1439);
    expect(parseClock('00:00')).toBe(0);
    for (const text of ['10:000', '10:00 ', ' 10:00', '24:00', '9:00', '10:60']) expect(parseClock(text), text).toBeNaN();
  });
});
