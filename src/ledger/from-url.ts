import { memoryStore } from './memory-store.js';
import { postgresStore } from './postgres-store.js';
import { redisStore } from './redis-store.js';
import type { LedgerStore } from './store.js';

/** A store from a URL: `memory`, `postgres://…` / `postgresql://…`, `redis://…` / `rediss://…`. */
export function storeFromUrl(url: string): LedgerStore {
  if (url === 'memory') return memoryStore();
  if (/^postgres(ql)?:\/\//.test(url)) return postgresStore({ connectionString: url });
  if (/^rediss?:\/\//.test(url)) return redisStore({ url });
  throw new Error(`ledger: expected memory, postgres://… or redis://…, got ${JSON.stringify(url.replace(/\/\/[^@/]*@/, '//…@'))}`);
}
