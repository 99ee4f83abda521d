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
import { formatInstant, HOUR_MS, localHour, readInstant } from '../core/time.js';
import { validate } from '../core/validate.js';
import { AuditRecord } from '../schema/audit-record.js';
import { createTimeOrder, HISTORY_HORIZON_MS, MAX_LATENESS_MS, type Placement } from './time-order.js';


export { HISTORY_HORIZON_MS, IDLE_AFTER_MS, MAX_LATENESS_MS } from './time-order.js';

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
  /**
   * The same instant on the clock the rules judged by, with its offset: the debtor's zone as the schema
   * reads `debtor.timeZone` (Beijing time for a mainland China zone such as `Asia/Urumqi`).
   */
  readonly localAt?: string;
  /** Whom the action was aimed at: `debtor`, `guarantor`, `contact` or `third_party`. */
  readonly targetRole?: Action['target']['role'];
  readonly channel?: Channel;
  /** The acting organisation (`action.actor.organization.id`). */
  readonly organizationId?: string;
  /** The human collector's id, or the AI system's id. */
  readonly collectorId?: string;
  /** Hour of the action, 0–23, on the clock the rules judged by (as `localAt`). */
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
  readonly base: VerdictBase;
}

/** A record that passed the schema, not yet placed in time. */
export interface ReadRecord {
  readonly kind: 'read';
  readonly record: AuditRecord;
  readonly atMs: number;
  readonly base: VerdictBase;
}

export type Opened = PendingCheck | { readonly kind: 'verdict'; readonly verdict: AuditVerdict };

export interface Auditor {
  /** Validates a record and places it in time: either a verdict at once (input error) or a check to run. */
  open(raw: unknown, index: number): Opened;
  /** `open` in two steps, for a caller that places records itself (the parallel audit): validates a record. */
  read(raw: unknown, index: number): ReadRecord | { readonly kind: 'verdict'; readonly verdict: AuditVerdict };
  /** Where a record read stands against this auditor's own time order (the records it has accepted). */
  place(read: ReadRecord): Placement;
  /** The second step of `open`: a record read, placed in time as `placement` says. */
  placed(read: ReadRecord, placement: Placement): Opened;
  /** Turns the checker's decision into the verdict, and adds the action to the debtor's history. */
  close(pending: PendingCheck, decision: Decision): AuditVerdict;
  stats(): AuditStats;
}

