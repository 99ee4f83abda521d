/**
 * Issue 15, breakage 1: one 2.4 KB request (eight odd-offset zones, fifty one-minute agreed windows, a
 * 366-day horizon) made the scheduler run about 168k full checks. The search is now bounded by design:
 * candidate instants are computed per day and zone, only those at which every window involved is open are
 * checked in full, and a hard cap on work per call ends the search with `status: 'search-limit'` rather
 * than a silent null. These tests assert the work counted in the result, never a time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, MAX_SCHEDULE_CANDIDATES, MAX_SCHEDULE_CHECKS, scheduleAction, type ActionInput, type ContextInput } from '../../src/index.js';
import { DAY_MS, localParts, parseInstant, wallToInstant, formatInstant } from '../../src/core/time.js';
import { action, context } from '../support/fixtures.js';
import { ODD_ZONES, SAME_OFFSET_ZONES, oneMinuteWindows, worstScheduleCase } from './cases.js';

describe('the request of issue 15', () => {
  it('eight odd-offset zones, fifty one-minute windows, 366 days: a few full checks, and an answer that says why', () => {
    const [c, a] = worstScheduleCase(ODD_ZONES);
    expect(JSON.stringify({ context: c, action: a, horizonDays: 366 }).length).toBeLessThan(4096);
    const r = scheduleAction(c, a, { horizonDays: 366 });
    expect(r.at).toBeNull();
    expect(r.status).toBe('horizon-exhausted');
    expect(r.searchedUntil).toBe(r.horizonEnd);
    // No instant has all eight zones inside one of the windows at once: the full check runs once, at action.at.
    expect(r.work.checks).toBe(1);
    expect(r.work.candidates).toBeLessThanOrEqual(MAX_SCHEDULE_CANDIDATES);
    expect(r.reasons.map((v) => v.rule)).toContain('agreed-hours');
  });

  it('eight zones of one offset (every window open everywhere): at most MAX_SCHEDULE_CHECKS full checks, then search-limit', () => {
    const [c, a] = worstScheduleCase(SAME_OFFSET_ZONES);
    const r = scheduleAction(c, a, { horizonDays: 366 });
    expect(r.work.checks).toBeLessThanOrEqual(MAX_SCHEDULE_CHECKS);
    expect(r.work.candidates).toBeLessThanOrEqual(MAX_SCHEDULE_CANDIDATES);
    // Never a silent null: either the horizon was searched to its end or the result says the cap stopped it.
    expect(r.at).toBeNull();
    expect(['horizon-exhausted', 'search-limit']).toContain(r.status);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('a search stopped by the cap says so, says how far it got, and can be resumed from there', () => {
    // The collector's annual training lapses on 2027-06-01: from then every one of the 50 windows a day is a
    // candidate that the full check denies (collector-training), so the cap is reached.
    const [c, a] = worstScheduleCase(SAME_OFFSET_ZONES);
    const r = scheduleAction(c, a, { horizonDays: 366 });
    expect(r).toMatchObject({ at: null, permanent: false, status: 'search-limit' });
    expect(r.work.checks).toBe(MAX_SCHEDULE_CHECKS);
    const until = parseInstant(r.searchedUntil as string);
    expect(until).toBeGreaterThan(parseInstant(a.at));
    expect(until).toBeLessThan(parseInstant(r.horizonEnd as string));
    const resumed = scheduleAction(c, { ...a, at: r.searchedUntil as string }, { horizonDays: 30 });
    expect(resumed.work.checks).toBeLessThanOrEqual(MAX_SCHEDULE_CHECKS);
    expect(parseInstant(resumed.searchedUntil as string)).toBeGreaterThan(until);
  });

  it('a daily cap reached costs one full check per day, not one per window', () => {
    const [c, a] = worstScheduleCase(SAME_OFFSET_ZONES);
    const r = scheduleAction(c, a, { horizonDays: 60 });
    expect(r.status).toBe('horizon-exhausted');
    expect(r.work.checks).toBeLessThanOrEqual(62);
    expect(r.reasons.map((v) => v.rule)).toEqual(['voice-daily-cap']);
  });

  it('a guard searches under the same caps', () => {
    const [c, a] = worstScheduleCase(ODD_ZONES);
    const r = createGuard({ overlay: { voiceDailyCap: 2 } }).scheduleAction(c, a, { horizonDays: 366 });
    expect(r.work.checks).toBeLessThanOrEqual(MAX_SCHEDULE_CHECKS);
    expect(r.status).toBe('horizon-exhausted');
  });

  it('invalid input: no search at all', () => {
    expect(scheduleAction({} as never, {} as never, { horizonDays: 366 })).toMatchObject({ at: null, status: 'permanent', searchedUntil: null, work: { candidates: 0, checks: 0 } });
  });
});

// ---------------------------------------------------------------------------------------------------
// The bounded search finds the same instant as the unbounded one it replaced (every local midnight and
// every window start in every zone, each checked in full), on many zones and windows.

const MINUTE = 60_000;
const ZONE_POOL = [...ODD_ZONES, 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Shanghai', 'America/Santiago', 'Pacific/Apia'] as const;

/** The search before issue 15: every boundary, in order, each checked in full. */
function exhaustive(c: ContextInput, a: ActionInput, horizonDays: number): string | null {
  const start = parseInstant(a.at);
  const end = start + horizonDays * DAY_MS;
  if (checkAction(c, a).outcome === 'allow') return a.at;
  const debtor = c.debtor as { timeZone: string; timeZones?: string[] };
  const zones = [...new Set([debtor.timeZone, ...(debtor.timeZones ?? [])])];
  const windows = (c.agreement as { windows?: { start: string }[] } | undefined)?.windows ?? [];
  const minutes = new Set([8 * 60, ...windows.map((w) => Number(w.start.slice(0, 2)) * 60 + Number(w.start.slice(3)))]);
  const out = new Set<number>();
  for (const zone of zones) {
    const wall = localParts(start, zone).wallMs;
    const midnight = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
    for (let day = 0; day <= horizonDays + 1; day += 1) {
      for (const m of [0, ...minutes]) {
        const t = wallToInstant(midnight + day * DAY_MS + m * MINUTE, zone);
        if (t > start && t <= end) out.add(t);
      }
    }
  }
  for (const t of [...out].sort((x, y) => x - y)) {
    const at = formatInstant(t, debtor.timeZone);
    if (checkAction(c, { ...a, at }).outcome === 'allow') return at;
  }
  return null;
}

