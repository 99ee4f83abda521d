import type { AuditRecordInput } from '../index.js';
import type { DebtorSnapshot, DebtorWrite, LedgerRow, LedgerStore } from './store.js';

interface DebtorState {
  version: number;
  rows: Map<string, LedgerRow>;
  records: Map<string, AuditRecordInput>;
}

/**
 * The embedded store: one process only (several processes each get their own ledger, so it does not
 * hold the caps across a fleet). Reads and writes copy, so callers never share a row with the store.
 */
export function memoryStore(): LedgerStore {
  const debtors = new Map<string, DebtorState>();
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('memory store is closed');
  };
  return {
    kind: 'memory',
    read(debtorId: string): Promise<DebtorSnapshot> {
      open();
      const state = debtors.get(debtorId);
      return Promise.resolve(state === undefined ? { version: 0, rows: [] } : { version: state.version, rows: structuredClone([...state.rows.values()]) });
    },
    write(debtorId: string, expectedVersion: number, write: DebtorWrite): Promise<boolean> {
      open();
      let state = debtors.get(debtorId);
      if ((state?.version ?? 0) !== expectedVersion) return Promise.resolve(false);
      if (state === undefined) {
        state = { version: 0, rows: new Map(), records: new Map() };
        debtors.set(debtorId, state);
      }
      state.version += 1;
      for (const row of write.put) state.rows.set(row.id, structuredClone(row));
      for (const { id, record } of write.records) state.records.set(id, structuredClone(record));
      for (const id of write.remove) {
        state.rows.delete(id);
        state.records.delete(id);
      }
      return Promise.resolve(true);
    },
    records(debtorId: string, ids: readonly string[]): Promise<ReadonlyMap<string, AuditRecordInput>> {
      open();
      const state = debtors.get(debtorId);
      const out = new Map<string, AuditRecordInput>();
      for (const id of ids) {
        const record = state?.records.get(id);
        if (record !== undefined) out.set(id, structuredClone(record));
      }
      return Promise.resolve(out);
    },
    close(): Promise<void> {
      closed = true;
      debtors.clear();
      return Promise.resolve();
    },
  };
}
