/**
 * The sidecar's ledger endpoints over real HTTP: POST /v1/reserve, /v1/commit, /v1/release share one
 * ledger between callers; bad bodies name the field; a store that is down is a 503 deny.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { memoryStore, postgresStore, type Reservation } from '../../src/ledger/index.js';
import { noonZone, post, start, type Running } from '../sidecar/support.js';
import { action, context, visitAction } from '../support/fixtures.js';
import { freePort } from './servers.js';

describe('serve --ledger: reserve, commit, release over HTTP', () => {
  let s: Running;
  const zone = noonZone();
  const ctx = context({ debtor: { id: 'HTTP-D1', timeZone: zone }, contacts: [], guarantors: [] });
  const call = (): ReturnType<typeof action> => action({ at: new Date().toISOString(), target: { role: 'debtor', partyId: 'HTTP-D1' } });

  beforeAll(async () => {
    s = await start({ ledger: memoryStore() });
  });
  afterAll(async () => {
    await s.close();
  });

  it('three reservations allowed, the fourth denied by the cap; release frees a slot; commit records it', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await post(s.base, '/v1/reserve', { context: ctx, action: call() });
      expect(r.status).toBe(200);
      const body = r.body as Reservation;
      expect(body.decision.outcome).toBe('allow');
      expect(typeof body.expiresAt).toBe('string');
      ids.push(body.reservationId as string);
    }
    const fourth = await post(s.base, '/v1/reserve', { context: ctx, action: call() });
    expect(fourth.status).toBe(200);
    expect((fourth.body as Reservation).decision.violations.map((v) => v.rule)).toEqual(['voice-daily-cap']);
    expect((fourth.body as Reservation).reservationId).toBeNull();

    expect((await post(s.base, '/v1/release', { reservationId: ids[0] })).body).toEqual({ status: 'released' });
    expect((await post(s.base, '/v1/release', { reservationId: ids[0] })).body).toEqual({ status: 'already-released' });
    const commit = await post(s.base, '/v1/commit', { reservationId: ids[1], outcome: 'connected' });
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({ status: 'committed', late: false, entry: { channel: 'voice', outcome: 'connected' } });
    expect((await post(s.base, '/v1/commit', { reservationId: ids[1], outcome: 'connected' })).body).toMatchObject({ status: 'already-committed' });
    expect(((await post(s.base, '/v1/reserve', { context: ctx, action: call() })).body as Reservation).decision.outcome).toBe('allow');
    const logged = s.logs.filter((l) => l.endpoint === 'reserve' || l.endpoint === 'commit' || l.endpoint === 'release').map((l) => [l.endpoint, l.outcome]);
    expect(logged).toEqual([
      ['reserve', 'allow'], ['reserve', 'allow'], ['reserve', 'allow'], ['reserve', 'deny'],
      ['release', 'released'], ['release', 'already-released'], ['commit', 'committed'], ['commit', 'already-committed'], ['reserve', 'allow'],
    ]);
  });

  it('bad bodies are 400s naming the field', async () => {
    const r = await post(s.base, '/v1/reserve', { context: ctx });
    expect(r.status).toBe(400);
    expect((r.body as Reservation).decision.violations[0]?.facts.issues).toEqual([{ path: 'body.action', message: 'required field is missing', zh: '缺少必填字段' }]);
    const invalidCase = await post(s.base, '/v1/reserve', { context: { debtor: {} }, action: visitAction() });
    expect(invalidCase.status).toBe(400);
    expect((invalidCase.body as Reservation).decision.violations.map((v) => v.rule)).toEqual(['invalid-input']);
    const badOutcome = await post(s.base, '/v1/commit', { reservationId: 'x', outcome: 'answered' });
    expect(badOutcome.status).toBe(400);
    expect((badOutcome.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['body.outcome']);
    const badId = await post(s.base, '/v1/release', { reservationId: 'not-ours' });
    expect(badId.status).toBe(400);
    expect((badId.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['body.reservationId']);
    expect((await post(s.base, '/v1/release', { reservationId: 'x', extra: 1 })).status).toBe(400);
  });

  it('without --ledger the endpoints do not exist', async () => {
    const plain = await start();
    try {
      expect((await post(plain.base, '/v1/reserve', { context: ctx, action: call() })).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('a store that is down: /v1/reserve is a 503 with a ledger-unavailable deny; /v1/commit a 503 error', async () => {
    const down = await start({ ledger: postgresStore({ connectionString: `postgres://u:p@127.0.0.1:${await freePort()}/x` }) });
    try {
      const r = await post(down.base, '/v1/reserve', { context: ctx, action: call() });
      expect(r.status).toBe(503);
      expect((r.body as Reservation).decision.violations.map((v) => [v.rule, v.code])).toEqual([['ledger-unavailable', 'store-error']]);
      const c = await post(down.base, '/v1/commit', { reservationId: 'r1.RDE.00000000-0000-4000-8000-000000000000', outcome: 'connected' });
      expect(c.status).toBe(503);
      expect(c.body).toMatchObject({ error: { code: 'ledger-unavailable' } });
    } finally {
      await down.close();
    }
  });

  it('serve --ledger with an unknown scheme is a usage error', async () => {
    const err: string[] = [];
    const io = { cwd: process.cwd(), stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, stdin: process.stdin, env: {} };
    await expect(serveCommand.run(['--port', '0', '--ledger', 'mysql://h/db'], io as never)).rejects.toThrow(/expected memory, postgres/);
  });
});
