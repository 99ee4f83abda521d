import type { AuditRecordInput } from '../index.js';
import type { DebtorSnapshot, DebtorWrite, LedgerRow, LedgerStore } from './store.js';

/** The slice of a `pg` Pool the store uses (so that the package's types are not required). */
export interface PgPoolLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
  connect(): Promise<PgClientLike>;
  end(): Promise<void>;
}
export interface PgClientLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
  release(error?: Error | boolean): void;
}

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`; the store opens its own `pg` Pool. */
  readonly connectionString?: string;
  /** A `pg` Pool of your own instead (closed by `ledger.close()` only when the store opened it). */
  readonly pool?: PgPoolLike;
  /** Prefix of the two tables: `<prefix>_debtors` and `<prefix>_rows`; default `cuishou_ledger`. */
  readonly tablePrefix?: string;
  /** Pool size when the store opens the pool; default 10. */
  readonly maxConnections?: number;
  /** Create the tables when absent (default true); false when migrations are run separately (docs/ledger.md). */
  readonly createTables?: boolean;
}

/** The tables, as run by the store when `createTables` is on; also in docs/ledger.md for separate migrations. */
export function postgresSchema(prefix = 'cuishou_ledger'): string {
  return [
    `CREATE TABLE IF NOT EXISTS ${prefix}_debtors (debtor_id text PRIMARY KEY, version bigint NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS ${prefix}_rows (debtor_id text NOT NULL, id text NOT NULL, row jsonb NOT NULL, record jsonb, PRIMARY KEY (debtor_id, id))`,
  ].join(';\n');
}

async function loadPool(connectionString: string, max: number): Promise<PgPoolLike> {
  let mod: { default?: { Pool: new (config: object) => PgPoolLike }; Pool?: new (config: object) => PgPoolLike };
  try {
    mod = (await import('pg')) as typeof mod;
  } catch (error) {
    throw new Error('postgresStore needs the optional peer dependency `pg`: npm install pg', { cause: error });
  }
  const Pool = mod.default?.Pool ?? mod.Pool;
  if (Pool === undefined) throw new Error('the `pg` module has no Pool export');
  const pool = new Pool({ connectionString, max });
  // An idle client that loses its server emits 'error' on the pool; without a listener Node would exit.
  (pool as unknown as { on(event: string, listener: (error: unknown) => void): void }).on('error', () => undefined);
  return pool;
}

/**
 * The ledger on PostgreSQL (the `pg` client, loaded on first use). One version row per debtor; a write is
 * one transaction that bumps the version only if it is still the one read (a conditional UPDATE, which
 * PostgreSQL re-checks after waiting on a concurrent writer's row lock), then upserts the rows. Committed
 * means in a committed transaction: durable as the server is configured (fsync on, the default).
 */
export function postgresStore(options: PostgresStoreOptions): LedgerStore {
  const prefix = options.tablePrefix ?? 'cuishou_ledger';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`tablePrefix: expected a lower-case SQL identifier, got ${JSON.stringify(prefix)}`);
  if (options.pool === undefined && options.connectionString === undefined) throw new Error('postgresStore: give connectionString or pool');
  const debtors = `${prefix}_debtors`;
  const rowsTable = `${prefix}_rows`;
  const owned = options.pool === undefined;
  let ready: Promise<PgPoolLike> | null = null;

  const pool = (): Promise<PgPoolLike> => {
    ready ??= (async () => {
      const p = options.pool ?? (await loadPool(options.connectionString as string, options.maxConnections ?? 10));
      if (options.createTables !== false) {
        const client = await p.connect();
        try {
          await client.query('BEGIN');
          // Several processes may start at once: one creates the tables, the others wait and find them.
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${prefix}:create`]);
          for (const statement of postgresSchema(prefix).split(';\n')) await client.query(statement);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }
      return p;
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };

  return {
    kind: 'postgres',
    async read(debtorId: string): Promise<DebtorSnapshot> {
      const p = await pool();
      // One statement, one snapshot: the version and the rows agree.
      const result = await p.query(
        `SELECT (SELECT version FROM ${debtors} WHERE debtor_id = $1) AS version,
                COALESCE((SELECT json_agg(row) FROM ${rowsTable} WHERE debtor_id = $1), '[]'::json) AS rows`,
        [debtorId],
      );
      const first = result.rows[0] ?? {};
      return { version: Number(first.version ?? 0), rows: (first.rows ?? []) as LedgerRow[] };
    },
    async write(debtorId: string, expectedVersion: number, write: DebtorWrite): Promise<boolean> {
      const p = await pool();
      const client = await p.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const bumped =
          expectedVersion === 0
            ? await client.query(`INSERT INTO ${debtors} (debtor_id, version) VALUES ($1, 1) ON CONFLICT (debtor_id) DO NOTHING`, [debtorId])
            : await client.query(`UPDATE ${debtors} SET version = version + 1 WHERE debtor_id = $1 AND version = $2`, [debtorId, expectedVersion]);
        if (bumped.rowCount !== 1) {
          await client.query('ROLLBACK');
          return false;
        }
        const records = new Map(write.records.map((r) => [r.id, r.record]));
        if (write.put.length > 0) {
          await client.query(
            `INSERT INTO ${rowsTable} (debtor_id, id, row, record)
             SELECT $1, x.id, x.row, x.record FROM jsonb_to_recordset($2::jsonb) AS x(id text, row jsonb, record jsonb)
             ON CONFLICT (debtor_id, id) DO UPDATE SET row = EXCLUDED.row, record = COALESCE(EXCLUDED.record, ${rowsTable}.record)`,
            [debtorId, JSON.stringify(write.put.map((row) => ({ id: row.id, row, record: records.get(row.id) ?? null })))],
          );
        }
        if (write.remove.length > 0) await client.query(`DELETE FROM ${rowsTable} WHERE debtor_id = $1 AND id = ANY($2::text[])`, [debtorId, write.remove]);
        await client.query('COMMIT');
        return true;
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async records(debtorId: string, ids: readonly string[]): Promise<ReadonlyMap<string, AuditRecordInput>> {
      const p = await pool();
      const result = await p.query(`SELECT id, record FROM ${rowsTable} WHERE debtor_id = $1 AND id = ANY($2::text[]) AND record IS NOT NULL`, [debtorId, [...ids]]);
      return new Map(result.rows.map((r) => [r.id as string, r.record as AuditRecordInput]));
    },
    async close(): Promise<void> {
      if (ready === null || !owned) return;
      const p = await ready.catch(() => null);
      ready = null;
      await p?.end();
    },
  };
}
