/** The ledger on a real Redis (the system's redis-server), one server for the file; skipped, saying why, without one. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { redisServer, startRedis, type RunningRedis } from './servers.js';
import { storeSuite } from './store-suite.js';

if (redisServer.path === null) {
  describe('ledger on Redis', () => {
    it.skip(redisServer.why, () => undefined);
  });
  console.warn(`ledger on Redis: ${redisServer.why}`);
} else {
  describe('ledger on Redis', () => {
    let redis: RunningRedis;
    beforeAll(async () => {
      redis = await startRedis();
    }, 60_000);
    afterAll(async () => {
      await redis?.stop();
    });
    storeSuite({ url: () => redis.url, restart: () => redis.restart() });
  });
}
