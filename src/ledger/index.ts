/**
 * `cuishou-guard/ledger`: a shared contact ledger that holds the caps across processes and machines.
 * Node only; the database clients (`pg`, `redis`) are optional peer dependencies loaded on first use.
 */
export {
  createLedger, toAuditRecords, asIfHappened, countedEntries, debtorOfReservation, LedgerInputError, LedgerUnavailableError,
  LEDGER_RULES, LEDGER_DEFAULTS, LEDGER_BOUNDS,
  type Ledger, type LedgerOptions, type LedgerEntry, type LedgerRuleId, type Reservation, type CommitInput, type CommitResult,
  type ReleaseResult, type HistoryQuery, type CallEnding,
} from './ledger.js';
export { memoryStore } from './memory-store.js';
export { postgresStore, postgresSchema, type PostgresStoreOptions, type PgPoolLike, type PgClientLike } from './postgres-store.js';
export { redisStore, type RedisStoreOptions, type RedisClientLike } from './redis-store.js';
export { storeFromUrl } from './from-url.js';
export type { LedgerStore, LedgerRow, DebtorSnapshot, DebtorWrite } from './store.js';