interface Ledger {
  /** The debtor's recent history as an index (counts are binary searches), grown by one entry per record. */
  readonly index: GrowingHistoryIndex;
  /** The instants of the entries held, oldest first (for the memory figures of `stats`). */
  readonly times: number[];
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

const newLedger = (): Ledger => ({ index: emptyHistoryIndex(), times: [] });

/**
 * A record's case as the Context the guard checks, its history left empty (the audit passes the history as
 * its index). Written out rather than taken from the record with a rest and a spread, which V8 ran on its
 * slow path: about a third of the audit's time. The mapped type makes a case field added to Context a
 * compile error here until it is passed on.
 */
function caseOf(record: AuditRecord): Context {
  const fields: { readonly [K in keyof Required<Context>]: Context[K] } = {
    debtor: record.debtor,
    debt: record.debt,
    agreement: record.agreement,
    contacts: record.contacts,
    guarantors: record.guarantors,
    history: [],
  };
  return fields;
}

type VerdictBase = Omit<AuditVerdict, 'outcome' | 'violations'>;

/**
 * The fields of a verdict that come from the record, in the verdict's key order, optional ones only when
 * present. Written out rather than spread: an object spread per record cost more than several rules.
 */
function verdictBase(index: number, id: string | undefined, debtorId: string, at: string, localAt: string, targetRole: Action['target']['role'], channel: Channel, organizationId: string, collectorId: string | undefined, localHour: number): VerdictBase {
  if (id === undefined) {
    return collectorId === undefined
      ? { index, debtorId, at, localAt, targetRole, channel, organizationId, localHour }
      : { index, debtorId, at, localAt, targetRole, channel, organizationId, collectorId, localHour };
  }
  return collectorId === undefined
    ? { index, id, debtorId, at, localAt, targetRole, channel, organizationId, localHour }
    : { index, id, debtorId, at, localAt, targetRole, channel, organizationId, collectorId, localHour };
}

/** A judged record's verdict: the base's fields, then the decision's outcome and violations (as `{ ...base, outcome, violations }`). */
function judgedVerdict(b: VerdictBase, decision: Decision): AuditVerdict {
  const { outcome, violations } = decision;
  if (b.id === undefined) {
    return b.collectorId === undefined
      ? { index: b.index, debtorId: b.debtorId, at: b.at, localAt: b.localAt, targetRole: b.targetRole, channel: b.channel, organizationId: b.organizationId, localHour: b.localHour, outcome, violations }
      : { index: b.index, debtorId: b.debtorId, at: b.at, localAt: b.localAt, targetRole: b.targetRole, channel: b.channel, organizationId: b.organizationId, collectorId: b.collectorId, localHour: b.localHour, outcome, violations };
  }
  return b.collectorId === undefined
    ? { index: b.index, id: b.id, debtorId: b.debtorId, at: b.at, localAt: b.localAt, targetRole: b.targetRole, channel: b.channel, organizationId: b.organizationId, localHour: b.localHour, outcome, violations }
    : { index: b.index, id: b.id, debtorId: b.debtorId, at: b.at, localAt: b.localAt, targetRole: b.targetRole, channel: b.channel, organizationId: b.organizationId, collectorId: b.collectorId, localHour: b.localHour, outcome, violations };
}

export function createAuditor(): Auditor {
  let records = 0;
  let historyEntries = 0;
  let maxTrackedDebtors = 0;
  let maxHistoryEntries = 0;
  let forgottenDebtors = 0;
  const order = createTimeOrder<Ledger>((ledger) => {
    historyEntries -= ledger.times.length;
    forgottenDebtors += 1;
  });

  const read: Auditor['read'] = (raw, index) => {
    records += 1;
    const parsed = validate(AuditRecord, raw, 'record');
    if (!parsed.ok) {
      const debtorId = readableDebtorId(raw);
      return { kind: 'verdict', verdict: inputError(index, parsed.problems, debtorId === undefined ? {} : { debtorId }) };
    }
    const record = parsed.value;
    const { action } = record;
    const atMs = readInstant(action.at);
    const zone = record.debtor.timeZone;
    const actor = action.actor;
    const collectorId = actor.kind === 'human' ? actor.collector?.id : actor.ai?.id;
    const base = verdictBase(index, record.id, record.debtor.id, action.at, formatInstant(atMs, zone), action.target.role, action.channel, actor.organization.id, collectorId, localHour(atMs, zone));
    return { kind: 'read', record, atMs, base };
  };

  const placed: Auditor['placed'] = ({ record, atMs, base }, placement) => {
    const zone = record.debtor.timeZone;
    if (placement.kind === 'late') {
      return {
        kind: 'verdict',
        verdict: inputError(base.index, [{
          path: 'record.action.at',
          message: `out of order: more than ${MAX_LATENESS_MS / HOUR_MS} h before the newest record so far (${formatInstant(placement.newestMs, zone)}); the log must be in time order`,
          zh: `记录顺序错乱：比目前最新的记录（${formatInstant(placement.newestMs, zone)}）早 ${MAX_LATENESS_MS / HOUR_MS} 小时以上；日志须按时间排序`,
        }], base),
      };
    }
    if (placement.kind === 'before-debtor') {
      return {
        kind: 'verdict',
        verdict: inputError(base.index, [{
          path: 'record.action.at',
          message: `out of order: before this debtor's previous record (${formatInstant(placement.previousMs, zone)}); a debtor's records must be in time order`,
          zh: `记录顺序错乱：早于该债务人的上一条记录（${formatInstant(placement.previousMs, zone)}）；同一债务人的记录须按时间排序`,
        }], base),
      };
    }
    const { action } = record;
    // The history goes in as its index, kept up to date by close(): nothing is rebuilt or rescanned per record.
    const context = caseOf(record);
    const ledger = order.ledger(record.debtor.id);
    return { kind: 'check', context, history: ledger === undefined ? NO_HISTORY : ledger.index, action, record, atMs, base };
  };

  const place: Auditor['place'] = ({ record, atMs }) => order.place(record.debtor.id, atMs);

  return {
    read,
    place,
    placed,
    open(raw, index) {
      const opened = read(raw, index);
      return opened.kind === 'verdict' ? opened : placed(opened, place(opened));
    },

    close(pending, decision) {
      const { record, atMs, base } = pending;
      const { action } = record;
      const ledger = order.accept(record.debtor.id, atMs, newLedger);
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
      maxTrackedDebtors = Math.max(maxTrackedDebtors, order.size);
      maxHistoryEntries = Math.max(maxHistoryEntries, historyEntries);

      if (isInvalidInput(decision)) return { ...base, outcome: 'deny', violations: [], inputError: { issues: decision.violations[0].facts.issues } };
      return judgedVerdict(base, decision);
    },

    stats: () => ({ records, trackedDebtors: order.size, maxTrackedDebtors, historyEntries, maxHistoryEntries, forgottenDebtors }),
  };
}
