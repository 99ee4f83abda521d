/**
 * The sidecar's two halves apart: routes are functions from a parsed body to a reply over a guard (no
 * server needed), and the HTTP plumbing serves any route table without knowing about decisions.
 */
import { describe, expect, it } from 'vitest';
import { serveRoutes, type DecisionLogEntry } from '../../src/cli/sidecar/http.js';
import type { Routes } from '../../src/cli/sidecar/reply.js';
import { guardRoutes } from '../../src/cli/sidecar/routes.js';
import { createGuard, isInvalidInput, type Decision } from '../../src/index.js';
import { action, context } from '../support/fixtures.js';
import { post } from './support.js';

const guard = createGuard({ overlay: { voiceDailyCap: 2 }, overlayId: 'bank', locale: 'zh-CN' });
const routes = guardRoutes(guard, { batchLimit: 2 });
const route = (path: string) => {
  const r = routes[path];
  if (r === undefined) throw new Error(`no route ${path}`);
  return r;
};

describe('routes, without HTTP', () => {
  it('check: the guard decision, 200, logged by rule', async () => {
    const late = action({ at: '2026-11-30T23:00:00+08:00' });
    const reply = await route('/v1/check').handle({ context: context(), action: late });
    expect(reply.payload).toEqual(await guard.check(context(), late));
    expect(reply.status).toBe(200);
    expect(reply.logs).toEqual([{ outcome: 'deny', rules: ['collection-hours'] }]);
  });

  it('check: a body without an action is a 400 invalid-input deny in the guard locale', async () => {
    const reply = await route('/v1/check').handle({ context: context() });
    expect(reply.status).toBe(400);
    const decision = reply.payload as Decision;
    expect(isInvalidInput(decision)).toBe(true);
    expect(Object.keys(decision.violations[0]?.message ?? {})).toEqual(['zh', 'en']);
    expect(decision.ruleset.profile).toBe('gb-t-45251-2025+bank');
  });

  it('check-batch: over the batch limit is a 413 reply; at the limit, one decision and one log entry per item', async () => {
    const item = { context: context(), action: action() };
    const over = await route('/v1/check-batch').handle({ items: [item, item, item] });
    expect(over).toMatchObject({ status: 413, payload: { error: { code: 'batch-too-large', limit: 2, items: 3 } }, logs: [{ outcome: 'rejected', rules: [] }] });
    const at = await route('/v1/check-batch').handle({ items: [item, 'x'] });
    expect(at.status).toBe(200);
    expect((at.payload as { decisions: Decision[] }).decisions.map((d) => d.outcome)).toEqual(['allow', 'deny']);
    expect(at.logs.map((l) => l.index)).toEqual([0, 1]);
  });

  it('a body that is not JSON gets each endpoint its own shape', () => {
    const problems = [{ path: 'body', message: 'not valid JSON (at position 1)', zh: '不是有效的 JSON' }];
    expect(route('/v1/check').unreadable?.(problems)).toMatchObject({ status: 400, payload: { outcome: 'deny', violations: [{ rule: 'invalid-input', facts: { issues: problems } }] } });
    expect(route('/v1/next-allowed').unreadable?.(problems)).toMatchObject({ status: 400, payload: { at: null, permanent: true } });
    expect(route('/v1/quota').unreadable?.(problems)).toEqual({ status: 400, payload: { ok: false, quota: null, issues: problems }, logs: [{ outcome: 'invalid-input', rules: ['invalid-input'] }] });
    // check-batch has no shape of its own: the plumbing's generic { error } answer.
    expect(route('/v1/check-batch').unreadable).toBeUndefined();
  });
});

describe('the HTTP plumbing, without decisions', () => {
  it('serves any route table: the parsed body in, the reply out, logged with what only HTTP knows', async () => {
    const table: Routes = {
      '/echo': { method: 'POST', endpoint: 'other', handle: async (body) => ({ status: 201, payload: { echo: body }, logs: [{ outcome: 'echoed', rules: [] }] }) },
    };
    const logs: DecisionLogEntry[] = [];
    const http = serveRoutes(table, { bodyLimitBytes: 64, requestTimeoutMs: 5_000, headersTimeoutMs: 5_000, maxConnections: 8, drainTimeoutMs: 1_000, token: null, log: (e) => logs.push(e) });
    const { port } = await http.listen(0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${port}`;
      expect(await post(base, '/echo', { a: [1, '二'] })).toMatchObject({ status: 201, body: { echo: { a: [1, '二'] } } });
      expect(await post(base, '/echo', '{')).toMatchObject({ status: 400, body: { error: { code: 'invalid-input', issues: [{ path: 'body' }] } } });
      expect(await post(base, '/echo', { pad: 'x'.repeat(100) })).toMatchObject({ status: 413, body: { error: { code: 'payload-too-large', limit: 64 } } });
      expect(logs.map((l) => [l.outcome, l.status])).toEqual([['echoed', 201], ['rejected', 400], ['rejected', 413]]);
      expect(http.counters.answered).toBe(3);
    } finally {
      await http.close();
    }
  });
});
