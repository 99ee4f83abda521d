import type { AuditRecordInput, HistoryEntry } from '../index.js';

/**
 * One reservation in the ledger, from `reserve` to `commit` or `release`. A committed row is a history
 * entry of the debtor; a live reserved row counts as if the action had happened; a released or lapsed one
 * counts for nothing.
 */
export interface LedgerRow {
  /** The reservation id (also the id of the committed entry). */
  readonly id: string;
  readonly debtorId: string;
  readonly state: 'reserved' | 'committed' | 'released';
  /** The action as a history entry; `outcome` is what happened once committed, the as-if outcome before. */
  readonly entry: HistoryEntry;
  /** The action's instant, in milliseconds (for the retention window). */
  readonly atMs: number;
  readonly reservedAtMs: number;
  /** After this instant a reserved row no longer counts. */
  readonly expiresAtMs: number;
  readonly committedAtMs?: number;
  readonly releasedAtMs?: number;
  /** Committed after the reservation lapsed or was released. */
  readonly late?: boolean;
}

/** A debtor's rows and the version that a write must match. */
export interface DebtorSnapshot {
  /** 0 for a debtor the store has never written. */
  readonly version: number;
  readonly rows: readonly LedgerRow[];
}

/** What one compare-and-set writes for one debtor. */
export interface DebtorWrite {
  /** Rows to insert or replace, by id. */
  readonly put: readonly LedgerRow[];
  /** Audit records (case and action) to store beside new rows, by row id. Not read by `reserve`. */
  readonly records: readonly { readonly id: string; readonly record: AuditRecordInput }[];
  /** Row ids to delete (pruning), with their records. */
  readonly remove: readonly string[];
}

/**
 * What the ledger needs of a database: a consistent read of one debtor's rows with a version, and an
 * atomic compare-and-set of that debtor's rows. Every rule stays in TypeScript (the ledger); a store only
 * keeps rows and refuses a write whose expected version is stale.
 */
export interface LedgerStore {
  /** `memory`, `postgres`, `redis`: named in findings when the store fails. */
  readonly kind: string;
  read(debtorId: string): Promise<DebtorSnapshot>;
  /** Applies `write` and bumps the version if the debtor's version is still `expectedVersion`; false otherwise. */
  write(debtorId: string, expectedVersion: number, write: DebtorWrite): Promise<boolean>;
  /** The audit records of some of a debtor's rows (those the store still holds). */
  records(debtorId: string, ids: readonly string[]): Promise<ReadonlyMap<string, AuditRecordInput>>;
  close(): Promise<void>;
}
