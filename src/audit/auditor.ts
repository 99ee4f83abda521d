/**
 * The judging core shared by `audit` and `auditSync`: it validates a record, checks its place in time,
 * hands the case (with the history built from the debtor's earlier records) to a checker, and records the
 * action in that debtor's history. The two entry points differ only in whether the checker is awaited.
 */
import { isInvalidInput, type InputProblem } from '../core/decision.js';
import type { Action } from '../schema/action.js';
import { addToHistoryIndex, emptyHistoryIndex, forgetHistoryBefore, type GrowingHistoryIndex, type HistoryIndex } from '../core/facts.js';
import type { Context } from '../schema/context.js';
import type { Decision, Finding } from '../schema/decision.js';
import type { Channel } from '../schema/primitives.js';
import { formatInstant, HOUR_MS, localParts, parseInstant } from '../core/time.js';
import { validate } from '../core/validate.js';
import { AuditRecord } from '../schema/audit-record.js';


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
 * How far a record may trail the newest record of the whole log (seen so far). A later one is an input
 * error: the audit may already have forgotten that debtor (see IDLE_AFTER_MS), so judging it could only
 * guess.
 */
export const MAX_LATENESS_MS = 48 * HOUR_MS;
/**
 * A debtor whose newest record is this far behind the newest record of the log is forgotten. Any record
 * still accepted is at most MAX_LATENESS_MS behind the newest, hence more than HISTORY_HORIZON_MS after
 * everything forgotten: nothing forgotten could have counted.
 */
export const IDLE_AFTER_MS = HISTORY_HORIZON_MS + MAX_LATENESS_MS;
/** Forgetting idle debtors runs each time the log's newest instant has moved on by this much. */
const SWEEP_EVERY_MS = HOUR_MS;

/** The verdict on one record of a log. */
export interface AuditVerdict {
  /** 0-based position of the record in the input. */
  readonly index: number;
  /** The record's `id`, when it has one. */
  readonly id?: string;
  /** The debtor's id, when it can be read (also from a record that fails the schema). */
  readonly debtorId?: string;
  /** The action's instant as written in the record. */
  readonly at?: string;
  /** The same instant on the debtor's clock (`debtor.timeZone`), with that zone's offset. */
  readonly localAt?: string;
  /** Whom the action was aimed at: `debtor`, `guarantor`, `contact` or `third_party`. */
  readonly targetRole?: Action['target']['role'];
  readonly channel?: Channel;
  /** The acting organisation (`action.actor.organization.id`). */
  readonly organizationId?: string;
  /** The human collector's id, or the AI system's id. */
  readonly collectorId?: string;
  /** Hour of the action, 0–23, on the clock of the debtor's zone (`debtor.timeZone`). */
  readonly localHour?: number;
  readonly outcome: 'allow' | 'deny';
  /** The decision's violations (Finding objects, registry order); empty for an input error. */
  readonly violations: readonly Finding[];
  /** Present when the record could not be judged: it fails the schema or is out of time order. */
  readonly inputError?: { readonly issues: readonly InputProblem[] };
}

/** What the audit holds in memory, for monitoring and for tests of the memory bound. */
export interface AuditStats {
  /** Records taken so far. */
  readonly records: number;
  /** Debtors whose recent history is held now. */
  readonly trackedDebtors: number;
  /** The most debtors held at once so far. */
  readonly maxTrackedDebtors: number;
  /** History entries held now, over every tracked debtor. */
  readonly historyEntries: number;
  /** The most history entries held at once so far. */
  readonly maxHistoryEntries: number;
  /** Debtors forgotten after being idle for longer than IDLE_AFTER_MS. */
  readonly forgottenDebtors: number;
}

/**
 * A record ready to be checked: the case (its `history` left empty), the index of the history built from
 * the debtor's earlier records, the action, and what to remember.
 */
export interface PendingCheck {
  readonly kind: 'check';
  readonly context: Context;
  /** The debtor's history index: what indexHistory would build from the earlier records, kept up to date record by record. */
  readonly history: HistoryIndex;
  readonly action: Action;
  readonly record: AuditRecord;
  readonly atMs: number;
  readonly base: Omit<AuditVerdict, 'outcome' | 'violations'>;
}

export type Opened = PendingCheck | { readonly kind: 'verdict'; readonly verdict: AuditVerdict };

export interface Auditor {
  /** Validates a record and places it in time: either a verdict at once (input error) or a check to run. */
  open(raw: unknown, index: number): Opened;
  /** Turns the checker's decision into the verdict, and adds the action to the debtor's history. */
  close(pending: PendingCheck, decision: Decision): AuditVerdict;
  stats(): AuditStats;
}

interface Ledger {
  lastAtMs: number;
  /** The debtor's recent history as an index (counts are binary searches), grown by one entry per record. */
  index: GrowingHistoryIndex;
  /** The instants of the entries held, oldest first (for the memory figures of `stats`). */
  times: number[];
}

/** The empty history of a debtor's first record. */
const NO_HISTORY: HistoryIndex = emptyHistoryIndex();

