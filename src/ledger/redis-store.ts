import type { AuditRecordInput } from '../index.js';
import type { DebtorSnapshot, DebtorWrite, LedgerRow, LedgerStore } from './store.js';

/** The slice of a node-redis client (or cluster) the store uses, so that the package's types are not required. */
export interface RedisClientLike {
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
  hGetAll(key: string): Promise<Record<string, string>>;
  hmGet(key: string, fields: string[]): Promise<(string | null)[]>;
  multi(): { get(key: string): unknown; hGetAll(key: string): unknown; exec(): Promise<unknown[]> };
  connect?(): Promise<unknown>;
  close?(): Promise<void>;
  quit?(): Promise<unknown>;
  on?(event: string, listener: (error: unknown) => void): unknown;
}

export interface RedisStoreOptions {
  /** `redis://host:port` (or `rediss://`); the store opens its own client with the official `redis` package. */
  readonly url?: string;
  /** A connected node-redis client or cluster of your own (not closed by `ledger.close()`). */
  readonly client?: RedisClientLike;
  /** Key prefix; default `cuishou:ledger:`. Each debtor's keys share the hash tag `{debtorId}` (one cluster slot). */
  readonly keyPrefix?: string;
}

/**
 * The compare-and-set, as one Lua script (atomic on the server, all keys in one slot):
 * KEYS = version, rows, records; ARGV = expected version, n puts (id, row)…, m records (id, record)…, k removals (id)….
 */
const WRITE_SCRIPT = `
local v = tonumber(redis.call('GET', KEYS[1]) or '0')
if v ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], v + 1)
local i = 2
local n = tonumber(ARGV[i]); i = i + 1
for _ = 1, n do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]); i = i + 2 end
local m = tonumber(ARGV[i]); i = i + 1
for _ = 1, m do redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1]); i = i + 2 end
local k = tonumber(ARGV[i]); i = i + 1
for _ = 1, k do redis.call('HDEL', KEYS[2], ARGV[i]); redis.call('HDEL', KEYS[3], ARGV[i]); i = i + 1 end
return 1
`;

async function loadClient(url: string): Promise<RedisClientLike> {
  let mod: { createClient?: (options: object) => RedisClientLike; default?: { createClient: (options: object) => RedisClientLike } };
  try {
    mod = (await import('redis')) as typeof mod;
  } catch (error) {
    throw new Error('redisStore needs the optional peer dependency `redis`: npm install redis', { cause: error });
  }
  const createClient = mod.createClient ?? mod.default?.createClient;
  if (createClient === undefined) throw new Error('the `redis` module has no createClient export');
  // No offline queue: a command while the server is down fails at once (the ledger denies) instead of
  // waiting. A first connection that fails is an error (the next call tries again); once connected, the
  // client reconnects in the background with a bounded backoff.
  let connected = false;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 5_000,
      reconnectStrategy: (retries: number, cause: Error) => (connected ? Math.min(50 * 2 ** retries, 2_000) : cause),
    },
  });
  client.on?.('error', () => undefined);
  await client.connect?.();
  connected = true;
  return client;
}

/**
 * The ledger on Redis (the official `redis` client, loaded on first use). Per debtor: a version key, a
 * hash of rows and a hash of audit records, under one hash tag so that Redis Cluster keeps them in one
 * slot. A write is a Lua script that checks the version; a read is a MULTI of GET and HGETALL.
 * Durability is the server's: run it with `appendonly yes` and `appendfsync always` (docs/ledger.md).
 */
export function redisStore(options: RedisStoreOptions): LedgerStore {
  if (options.client === undefined && options.url === undefined) throw new Error('redisStore: give url or client');
  const prefix = options.keyPrefix ?? 'cuishou:ledger:';
  if (prefix.includes('{') || prefix.includes('}')) throw new Error('keyPrefix: must not contain { or } (the debtor id is the hash tag)');
  const owned = options.client === undefined;
  let ready: Promise<RedisClientLike> | null = null;
  const client = (): Promise<RedisClientLike> => {
    ready ??= (options.client !== undefined ? Promise.resolve(options.client) : loadClient(options.url as string)).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  };
  // The suffixes hold no `}`, so two debtors' keys never coincide and each debtor's keys share one slot.
  const keys = (debtorId: string): { version: string; rows: string; records: string } => ({
    version: `${prefix}{${debtorId}}:v`,
    rows: `${prefix}{${debtorId}}:rows`,
    records: `${prefix}{${debtorId}}:records`,
  });

  return {
    kind: 'redis',
    async read(debtorId: string): Promise<DebtorSnapshot> {
      const c = await client();
      const k = keys(debtorId);
      const m = c.multi();
      m.get(k.version);
      m.hGetAll(k.rows);
      const [version, rows] = (await m.exec()) as [string | null, Record<string, string> | null];
      return { version: Number(version ?? 0), rows: Object.values(rows ?? {}).map((json) => JSON.parse(json) as LedgerRow) };
    },
    async write(debtorId: string, expectedVersion: number, write: DebtorWrite): Promise<boolean> {
      const c = await client();
      const k = keys(debtorId);
      const args = [String(expectedVersion), String(write.put.length)];
      for (const row of write.put) args.push(row.id, JSON.stringify(row));
      args.push(String(write.records.length));
      for (const r of write.records) args.push(r.id, JSON.stringify(r.record));
      args.push(String(write.remove.length), ...write.remove);
      const result = await c.eval(WRITE_SCRIPT, { keys: [k.version, k.rows, k.records], arguments: args });
      return Number(result) === 1;
    },
    async records(debtorId: string, ids: readonly string[]): Promise<ReadonlyMap<string, AuditRecordInput>> {
      const out = new Map<string, AuditRecordInput>();
      if (ids.length === 0) return out;
      const c = await client();
      const values = await c.hmGet(keys(debtorId).records, [...ids]);
      values.forEach((json, i) => {
        if (json !== null && json !== undefined) out.set(ids[i] as string, JSON.parse(json) as AuditRecordInput);
      });
      return out;
    },
    async close(): Promise<void> {
      if (ready === null || !owned) return;
      const c = await ready.catch(() => null);
      ready = null;
      if (c === null) return;
      if (c.close !== undefined) await c.close();
      else await c.quit?.();
    },
  };
}
