/**
 * The ledger's behaviour on the embedded store: caps held across reservations, commit, release, the TTL,
 * idempotence, late commits, history for audit, and every way it fails closed.
 */
import { describe, expect, it } from 'vitest';
import { auditSync, checkAction } from '../../src/index.js';
import {
  createLedger, debtorOfReservation, LedgerInputError, LedgerUnavailableError, memoryStore, storeFromUrl, toAuditRecords,
  type LedgerStore,
} from '../../src/ledger/index.js';
import { action, AT, context, visitAction } from '../support/fixtures.js';

const T0 = Date.parse(AT) - 60_000;

function clocked(options: { store?: LedgerStore; ttl?: number } = {}): { ledger: ReturnType<typeof createLedger>; clock: { ms: number } } {
  const clock = { ms: T0 };
  const ledger = createLedger({ store: options.store ?? memoryStore(), reservationTtlMs: options.ttl ?? 120_000, now: () => clock.ms });
  return { ledger, clock };
}

const rules = (d: { violations: { rule: string }[] }): string[] => d.violations.map((v) => v.rule);

describe('reserve, commit, release on one store', () => {
  it('allows three connected calls a day and denies the fourth, the reservations counting as connected', async () => {
    const { ledger } = clocked();
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const r = await ledger.reserve(context(), action());
      expect(r.decision.outcome).toBe('allow');
      expect(typeof r.reservationId).toBe('string');
      expect(r.expiresAt).toBe(new Date(T0 + 120_000).toISOString());
      ids.push(r.reservationId as string);
    }
    const fourth = await ledger.reserve(context(), action());
    expect(fourth.decision.outcome).toBe('deny');
    expect(rules(fourth.decision)).toEqual(['voice-daily-cap']);
    expect(fourth.reservationId).toBeNull();
    expect(fourth.expiresAt).toBeNull();
    // A call that did not connect frees its slot; the next reservation is allowed, then the cap holds again.
    expect(await ledger.commit(ids[0] as string, { outcome: 'not_connected' })).toMatchObject({ status: 'committed', late: false });
    expect((await ledger.reserve(context(), action())).decision.outcome).toBe('allow');
    expect((await ledger.reserve(context(), action())).decision.outcome).toBe('deny');
  });

  it('one visit a day: the second is denied while the first is reserved, allowed after it is released', async () => {
    const { ledger } = clocked();
    const first = await ledger.reserve(context(), visitAction());
    expect(first.decision.outcome).toBe('allow');
    const second = await ledger.reserve(context(), visitAction());
    expect(rules(second.decision)).toEqual(['visit-daily-cap']);
    expect(await ledger.release(first.reservationId as string)).toEqual({ status: 'released' });
    expect(await ledger.release(first.reservationId as string)).toEqual({ status: 'already-released' });
    expect((await ledger.reserve(context(), visitAction())).decision.outcome).toBe('allow');
  });

  it('merges the caller\'s own history with the ledger\'s: two given plus one reserved reach the cap', async () => {
    const { ledger } = clocked();
    const given = context({ history: ['08:30', '09:00'].map((t) => ({ channel: 'voice' as const, at: `2026-11-30T${t}:00+08:00`, target: { role: 'debtor' as const, partyId: 'D1' }, outcome: 'connected' as const })) });
    expect((await ledger.reserve(given, action())).decision.outcome).toBe('allow');
    const denied = await ledger.reserve(given, action());
    const reserved = { channel: 'voice' as const, at: AT, target: { role: 'debtor' as const, partyId: 'D1' }, outcome: 'connected' as const, organizationId: 'ORG1' };
    expect(denied.decision).toEqual(checkAction({ ...given, history: [...(given.history ?? []), reserved] }, action()));
    expect(denied.decision.violations[0]?.facts.count).toBe(3);
  });

  it('counts per debtor: another debtor is not affected', async () => {
    const { ledger } = clocked();
    for (let i = 0; i < 3; i += 1) await ledger.reserve(context(), action());
    const other = context({ debtor: { id: 'D2' } });
    expect((await ledger.reserve(other, action({ target: { role: 'debtor', partyId: 'D2' } }))).decision.outcome).toBe('allow');
  });

  it('a reservation lapses after its TTL and stops counting; a commit after that is recorded and says late', async () => {
    const { ledger, clock } = clocked({ ttl: 5_000 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push((await ledger.reserve(context(), action())).reservationId as string);
    clock.ms += 4_999;
    expect((await ledger.reserve(context(), action())).decision.outcome).toBe('deny');
    clock.ms += 1; // expiresAt is exclusive: at T0 + TTL the reservation no longer counts
    const after = await ledger.reserve(context(), action());
    expect(after.decision.outcome).toBe('allow');
    // The lapsed call did happen after all: recorded, late; it counts again, so the cap is reached.
    expect(await ledger.commit(ids[0] as string, { outcome: 'connected' })).toMatchObject({ status: 'committed', late: true, entry: { channel: 'voice', outcome: 'connected' } });
    expect(await ledger.commit(ids[0] as string, { outcome: 'not_connected' })).toMatchObject({ status: 'already-committed', late: true, entry: { outcome: 'connected' } });
    expect(await ledger.release(ids[0] as string)).toEqual({ status: 'already-committed' });
    const history = await ledger.history('D1');
    expect(history.map((e) => [e.reservationId, e.entry.outcome, e.late])).toEqual([[ids[0], 'connected', true]]);
  });

  it('commit after release is recorded (the action happened) and marked late', async () => {
    const { ledger } = clocked();
    const r = await ledger.reserve(context(), visitAction());
    await ledger.release(r.reservationId as string);
    expect(await ledger.commit(r.reservationId as string, { outcome: 'completed' })).toMatchObject({ status: 'committed', late: true });
    expect(rules((await ledger.reserve(context(), visitAction())).decision)).toEqual(['visit-daily-cap']);
  });

  it('denied and invalid requests reserve nothing; invalid input is the guard\'s invalid-input deny', async () => {
    const { ledger } = clocked();
    const night = await ledger.reserve(context(), action({ at: '2026-11-30T23:00:00+08:00' }));
    expect(night.decision).toEqual(checkAction(context(), action({ at: '2026-11-30T23:00:00+08:00' })));
    expect(night.reservationId).toBeNull();
    const invalid = await ledger.reserve({ debtor: {} }, action());
    expect(invalid.decision).toEqual(checkAction({ debtor: {} } as never, action()));
    expect(rules(invalid.decision)).toEqual(['invalid-input']);
    expect(await ledger.history('D1')).toEqual([]);
  });

  it('commit, release and history name the bad argument', async () => {
    const { ledger } = clocked();
    await expect(ledger.commit('nope', { outcome: 'connected' })).rejects.toMatchObject({ name: 'LedgerInputError', field: 'reservationId' });
    const r = await ledger.reserve(context(), action());
    await expect(ledger.commit(r.reservationId as string, { outcome: 'answered' as never })).rejects.toBeInstanceOf(LedgerInputError);
    await expect(ledger.commit(r.reservationId as string, { outcome: 'answered' as never })).rejects.toMatchObject({ field: 'outcome' });
    await expect(ledger.history('D1', { from: '2026-11-30T00:00:00' })).rejects.toMatchObject({ field: 'from' });
    await expect(ledger.history('')).rejects.toMatchObject({ field: 'debtorId' });
    // A well-formed id the ledger never issued: unknown, nothing recorded.
    const foreign = r.reservationId?.replace(/\.[0-9a-f-]{36}$/, '.00000000-0000-4000-8000-000000000000') as string;
    expect(await ledger.commit(foreign, { outcome: 'connected' })).toEqual({ status: 'unknown', late: false, entry: null });
    expect(await ledger.release(foreign)).toEqual({ status: 'unknown' });
  });

  it('reservation ids carry the debtor (for the store partition) and nothing else', async () => {
    const { ledger } = clocked();
    const r = await ledger.reserve(context({ debtor: { id: '债务人/7 {x}' } }), action({ target: { role: 'debtor' } }));
    expect(debtorOfReservation(r.reservationId)).toBe('债务人/7 {x}');
    expect(debtorOfReservation('r1.AAAA.not-a-uuid')).toBeNull();
    expect(debtorOfReservation(42)).toBeNull();
  });

  it('refuses settings out of bounds, naming the setting', () => {
    expect(() => createLedger({ reservationTtlMs: 0 })).toThrow(/reservationTtlMs/);
    expect(() => createLedger({ retentionMs: 3_600_000 })).toThrow(/retentionMs/);
    expect(() => createLedger({ maxAttempts: 0 })).toThrow(/maxAttempts/);
    expect(() => storeFromUrl('mysql://u:secret@h/db')).toThrow(/expected memory/);
    expect(() => storeFromUrl('mysql://u:secret@h/db')).not.toThrow(/secret/);
  });
});

describe('failing closed', () => {
  const broken = (failOn: 'read' | 'write'): LedgerStore => {
    const inner = memoryStore();
    return {
      ...inner,
      kind: 'flaky',
      read: (id) => (failOn === 'read' ? Promise.reject(new TypeError('connection refused')) : inner.read(id)),
      write: (id, v, w) => (failOn === 'write' ? Promise.reject(new TypeError('connection reset')) : inner.write(id, v, w)),
    };
  };

  it.each(['read', 'write'] as const)('a store that fails on %s: reserve denies with ledger-unavailable, never throws', async (failOn) => {
    const { ledger } = clocked({ store: broken(failOn) });
    const r = await ledger.reserve(context(), action());
    expect(r.decision.outcome).toBe('deny');
    expect(r.reservationId).toBeNull();
    expect(r.decision.violations).toEqual([
      expect.objectContaining({ rule: 'ledger-unavailable', code: 'store-error', clause: expect.objectContaining({ standard: 'cuishou-guard', clause: 'fail-closed' }), facts: { store: 'flaky', error: 'TypeError' } }),
    ]);
    expect(r.decision.obligations).toEqual([]);
    expect(r.decision.evaluated).toContain('ledger-unavailable');
  });

  it('keeps the guard\'s own violations beside the store failure', async () => {
    const { ledger } = clocked({ store: broken('read') });
    const r = await ledger.reserve(context(), action({ at: '2026-11-30T23:00:00+08:00' }));
    expect(rules(r.decision)).toEqual(['collection-hours', 'ledger-unavailable']);
  });

  it('commit and release on a failing store throw LedgerUnavailableError (retry: they are idempotent)', async () => {
    const store = memoryStore();
    let down = false;
    const switched: LedgerStore = { ...store, read: (id) => (down ? Promise.reject(new Error('down')) : store.read(id)) };
    const { ledger } = clocked({ store: switched });
    const r = await ledger.reserve(context(), action());
    down = true;
    await expect(ledger.commit(r.reservationId as string, { outcome: 'connected' })).rejects.toBeInstanceOf(LedgerUnavailableError);
    await expect(ledger.release(r.reservationId as string)).rejects.toMatchObject({ code: 'ERR_LEDGER_UNAVAILABLE', store: 'memory' });
    down = false;
    expect(await ledger.commit(r.reservationId as string, { outcome: 'connected' })).toMatchObject({ status: 'committed' });
  });

  it('a debtor whose version always moves: bounded attempts, then ledger-contention, never allow', async () => {
    const inner = memoryStore();
    let writes = 0;
    const contended: LedgerStore = { ...inner, write: () => { writes += 1; return Promise.resolve(false); } };
    const ledger = createLedger({ store: contended, maxAttempts: 4, now: () => T0 });
    const r = await ledger.reserve(context(), action());
    expect(writes).toBe(4);
    expect(r.reservationId).toBeNull();
    expect(r.decision.violations).toEqual([expect.objectContaining({ rule: 'ledger-contention', code: 'retries-exhausted', facts: { attempts: 4, store: 'memory' } })]);
  });

  it('an action outside the retention window is denied with ledger-retention (the ledger no longer holds that day)', async () => {
    const { ledger } = clocked();
    const old = await ledger.reserve(context(), action({ at: '2026-11-27T10:00:00+08:00' }));
    expect(rules(old.decision)).toEqual(['ledger-retention']);
    const farAhead = await ledger.reserve(context(), action({ at: '2026-12-05T10:00:00+08:00' }));
    expect(rules(farAhead.decision)).toEqual(['ledger-retention']);
    expect((await ledger.reserve(context(), action({ at: '2026-11-29T10:00:00+08:00' }))).decision.outcome).toBe('allow');
  });

  it('a debtor with more rows than the bound is denied with ledger-overflow', async () => {
    const ledger = createLedger({ maxRowsPerDebtor: 2, now: () => T0 });
    await ledger.reserve(context(), action({ channel: 'sms' }));
    await ledger.reserve(context(), action({ channel: 'sms' }));
    expect((await ledger.reserve(context(), action({ channel: 'sms' }))).decision.outcome).toBe('allow');
    expect(rules((await ledger.reserve(context(), action({ channel: 'sms' }))).decision)).toEqual(['ledger-overflow']);
  });
});

describe('retention and audit', () => {
  it('prunes rows older than the retention window on the next write', async () => {
    const store = memoryStore();
    const { ledger, clock } = clocked({ store });
    const r = await ledger.reserve(context(), action());
    await ledger.commit(r.reservationId as string, { outcome: 'connected' });
    expect((await store.read('D1')).rows).toHaveLength(1);
    clock.ms += 3 * 86_400_000 + 60_001; // past the retention window after the action (T0 + 60 s)
    await ledger.reserve(context(), action({ at: new Date(clock.ms).toISOString() }));
    const rows = (await store.read('D1')).rows;
    expect(rows.map((row) => row.id)).not.toContain(r.reservationId);
    expect(rows).toHaveLength(1);
  });

  it('history gives the committed entries in time order, as context history and as records audit accepts', async () => {
    const { ledger } = clocked();
    const at = ['09:00', '10:00', '11:00'].map((t) => `2026-11-30T${t}:00+08:00`);
    const ids: string[] = [];
    for (const a of [at[2], at[0], at[1]] as string[]) ids.push((await ledger.reserve(context(), action({ at: a }))).reservationId as string);
    await ledger.commit(ids[0] as string, { outcome: 'connected' });
    await ledger.commit(ids[1] as string, { outcome: 'not_connected' });
    await ledger.release(ids[2] as string);
    const v = await ledger.reserve(context(), visitAction({ at: at[1] }));
    await ledger.commit(v.reservationId as string, { outcome: 'completed' });

    const history = await ledger.history('D1');
    expect(history.map((e) => [e.entry.at, e.entry.channel, e.entry.outcome])).toEqual([
      [at[0], 'voice', 'not_connected'],
      [at[1], 'visit', 'completed'],
      [at[2], 'voice', 'connected'],
    ]);
    expect(history[0]?.entry).toEqual({ channel: 'voice', at: at[0], target: { role: 'debtor', partyId: 'D1' }, outcome: 'not_connected', direction: 'outbound', organizationId: 'ORG1' });
    expect((await ledger.history('D1', { from: at[1], to: at[2] })).map((e) => e.entry.at)).toEqual([at[1]]);

    const records = toAuditRecords(history);
    expect(records.map((r) => [r.id, r.outcome])).toEqual(history.map((e) => [e.reservationId, e.entry.outcome]));
    const run = auditSync(records);
    const verdicts = [...run];
    expect(verdicts).toHaveLength(3);
    expect(verdicts.map((x) => [x.id, x.outcome, x.inputError])).toEqual(history.map((e) => [e.reservationId, 'allow', undefined]));
    // A log that breaks a cap is found out by the audit: a fourth connected call recorded outside the ledger.
    const extra = { ...records[2], id: 'X', action: { ...(records[2]?.action as object), at: '2026-11-30T12:00:00+08:00' }, outcome: 'connected' as const };
    const twice = auditSync([...records, extra, { ...extra, id: 'Y', action: { ...extra.action, at: '2026-11-30T13:00:00+08:00' } }, { ...extra, id: 'Z', action: { ...extra.action, at: '2026-11-30T14:00:00+08:00' } }]);
    expect([...twice].map((x) => x.outcome)).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'deny']);
  });
});

