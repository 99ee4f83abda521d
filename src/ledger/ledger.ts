// The guard validates context and action itself (fail closed); the ledger hands them on as it got them.
import type { ActionInput } from '../schema/action.js';
import type { ContextInput } from '../schema/context.js';
import {
  ActionSchema, AuditRecordSchema, ContextSchema, createGuard,
  type Action, type AuditRecordInput, type Decision, type Finding, type Guard, type GuardOptions, type HistoryEntry,
} from '../index.js';
import { memoryStore } from './memory-store.js';
import type { DebtorSnapshot, DebtorWrite, LedgerRow, LedgerStore } from './store.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The engine's own citation for ledger findings: fail closed, not a clause of GB/T 45251. */
const FAIL_CLOSED = Object.freeze({ standard: 'cuishou-guard', clause: 'fail-closed', topic: '引擎原则：共享台账无法核验频次时不予放行（非 GB/T 45251 条款）/ engine principle: deny when the shared ledger cannot vouch for the caps' });

/** The rule ids of the ledger's own findings (engine principles, not clauses of the standard). */
export const LEDGER_RULES = ['ledger-unavailable', 'ledger-contention', 'ledger-retention', 'ledger-overflow'] as const;
export type LedgerRuleId = (typeof LEDGER_RULES)[number];

export const LEDGER_DEFAULTS = Object.freeze({
  reservationTtlMs: 120_000,
  retentionMs: 3 * DAY_MS,
  maxAttempts: 12,
  maxRowsPerDebtor: 10_000,
});

/** Bounds on the settings: a TTL longer than the retention would outlive its own row. */
export const LEDGER_BOUNDS = Object.freeze({
  minTtlMs: 1_000,
  maxTtlMs: DAY_MS,
  /** The caps count local calendar days; every zone's current and previous day fit in 48 h plus a day of skew. */
  minRetentionMs: 3 * DAY_MS,
  maxRetentionMs: 400 * DAY_MS,
  maxAttempts: 100,
  maxRowsPerDebtor: 100_000,
});

export interface LedgerOptions {
  /** Where reservations and entries live; default `memoryStore()` (one process). */
  readonly store?: LedgerStore;
  /** Guard options, or a guard from `createGuard`; default the national profile. */
  readonly guard?: GuardOptions | Guard;
  /** A reservation neither committed nor released by then stops counting; default 120 000 ms. */
  readonly reservationTtlMs?: number;
  /** Rows older than this (by the action's instant) are pruned; default and minimum 3 days. */
  readonly retentionMs?: number;
  /** Compare-and-set attempts per call before `reserve` denies with `ledger-contention`; default 12. */
  readonly maxAttempts?: number;
  /** A debtor with more rows than this in the retention window is denied with `ledger-overflow`; default 10 000. */
  readonly maxRowsPerDebtor?: number;
  /** The clock, in epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

export interface Reservation {
  /** What the guard decides on the context with the ledger's history of the debtor merged in. */
  readonly decision: Decision;
  /** Present when allowed: pass it to `commit` or `release`. */
  readonly reservationId: string | null;
  /** When an uncommitted reservation stops counting (ISO instant, UTC); null when denied. */
  readonly expiresAt: string | null;
}

export interface CommitInput {
  /** What happened: `connected`, `not_connected`, `delivered`, `failed`, `completed`. */
  readonly outcome: HistoryEntry['outcome'];
}

export interface CommitResult {
  /** `unknown`: no such reservation in the ledger (never made, or pruned after the retention window). */
  readonly status: 'committed' | 'already-committed' | 'unknown';
  /** Committed after the reservation lapsed or was released: still recorded, since the action happened. */
  readonly late: boolean;
  readonly entry: HistoryEntry | null;
}

export interface ReleaseResult {
  readonly status: 'released' | 'already-released' | 'already-committed' | 'unknown';
}

/** One committed entry of the ledger, for audit. */
export interface LedgerEntry {
  readonly reservationId: string;
  readonly debtorId: string;
  /** As a `history` entry of a Context. */
  readonly entry: HistoryEntry;
  readonly reservedAt: string;
  readonly committedAt: string;
  readonly late: boolean;
  /** The case and action as reserved with the committed outcome: one record for `audit`; null if lost. */
  readonly record: AuditRecordInput | null;
}

