import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import type { ContextInput, Decision } from '../../src/index.js';
import { action, context, humanActor, visitAction } from '../support/fixtures.js';

const retainRecords = (d: Decision) => d.obligations.filter((o) => o.rule === 'record-keeping' && o.code === 'retain-records');
const retainUntil = (d: Decision) => retainRecords(d)[0]?.facts.retainUntil;
const inZone = (timeZone: string): Partial<ContextInput> => ({ debtor: { id: 'D1', timeZone } });
/** A collector whose yearly training is current in 2028, so that an action in 2028 is allowed. */
const trainedIn2028 = humanActor({
  collector: {
    id: 'E1', violentCrimeRecord: false, seriousBadCredit: false,
    preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00', lastTrainingAssessedAt: '2028-01-10T09:00:00+08:00',
    confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00', standing: 'active',
  },
});

describe('record-keeping', () => {
  it('an allowed action carries retain-records until the action time + 2 years', () => {
    const d = checkAction(context(), action({ at: '2026-11-30T10:00:00+08:00' }));
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain('record-keeping');
    const found = retainRecords(d);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      rule: 'record-keeping',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '催收过程记录与留存' },
      code: 'retain-records',
      facts: { retainUntil: '2028-11-30T10:00:00+08:00', years: 2 },
    });
    expect(found[0]?.message.en).toContain('2028-11-30T10:00:00+08:00');
    expect(found[0]?.message.zh).toContain('2028-11-30T10:00:00+08:00');
  });

  it.each([
    ['2026-11-30T02:00:00Z', '2028-11-30T10:00:00+08:00'], // written in UTC, answered in the debtor's offset
    ['2026-11-30T10:00:00.250+08:00', '2028-11-30T10:00:00.250+08:00'],
    ['2026-12-31T21:59:59+08:00', '2028-12-31T21:59:59+08:00'],
  ])('Shanghai: action at %s → retainUntil %s', (at, expected) => {
    expect(retainUntil(checkAction(context(), action({ at })))).toBe(expected);
  });

  it.each([
    ['2028-02-29T10:00:00+08:00', '2030-02-28T10:00:00+08:00'], // leap day: clamped to 28 February
    ['2028-02-28T10:00:00+08:00', '2030-02-28T10:00:00+08:00'],
    ['2028-03-01T10:00:00+08:00', '2030-03-01T10:00:00+08:00'],
  ])('leap years: action at %s → retainUntil %s, same clock time', (at, expected) => {
    const d = checkAction(context(), action({ at, actor: trainedIn2028 }));
    expect(d.outcome).toBe('allow');
    expect(retainUntil(d)).toBe(expected);
  });

  it.each([
    ['America/New_York', '2026-07-15T10:00:00-04:00', '2028-07-15T10:00:00-04:00'],
    ['America/New_York', '2026-07-15T14:00:00Z', '2028-07-15T10:00:00-04:00'],
    // 2026-11-02 is EST (-05:00); 2028-11-02 is still EDT (-04:00): same wall clock, that date's offset.
    ['America/New_York', '2026-11-02T10:00:00-05:00', '2028-11-02T10:00:00-04:00'],
    ['Europe/London', '2026-11-30T10:00:00Z', '2028-11-30T10:00:00+00:00'],
    ['Europe/London', '2026-07-15T10:00:00+01:00', '2028-07-15T10:00:00+01:00'],
  ])("%s: action at %s → retainUntil %s (the debtor's zone)", (zone, at, expected) => {
    const d = checkAction(context(inZone(zone)), action({ at }));
    expect(d.outcome).toBe('allow');
    expect(retainUntil(d)).toBe(expected);
  });

  it('a denied action carries no retain-records obligation, but the rule is evaluated', () => {
    for (const denied of [
      checkAction(context(), action({ at: '2026-11-30T23:00:00+08:00' })),
      checkAction(context(), action({ conduct: ['threat'] })),
      checkAction(context(), visitAction({ visit: { staffCount: 1, entersPrivateResidence: false, entersOfficeArea: false } })),
    ]) {
      expect(denied.outcome).toBe('deny');
      expect(retainRecords(denied)).toEqual([]);
      expect(denied.evaluated).toContain('record-keeping');
    }
  });

  it('is evaluated on every channel and target, and every allowed action carries it', () => {
    for (const act of [action({ channel: 'sms' }), action({ channel: 'letter' }), visitAction(), action({ target: { role: 'guarantor', partyId: 'G1' } })]) {
      const d = checkAction(context(), act);
      expect(d.outcome).toBe('allow');
      expect(d.evaluated).toContain('record-keeping');
      expect(retainUntil(d)).toBe('2028-11-30T10:00:00+08:00');
    }
  });

  it('invalid input carries no obligation and evaluates nothing', () => {
    const d = checkAction(context(), { ...action(), at: '2026-11-30T10:00:00' });
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.obligations).toEqual([]);
    expect(d.evaluated).toEqual([]);
  });
});
