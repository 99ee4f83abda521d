/**
 * Every endpoint over real HTTP, each answer compared with what the library returns when called directly
 * on the same input: the sidecar has no rule logic of its own.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAction, createGuard, quota, rules, scheduleAction, STANDARD, VERSION, type Decision } from '../../src/index.js';
import { action, agencyOrganization, aiActor, context, past, visitAction } from '../support/fixtures.js';
import { get, post, start, type Running } from './support.js';

const houseRules = JSON.parse(readFileSync(new URL('../../examples/house-rules.json', import.meta.url), 'utf8')) as unknown[];
const overlay = { voiceDailyCap: 2, windowEnd: '21:00' };

/** Inputs across the rules: allowed, denied for one or several reasons, invalid. */
const cases: [string, unknown, unknown][] = [
  ['an allowed call', context(), action()],
  ['a call at 23:00', context(), action({ at: '2026-11-30T23:00:00+08:00' })],
  ['the fourth connected call', context({ history: ['09:00', '11:00', '14:00'].map((t) => past('voice', `2026-11-30T${t}:00+08:00`, 'connected')) }), action({ at: '2026-11-30T16:00:00+08:00' })],
  ['the third connected call (a tightened overlay denies it)', context({ history: ['09:00', '11:00'].map((t) => past('voice', `2026-11-30T${t}:00+08:00`, 'connected')) }), action({ at: '2026-11-30T21:30:00+08:00' })],
  ['a demand for payment to a contact', context(), action({ target: { role: 'contact', partyId: 'C1' } })],
  ['a visit with four staff into a home', context(), visitAction({ visit: { staffCount: 4, entersPrivateResidence: true, entersOfficeArea: false } })],
  ['a settled debt', context({ debt: { id: 'L1', status: 'settled', settledAt: '2026-11-01T09:00:00+08:00' } }), action()],
  ['threats by an agency', context(), action({ conduct: ['threat'], actor: { ...(action().actor as object), organization: agencyOrganization() } as never })],
  ['an AI voice bot', context(), action({ actor: aiActor() })],
  ['an SMS on a Sunday (a house rule denies it)', context(), action({ channel: 'sms', at: '2026-11-29T15:00:00+08:00' })],
  ['an unknown time zone', context({ debtor: { id: 'D1', timeZone: 'Mars/Olympus' } }), action()],
  ['an instant without an offset and an unknown key', context(), { ...action({ at: '2026-11-30T10:00:00' }), colour: 'red' }],
  ['an action that is not an object', context(), 42],
];

