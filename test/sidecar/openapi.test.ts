/**
 * schemas/openapi.json against a real sidecar: every answer of every path, allow, deny, invalid input and
 * refusals, validates against the schema the document declares for its path and status; and a Python
 * client (examples/python/sidecar_client.py, standard library only) finds its paths in the document.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiText } from '../../src/cli/sidecar/openapi.js';
import { checkAction, createGuard } from '../../src/index.js';
import { memoryStore } from '../../src/ledger/index.js';
import { action, context } from '../support/fixtures.js';
import { get, noonZone, post, rawConnection, rawExchange, start, type JsonResponse, type Running } from './support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const text = readFileSync(new URL('../../schemas/openapi.json', import.meta.url), 'utf8');
interface Operation { operationId: string; requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, { content?: Record<string, { schema: { $ref: string; oneOf?: { $ref: string }[] } }> }> }
const doc = JSON.parse(text) as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

// The components as one JSON Schema whose $defs are the components, so that ajv can resolve the references.
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(JSON.parse(JSON.stringify({ $id: 'https://cuishou-guard.invalid/openapi.json', $defs: doc.components.schemas }).replaceAll('#/components/schemas/', '#/$defs/')) as object);
const refName = (ref: string): string => ref.replace('#/components/schemas/', '');
const validate = (schemaRef: string, value: unknown): string | null => {
  const check = ajv.getSchema(`https://cuishou-guard.invalid/openapi.json#/$defs/${refName(schemaRef)}`);
  if (check === undefined) return `no schema ${schemaRef}`;
  return check(value) ? null : JSON.stringify(check.errors?.slice(0, 3));
};

/** Checks an answer against the document: its status is declared for the path, its body fits the schema. */
function conforms(method: string, path: string, answer: JsonResponse): void {
  const op = doc.paths[path]?.[method];
  expect(op, `${method} ${path} is in the document`).toBeDefined();
  const schema = op!.responses[String(answer.status)]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${path} declares status ${answer.status}`).toBeDefined();
  // One schema, or one of several (the ledger's 503: a deny, or the connection cap's error).
  const refs = schema!.oneOf?.map((s) => s.$ref) ?? [schema!.$ref];
  const failures = refs.map((r) => validate(r, answer.body));
  expect(failures.some((f) => f === null), `${method} ${path} ${answer.status}: ${failures.join('; ')}`).toBe(true);
}

const hasPython = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;

describe('schemas/openapi.json', () => {
  const token = 'openapi-test-token-7c2d';
  let s: Running;
  const auth = { authorization: `Bearer ${token}` };
  beforeAll(async () => {
    s = await start({ token, guard: { profile: 'cba-2026' } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('is up to date (npm run schemas) and OpenAPI 3.1 with the paths the sidecar serves', () => {
    expect(text === openApiText(), 'schemas/openapi.json is stale: run npm run schemas').toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/v1/check', '/v1/check-batch', '/v1/commit', '/v1/next-allowed', '/v1/quota', '/v1/release', '/v1/reserve', '/v1/ruleset']);
  });

  it('describes every real answer: allow, deny, invalid input, batch, schedule, quota, ruleset, health, refusals', async () => {
    const late = action({ at: '2026-11-30T23:00:00+08:00' });
    const request = { context: context(), action: action() };
    const requestSchema = (path: string): string => doc.paths[path]!.post!.requestBody!.content['application/json']!.schema.$ref;
    expect(validate(requestSchema('/v1/check'), request)).toBeNull();
    expect(validate(requestSchema('/v1/check'), { ...request, extra: 1 })).not.toBeNull();
    const answers: [string, string, JsonResponse][] = [
      ['post', '/v1/check', await post(s.base, '/v1/check', request, auth)],
      ['post', '/v1/check', await post(s.base, '/v1/check', { context: context(), action: late }, auth)],
      ['post', '/v1/check', await post(s.base, '/v1/check', { context: {}, action: {} }, auth)],
      ['post', '/v1/check-batch', await post(s.base, '/v1/check-batch', { items: [request, { context: context(), action: late }, {}] }, auth)],
      ['post', '/v1/check-batch', await post(s.base, '/v1/check-batch', { item: [] }, auth)],
      ['post', '/v1/next-allowed', await post(s.base, '/v1/next-allowed', { context: context(), action: late }, auth)],
      ['post', '/v1/next-allowed', await post(s.base, '/v1/next-allowed', { context: context(), action: action({ conduct: ['threat'] }) }, auth)],
      ['post', '/v1/next-allowed', await post(s.base, '/v1/next-allowed', { context: {} }, auth)],
      ['post', '/v1/quota', await post(s.base, '/v1/quota', { context: context(), at: '2026-11-30T10:00:00+08:00' }, auth)],
      ['post', '/v1/quota', await post(s.base, '/v1/quota', { context: context(), at: 'noon' }, auth)],
      ['get', '/v1/ruleset', await get(s.base, '/v1/ruleset', auth)],
      ['get', '/healthz', await get(s.base, '/healthz')],
      ['post', '/v1/check', await post(s.base, '/v1/check', request)],
      ['post', '/v1/check', await post(s.base, '/v1/check', request, { ...auth, 'content-type': 'text/plain' })],
    ];
    expect(answers.map(([, , a]) => a.status)).toEqual([200, 200, 400, 200, 400, 200, 200, 400, 200, 400, 200, 200, 401, 415]);
    for (const [method, path, answer] of answers) conforms(method, path, answer);
    // The documents are the library's answers, not look-alikes.
    expect(answers[1]![2].body).toEqual(createGuard({ profile: 'cba-2026' }).checkSync(context(), late));
  });

  it('describes every answer of the ledger endpoints (serve --ledger), and their 404 without a ledger', async () => {
    const withLedger = await start({ token, ledger: memoryStore() });
    try {
      const reserve = (body: unknown) => post(withLedger.base, '/v1/reserve', body, auth);
      // The ledger judges actions near the real clock: a debtor for whom it is about noon now.
      const now = context({ debtor: { id: 'OA-D1', timeZone: noonZone() }, contacts: [], guarantors: [] });
      const call = () => action({ at: new Date().toISOString(), target: { role: 'debtor', partyId: 'OA-D1' } });
      const allowed = await reserve({ context: now, action: call() });
      const reservationId = (allowed.body as { reservationId: string }).reservationId;
      const second = (await reserve({ context: now, action: call() }).then((a) => a.body)) as { reservationId: string | null };
      const answers: [string, JsonResponse][] = [
        ['/v1/reserve', allowed],
        ['/v1/reserve', await reserve({ context: now, action: { ...call(), conduct: ['threat'] } })],
        ['/v1/reserve', await reserve({ context: {} })],
        ['/v1/commit', await post(withLedger.base, '/v1/commit', { reservationId, outcome: 'connected' }, auth)],
        ['/v1/commit', await post(withLedger.base, '/v1/commit', { reservationId, outcome: 'connected' }, auth)],
        ['/v1/commit', await post(withLedger.base, '/v1/commit', { reservationId: 'nope', outcome: 'connected' }, auth)],
        ['/v1/commit', await post(withLedger.base, '/v1/commit', { reservationId, outcome: 'answered' }, auth)],
        ['/v1/release', await post(withLedger.base, '/v1/release', { reservationId: second.reservationId ?? 'x' }, auth)],
        ['/v1/release', await post(withLedger.base, '/v1/release', { reservationId }, auth)],
        ['/v1/release', await post(withLedger.base, '/v1/release', {}, auth)],
        ['/v1/reserve', await post(s.base, '/v1/reserve', { context: context(), action: action() }, auth)],
      ];
      expect(answers.map(([, a]) => a.status)).toEqual([200, 200, 400, 200, 200, 400, 400, 200, 200, 400, 404]);
      expect(answers.map(([, a]) => (a.body as { status?: string }).status)).toEqual([undefined, undefined, undefined, 'committed', 'already-committed', undefined, undefined, 'released', 'already-committed', undefined, undefined]);
      expect((answers[0]![1].body as { decision: { outcome: string } }).decision.outcome).toBe('allow');
      expect((answers[1]![1].body as { decision: { outcome: string } }).decision.outcome).toBe('deny');
      for (const [path, answer] of answers) conforms('post', path, answer);
    } finally {
      await withLedger.close();
    }
  });

  it('describes the 503 of a connection over the cap, on every path', async () => {
    const capped = await start({ token, maxConnections: 1 });
    const holder = await rawConnection(capped.base);
    try {
      expect((await holder.exchange('GET /healthz HTTP/1.1\r\nhost: x\r\n\r\n')).status).toBe(200);
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) {
          const raw = await rawExchange(capped.base, (socket) => socket.write(`${method.toUpperCase()} ${path} HTTP/1.1\r\nhost: x\r\n\r\n`));
          const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(raw)?.[1]);
          expect(status).toBe(503);
          conforms(method, path, { status, headers: new Headers(), body: JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as unknown });
        }
      }
    } finally {
      holder.socket.end();
      await capped.close();
    }
  });

  it('refuses answers that drift from it (a wrong type, a missing field)', () => {
    const decision = checkAction(context(), action());
    expect(validate('#/components/schemas/Decision', decision)).toBeNull();
    expect(validate('#/components/schemas/Decision', { ...decision, outcome: 'maybe' })).not.toBeNull();
    const { violations: _v, ...withoutViolations } = decision;
    expect(validate('#/components/schemas/Decision', withoutViolations)).not.toBeNull();
    expect(validate('#/components/schemas/Health', { status: 'ok', extra: true })).not.toBeNull();
  });

  it.skipIf(!hasPython)('serves a Python client that finds its paths in the document (examples/python)', async () => {
    const { stdout } = await promisify(execFile)('python3', [`${root}examples/python/sidecar_client.py`, s.base, `${root}examples/data/check-request.json`], {
      env: { ...process.env, CUISHOU_GUARD_TOKEN: token }, timeout: 30_000,
    });
    const request = JSON.parse(readFileSync(`${root}examples/data/check-request.json`, 'utf8')) as { context: unknown; action: { at: string } };
    const guard = createGuard({ profile: 'cba-2026' });
    const decision = guard.checkSync(request.context as never, request.action as never);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(printed).toEqual({
      status: 200,
      outcome: decision.outcome,
      rules: decision.violations.map((v) => v.rule),
      voiceLeft: guard.quota(request.context as never, request.action.at as never).quota?.voice.left,
      nextAllowedAt: guard.scheduleAction(request.context as never, request.action as never).at,
    });
    expect(printed.outcome).toBe('deny');
  });
});