export interface HistoryQuery {
  /** Inclusive lower bound on the action's instant (ISO 8601 with offset). */
  readonly from?: string;
  /** Exclusive upper bound on the action's instant. */
  readonly to?: string;
}

export interface Ledger {
  reserve(context: unknown, action: unknown): Promise<Reservation>;
  commit(reservationId: string, input: CommitInput): Promise<CommitResult>;
  release(reservationId: string): Promise<ReleaseResult>;
  history(debtorId: string, query?: HistoryQuery): Promise<LedgerEntry[]>;
  close(): Promise<void>;
}

/** Thrown by `createLedger` for settings out of bounds, and by `commit`/`release`/`history` for bad arguments. */
export class LedgerInputError extends Error {
  override readonly name = 'LedgerInputError';
  readonly code = 'ERR_LEDGER_INPUT';
  /** The offending setting or argument. */
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** Thrown by `commit`, `release` and `history` when the store fails or stays contended: retry (they are idempotent). */
export class LedgerUnavailableError extends Error {
  override readonly name = 'LedgerUnavailableError';
  readonly code = 'ERR_LEDGER_UNAVAILABLE';
  readonly store: string;
  constructor(store: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.store = store;
  }
}

const OUTCOMES = new Set(['connected', 'not_connected', 'delivered', 'failed', 'completed']);

/**
 * How a live call is imagined to end. It could end either way, and neither way is the stricter for every
 * rule: `connected` fills the daily voice cap; `unanswered` fills the per-number cap of unanswered attempts
 * but also extends a run of unanswered attempts (which may show a debtor lost). `reserve` decides both ways
 * and allows only when both allow.
 */
export type CallEnding = 'connected' | 'unanswered';

/** What a live reservation counts as: a call as `ending` says, a visit as completed, a message as delivered. */
export function asIfHappened(entry: HistoryEntry, ending: CallEnding = 'connected'): HistoryEntry {
  const outcome = entry.channel === 'voice' ? (ending === 'connected' ? 'connected' : 'not_connected') : entry.channel === 'visit' ? 'completed' : 'delivered';
  return { ...entry, outcome };
}

/** The history entries a debtor's rows contribute at `nowMs`: committed ones, and live reservations as if they happened. */
export function countedEntries(rows: readonly LedgerRow[], nowMs: number, ending: CallEnding = 'connected'): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const row of rows) {
    if (row.state === 'committed') out.push(row.entry);
    else if (row.state === 'reserved' && row.expiresAtMs > nowMs) out.push(asIfHappened(row.entry, ending));
  }
  return out;
}

function encodeId(debtorId: string, random: string): string {
  const bytes = new TextEncoder().encode(debtorId);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `r1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.${random}`;
}

/** The debtor of a reservation id, or null when the id is not one of ours. */
export function debtorOfReservation(reservationId: unknown): string | null {
  if (typeof reservationId !== 'string' || reservationId.length > 400) return null;
  const match = /^r1\.([A-Za-z0-9_-]+)\.[0-9a-f-]{36}$/.exec(reservationId);
  if (match === null) return null;
  try {
    const b64 = (match[1] as string).replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const id = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return id.length >= 1 && id.length <= 200 ? id : null;
  } catch {
    return null;
  }
}

function bounded(field: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new LedgerInputError(field, `expected an integer between ${min} and ${max}, got ${String(value)}`);
  return value;
}

