import { describe, expect, it } from 'vitest';
import { audit, auditSync, checkAction, GuardConfigError, MAX_LATENESS_MS, summarize, type AuditVerdict } from '../../src/index.js';
import { agencyOrganization, humanActor, visitAction } from '../support/fixtures.js';
import { asyncFrom, record } from './support.js';

const rules = (v: AuditVerdict | undefined) => v?.violations.map((f) => f.rule);

describe('audit: each record is judged against the earlier records of its debtor', () => {
  it('allows a third connected call and denies the fourth; a not-connected call does not count', () => {
    const verdicts = [...auditSync([
      record('2026-11-30T09:00:00+08:00'),
      record('2026-11-30T10:00:00+08:00', { outcome: 'not_connected' }),
      record('2026-11-30T11:00:00+08:00'),
      record('2026-11-30T12:00:00+08:00'),
      record('2026-11-30T13:00:00+08:00'),
    ])];
    expect(verdicts.map((v) => v.outcome)).toEqual(['allow', 'allow', 'allow', 'allow', 'deny']);
    expect(rules(verdicts[4])).toEqual(['voice-daily-cap']);
    expect(verdicts[4]?.violations[0]?.facts).toMatchObject({ count: 3, cap: 3, localDate: '2026-11-30' });
    expect(verdicts.map((v) => v.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('counts calls of every organisation together, and a denied call that connected counts too', () => {
    const byAgency = { action: { actor: humanActor({ organization: agencyOrganization() }) } };
    const verdicts = [...auditSync([
      record('2026-11-30T09:00:00+08:00'),
      record('2026-11-30T10:00:00+08:00', byAgency),
      record('2026-11-30T11:00:00+08:00', { action: { conduct: ['threat'] } }),
      record('2026-11-30T12:00:00+08:00', { outcome: 'not_connected' }),
    ])];
    expect(verdicts.map(rules)).toEqual([[], [], ['lawful-conduct'], ['voice-daily-cap']]);
  });

  it("starts afresh on the debtor's next local day (the debtor's zone, not UTC)", () => {
    const calls = ['2026-11-30T14:00:00Z', '2026-11-30T17:00:00Z', '2026-11-30T20:00:00Z'].map((at) => record(at, { zone: 'America/New_York' }));
    const verdicts = [...auditSync([
      ...calls,
      // 02:30 UTC on 1 December is still 30 November, 21:30 in New York: a fourth call that day.
      record('2026-12-01T02:30:00Z', { zone: 'America/New_York', outcome: 'not_connected' }),
      // 14:00 UTC on 1 December is 09:00 on 1 December in New York: a new day.
      record('2026-12-01T14:00:00Z', { zone: 'America/New_York' }),
    ])];
    expect(verdicts.map(rules)).toEqual([[], [], [], ['voice-daily-cap'], []]);
  });

  it("does not count other debtors' records", () => {
    const verdicts = [...auditSync([
      record('2026-11-30T09:00:00+08:00', { debtor: 'D1' }),
      record('2026-11-30T09:30:00+08:00', { debtor: 'D2' }),
      record('2026-11-30T10:00:00+08:00', { debtor: 'D1' }),
      record('2026-11-30T10:30:00+08:00', { debtor: 'D2' }),
      record('2026-11-30T11:00:00+08:00', { debtor: 'D1' }),
      record('2026-11-30T11:30:00+08:00', { debtor: 'D2' }),
      record('2026-11-30T12:00:00+08:00', { debtor: 'D2' }),
      record('2026-11-30T12:30:00+08:00', { debtor: 'D1' }),
    ])];
    expect(verdicts.map((v) => `${v.debtorId}:${v.outcome}`)).toEqual(['D1:allow', 'D2:allow', 'D1:allow', 'D2:allow', 'D1:allow', 'D2:allow', 'D2:deny', 'D1:deny']);
  });

  it('counts visits whatever their outcome', () => {
    const visit = (at: string, outcome: 'completed' | 'not_connected') => ({ ...record(at, { outcome }), action: visitAction({ at }) });
    const verdicts = [...auditSync([visit('2026-11-30T10:00:00+08:00', 'not_connected'), visit('2026-11-30T15:00:00+08:00', 'completed')])];
    expect(verdicts.map(rules)).toEqual([[], ['visit-daily-cap']]);
  });

  it('echoes the record id, the debtor and the dimensions of the summary', () => {
    const [v] = [...auditSync([record('2026-11-30T22:15:00+08:00', { id: 'R-1', action: { actor: humanActor({ organization: agencyOrganization() }) } })])];
    expect(v).toMatchObject({ index: 0, id: 'R-1', debtorId: 'D1', at: '2026-11-30T22:15:00+08:00', channel: 'voice', organizationId: 'AG1', collectorId: 'E1', localHour: 22, outcome: 'deny' });
    expect(v?.inputError).toBeUndefined();
  });

  it('lists a verdict\'s fields in one order, the record id only when the record has one', () => {
    const [withId, withoutId] = [...auditSync([record('2026-11-30T10:00:00+08:00', { id: 'R-1' }), record('2026-11-30T11:00:00+08:00')])];
    expect(Object.keys(withId ?? {})).toEqual(['index', 'id', 'debtorId', 'at', 'localAt', 'targetRole', 'channel', 'organizationId', 'collectorId', 'localHour', 'outcome', 'violations']);
    expect(Object.keys(withoutId ?? {})).toEqual(['index', 'debtorId', 'at', 'localAt', 'targetRole', 'channel', 'organizationId', 'collectorId', 'localHour', 'outcome', 'violations']);
  });
});

describe('audit: input errors are reported, never misjudged, and the audit goes on', () => {
  it('a record earlier than its debtor\'s previous record is an input error and stays out of the history', () => {
    const verdicts = [...auditSync([
      record('2026-11-30T09:00:00+08:00'),
      record('2026-11-30T11:00:00+08:00'),
      record('2026-11-30T10:00:00+08:00'),
      record('2026-11-30T12:00:00+08:00'),
      record('2026-11-30T13:00:00+08:00', { debtor: 'D2' }),
      record('2026-11-30T12:30:00+08:00', { debtor: 'D1' }),
      record('2026-11-30T13:00:00+08:00'),
    ])];
    expect(verdicts.map((v) => v.inputError === undefined ? v.outcome : 'input-error')).toEqual(['allow', 'allow', 'input-error', 'allow', 'allow', 'deny', 'deny']);
    expect(verdicts[2]).toMatchObject({ outcome: 'deny', violations: [], debtorId: 'D1' });
    expect(verdicts[2]?.inputError?.issues).toEqual([{ path: 'record.action.at', message: expect.stringMatching(/out of order.*2026-11-30T11:00:00\+08:00/), zh: expect.stringMatching(/记录顺序错乱.*2026-11-30T11:00:00\+08:00/) }]);
    // The 10:00 record is not in the history (12:00 is the third connected call); another debtor's later
    // record does not put D1's 12:30 out of order; an instant equal to the previous one is in order.
    expect(verdicts[5]?.inputError).toBeUndefined();
    expect(rules(verdicts[5])).toEqual(['voice-daily-cap']);
    expect(rules(verdicts[6])).toEqual(['voice-daily-cap']);
  });

  it(`a record more than ${MAX_LATENESS_MS / 3_600_000} h behind the newest record of the log is an input error`, () => {
    const verdicts = [...auditSync([
      record('2026-12-05T10:00:00+08:00', { debtor: 'D2' }),
      record('2026-12-03T09:59:00+08:00', { debtor: 'D1' }),
      record('2026-12-03T10:00:00+08:00', { debtor: 'D1' }),
    ])];
    expect(verdicts[1]?.inputError?.issues[0]?.message).toMatch(/more than 48 h before the newest record/);
    expect(verdicts[2]?.inputError).toBeUndefined();
  });

  it('a record that fails the schema names every problem with its path', () => {
    const bad = { ...record('2026-11-30T10:00:00+08:00'), outcome: 'answered', extra: 1 };
    const verdicts = [...auditSync([bad, null, record('2026-11-30T11:00:00+08:00')])];
    expect(verdicts[0]).toMatchObject({ index: 0, debtorId: 'D1', outcome: 'deny', violations: [] });
    expect(verdicts[0]?.inputError?.issues.map((i) => i.path).sort()).toEqual(['record', 'record.outcome']);
    expect(verdicts[1]).toMatchObject({ index: 1, outcome: 'deny', inputError: { issues: [{ path: 'record' }] } });
    expect(verdicts[2]).toMatchObject({ index: 2, outcome: 'allow' });
  });

  it('an invalid case or action is an input error of the record (paths under record.)', () => {
    const r = record('2026-11-30T10:00:00', { case: { debtor: { id: 'D1', timeZone: 'Mars/Base' } } });
    const [v] = [...auditSync([r])];
    expect(v?.inputError?.issues.map((i) => i.path).sort()).toEqual(['record.action.at', 'record.debtor.timeZone']);
  });

  it('counts input errors as denied records in the summary', () => {
    const summary = summarize(auditSync([record('2026-11-30T11:00:00+08:00'), record('2026-11-30T10:00:00+08:00'), { nonsense: true }]));
    expect(summary).toMatchObject({ records: 3, allowed: 1, denied: 2, inputErrors: 2, violations: 0 });
  });
});

describe('audit and auditSync', () => {
  const log = [
    record('2026-11-30T07:30:00+08:00', { id: 'a' }),
    record('2026-11-30T09:00:00+08:00', { id: 'b' }),
    record('2026-11-30T09:10:00+08:00', { id: 'c', debtor: 'D2' }),
    record('2026-11-30T10:00:00+08:00', { id: 'd' }),
    record('2026-11-30T09:30:00+08:00', { id: 'e' }),
    record('2026-11-30T11:00:00+08:00', { id: 'f' }),
    record('2026-11-30T12:00:00+08:00', { id: 'g' }),
  ];

  it('give identical verdicts for an array, a sync generator and an async iterable', async () => {
    const sync = [...auditSync(log)];
    const fromAsync: AuditVerdict[] = [];
    for await (const v of audit(asyncFrom(log))) fromAsync.push(v);
    const fromArray: AuditVerdict[] = [];
    for await (const v of audit(log)) fromArray.push(v);
    expect(fromAsync).toEqual(sync);
    expect(fromArray).toEqual(sync);
    expect(await summarize(audit(asyncFrom(log)))).toEqual(summarize(auditSync(log)));
  });

  it('read their input lazily: one record per verdict', () => {
    let pulled = 0;
    function* source() {
      for (const r of log) {
        pulled += 1;
        yield r;
      }
    }
    const run = auditSync(source());
    run.next();
    run.next();
    expect(pulled).toBe(2);
    expect(run.stats.records).toBe(2);
  });

  it('take a profile and an overlay, and name them in the findings', () => {
    const calls = [record('2026-11-30T09:00:00+08:00'), record('2026-11-30T10:00:00+08:00'), record('2026-11-30T11:00:00+08:00')];
    const [, , third] = [...auditSync(calls, { overlay: { voiceDailyCap: 2 }, overlayId: 'bank', locale: 'en' })];
    expect(third?.violations[0]).toMatchObject({ rule: 'voice-daily-cap', source: { kind: 'overlay', profile: 'gb-t-45251-2025+bank' } });
    expect(Object.keys(third?.violations[0]?.message ?? {})).toEqual(['en', 'zh']);
    expect(() => auditSync(calls, { overlay: { voiceDailyCap: 4 } })).toThrow(GuardConfigError);
    expect(() => auditSync(calls, { profile: 'nope' })).toThrow(GuardConfigError);
  });

  it('run house rules in audit() only; auditSync refuses them at once', async () => {
    const houseRules = [{
      name: 'no-sms-at-all',
      conditions: { all: [{ fact: 'channel', operator: 'equal', value: 'sms' }] },
      event: { type: 'no-sms', params: { message: { zh: '不发短信', en: 'No SMS' } } },
    }];
    expect(() => auditSync([], { houseRules })).toThrow(/auditSync cannot run house rules/);
    const sms = record('2026-11-30T10:00:00+08:00', { action: { channel: 'sms', purpose: 'reminder' }, outcome: 'delivered' });
    const verdicts: AuditVerdict[] = [];
    for await (const v of audit([sms], { houseRules })) verdicts.push(v);
    expect(verdicts[0]?.outcome).toBe('deny');
    expect(verdicts[0]?.violations.map((f) => f.rule)).toEqual(['no-sms-at-all']);
  });

  it('agree with checkAction on the same case and history', () => {
    const verdicts = [...auditSync(log)];
    const { action, outcome: _o, id: _i, ...snapshot } = log[6] as (typeof log)[number] & { id: string };
    const history = [log[1], log[3], log[5]].map((r) => ({ channel: r!.action.channel, at: r!.action.at, target: r!.action.target, outcome: r!.outcome, organizationId: 'ORG1' }));
    // a (07:30) is in the history too: it connected, outside the window, and counts.
    const withEarly = [{ ...history[0]!, at: log[0]!.action.at }, ...history];
    expect(verdicts[6]?.violations).toEqual(checkAction({ ...snapshot, history: withEarly }, action).violations);
  });
});
