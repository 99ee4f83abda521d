/**
 * The audit's time order: where a record stands against the log's newest record and against its debtor's
 * previous one, and the bookkeeping of debtors seen (each with a ledger of the caller's), forgetting the
 * idle ones. Kept apart from the judging, so that the parallel audit (src/cli/parallel-audit.ts) can
 * place every record on its main thread with exactly the single-threaded audit's logic while the records
 * themselves are read and judged on worker threads.
 */
import { HOUR_MS } from '../core/time.js';

/**
 * How far a record may trail the newest record of the whole log (seen so far). A later one is an input
 * error: the audit may already have forgotten that debtor (see IDLE_AFTER_MS), so judging it could only
 * guess.
 */
export const MAX_LATENESS_MS = 48 * HOUR_MS;
/**
 * How much of a debtor's history is kept: the records of the 48 hours before that debtor's newest record.
 * Every built-in count (connected calls, visits, unanswered attempts on a number) looks only at the local
 * calendar day that contains the action, in the debtor's or the target's zone. Whatever the zone's offset
 * (−12 h … +14 h), that day starts at most 25 hours before any instant in it (24 hours, one more on the
 * day a clock goes back), and a debtor's records come in time order, so an entry more than 48 hours older
 * than the debtor's newest record can never count again.
 */
export const HISTORY_HORIZON_MS = 48 * HOUR_MS;
/**
 * A debtor whose newest record is this far behind the newest record of the log is forgotten. Any record
 * still accepted is at most MAX_LATENESS_MS behind the newest, hence more than HISTORY_HORIZON_MS after
 * everything forgotten: nothing forgotten could have counted.
 */
export const IDLE_AFTER_MS = HISTORY_HORIZON_MS + MAX_LATENESS_MS;
/** Forgetting idle debtors runs each time the log's newest instant has moved on by this much. */
const SWEEP_EVERY_MS = HOUR_MS;

/** Where a record stands in time, before it is judged. */
export type Placement =
  | { readonly kind: 'in-order' }
  /** More than MAX_LATENESS_MS before the newest record accepted so far (`newestMs`). */
  | { readonly kind: 'late'; readonly newestMs: number }
  /** Before its debtor's previous accepted record (`previousMs`). */
  | { readonly kind: 'before-debtor'; readonly previousMs: number };

export const IN_ORDER: Placement = Object.freeze({ kind: 'in-order' });

export interface TimeOrder<L> {
  /** Where a record of `debtorId` at `atMs` stands; records nothing. */
  place(debtorId: string, atMs: number): Placement;
  /**
   * Records an accepted record (placed in order): its debtor becomes the most recently active, the log's
   * newest instant moves on, idle debtors are forgotten. Returns the debtor's ledger, made by `make` for a
   * debtor not (or no longer) tracked.
   */
  accept(debtorId: string, atMs: number, make: () => L): L;
  /** The ledger of a debtor tracked now. */
  ledger(debtorId: string): L | undefined;
  /** Debtors tracked now. */
  readonly size: number;
}

interface Entry<L> {
  lastAtMs: number;
  readonly ledger: L;
}

/** A time order whose debtors carry a ledger of type L; `forget` is told of every debtor forgotten. */
export function createTimeOrder<L>(forget: (ledger: L) => void = () => undefined): TimeOrder<L> {
  // Insertion order = order of last activity: every accepted record moves its debtor to the end.
  const debtors = new Map<string, Entry<L>>();
  let newestMs = Number.NEGATIVE_INFINITY;
  let lastSweepMs = Number.NEGATIVE_INFINITY;

  /**
   * Forgets debtors idle for longer than IDLE_AFTER_MS. Debtors are visited in order of last activity; a
   * debtor touched after another has a newest record at most MAX_LATENESS_MS earlier than the other's
   * (every accepted record is at most that late), so once one is found that recent, none later is idle.
   */
  const sweep = (): void => {
    const cutoff = newestMs - IDLE_AFTER_MS;
    for (const [id, entry] of debtors) {
      if (entry.lastAtMs >= cutoff + MAX_LATENESS_MS) break;
      if (entry.lastAtMs < cutoff) {
        debtors.delete(id);
        forget(entry.ledger);
      }
    }
    lastSweepMs = newestMs;
  };

  return {
    place(debtorId, atMs) {
      if (atMs < newestMs - MAX_LATENESS_MS) return { kind: 'late', newestMs };
      const entry = debtors.get(debtorId);
      if (entry !== undefined && atMs < entry.lastAtMs) return { kind: 'before-debtor', previousMs: entry.lastAtMs };
      return IN_ORDER;
    },
    accept(debtorId, atMs, make) {
      let entry = debtors.get(debtorId);
      if (entry === undefined) entry = { lastAtMs: atMs, ledger: make() };
      else debtors.delete(debtorId);
      debtors.set(debtorId, entry);
      entry.lastAtMs = atMs;
      if (atMs > newestMs) newestMs = atMs;
      if (newestMs - lastSweepMs >= SWEEP_EVERY_MS) sweep();
      return entry.ledger;
    },
    ledger: (debtorId) => debtors.get(debtorId)?.ledger,
    get size() {
      return debtors.size;
    },
  };
}
