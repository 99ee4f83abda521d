/**
 * The same tests on every shared store (Postgres, Redis): behaviour, the fleet (4 processes × 25 concurrent
 * reserves), a crashed dialer, a store restart, and a store that is down.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { createLedger, storeFromUrl, toAuditRecords, type Ledger } from '../../src/ledger/index.js';
import { auditSync } from '../../src/index.js';
import { action, AT, context, visitAction } from '../support/fixtures.js';
import { freePort } from './servers.js';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Every process judges the same instant: the fixture's Monday 10:00 in Shanghai, one minute ahead. */
const T0 = Date.parse(AT) - 60_000;

interface Worker {
  done: Promise<string>;
  firstLine: Promise<string>;
  kill(): void;
}

function runWorker(job: Record<string, unknown>): Worker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify(job)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onLine: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((resolve) => (onLine = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    const nl = out.indexOf('\n');
    if (nl >= 0) onLine(out.slice(0, nl));
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const done = new Promise<string>((resolve, reject) =>
    child.on('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`worker exited ${String(code ?? signal)}: ${err.slice(-2000)}`)))),
  );
  return { done, firstLine, kill: () => child.kill('SIGKILL') };
}

export interface SharedStore {
  url(): string;
  restart(): Promise<void>;
}

export function storeSuite(server: SharedStore): void {
  let debtorSeq = 0;
  const debtor = (label: string): string => `${label}-${process.pid}-${(debtorSeq += 1)}`;
  const ledgerAt = (clock: { ms: number }, ttlMs = 120_000): Ledger =>
    createLedger({ store: storeFromUrl(server.url()), reservationTtlMs: ttlMs, now: () => clock.ms });

  it('holds the caps, frees released and unconnected slots, lapses at the TTL, records late commits, gives history for audit', async () => {
    const clock = { ms: T0 };
    const ledger = ledgerAt(clock, 10_000);
    const id = debtor('basic');
    const ctx = context({ debtor: { id } });
    const call = action({ target: { role: 'debtor', partyId: id } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await ledger.reserve(ctx, call);
      expect(r.decision.outcome).toBe('allow');
      ids.push(r.reservationId as string);
    }
    expect((await ledger.reserve(ctx, call)).decision.violations.map((v) => v.rule)).toEqual(['voice-daily-cap']);
    expect(await ledger.commit(ids[0] as string, { outcome: 'not_connected' })).toMatchObject({ status: 'committed', late: false });
    expect(await ledger.release(ids[1] as string)).toEqual({ status: 'released' });
    expect(await ledger.release(ids[1] as string)).toEqual({ status: 'already-released' });
    const again = await ledger.reserve(ctx, call);
    expect(again.decision.outcome).toBe('allow');
    expect(await ledger.commit(again.reservationId as string, { outcome: 'connected' })).toMatchObject({ status: 'committed' });
    clock.ms += 10_000; // ids[2] lapses: it counts no more
    expect((await ledger.reserve(ctx, call)).decision.outcome).toBe('allow');
    expect(await ledger.commit(ids[2] as string, { outcome: 'connected' })).toMatchObject({ status: 'committed', late: true });
    expect(await ledger.commit(ids[2] as string, { outcome: 'connected' })).toMatchObject({ status: 'already-committed', late: true });

    const history = await ledger.history(id);
    expect(history.map((e) => [e.reservationId, e.entry.outcome, e.late])).toEqual(
      [[ids[0], 'not_connected', false], [again.reservationId, 'connected', false], [ids[2], 'connected', true]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const verdicts = [...auditSync(toAuditRecords(history))];
    expect(verdicts.map((v) => [v.outcome, v.inputError])).toEqual([['allow', undefined], ['allow', undefined], ['allow', undefined]]);
    await ledger.close();
  });

  it('4 processes × 25 concurrent reserves for one debtor: exactly 3 voice calls allowed and committed; then exactly 1 visit', async () => {
    const caps = { voice: 3, visit: 1 } as const;
    const ids = { voice: debtor('fleet-voice'), visit: debtor('fleet-visit') };
    const job = { mode: 'burst', store: server.url(), bursts: (['voice', 'visit'] as const).map((channel) => ({ channel, debtorId: ids[channel] })), count: 25, clockOffsetMs: T0 - Date.now(), ttlMs: 120_000 };
    // One spawn per process for both bursts: starting a process is the slow part on a busy machine.
    const outputs = await Promise.all(Array.from({ length: 4 }, () => runWorker(job).done));
    type Summary = { channel: 'voice' | 'visit'; allowed: number; denied: number; denials: Record<string, number> };
    const summaries = outputs.flatMap((o) => JSON.parse(o.trim()) as Summary[]);
    const ledger = ledgerAt({ ms: T0 });
    for (const channel of ['voice', 'visit'] as const) {
      const mine = summaries.filter((s) => s.channel === channel);
      expect(mine).toHaveLength(4);
      expect(mine.reduce((n, s) => n + s.allowed, 0)).toBe(caps[channel]);
      expect(mine.reduce((n, s) => n + s.denied, 0)).toBe(100 - caps[channel]);
      // Every deny is the cap's (or, never looser, the ledger's own contention deny).
      for (const s of mine) for (const rule of Object.keys(s.denials)) expect([`${channel}-daily-cap`, 'ledger-contention']).toContain(rule);
      const history = await ledger.history(ids[channel]);
      expect(history).toHaveLength(caps[channel]);
      expect(history.every((e) => e.entry.channel === channel && !e.late)).toBe(true);
    }
    await ledger.close();
  });

  it('a dialer killed holding reservations: they lapse after the TTL; a store restart loses no committed entry', async () => {
    const id = debtor('crash');
    const ctx = context({ debtor: { id } });
    const call = action({ target: { role: 'debtor', partyId: id } });
    const ttlMs = 30_000;
    const offset = T0 - Date.now();
    const clock = { get ms() { return Date.now() + offset + this.jump; }, jump: 0 };
    const ledger = createLedger({ store: storeFromUrl(server.url()), reservationTtlMs: ttlMs, now: () => clock.ms });
    const committed = await ledger.reserve(ctx, call);
    await ledger.commit(committed.reservationId as string, { outcome: 'connected' });

    const dialer = runWorker({ mode: 'hold', store: server.url(), bursts: [{ debtorId: id, channel: 'voice' }], count: 2, clockOffsetMs: offset, ttlMs });
    const held = JSON.parse(await dialer.firstLine) as { ids: (string | null)[] };
    expect(held.ids.every((x) => typeof x === 'string')).toBe(true);
    dialer.kill();
    await dialer.done.catch(() => undefined);
    // One committed plus two held by the dead dialer: the cap is reached until they lapse.
    expect((await ledger.reserve(ctx, call)).decision.violations.map((v) => v.rule)).toEqual(['voice-daily-cap']);
    clock.jump = ttlMs;
    const after = await ledger.reserve(ctx, call);
    expect(after.decision.outcome).toBe('allow');
    await ledger.commit(after.reservationId as string, { outcome: 'connected' });
    await ledger.close();

    await server.restart();
    const reopened = createLedger({ store: storeFromUrl(server.url()), reservationTtlMs: ttlMs, now: () => clock.ms });
    const history = await reopened.history(id);
    expect(history.map((e) => e.reservationId).sort()).toEqual([committed.reservationId, after.reservationId].sort());
    // The held reservations survive as rows (a late commit would still be recorded), but count for nothing.
    expect(await reopened.commit(held.ids[0] as string, { outcome: 'not_connected' })).toMatchObject({ status: 'committed', late: true });
    expect((await reopened.reserve(ctx, call)).decision.outcome).toBe('allow');
    await reopened.close();
  });

  it('a store that is down: reserve denies with ledger-unavailable and does not throw; commit throws LedgerUnavailableError', async () => {
    const port = await freePort();
    const url = server.url().replace(/:\d+(\/|$)/, `:${port}$1`);
    const ledger = createLedger({ store: storeFromUrl(url), now: () => T0 });
    const r = await ledger.reserve(context(), visitAction());
    expect(r.reservationId).toBeNull();
    expect(r.decision.outcome).toBe('deny');
    expect(r.decision.violations.map((v) => [v.rule, v.code])).toEqual([['ledger-unavailable', 'store-error']]);
    await expect(ledger.commit('r1.RDE.00000000-0000-4000-8000-000000000000', { outcome: 'connected' })).rejects.toMatchObject({ code: 'ERR_LEDGER_UNAVAILABLE' });
    await ledger.close();
  });
}