describe('partitioning by debtor', () => {
  it('every Redis key of a debtor carries the hash tag {debtorId}, so Redis Cluster keeps them in one slot', async () => {
    const { redisStore } = await import('../../src/ledger/index.js');
    const seen: string[][] = [];
    const versions = new Map<string, number>();
    const hashes = new Map<string, Map<string, string>>();
    const hash = (key: string): Map<string, string> => hashes.get(key) ?? hashes.set(key, new Map()).get(key) as Map<string, string>;
    // A stand-in for node-redis that records the keys of each command and runs the script's effect.
    const client = {
      multi() {
        const keys: string[] = [];
        const ops: (() => unknown)[] = [];
        const m = {
          get: (k: string) => { keys.push(k); ops.push(() => (versions.has(k) ? String(versions.get(k)) : null)); return m; },
          hGetAll: (k: string) => { keys.push(k); ops.push(() => Object.fromEntries(hash(k))); return m; },
          exec: () => { seen.push(keys); return Promise.resolve(ops.map((op) => op())); },
        };
        return m;
      },
      eval(_script: string, { keys, arguments: args }: { keys: string[]; arguments: string[] }) {
        seen.push(keys);
        const [v, rows] = keys as [string, string];
        if ((versions.get(v) ?? 0) !== Number(args[0])) return Promise.resolve(0);
        versions.set(v, (versions.get(v) ?? 0) + 1);
        for (let i = 0, n = Number(args[1]); i < n; i += 1) hash(rows).set(args[2 + 2 * i] as string, args[3 + 2 * i] as string);
        return Promise.resolve(1);
      },
      hGetAll: (k: string) => { seen.push([k]); return Promise.resolve(Object.fromEntries(hash(k))); },
      hmGet: (k: string, fields: string[]) => { seen.push([k]); return Promise.resolve(fields.map(() => null)); },
    };
    const ledger = createLedger({ store: redisStore({ client }), now: () => T0 });
    const r = await ledger.reserve(context({ debtor: { id: 'D{7}' } }), action({ target: { role: 'debtor' } }));
    expect(r.decision.outcome).toBe('allow');
    await ledger.commit(r.reservationId as string, { outcome: 'connected' });
    await ledger.history('D{7}');
    expect(seen.length).toBeGreaterThanOrEqual(5);
    const slotTag = (key: string): string => key.slice(key.indexOf('{') + 1, key.indexOf('}', key.indexOf('{') + 1));
    for (const keys of seen) expect(new Set(keys.map(slotTag))).toEqual(new Set(['D{7']));
    expect(seen.flat().every((k) => k.startsWith('cuishou:ledger:{D{7}}:'))).toBe(true);
    expect(() => redisStore({ client, keyPrefix: 'a{b}' })).toThrow(/keyPrefix/);
  });
});