function isGuard(value: GuardOptions | Guard | undefined): value is Guard {
  return value !== undefined && typeof (value as Guard).check === 'function';
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The ledger's own deny, on top of what the guard found without (or with) the ledger's history. */
function ledgerDeny(base: Decision, rule: LedgerRuleId, code: string, en: string, zh: string, facts: Finding['facts']): Decision {
  const finding: Finding = { rule, clause: FAIL_CLOSED, code, message: { zh, en }, facts };
  return {
    ...base,
    outcome: 'deny',
    violations: [...base.violations, finding],
    // An allow's obligations come with the action, which is no longer allowed.
    obligations: base.outcome === 'allow' ? [] : base.obligations,
    evaluated: [...base.evaluated, rule],
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * A shared contact ledger: `reserve` decides with the debtor's history from every process that shares the
 * store, and holds the slot until `commit` or `release` (or the TTL). The rules stay those of the guard;
 * the store only offers a per-debtor compare-and-set, retried a bounded number of times.
 */
export function createLedger(options: LedgerOptions = {}): Ledger {
  const store = options.store ?? memoryStore();
  const guard = isGuard(options.guard) ? options.guard : createGuard(options.guard ?? {});
  const retentionMs = bounded('retentionMs', options.retentionMs, LEDGER_DEFAULTS.retentionMs, LEDGER_BOUNDS.minRetentionMs, LEDGER_BOUNDS.maxRetentionMs);
  const ttlMs = bounded('reservationTtlMs', options.reservationTtlMs, LEDGER_DEFAULTS.reservationTtlMs, LEDGER_BOUNDS.minTtlMs, LEDGER_BOUNDS.maxTtlMs);
  const maxAttempts = bounded('maxAttempts', options.maxAttempts, LEDGER_DEFAULTS.maxAttempts, 1, LEDGER_BOUNDS.maxAttempts);
  const maxRows = bounded('maxRowsPerDebtor', options.maxRowsPerDebtor, LEDGER_DEFAULTS.maxRowsPerDebtor, 1, LEDGER_BOUNDS.maxRowsPerDebtor);
  const now = options.now ?? Date.now;
  /** Reservations may be made this far back: the ledger still holds that day's history of every zone. */
  const reachBackMs = retentionMs - 2 * DAY_MS;

  /** Rows past the retention window, to delete with the next write. */
  const stale = (rows: readonly LedgerRow[], nowMs: number): string[] =>
    rows.filter((r) => Math.max(r.atMs, r.reservedAtMs, r.committedAtMs ?? 0, r.releasedAtMs ?? 0) < nowMs - retentionMs).map((r) => r.id);

  const backoff = (attempt: number): Promise<void> => sleep(Math.random() * Math.min(50, 2 ** attempt));

  async function reserve(context: unknown, action: unknown): Promise<Reservation> {
    const ctx = ContextSchema.safeParse(context);
    const act = ActionSchema.safeParse(action);
    // Invalid input: the guard's own invalid-input deny, naming every problem; the ledger is not touched.
    if (!ctx.success || !act.success) return { decision: await guard.check(context as ContextInput, action as ActionInput), reservationId: null, expiresAt: null };
    const debtorId = ctx.data.debtor.id;
    const input = context as Record<string, unknown> & { history?: unknown[] };
    const own = ctx.data.history ?? [];
    const atMs = Date.parse(act.data.at);

    const nowMs = now();
    if (atMs < nowMs - reachBackMs || atMs > nowMs + retentionMs) {
      const base = await guard.check(context as ContextInput, action as ActionInput);
      return {
        decision: ledgerDeny(base, 'ledger-retention', 'outside-retention',
          `The action's time is outside what the ledger holds (from ${Math.round(reachBackMs / HOUR_MS)} h before now to ${Math.round(retentionMs / HOUR_MS)} h after): it cannot vouch for the caps.`,
          `操作时间超出共享台账保存的范围（当前时间前 ${Math.round(reachBackMs / HOUR_MS)} 小时至后 ${Math.round(retentionMs / HOUR_MS)} 小时），无法核验频次上限，依规拒绝。`,
          { at: act.data.at, reachBackHours: Math.round(reachBackMs / HOUR_MS), retentionHours: Math.round(retentionMs / HOUR_MS) }),
        reservationId: null,
        expiresAt: null,
      };
    }

    let lastError: unknown = null;
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      if (attempt > 0) await backoff(attempt);
      let snapshot: DebtorSnapshot;
      try {
        snapshot = await store.read(debtorId);
      } catch (error) {
        lastError = error;
        break;
      }
      const t = now();
      if (snapshot.rows.length > maxRows) {
        const base = await guard.check(context as ContextInput, action as ActionInput);
        return {
          decision: ledgerDeny(base, 'ledger-overflow', 'too-many-entries',
            `The ledger holds ${snapshot.rows.length} entries for this debtor, more than its bound of ${maxRows}: it will not decide on a history it cannot read whole.`,
            `共享台账中该债务人的记录（${snapshot.rows.length} 条）超过上限 ${maxRows} 条，无法完整核验，依规拒绝。`,
            { entries: snapshot.rows.length, bound: maxRows }),
          reservationId: null,
          expiresAt: null,
        };
      }
      let decision = await guard.check({ ...input, history: [...own, ...countedEntries(snapshot.rows, t, 'connected')] } as ContextInput, action as ActionInput);
      if (decision.outcome === 'allow' && snapshot.rows.some((r) => r.state === 'reserved' && r.expiresAtMs > t && r.entry.channel === 'voice')) {
        // The live calls as unanswered too: allowed only if the action is allowed however they end.
        const unanswered = await guard.check({ ...input, history: [...own, ...countedEntries(snapshot.rows, t, 'unanswered')] } as ContextInput, action as ActionInput);
        if (unanswered.outcome === 'deny') decision = unanswered;
      }
      if (decision.outcome === 'deny') return { decision, reservationId: null, expiresAt: null };

      const id = encodeId(debtorId, globalThis.crypto.randomUUID());
      const a: Action = act.data;
      const entry: HistoryEntry = {
        channel: a.channel,
        at: a.at,
        target: a.target,
        outcome: asIfHappened({ channel: a.channel, at: a.at, target: a.target, outcome: 'connected', direction: 'outbound' }).outcome,
        // An action proposed to the guard is always ours: outbound (it counts toward the caps on our calls).
        direction: 'outbound',
        organizationId: a.actor.organization.id,
        ...(a.phoneRef === undefined ? {} : { phoneRef: a.phoneRef }),
      };
      const row: LedgerRow = { id, debtorId, state: 'reserved', entry, atMs, reservedAtMs: t, expiresAtMs: t + ttlMs };
      const { history: _history, ...caseSnapshot } = input;
      const record = { id, ...caseSnapshot, action, outcome: entry.outcome } as AuditRecordInput;
      let written: boolean;
      try {
        written = await store.write(debtorId, snapshot.version, { put: [row], records: [{ id, record }], remove: stale(snapshot.rows, t) });
      } catch (error) {
        lastError = error;
        break;
      }
      if (written) return { decision, reservationId: id, expiresAt: new Date(row.expiresAtMs).toISOString() };
    }

    const base = await guard.check(context as ContextInput, action as ActionInput);
    if (lastError !== null) {
      return {
        decision: ledgerDeny(base, 'ledger-unavailable', 'store-error',
          `The shared ledger (${store.kind}) could not be read or written (${errorName(lastError)}): the caps across the fleet cannot be verified, so the action is denied.`,
          `共享台账（${store.kind}）无法读写（${errorName(lastError)}），无法核验跨系统的频次上限，依规拒绝。`,
          { store: store.kind, error: errorName(lastError) }),
        reservationId: null,
        expiresAt: null,
      };
    }
    return {
      decision: ledgerDeny(base, 'ledger-contention', 'retries-exhausted',
        `Other reservations for this debtor kept changing the ledger (${maxAttempts} attempts): the action is denied rather than risk a cap; try again.`,
        `该债务人的共享台账持续被并发修改（已尝试 ${maxAttempts} 次），为免超出频次上限，依规拒绝；请稍后重试。`,
        { attempts: maxAttempts, store: store.kind }),
      reservationId: null,
      expiresAt: null,
    };
  }

  /** Read, change one row, compare-and-set; retried on conflict; a store failure throws LedgerUnavailableError. */
  async function update<T>(reservationId: string, change: (row: LedgerRow | undefined, nowMs: number) => { row: LedgerRow | null; result: T }): Promise<T> {
    const debtorId = debtorOfReservation(reservationId);
    if (debtorId === null) throw new LedgerInputError('reservationId', 'not a reservation id of this ledger');
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      if (attempt > 0) await backoff(attempt);
      try {
        const snapshot = await store.read(debtorId);
        const t = now();
        const { row, result } = change(snapshot.rows.find((r) => r.id === reservationId), t);
        if (row === null) return result;
        const write: DebtorWrite = { put: [row], records: [], remove: stale(snapshot.rows, t).filter((id) => id !== row.id) };
        if (await store.write(debtorId, snapshot.version, write)) return result;
      } catch (error) {
        throw new LedgerUnavailableError(store.kind, `the ledger store (${store.kind}) failed: ${errorName(error)}`, { cause: error });
      }
    }
    throw new LedgerUnavailableError(store.kind, `the ledger store (${store.kind}) stayed contended for ${maxAttempts} attempts`);
  }

  return {
    reserve: async (context, action) => {
      try {
        return await reserve(context, action);
      } catch (error) {
        // Anything unforeseen (a guard that throws, a store that returns garbage): deny, never throw.
        const base = await guard.check(context as ContextInput, action as ActionInput).catch(() => null);
        const fallback: Decision = base ?? { outcome: 'deny', violations: [], obligations: [], evaluated: [], ruleset: { standard: 'GB/T 45251—2025', version: 'unknown', profile: guard.profile.id } };
        return {
          decision: ledgerDeny(fallback, 'ledger-unavailable', 'internal-error',
            `The ledger failed (${errorName(error)}): the action cannot be verified, so it is denied.`,
            `共享台账出错（${errorName(error)}），无法核验，依规拒绝。`,
            { store: store.kind, error: errorName(error) }),
          reservationId: null,
          expiresAt: null,
        };
      }
    },

    commit(reservationId, input) {
      const outcome = (input as CommitInput | undefined)?.outcome;
      if (typeof outcome !== 'string' || !OUTCOMES.has(outcome)) {
        return Promise.reject(new LedgerInputError('outcome', `expected one of ${[...OUTCOMES].join(', ')}, got ${JSON.stringify(outcome)}`));
      }
      return update<CommitResult>(reservationId, (row, t) => {
        if (row === undefined) return { row: null, result: { status: 'unknown', late: false, entry: null } };
        if (row.state === 'committed') return { row: null, result: { status: 'already-committed', late: row.late === true, entry: row.entry } };
        const late = row.state === 'released' || row.expiresAtMs <= t;
        const entry: HistoryEntry = { ...row.entry, outcome };
        return { row: { ...row, state: 'committed', entry, committedAtMs: t, late }, result: { status: 'committed', late, entry } };
      });
    },

    release(reservationId) {
      return update<ReleaseResult>(reservationId, (row, t) => {
        if (row === undefined) return { row: null, result: { status: 'unknown' } };
        if (row.state === 'committed') return { row: null, result: { status: 'already-committed' } };
        if (row.state === 'released') return { row: null, result: { status: 'already-released' } };
        return { row: { ...row, state: 'released', releasedAtMs: t }, result: { status: 'released' } };
      });
    },

    async history(debtorId, query = {}) {
      if (typeof debtorId !== 'string' || debtorId.length < 1 || debtorId.length > 200) throw new LedgerInputError('debtorId', 'expected a string of 1 to 200 characters');
      const bound = (field: 'from' | 'to'): number | null => {
        const value = query[field];
        if (value === undefined) return null;
        const ms = typeof value === 'string' && /(Z|[+-]\d{2}:\d{2})$/.test(value) ? Date.parse(value) : Number.NaN;
        if (Number.isNaN(ms)) throw new LedgerInputError(field, 'expected an ISO 8601 instant with an offset or Z');
        return ms;
      };
      const from = bound('from');
      const to = bound('to');
      let rows: LedgerRow[];
      let records: ReadonlyMap<string, AuditRecordInput>;
      try {
        const snapshot = await store.read(debtorId);
        rows = snapshot.rows.filter((r) => r.state === 'committed' && (from === null || r.atMs >= from) && (to === null || r.atMs < to));
        records = await store.records(debtorId, rows.map((r) => r.id));
      } catch (error) {
        throw new LedgerUnavailableError(store.kind, `the ledger store (${store.kind}) failed: ${errorName(error)}`, { cause: error });
      }
      rows.sort((a, b) => a.atMs - b.atMs || a.id.localeCompare(b.id));
      return rows.map((r) => {
        const stored = records.get(r.id);
        const record = stored === undefined ? null : ({ ...stored, outcome: r.entry.outcome } as AuditRecordInput);
        return {
          reservationId: r.id,
          debtorId: r.debtorId,
          entry: r.entry,
          reservedAt: new Date(r.reservedAtMs).toISOString(),
          committedAt: new Date(r.committedAtMs ?? r.reservedAtMs).toISOString(),
          late: r.late === true,
          record,
        };
      });
    },

    close: () => store.close(),
  };
}

/**
 * The audit records of ledger entries, in time order, ready for `audit()` (or one JSON line each for
 * `cuishou-guard audit`). Entries whose record the store no longer holds are skipped.
 */
export function toAuditRecords(entries: readonly LedgerEntry[]): AuditRecordInput[] {
  const records = [...entries]
    .filter((e): e is LedgerEntry & { record: AuditRecordInput } => e.record !== null)
    .sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.reservationId.localeCompare(b.reservationId))
    .map((e) => e.record);
  // Each record must be one the audit accepts; a store that returns something else is a defect to surface.
  for (const r of records) AuditRecordSchema.parse(r);
  return records;
}

