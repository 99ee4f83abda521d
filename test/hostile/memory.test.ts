/**
 * Issue 15, breakage 2: Intl accepts a zone in any letter case, and the formatter cache kept one formatter
 * per spelling for ever (100,000 spellings added 2.6 GB). Every cache of the core is now a bounded memo
 * (src/core/memo.ts); these tests feed many spellings and distinct inputs and assert each cache's size against
 * its bound — a count, not a heap reading.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSync, checkAction } from '../../src/index.js';
import { boundedMemo, memoSizes } from '../../src/core/memo.js';
import { formatInstant, isValidTimeZone, localParts, parseInstant } from '../../src/core/time.js';
import { CACHED_HISTORY_INSTANTS } from '../../src/core/facts.js';
import { action, context } from '../support/fixtures.js';

const ZONE = 'america/argentina/comodrivadavia'; // 30 letters: 2^30 spellings, every one accepted by Intl

/** The n-th spelling of ZONE: bit i of n upper-cases letter i. */
function spelling(n: number): string {
  let bit = 0;
  return ZONE.replace(/[a-z]/g, (c) => ((n >> bit++) & 1) === 1 ? c.toUpperCase() : c);
}

const sizes = (): Record<string, { size: number; max: number }> => Object.fromEntries(memoSizes().map((m) => [m.name, { size: m.size, max: m.max }]));