describe('the sidecar (national profile)', () => {
  let s: Running;
  beforeAll(async () => {
    s = await start();
  });
  afterAll(async () => {
    await s.close();
  });

  it.each(cases)('POST /v1/check: %s — the same decision as checkAction and guard.check', async (_name, ctx, act) => {
    const r = await post(s.base, '/v1/check', { context: ctx, action: act });
    const direct = checkAction(ctx as never, act as never);
    expect(r.body).toEqual(direct);
    expect(r.body).toEqual(await createGuard().check(ctx as never, act as never));
    const invalid = direct.violations.some((v) => v.rule === 'invalid-input');
    expect(r.status).toBe(invalid ? 400 : 200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('POST /v1/check: a body that is not JSON is a 400 invalid-input deny naming body', async () => {
    const r = await post(s.base, '/v1/check', '{"context": {');
    expect(r.status).toBe(400);
    const d = r.body as Decision;
    expect(d.outcome).toBe('deny');
    expect(d.violations).toHaveLength(1);
    expect(d.violations[0]).toMatchObject({ rule: 'invalid-input', code: 'invalid-input' });
    expect((d.violations[0]?.facts.issues as { path: string }[]).map((i) => i.path)).toEqual(['body']);
    expect(d.ruleset).toEqual({ standard: STANDARD, version: VERSION, profile: 'gb-t-45251-2025' });
    expect(d.violations[0]?.facts.issues).toEqual([{ path: 'body', message: 'not valid JSON (at position 13)', zh: '不是有效的 JSON' }]);
  });

  it('POST /v1/check: the answer to a body that is not JSON does not quote it (V8 messages would)', async () => {
    for (const text of ['PHONE-13812345678', '"unterminated PHONE-13812345678', '']) {
      const r = await post(s.base, '/v1/check', text);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).not.toContain('13812345678');
      expect((r.body as Decision).violations[0]?.facts.issues).toEqual([{ path: 'body', message: expect.stringMatching(/^not valid (JSON|UTF-8)/), zh: expect.stringMatching(/^不是有效的 (JSON|UTF-8)/) }]);
    }
    const latin1 = await fetch(`${s.base}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    expect(latin1.status).toBe(400);
    expect(((await latin1.json()) as Decision).violations[0]?.facts.issues).toEqual([{ path: 'body', message: 'not valid UTF-8', zh: '不是有效的 UTF-8' }]);
  });

  it.each([
    ['an array', [], ['body']],
    ['null', null, ['body']],
    ['no action', { context: context() }, ['body.action']],
    ['neither', {}, ['body.context', 'body.action']],
    ['an unknown key', { context: context(), action: action(), extra: 1 }, ['body']],
  ])('POST /v1/check: a body that is %s is a 400 deny with zod issue paths', async (_name, body, paths) => {
    const r = await post(s.base, '/v1/check', body);
    expect(r.status).toBe(400);
    const d = r.body as Decision;
    expect(d.outcome).toBe('deny');
    expect(d.violations.map((v) => v.rule)).toEqual(['invalid-input']);
    expect((d.violations[0]?.facts.issues as { path: string }[]).map((i) => i.path)).toEqual(paths);
  });

  it('POST /v1/check: invalid input inside the context carries zod paths from the core', async () => {
    const r = await post(s.base, '/v1/check', { context: context({ debtor: { id: 'D1', timeZone: 'Mars/Olympus' } }), action: action({ at: 'tomorrow' }) });
    expect(r.status).toBe(400);
    const issues = ((r.body as Decision).violations[0]?.facts.issues ?? []) as { path: string }[];
    expect(issues.map((i) => i.path)).toEqual(['context.debtor.timeZone', 'action.at']);
  });

  it('POST /v1/check-batch: the decisions in order, each equal to checkAction', async () => {
    const items = cases.map(([, ctx, act]) => ({ context: ctx, action: act }));
    const r = await post(s.base, '/v1/check-batch', { items });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ decisions: cases.map(([, ctx, act]) => checkAction(ctx as never, act as never)) });
  });

  it('POST /v1/check-batch: a malformed item is an invalid-input deny at its position; the others are decided', async () => {
    const r = await post(s.base, '/v1/check-batch', { items: [{ context: context(), action: action() }, { context: context() }, 'x'] });
    expect(r.status).toBe(200);
    const { decisions } = r.body as { decisions: Decision[] };
    expect(decisions[0]).toEqual(checkAction(context(), action()));
    expect((decisions[1]?.violations[0]?.facts.issues as { path: string }[]).map((i) => i.path)).toEqual(['body.items[1].action']);
    expect((decisions[2]?.violations[0]?.facts.issues as { path: string }[]).map((i) => i.path)).toEqual(['body.items[2]']);
  });

  it('POST /v1/check-batch: an empty batch, and a body without items (400 with issue paths)', async () => {
    expect((await post(s.base, '/v1/check-batch', { items: [] })).body).toEqual({ decisions: [] });
    const r = await post(s.base, '/v1/check-batch', { item: [] });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'invalid-input' } });
    expect((r.body as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path)).toEqual(['body.items', 'body']);
  });

  it('POST /v1/next-allowed: the ScheduleResult of scheduleAction', async () => {
    for (const [, ctx, act] of cases) {
      const r = await post(s.base, '/v1/next-allowed', { context: ctx, action: act });
      const direct = scheduleAction(ctx as never, act as never);
      expect(r.body).toEqual(direct);
      expect(r.status).toBe(direct.decision.violations.some((v) => v.rule === 'invalid-input') ? 400 : 200);
    }
    const late = { context: context(), action: action({ at: '2026-11-30T23:00:00+08:00' }) };
    const r = await post(s.base, '/v1/next-allowed', { ...late, horizonDays: 3 });
    expect(r.body).toEqual(scheduleAction(late.context, late.action, { horizonDays: 3 }));
    expect((r.body as { at: string }).at).toBe('2026-12-01T08:00:00+08:00');
  });

  it('POST /v1/next-allowed: a horizon out of range is a 400 naming body.horizonDays', async () => {
    const r = await post(s.base, '/v1/next-allowed', { context: context(), action: action(), horizonDays: 400 });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ at: null, permanent: true, horizonEnd: null, decision: { outcome: 'deny' } });
    const issues = (r.body as { decision: Decision }).decision.violations[0]?.facts.issues as { path: string }[];
    expect(issues.map((i) => i.path)).toEqual(['body.horizonDays']);
  });

  it('POST /v1/quota: the QuotaResult of quota; 400 when ok is false', async () => {
    const ctx = context({ history: [past('voice', '2026-11-30T09:00:00+08:00', 'connected')] });
    const r = await post(s.base, '/v1/quota', { context: ctx, at: '2026-11-30T15:00:00+08:00' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(quota(ctx, '2026-11-30T15:00:00+08:00'));
    expect(r.body).toMatchObject({ ok: true, quota: { voice: { used: 1, cap: 3, left: 2 } } });

    const bad = await post(s.base, '/v1/quota', { context: ctx, at: '2026-11-30 15:00' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(quota(ctx, '2026-11-30 15:00'));
    const missing = await post(s.base, '/v1/quota', { context: ctx });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ ok: false, quota: null, issues: [{ path: 'body.at', message: 'required field is missing', zh: '缺少必填字段' }] });
    const notJson = await post(s.base, '/v1/quota', 'nope');
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ ok: false, quota: null, issues: [{ path: 'body' }] });
  });

  it('GET /healthz and GET /v1/ruleset', async () => {
    expect(await get(s.base, '/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const r = await get(s.base, '/v1/ruleset');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ standard: STANDARD, version: VERSION, profile: 'gb-t-45251-2025', houseRules: [] });
    expect((r.body as { rules: unknown[] }).rules).toEqual(rules.map((rule) => ({ id: rule.id, clause: rule.clause })));
  });

  it('404 for an unknown path, 405 for a wrong method, 415 for a body that is not JSON', async () => {
    const missing = await get(s.base, '/v1/nothing-here');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } });
    const wrongGet = await get(s.base, '/v1/check');
    expect(wrongGet).toMatchObject({ status: 405, body: { error: { code: 'method-not-allowed' } } });
    expect(wrongGet.headers.get('allow')).toBe('POST');
    const wrongPost = await post(s.base, '/healthz', {});
    expect(wrongPost.status).toBe(405);
    expect(wrongPost.headers.get('allow')).toBe('GET, HEAD');
    const head = await fetch(`${s.base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) {
      const r = await post(s.base, '/v1/check', { context: context(), action: action() }, { 'content-type': type });
      expect(r).toMatchObject({ status: 415, body: { error: { code: 'unsupported-media-type' } } });
    }
    const noType = await fetch(`${s.base}/v1/check`, { method: 'POST', body: new Uint8Array([123, 125]) });
    expect(noType.status).toBe(415);
    const withCharset = await post(s.base, '/v1/check', { context: context(), action: action() }, { 'content-type': 'Application/JSON; charset="UTF-8"' });
    expect(withCharset.status).toBe(200);
  });

  it('a query string does not change the route', async () => {
    expect((await post(s.base, '/v1/check?debug=1', { context: context(), action: action() })).body).toEqual(checkAction(context(), action()));
  });
});

describe('the sidecar with a profile, an overlay and house rules', () => {
  const options = { profile: 'cba-2026', overlay, overlayId: 'bank-policy', houseRules, locale: 'en' } as const;
  const guard = createGuard(options);
  let s: Running;
  beforeAll(async () => {
    s = await start({ guard: options });
  });
  afterAll(async () => {
    await s.close();
  });

  it.each(cases)('POST /v1/check: %s — the same decision as createGuard(…).check', async (_name, ctx, act) => {
    const r = await post(s.base, '/v1/check', { context: ctx, action: act });
    expect(r.body).toEqual(await guard.check(ctx as never, act as never));
  });

  it('house rules and the overlay apply, with the overlay named in the decision', async () => {
    const sunday = (await post(s.base, '/v1/check', { context: context(), action: action({ channel: 'sms', at: '2026-11-29T15:00:00+08:00' }) })).body as Decision;
    expect(sunday.violations.map((v) => v.rule)).toEqual(['no-sms-on-sunday']);
    expect(sunday.ruleset.profile).toBe('cba-2026+bank-policy');
    const late = (await post(s.base, '/v1/check', { context: context(), action: action({ at: '2026-11-30T21:30:00+08:00', phoneRef: 'P1' }) })).body as Decision;
    expect(late.violations[0]).toMatchObject({ rule: 'collection-hours', source: { kind: 'overlay' } });
  });

  it('batch, next-allowed and quota follow the guard', async () => {
    const items = cases.map(([, ctx, act]) => ({ context: ctx, action: act }));
    const batch = await post(s.base, '/v1/check-batch', { items });
    expect(batch.body).toEqual({ decisions: await Promise.all(cases.map(([, ctx, act]) => guard.check(ctx as never, act as never))) });
    const late = { context: context(), action: action({ at: '2026-11-30T21:30:00+08:00', phoneRef: 'P1' }) };
    const next = await post(s.base, '/v1/next-allowed', late);
    expect(next.body).toEqual(guard.scheduleAction(late.context, late.action));
    expect((next.body as { at: string }).at).toBe('2026-12-01T08:00:00+08:00');
    const q = await post(s.base, '/v1/quota', { context: context(), at: '2026-11-30T15:00:00+08:00' });
    expect(q.body).toEqual(guard.quota(context(), '2026-11-30T15:00:00+08:00'));
    expect(q.body).toMatchObject({ quota: { voice: { cap: 2 } } });
  });

  it('the invalid-input deny for an unreadable body names the guard profile and lists messages in its locale', async () => {
    const r = await post(s.base, '/v1/check', '[');
    const d = r.body as Decision;
    expect(d.ruleset.profile).toBe('cba-2026+bank-policy');
    expect(Object.keys(d.violations[0]?.message ?? {})).toEqual(['en', 'zh']);
  });

  it.each(['en', 'zh-CN'] as const)('an invalid body under locale %s is denied exactly as the guard denies invalid input, only the problems differ', async (locale) => {
    const local = await start({ guard: { ...options, locale } });
    try {
      const own = await createGuard({ ...options, locale }).check(context(), 42 as never);
      for (const [path, body] of [['/v1/check', '['], ['/v1/check', { context: context() }], ['/v1/next-allowed', '{']] as const) {
        const r = await post(local.base, path, body);
        expect(r.status).toBe(400);
        const d = (path === '/v1/check' ? r.body : (r.body as { decision: Decision }).decision) as Decision;
        const { violations: [mine, ...more], ...rest } = d;
        const { violations: [theirs], ...ownRest } = own;
        expect(more).toEqual([]);
        expect(rest).toEqual(ownRest);
        expect({ ...mine, message: undefined, facts: undefined }).toEqual({ ...theirs, message: undefined, facts: undefined });
        // The guard's language first, and the same sentence around the problems.
        expect(Object.keys(mine?.message ?? {})).toEqual(locale === 'en' ? ['en', 'zh'] : ['zh', 'en']);
        expect(mine?.message.en.split(':')[0]).toBe(theirs?.message.en.split(':')[0]);
        expect(mine?.message.zh.split('：')[0]).toBe(theirs?.message.zh.split('：')[0]);
        expect((mine?.facts.issues as { path: string }[])[0]?.path).toMatch(/^body/);
      }
    } finally {
      await local.close();
    }
  });

  it('GET /v1/ruleset names the profile, its limits and the house rules', async () => {
    const r = await get(s.base, '/v1/ruleset');
    expect(r.body).toMatchObject({
      profile: 'cba-2026+bank-policy',
      limits: { voiceDailyCap: 2, windowEnd: '21:00', unansweredAttemptsPerNumberDailyCap: 6 },
      houseRules: ['no-sms-on-sunday', 'spring-festival-quiet', 'no-ai-visits-or-late-ai-calls'],
    });
  });
});
