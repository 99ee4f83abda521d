/**
 * The limit-dependent values of src/core/limits-at.ts: the shortcut that answers "is this attestation
 * older than N months before the action?" without calendar arithmetic agrees with the calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beforeMonthsBack } from '../src/core/limits-at.js';
import type { Facts } from '../src/core/facts.js';
import { addZonedMonths, DAY_MS, HOUR_MS } from '../src/core/time.js';

// Zones with the largest offsets and jumps: Samoa skipped 2011-12-30 (UTC−10 → UTC+14), Kiritimati skipped
// 1994-12-31, Lord Howe changes by half an hour.
const ZONES = ['Asia/Shanghai', 'UTC', 'Pacific/Apia', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns'];

/** The facts beforeMonthsBack reads: the action's instant and the debtor's zone. */
const factsAt = (atMs: number, zone: string): Facts => ({ atMs, debtorLocal: { zone } }) as unknown as Facts;

describe('beforeMonthsBack', () => {
  it('is `ms` < the instant N calendar months before the action in the debtor zone, for any instant, zone and N', () => {
    const at = fc.integer({ min: Date.UTC(1990, 0, 1) / 1000, max: Date.UTC(2060, 0, 1) / 1000 }).map((s) => s * 1000);
    fc.assert(
      fc.property(at, fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 36 }), fc.integer({ min: -40 * 24, max: 40 * 24 }), (atMs, zone, months, hoursFromCutoff) => {
        const cutoff = addZonedMonths(atMs, -months, zone);
        const ms = cutoff + hoursFromCutoff * HOUR_MS; // around the cutoff, where the shortcut must not answer wrongly
        expect(beforeMonthsBack(ms, factsAt(atMs, zone), months)).toBe(ms < cutoff);
      }),
      { numRuns: 3000 },
    );
  });

  it('in the shortest months back (February, leap and common years), hour by hour around the cutoff', () => {
    // A month back from early March spans 28 or 29 days: the shortcut's margin is tightest there.
    for (const zone of ZONES) {
      for (const year of [2023, 2024]) {
        for (let day = 0; day < 40; day += 1) {
          const atMs = Date.UTC(year, 1, 25 + day, 12);
          for (const months of [1, 2, 12]) {
            const cutoff = addZonedMonths(atMs, -months, zone);
            for (let hours = -80; hours <= 80; hours += 2) {
              const ms = cutoff + hours * HOUR_MS;
              if (beforeMonthsBack(ms, factsAt(atMs, zone), months) !== ms < cutoff) expect.fail(`${zone} ${new Date(atMs).toISOString()} ${months} months, ${hours} h from the cutoff`);
            }
          }
        }
      }
    }
  });

  it('across the days Samoa and Kiritimati skipped, and at the cutoff itself', () => {
    for (const [zone, atMs] of [['Pacific/Apia', Date.UTC(2012, 0, 27, 12)], ['Pacific/Kiritimati', Date.UTC(1995, 0, 28, 12)], ['Pacific/Apia', Date.UTC(2012, 0, 29, 11)]] as const) {
      for (let hours = -72; hours <= 72; hours += 1) {
        const cutoff = addZonedMonths(atMs, -1, zone);
        const ms = cutoff + hours * HOUR_MS;
        expect(beforeMonthsBack(ms, factsAt(atMs, zone), 1), `${zone} ${new Date(atMs).toISOString()} ${hours} h`).toBe(ms < cutoff);
      }
    }
    const atMs = Date.UTC(2026, 10, 30, 2);
    const cutoff = addZonedMonths(atMs, -12, 'Asia/Shanghai');
    expect(beforeMonthsBack(cutoff, factsAt(atMs, 'Asia/Shanghai'), 12)).toBe(false);
    expect(beforeMonthsBack(cutoff - 1, factsAt(atMs, 'Asia/Shanghai'), 12)).toBe(true);
    expect(beforeMonthsBack(atMs - 25 * DAY_MS, factsAt(atMs, 'Asia/Shanghai'), 1)).toBe(false);
  });
});