function readableDebtorId(raw: unknown): string | undefined {
  try {
    const debtor = typeof raw === 'object' && raw !== null ? (raw as { debtor?: unknown }).debtor : undefined;
    const id = typeof debtor === 'object' && debtor !== null ? (debtor as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id.length > 0 && id.length <= 200 ? id : undefined;
  } catch {
    return undefined;
  }
}

function inputError(index: number, issues: readonly InputProblem[], fields: Omit<AuditVerdict, 'index' | 'outcome' | 'violations'> = {}): AuditVerdict {
  return { index, ...fields, outcome: 'deny', violations: [], inputError: { issues } };
}

export function createAuditor(): Auditor {
  // Insertion order = order of last activity: every accepted record moves its debtor to the end.
  const debtors = new Map<string, Ledger>();
  let newestMs = Number.NEGATIVE_INFINITY;
  let lastSweepMs = Number.NEGATIVE_INFINITY;
  let records = 0;
  let historyEntries = 0;
  let maxTrackedDebtors = 0;
  let maxHistoryEntries = 0;
  let forgottenDebtors = 0;

  /**
   * Forgets debtors idle for longer than IDLE_AFTER_MS. Debtors are visited in order of last activity; a
   * debtor touched after another has a newest record at most MAX_LATENESS_MS earlier than the other's
   * (every accepted record is at most that late), so once one is found that recent, none later is idle.
   */
  const sweep = (): void => {
    const cutoff = newestMs - IDLE_AFTER_MS;
    for (const [id, ledger] of debtors) {
      if (ledger.lastAtMs >= cutoff + MAX_LATENESS_MS) break;
      if (ledger.lastAtMs < cutoff) {
        debtors.delete(id);
        historyEntries -= ledger.times.length;
        forgottenDebtors += 1;
      }
    }
    lastSweepMs = newestMs;
  };

  return {
    open(raw, index) {
      records += 1;
      const parsed = validate(AuditRecord, raw, 'record');
      if (!parsed.ok) {
        const debtorId = readableDebtorId(raw);
        return { kind: 'verdict', verdict: inputError(index, parsed.problems, debtorId === undefined ? {} : { debtorId }) };
      }
      const record = parsed.value;
      const { id, action, outcome: _outcome, direction: _direction, ...caseFields } = record;
      const atMs = parseInstant(action.at);
      const zone = record.debtor.timeZone;
      const actor = action.actor;
      const collectorId = actor.kind === 'human' ? actor.collector?.id : actor.ai?.id;
      const base = {
        index,
        ...(id === undefined ? {} : { id }),
        debtorId: record.debtor.id,
        at: action.at,
        localAt: formatInstant(atMs, zone),
        targetRole: action.target.role,
        channel: action.channel,
        organizationId: actor.organization.id,
        ...(collectorId === undefined ? {} : { collectorId }),
        localHour: Math.floor(localParts(atMs, zone).minuteOfDay / 60),
      };
      if (atMs < newestMs - MAX_LATENESS_MS) {
        return {
          kind: 'verdict',
          verdict: inputError(index, [{
            path: 'record.action.at',
            message: `out of order: more than ${MAX_LATENESS_MS / HOUR_MS} h before the newest record so far (${formatInstant(newestMs, zone)}); the log must be in time order`,
            zh: `记录顺序错乱：比目前最新的记录（${formatInstant(newestMs, zone)}）早 ${MAX_LATENESS_MS / HOUR_MS} 小时以上；日志须按时间排序`,
          }], base),
        };
      }
      const ledger = debtors.get(record.debtor.id);
      if (ledger !== undefined && atMs < ledger.lastAtMs) {
        return {
          kind: 'verdict',
          verdict: inputError(index, [{
            path: 'record.action.at',
            message: `out of order: before this debtor's previous record (${formatInstant(ledger.lastAtMs, zone)}); a debtor's records must be in time order`,
            zh: `记录顺序错乱：早于该债务人的上一条记录（${formatInstant(ledger.lastAtMs, zone)}）；同一债务人的记录须按时间排序`,
          }], base),
        };
      }
      // The history goes in as its index, kept up to date by close(): nothing is rebuilt or rescanned per record.
      const context: Context = { ...caseFields, history: [] };
      return { kind: 'check', context, history: ledger === undefined ? NO_HISTORY : ledger.index, action, record, atMs, base };
    },

    close(pending, decision) {
      const { record, atMs, base } = pending;
      const { action } = record;
      let ledger = debtors.get(record.debtor.id);
      if (ledger === undefined) ledger = { lastAtMs: atMs, index: emptyHistoryIndex(), times: [] };
      else debtors.delete(record.debtor.id);
      debtors.set(record.debtor.id, ledger);
      ledger.lastAtMs = atMs;
      addToHistoryIndex(ledger.index, record.debtor.id, { channel: action.channel, target: action.target, outcome: record.outcome, phoneRef: action.phoneRef, direction: record.direction }, atMs);
      ledger.times.push(atMs);
      historyEntries += 1;
      const cutoff = atMs - HISTORY_HORIZON_MS;
      if ((ledger.times[0] as number) < cutoff) {
        let stale = 1;
        while (stale < ledger.times.length && (ledger.times[stale] as number) < cutoff) stale += 1;
        ledger.times.splice(0, stale);
        historyEntries -= stale;
        forgetHistoryBefore(ledger.index, cutoff);
      }
      maxTrackedDebtors = Math.max(maxTrackedDebtors, debtors.size);
      maxHistoryEntries = Math.max(maxHistoryEntries, historyEntries);
      if (atMs > newestMs) newestMs = atMs;
      if (newestMs - lastSweepMs >= SWEEP_EVERY_MS) sweep();

      if (isInvalidInput(decision)) return { ...base, outcome: 'deny', violations: [], inputError: { issues: decision.violations[0].facts.issues } };
      return { ...base, outcome: decision.outcome, violations: decision.violations };
    },

    stats: () => ({ records, trackedDebtors: debtors.size, maxTrackedDebtors, historyEntries, maxHistoryEntries, forgottenDebtors }),
  };
}