const clock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

const windowArb = fc.record({
  start: fc.integer({ min: 0, max: 1439 }),
  length: fc.integer({ min: 1, max: 1440 }),
  days: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), { nil: undefined }),
}).map(({ start, length, days }) => ({ start: clock(start), end: clock((start + length) % 1440), ...(days === undefined ? {} : { days }) }));

describe('many zones and windows (property)', () => {
  it('the bounded search answers as the exhaustive one did, and its answer is allowed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...ZONE_POOL), { minLength: 1, maxLength: 4 }),
        fc.option(fc.array(windowArb, { minLength: 1, maxLength: 6 }), { nil: undefined }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 3 * 24 * 60 - 1 }),
        (zones, windows, cap, offsetMinutes) => {
          const [first, ...rest] = zones;
          const c = context({
            debtor: { id: 'D1', timeZone: first as string, ...(rest.length > 0 ? { timeZones: rest } : {}) },
            ...(windows === undefined ? {} : { agreement: { windows, voiceDailyCap: cap } }),
          } as Partial<ContextInput>);
          const a = action({ at: formatInstant(parseInstant('2026-11-30T00:00:00+08:00') + offsetMinutes * MINUTE, 'Asia/Shanghai') });
          const r = scheduleAction(c, a, { horizonDays: 2 });
          expect(r.work.checks).toBeLessThanOrEqual(MAX_SCHEDULE_CHECKS);
          if (r.status === 'search-limit') return;
          const expected = exhaustive(c, a, 2);
          expect(r.at === null ? null : parseInstant(r.at)).toBe(expected === null ? null : parseInstant(expected));
          if (r.at !== null) expect(checkAction(c, { ...a, at: r.at }).outcome).toBe('allow');
          else expect(r.status === 'horizon-exhausted' || r.status === 'permanent').toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('oneMinuteWindows', () => {
  it('builds distinct one-minute windows', () => {
    const w = oneMinuteWindows(50);
    expect(new Set(w.map((x) => x.start)).size).toBe(50);
    expect(w[0]).toEqual({ start: '00:07', end: '00:08' });
  });
});