describe('a live call could end either way', () => {
  const unanswered = (minute: number, phoneRef = 'P1') => ({ channel: 'voice' as const, at: `2026-11-30T09:${String(minute).padStart(2, '0')}:00+08:00`, target: { role: 'debtor' as const, partyId: 'D1' }, outcome: 'not_connected' as const, phoneRef });

  it('cba-2026: a live call does not make the debtor "lost" (as if unanswered) so that a contact may be approached', async () => {
    const ledger = createLedger({ guard: { profile: 'cba-2026' }, now: () => T0 });
    const ctx = context({ debtor: { id: 'D1', reachable: false }, history: [unanswered(1), unanswered(2)] });
    const locate = action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor', at: '2026-11-30T10:30:00+08:00' });
    const call = await ledger.reserve(ctx, action({ phoneRef: 'P1', at: '2026-11-30T09:30:00+08:00' }));
    expect(call.decision.outcome).toBe('allow');
    // Were the live call counted as unanswered only, three in a row would show the debtor lost and allow this.
    const denied = await ledger.reserve(ctx, locate);
    expect(denied.decision.outcome).toBe('deny');
    expect(denied.decision.violations.map((v) => v.rule)).toEqual(['contact-precondition']);
    // Once it is committed as unanswered, the history does show it, and the contact may be approached.
    await ledger.commit(call.reservationId as string, { outcome: 'not_connected' });
    expect((await ledger.reserve(ctx, locate)).decision.outcome).toBe('allow');
  });

  it('cba-2026: a live call on a number counts toward its unanswered-attempts cap', async () => {
    const ledger = createLedger({ guard: { profile: 'cba-2026' }, now: () => T0 });
    const ctx = context({ history: [1, 2, 3, 4, 5].map((m) => unanswered(m)) });
    expect((await ledger.reserve(ctx, action({ phoneRef: 'P1' }))).decision.outcome).toBe('allow');
    expect((await ledger.reserve(ctx, action({ phoneRef: 'P1' }))).decision.violations.map((v) => v.rule)).toEqual(['unanswered-attempts-cap']);
    expect((await ledger.reserve(ctx, action({ phoneRef: 'P2' }))).decision.outcome).toBe('allow');
  });
});
