/** Hardening: the bearer token, the body limit, timeouts, headers, graceful shutdown and PII-free logs. */
import { afterEach, describe, expect, it } from 'vitest';
import { createSidecar } from '../../src/cli/sidecar/server.js';
import { checkAction, createGuard, type Decision } from '../../src/index.js';
import { action, context, past } from '../support/fixtures.js';
import type { Socket } from 'node:net';
import { get, post, rawConnection, rawExchange, start, type Running } from './support.js';

const running: Running[] = [];
async function started(options: Parameters<typeof start>[0] = {}): Promise<Running> {
  const s = await start(options);
  running.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

const body = { context: context(), action: action() };

describe('bearer token', () => {
  const token = 's3cret-token-with-enough-entropy';

  it('without the token, a 401 JSON answer with WWW-Authenticate; with it, the decision', async () => {
    const s = await started({ token });
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer wrong' }, { authorization: `Basic ${token}` }, { authorization: `Bearer ${token}x` }, { authorization: 'Bearer' }]) {
      const r = await post(s.base, '/v1/check', body, headers);
      expect(r).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
      expect(r.headers.get('www-authenticate')).toBe('Bearer realm="cuishou-guard"');
      expect(r.headers.get('connection')).toBe('close'); // the body is not read
    }
    const ok = await post(s.base, '/v1/check', body, { authorization: `Bearer ${token}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual(checkAction(body.context, body.action));
    expect((await post(s.base, '/v1/check', body, { authorization: `bearer  ${token}` })).status).toBe(200);
  });

  it('guards every endpoint but /healthz, unknown paths included', async () => {
    const s = await started({ token });
    expect((await get(s.base, '/healthz')).status).toBe(200);
    expect((await get(s.base, '/v1/ruleset')).status).toBe(401);
    expect((await get(s.base, '/v1/ruleset', { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get(s.base, '/v1/unknown')).status).toBe(401);
    expect((await get(s.base, '/v1/unknown', { authorization: `Bearer ${token}` })).status).toBe(404);
    for (const path of ['/v1/quota', '/v1/next-allowed', '/v1/check-batch']) expect((await post(s.base, path, {})).status).toBe(401);
  });

  it('an empty token is refused when the sidecar is created', () => {
    expect(() => createSidecar({ token: '' })).toThrow(RangeError);
  });
});

describe('limits', () => {
  it('a body over the limit is a 413, whether its length is declared or it streams in chunks', async () => {
    const s = await started({ bodyLimitBytes: 4096 });
    const declared = await post(s.base, '/v1/check', JSON.stringify({ context: context(), action: action(), pad: 'x'.repeat(5000) }));
    expect(declared).toMatchObject({ status: 413, body: { error: { code: 'payload-too-large', limit: 4096 } } });

    // 10 MB offered in chunks without a Content-Length: the answer comes as soon as the limit is passed.
    let sent = 0;
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10_000_000) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const response = await fetch(`${s.base}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    expect(sent).toBeLessThan(10_000_000);

    // The sidecar still answers afterwards.
    expect((await post(s.base, '/v1/check', body)).status).toBe(200);
  });

  it('a batch over the item limit is a 413 JSON error', async () => {
    const s = await started({ batchLimit: 3 });
    const items = Array.from({ length: 4 }, () => body);
    const r = await post(s.base, '/v1/check-batch', { items });
    expect(r).toMatchObject({ status: 413, body: { error: { code: 'batch-too-large', limit: 3, items: 4 } } });
    expect((await post(s.base, '/v1/check-batch', { items: items.slice(1) })).status).toBe(200);
  });

  it('a request that does not arrive in time gets a 408 JSON answer and the connection is closed', async () => {
    const s = await started({ requestTimeoutMs: 300 });
    const began = Date.now();
    const slowBody = await rawExchange(s.base, (socket) => {
      socket.write('POST /v1/check HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"context":');
    });
    expect(slowBody).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(slowBody).toContain('content-type: application/json; charset=utf-8');
    expect(JSON.parse(slowBody.slice(slowBody.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'request-timeout' } });
    expect(Date.now() - began).toBeLessThan(5000);
    const slowHeaders = await rawExchange(s.base, (socket) => socket.write('GET /healthz HTTP/1.1\r\nhost: test\r\n'));
    expect(slowHeaders).toMatch(/^HTTP\/1\.1 408 /);
    expect(s.logs.filter((l) => l.status === 408)).toHaveLength(2);
  });

  it('a malformed request line gets a 400 JSON answer', async () => {
    const s = await started();
    const answer = await rawExchange(s.base, (socket) => socket.write('NOT HTTP AT ALL\r\n\r\n'));
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toContain('"code":"bad-request"');
    const huge = await rawExchange(s.base, (socket) => socket.write(`GET /healthz HTTP/1.1\r\nhost: test\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain('"code":"headers-too-large"');
  });

  it('refuses nonsense limits', () => {
    expect(() => createSidecar({ bodyLimitBytes: 0 })).toThrow(RangeError);
    expect(() => createSidecar({ port: 70000 })).toThrow(RangeError);
    expect(() => createSidecar({ batchLimit: 1.5 })).toThrow(RangeError);
  });
});

describe('connection cap', () => {
  const request = (path: string, payload?: unknown): string => {
    const text = payload === undefined ? '' : JSON.stringify(payload);
    return `${payload === undefined ? 'GET' : 'POST'} ${path} HTTP/1.1\r\nhost: test\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
  };

  it('a connection over --max-connections is answered 503 with Retry-After: 1 and closed, its request unread; the admitted ones are served', async () => {
    const s = await started({ maxConnections: 2 });
    const serverSide = new Set<Socket>();
    s.sidecar.server.on('request', (req: { socket: Socket }) => serverSide.add(req.socket));
    // Two keep-alive connections, each answered once: both are admitted and stay open.
    const holders = [await rawConnection(s.base), await rawConnection(s.base)];
    for (const h of holders) expect((await h.exchange(request('/healthz'))).status).toBe(200);

    // Three more, each sending a check at once: each gets the fixed 503, and no check is decided.
    const refused = await Promise.all([1, 2, 3].map(() => rawExchange(s.base, (socket) => socket.write(request('/v1/check', body)))));
    for (const answer of refused) {
      expect(answer).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
      const head = answer.slice(0, answer.indexOf('\r\n\r\n') + 2).toLowerCase();
      expect(head).toContain('\r\nretry-after: 1\r\n');
      expect(head).toContain('\r\nconnection: close\r\n');
      expect(head).toContain('\r\ncontent-type: application/json; charset=utf-8\r\n');
      expect(head).toContain('\r\nx-content-type-options: nosniff\r\n');
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'too-many-connections', message: 'the sidecar has too many open connections; retry shortly' } });
    }
    expect(s.sidecar.counters.refusedConnections).toBe(3);
    expect(s.logs.filter((l) => l.endpoint === 'check')).toEqual([]);
    expect(s.sidecar.counters.answered).toBe(2);

    // The admitted connections are still served.
    for (const h of holders) expect((await h.exchange(request('/v1/check', body))).status).toBe(200);
    expect(s.logs.filter((l) => l.endpoint === 'check').map((l) => l.status)).toEqual([200, 200]);

    // Once one of them has closed on the server's side, a new connection is admitted.
    const [first] = serverSide;
    const gone = new Promise((resolve) => first?.once('close', resolve));
    holders[0]?.socket.end();
    await gone;
    expect((await post(s.base, '/v1/check', body)).status).toBe(200);
    expect(s.sidecar.counters.refusedConnections).toBe(3);
    holders[1]?.socket.end();
  });
});

describe('headers and binding', () => {
  it('every answer says nosniff and no-store, and carries a request id', async () => {
    const s = await started();
    for (const r of [await get(s.base, '/healthz'), await get(s.base, '/nope'), await post(s.base, '/v1/check', body), await post(s.base, '/v1/check', 'x')]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('binds 127.0.0.1 by default', async () => {
    const sidecar = createSidecar({ port: 0 });
    const address = await sidecar.listen();
    await sidecar.close();
    expect(address.host).toBe('127.0.0.1');
  });

  it('a bad guard configuration throws when the sidecar is created', () => {
    expect(() => createSidecar({ guard: { overlay: { voiceDailyCap: 9 } } })).toThrow(/loosen/);
  });
});

describe('graceful shutdown', () => {
  it('close() while a batch is in flight: the answer still arrives complete, then nothing new is accepted', async () => {
    const s = await started();
    const items = Array.from({ length: 300 }, (_, i) => ({ context: context({ history: [past('voice', '2026-11-30T09:00:00+08:00', 'connected')] }), action: action({ at: `2026-11-30T${String(8 + (i % 16)).padStart(2, '0')}:15:00+08:00` }) }));
    const text = new TextEncoder().encode(JSON.stringify({ items }));
    const half = Math.floor(text.length / 2);
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => { controller = c; } });
    const arrived = new Promise((resolve) => s.sidecar.server.once('request', resolve));
    const pending = fetch(`${s.base}/v1/check-batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    controller.enqueue(text.subarray(0, half));
    await arrived;

    const closed = s.close();
    let closedYet = false;
    void closed.then(() => { closedYet = true; });
    controller.enqueue(text.subarray(half));
    controller.close();

    const response = await pending;
    expect(response.status).toBe(200);
    expect(response.headers.get('connection')).toBe('close');
    const { decisions } = (await response.json()) as { decisions: Decision[] };
    expect(decisions).toHaveLength(items.length);
    expect(decisions).toEqual(items.map((item) => checkAction(item.context, item.action)));
    await closed;
    expect(closedYet).toBe(true);
    await expect(fetch(`${s.base}/healthz`)).rejects.toThrow();
  });

  it('close() is idempotent and works before listen()', async () => {
    const sidecar = createSidecar({ port: 0 });
    await sidecar.close();
    expect(sidecar.server.listening).toBe(false);
    const s = await started();
    expect(s.sidecar.server.listening).toBe(true);
    await Promise.all([s.close(), s.close()]);
    expect(s.sidecar.server.listening).toBe(false);
    // Closed means closed: the port no longer answers.
    await expect(fetch(`${s.base}/healthz`)).rejects.toThrow();
  });
});

describe('decision logs', () => {
  // Distinctive strings in every free-text field; none may appear in a log line.
  const secrets = ['DEBTOR-7Q2XK', 'LOAN-Z81PP', 'CONTACT-4NWR', 'GUARANTOR-VV03', 'AGR-SECRET-9', 'PHONE-REF-38AA1', 'COLLECTOR-ZEBRA', 'ORG-OCTOPUS', 'SYS-ref-unused', 'OA-MYSTERY'];
  const [debtor, loan, contact, guarantor, agreement, phone, collector, org] = secrets as [string, string, string, string, string, string, string, string];
  const ctx = context({
    debtor: { id: debtor, timeZone: 'Asia/Shanghai' },
    debt: { id: loan, status: 'overdue' },
    contacts: [{ partyId: contact }],
    guarantors: [{ partyId: guarantor, agreementRef: agreement, coversDebt: true, liabilityCap: 5000 }],
    history: [
      { ...past('voice', '2026-11-30T09:00:00+08:00', 'connected', 'debtor', debtor), phoneRef: phone, organizationId: org },
      { ...past('voice', '2026-11-30T09:30:00+08:00', 'not_connected', 'debtor', debtor), phoneRef: phone, organizationId: org },
    ],
  });
  const humanWith = (a: ReturnType<typeof action>) => ({
    ...a,
    actor: { ...(a.actor as Record<string, unknown>), collector: { ...((a.actor as { collector: object }).collector), id: collector }, organization: { id: org, kind: 'lender' } },
  });
  const act = humanWith(action({ target: { role: 'debtor', partyId: debtor }, phoneRef: phone }));
  const toContact = humanWith(action({ target: { role: 'contact', partyId: contact }, phoneRef: phone, at: '2026-11-30T23:30:00+08:00' }));

  it('one line per decision, with enumerated values only: no party id, phone ref or other input string', async () => {
    const s = await started({ guard: { profile: 'cba-2026' } });
    const began = performance.now();
    const results = [
      await post(s.base, '/v1/check', { context: ctx, action: act }),
      await post(s.base, '/v1/check', { context: ctx, action: toContact }),
      await post(s.base, '/v1/check', { context: ctx, action: { ...toContact, [secrets[8] as string]: 1 } }),
      await post(s.base, '/v1/check', `{"context": "${debtor}"`),
      await post(s.base, '/v1/check-batch', { items: [{ context: ctx, action: act }, { context: ctx, action: toContact }, { [phone]: 1 }] }),
      await post(s.base, '/v1/next-allowed', { context: ctx, action: toContact }),
      await post(s.base, '/v1/quota', { context: ctx, at: '2026-11-30T15:00:00+08:00' }),
      await post(s.base, '/v1/quota', { context: ctx, at: phone }),
      await get(s.base, `/v1/${debtor}`),
      await get(s.base, `/healthz?who=${debtor}`),
    ];
    expect(results.map((r) => r.status)).toEqual([200, 200, 400, 400, 200, 200, 200, 400, 404, 200]);
    // An answer may carry an input string (quota lists unanswered attempts by phone ref under cba-2026)…
    expect(JSON.stringify(results[6]?.body)).toContain(phone);
    // …but not to the logs.
    const lines = s.logs.map((entry) => JSON.stringify(entry));
    for (const line of lines) for (const secret of secrets) expect(line).not.toContain(secret);
    expect(s.logs.map((l) => [l.endpoint, l.outcome, l.status])).toEqual([
      ['check', 'allow', 200],
      ['check', 'deny', 200],
      ['check', 'deny', 400],
      ['check', 'deny', 400],
      ['check-batch', 'allow', 200],
      ['check-batch', 'deny', 200],
      ['check-batch', 'deny', 200],
      ['next-allowed', 'never', 200],
      ['quota', 'ok', 200],
      ['quota', 'invalid-input', 400],
      ['other', 'rejected', 404],
    ]);
    const direct = createGuard({ profile: 'cba-2026' }).checkSync(ctx, toContact as never);
    expect(s.logs[1]?.rules).toEqual([...new Set(direct.violations.map((v) => v.rule))]);
    expect(s.logs[1]?.rules).toContain('contact-purpose');
    const elapsed = performance.now() - began;
    const keys = new Set(['time', 'requestId', 'endpoint', 'outcome', 'rules', 'status', 'latencyMs', 'index']);
    for (const entry of s.logs) {
      for (const key of Object.keys(entry)) expect(keys.has(key)).toBe(true);
      expect(entry.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      // A duration in milliseconds of this request: not an epoch, not negative, within the whole run.
      expect(entry.latencyMs).toBeTypeOf('number');
      expect(entry.latencyMs).toBeGreaterThanOrEqual(0);
      expect(entry.latencyMs).toBeLessThanOrEqual(elapsed);
    }
    expect(s.logs.filter((l) => l.endpoint === 'check-batch').map((l) => l.index)).toEqual([0, 1, 2]);
    // The request id in the log is the one in the answer's header.
    expect(s.logs[0]?.requestId).toBe(results[0]?.headers.get('x-request-id'));
  });

  it('log: null writes nothing (--quiet)', async () => {
    const s = await started({ log: null });
    expect((await post(s.base, '/v1/check', body)).status).toBe(200);
    expect(s.logs).toEqual([]);
  });
});