describe('every cache of the core is bounded', () => {
  it('the caches are registered: formatters, offsets, instants, zone names, message templates', () => {
    expect(Object.keys(sizes())).toEqual(expect.arrayContaining(['time.formatters', 'time.offsetZones', 'time.offsetQuarters', 'time.instants', 'time.zoneCanonical', 'decision.templates', 'profiles.presets']));
  });

  it('3,000 spellings of one zone: no cache grows past its bound', () => {
    const N = 3000;
    const at = parseInstant('2026-11-30T10:00:00+08:00');
    for (let n = 0; n < N; n += 1) {
      const zone = spelling(n);
      expect(isValidTimeZone(zone)).toBe(true);
      localParts(at + n * 60_000, zone);
    }
    const s = sizes();
    for (const [name, { size, max }] of Object.entries(s)) expect(size, name).toBeLessThanOrEqual(max);
    // Used (at least its young generation is full) and no fuller than its bound.
    expect(s['time.formatters']?.size).toBeGreaterThanOrEqual(Math.floor((s['time.formatters']?.max ?? 0) / 2));
    expect(s['time.formatters']?.max).toBeLessThanOrEqual(256);
    expect(s['time.offsetZones']?.size).toBeLessThanOrEqual(64);
  }, 120_000);

  it('checks with 1,000 spellings of the debtor zone: same bounds, same answers', () => {
    const first = checkAction(context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai' } }), action()).outcome;
    for (let n = 0; n < 1000; n += 1) {
      const zone = spelling(n);
      const d = checkAction(context({ debtor: { id: 'D1', timeZone: zone } }), action({ at: formatInstant(parseInstant('2026-11-30T10:00:00+08:00') + n * 1000, 'Asia/Shanghai') }));
      expect(d.violations.filter((v) => v.rule === 'invalid-input')).toEqual([]);
    }
    expect(first).toBe('allow');
    for (const [name, { size, max }] of Object.entries(sizes())) expect(size, name).toBeLessThanOrEqual(max);
  }, 120_000);

  it("an audit's distinct instants do not enter the cache of instants (read once, they would only evict)", () => {
    const before = sizes()['time.instants']?.size ?? 0;
    const records = Array.from({ length: 2000 }, (_, i) => ({
      debtor: { id: `D${i % 50}`, timeZone: 'Asia/Shanghai' },
      debt: { id: 'L1', status: 'overdue' },
      action: action({ at: formatInstant(parseInstant('2026-11-30T10:00:00+08:00') + i * 1000, 'Asia/Shanghai'), target: { role: 'debtor', partyId: `D${i % 50}` } }),
      outcome: 'delivered',
    }));
    const verdicts = [...auditSync(records)];
    expect(verdicts.filter((v) => v.inputError !== undefined)).toEqual([]);
    // The collector's three dates are the only instants the check caches (they repeat on every record).
    expect((sizes()['time.instants']?.size ?? 0) - before).toBeLessThanOrEqual(3);
  });

  it('a history longer than CACHED_HISTORY_INSTANTS keeps its instants out of the cache of instants; a shorter one enters it', () => {
    const entries = (n: number, offsetMs: number) =>
      Array.from({ length: n }, (_, i) => ({ channel: 'voice', at: formatInstant(parseInstant('2026-11-29T10:00:00+08:00') - offsetMs - i * 60_000, 'Asia/Shanghai'), outcome: 'not_connected', target: { role: 'debtor' } }));
    const before = sizes()['time.instants']?.size ?? 0;
    const long = checkAction(context({ history: entries(CACHED_HISTORY_INSTANTS + 1, 0) as never }), action());
    expect(long.violations.filter((v) => v.rule === 'invalid-input')).toEqual([]);
    // The action's and the collector's instants only.
    expect((sizes()['time.instants']?.size ?? 0) - before).toBeLessThanOrEqual(4);
    const short = checkAction(context({ history: entries(200, 30 * 86_400_000) as never }), action());
    expect(short.violations.filter((v) => v.rule === 'invalid-input')).toEqual([]);
    expect((sizes()['time.instants']?.size ?? 0) - before).toBeGreaterThanOrEqual(200);
  });

  it('a year of distinct instants in one zone: the offset cache of that zone stays within its bound', () => {
    const start = parseInstant('2026-01-01T00:00:00Z');
    for (let q = 0; q < 366 * 96; q += 1) localParts(start + q * 15 * 60_000, 'Asia/Kathmandu');
    const s = sizes();
    expect(s['time.offsetQuarters']?.size).toBeLessThanOrEqual(s['time.offsetQuarters']?.max ?? 0);
  });
});

describe('boundedMemo', () => {
  it('never holds more than its bound, and keeps the newest entries (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (max, keys) => {
        const memo = boundedMemo<number, number>('test', max, { register: false });
        for (const k of keys) {
          memo.set(k, k * 2);
          expect(memo.size).toBeLessThanOrEqual(max);
          expect(memo.get(k)).toBe(k * 2);
        }
      }),
    );
  });

  it('an entry used again survives the generation it was made in', () => {
    const memo = boundedMemo<number, number>('test', 4, { register: false });
    memo.set(0, 0);
    for (let k = 1; k < 100; k += 1) {
      memo.set(k, k);
      expect(memo.get(0)).toBe(0); // read after every insert: copied forward before its generation is dropped
      expect(memo.size).toBeLessThanOrEqual(4);
    }
    expect([...memo.values()].filter((v) => v === 0)).toHaveLength(1);
  });

  it('through computes once per key while it is kept', () => {
    const memo = boundedMemo<string, number>('test', 2, { register: false });
    let calls = 0;
    const compute = (k: string): number => { calls += 1; return k.length; };
    expect(memo.through('aa', compute)).toBe(2);
    expect(memo.through('aa', compute)).toBe(2);
    expect(calls).toBe(1);
    memo.through('b', compute);
    memo.through('ccc', compute); // evicts 'aa', the oldest
    expect(memo.get('aa')).toBeUndefined();
    expect(memo.size).toBe(2);
  });

  it('peek reads without storing, refreshing or evicting', () => {
    const memo = boundedMemo<string, number | null>('test', 2, { register: false });
    memo.set('a', null);
    expect(memo.peek('a')).toBeNull(); // a stored null is found, not taken for a miss
    expect(memo.peek('b')).toBeUndefined();
    expect(memo.size).toBe(1);
    memo.set('b', 2);
    memo.set('c', 3); // generations of one entry here: 'b' is now the old one
    expect(memo.peek('b')).toBe(2);
    memo.set('d', 4); // 'b' was only peeked, not copied forward: dropped with its generation
    expect(memo.peek('b')).toBeUndefined();
    expect(memo.size).toBeLessThanOrEqual(2);
  });

  it('refuses a bound that is not a positive integer', () => {
    expect(() => boundedMemo('x', 0)).toThrow(RangeError);
    expect(() => boundedMemo('x', 1.5)).toThrow(RangeError);
  });
});
