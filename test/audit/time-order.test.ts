import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/core/time.js';
import { createTimeOrder, IDLE_AFTER_MS, MAX_LATENESS_MS, type Placement } from '../../src/audit/time-order.js';

/**
 * The time order as its documentation states it, with no shortcut: a debtor's newest accepted record, the
 * log's newest, and every debtor idle for longer than IDLE_AFTER_MS forgotten each time the log's newest
 * has moved on by an hour (a full scan of every debtor).
 */
function reference() {
  const last = new Map<string, number>();
  let newestMs = Number.NEGATIVE_INFINITY;
  let lastSweepMs = Number.NEGATIVE_INFINITY;
  const forgotten: string[] = [];
  return {
    forgotten,
    place(id: string, atMs: number): Placement {
      if (atMs < newestMs - MAX_LATENESS_MS) return { kind: 'late', newestMs };
      const previous = last.get(id);
      if (previous !== undefined && atMs < previous) return { kind: 'before-debtor', previousMs: previous };
      return { kind: 'in-order' };
    },
    accept(id: string, atMs: number): void {
      last.set(id, atMs);
      newestMs = Math.max(newestMs, atMs);
      if (newestMs - lastSweepMs >= HOUR_MS) {
        for (const [debtor, ms] of last) {
          if (ms < newestMs - IDLE_AFTER_MS) {
            last.delete(debtor);
            forgotten.push(debtor);
          }
        }
        lastSweepMs = newestMs;
      }
    },
    get size() {
      return last.size;
    },
  };
}

// Logs mostly in time order, with steps from seconds to days and some steps back, over a few debtors.
const step = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 * HOUR_MS }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 * 24 * HOUR_MS }) },
  { weight: 1, arbitrary: fc.integer({ min: -3 * 24 * HOUR_MS, max: 0 }) },
);
const log = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), step), { maxLength: 400 });

describe('createTimeOrder', () => {
  it('places every record, and forgets exactly the debtors, as the full-scan reference does', () => {
    fc.assert(
      fc.property(log, (records) => {
        const ref = reference();
        const forgotten: string[] = [];
        const order = createTimeOrder<string>((ledger) => forgotten.push(ledger));
        let clock = Date.UTC(2026, 10, 1);
        for (const [debtor, delta] of records) {
          clock += delta;
          const id = `D${debtor}`;
          const placement = order.place(id, clock);
          expect(placement).toEqual(ref.place(id, clock));
          if (placement.kind !== 'in-order') continue;
          // The ledger made for a debtor not tracked is kept until the debtor is forgotten.
          expect(order.accept(id, clock, () => id)).toBe(id);
          ref.accept(id, clock);
          // The same debtors forgotten at the same record (in whatever order within one sweep).
          expect([...forgotten].sort()).toEqual([...ref.forgotten].sort());
          expect(order.size).toBe(ref.size);
          expect(order.ledger(id)).toBe(id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
