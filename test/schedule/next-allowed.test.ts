import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, nextAllowedAt, scheduleAction } from '../../src/index.js';
import { action, action as baseAction, context, humanActor, past, visitAction } from '../support/fixtures.js';

const connected = (n: number, day = '2026-11-30') =>
  Array.from({ length: n }, (_, i) => past('voice', `${day}T${String(9 + i).padStart(2, '0')}:00:00+08:00`, 'connected'));

describe('nextAllowedAt', () => {
  it('an allowed action is allowed now', () => {
    expect(nextAllowedAt(context(), action())).toBe('2026-11-30T10:00:00+08:00');
  });

  it('a 23:00 call moves to 08:00 the next local day', () => {
    expect(nextAllowedAt(context(), action({ at: '2026-11-30T23:00:00+08:00' }))).toBe('2026-12-01T08:00:00+08:00');
    expect(nextAllowedAt(context(), action({ at: '2026-11-30T07:59:59+08:00' }))).toBe('2026-11-30T08:00:00+08:00');
    expect(nextAllowedAt(context(), action({ at: '2026-11-30T22:00:00+08:00' }))).toBe('2026-12-01T08:00:00+08:00');
  });

  it('answers in the debtor offset whatever the offset of the question', () => {
    expect(nextAllowedAt(context(), action({ at: '2026-11-30T15:00:00Z' }))).toBe('2026-12-01T08:00:00+08:00');
  });

  it('a fourth connected call moves to 08:00 the next day', () => {
    expect(nextAllowedAt(context({ history: connected(3) }), action({ at: '2026-11-30T15:00:00+08:00' }))).toBe('2026-12-01T08:00:00+08:00');
  });

  it('a second visit moves to the next day', () => {
    const visited = context({ history: [past('visit', '2026-11-30T09:00:00+08:00', 'completed')] });
    expect(nextAllowedAt(visited, visitAction({ at: '2026-11-30T15:00:00+08:00' }))).toBe('2026-12-01T08:00:00+08:00');
  });

  it('an agreed window 12:00–13:30 moves a 10:00 call to 12:00, and a 13:30 call to 12:00 the next day', () => {
    const agreed = context({ agreement: { ref: 'AGR-1', windows: [{ start: '12:00', end: '13:30' }] } });
    expect(nextAllowedAt(agreed, action({ at: '2026-11-30T10:00:00+08:00' }))).toBe('2026-11-30T12:00:00+08:00');
    expect(nextAllowedAt(agreed, action({ at: '2026-11-30T13:30:00+08:00' }))).toBe('2026-12-01T12:00:00+08:00');
  });

  it('weekday-limited and midnight-wrapping agreed windows', () => {
    // Weekdays only; 2026-12-04 is a Friday.
    const weekdays = context({ agreement: { ref: 'AGR-1', windows: [{ start: '19:00', end: '20:00', days: [1, 2, 3, 4, 5] }] } });
    expect(nextAllowedAt(weekdays, action({ at: '2026-12-04T20:30:00+08:00' }))).toBe('2026-12-07T19:00:00+08:00');
    // 23:00–01:00 starting Saturdays: Saturday 00:30 is the tail of Friday's (not allowed); next is Saturday 23:00.
    const wrap = context({ agreement: { ref: 'AGR-1', windows: [{ start: '23:00', end: '01:00', days: [6] }] } });
    expect(nextAllowedAt(wrap, action({ at: '2026-12-05T00:30:00+08:00' }))).toBe('2026-12-05T23:00:00+08:00');
    expect(nextAllowedAt(wrap, action({ at: '2026-12-06T00:30:00+08:00' }))).toBe('2026-12-06T00:30:00+08:00');
  });

  it('an agreement that starts next week', () => {
    const later = context({ agreement: { ref: 'AGR-1', windows: [{ start: '12:00', end: '13:00' }], validFrom: '2026-12-07T00:00:00+08:00' } });
    // Until then the default window governs: 23:00 moves to 08:00.
    expect(nextAllowedAt(later, action({ at: '2026-11-30T23:00:00+08:00' }))).toBe('2026-12-01T08:00:00+08:00');
  });

  it('an outsourcing agreement that starts next week', () => {
    const agencyActor = {
      ...action().actor,
      organization: { id: 'AG1', kind: 'agency' as const, outsourcingAgreement: { ref: 'OA-1', validFrom: '2026-12-07T09:30:00+08:00' }, lastEvaluatedAt: '2026-11-01T09:00:00+08:00' },
    };
    const r = scheduleAction(context(), action({ actor: agencyActor }));
    expect(r.at).toBe('2026-12-07T09:30:00+08:00');
    expect(checkAction(context(), action({ actor: agencyActor, at: r.at ?? '' })).outcome).toBe('allow');
  });

  it('settled debt, opted-out contact, flagged conduct: null, permanent, with the reasons', () => {
    const settled = scheduleAction(context({ debt: { id: 'L1', status: 'settled', settledAt: '2026-11-01T00:00:00+08:00' } }), action());
    expect(settled).toMatchObject({ at: null, permanent: true });
    expect(settled.reasons.map((r) => r.rule)).toEqual(['settled-debt']);
    expect(nextAllowedAt(context(), action({ conduct: ['threat'] }))).toBeNull();
    const optedOut = context({ debtor: { id: 'D1', reachable: false }, contacts: [{ partyId: 'C1', optedOutAt: '2026-11-01T00:00:00+08:00' }] });
    const toContact = action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor' });
    expect(scheduleAction(optedOut, toContact).reasons.map((r) => r.rule)).toEqual(['contact-opt-out']);
  });

  it('invalid input: null, permanent, invalid-input', () => {
    const r = scheduleAction(context(), { ...action(), at: '2026-11-30T10:00:00' });
    expect(r).toMatchObject({ at: null, permanent: true, horizonEnd: null });
    expect(r.reasons.map((v) => v.rule)).toEqual(['invalid-input']);
  });

  it('says so when nothing within the horizon works', () => {
    // An agreed cap of 0 calls a day: no day in the horizon allows a call.
    const never = context({ agreement: { ref: 'AGR-1', voiceDailyCap: 0 } });
    const r = scheduleAction(never, action(), { horizonDays: 3 });
    expect(r).toMatchObject({ at: null, permanent: false, horizonEnd: '2026-12-03T10:00:00+08:00' });
    expect(r.reasons.map((v) => `${v.rule}/${v.code}`)).toEqual(['voice-daily-cap/cap-reached']);
    expect(() => scheduleAction(never, action(), { horizonDays: 400 })).toThrow(RangeError);
  });

  it('a guard honours its overlay', () => {
    const guard = createGuard({ overlay: { windowStart: '09:00', voiceDailyCap: 2 } });
    expect(guard.nextAllowedAt(context(), action({ at: '2026-11-30T23:00:00+08:00' }))).toBe('2026-12-01T09:00:00+08:00');
    expect(guard.nextAllowedAt(context({ history: connected(2) }), action({ at: '2026-11-30T15:00:00+08:00' }))).toBe('2026-12-01T09:00:00+08:00');
    const r = guard.scheduleAction(context({ history: connected(2) }), action({ at: '2026-11-30T15:00:00+08:00' }), { horizonDays: 0 });
    expect(r.at).toBeNull();
    expect(r.reasons[0]?.source?.kind).toBe('overlay');
  });
});

describe('nextAllowedAt around clocks', () => {
  const ny = (overrides = {}) => context({ debtor: { id: 'D1', timeZone: 'America/New_York' }, ...overrides });
  // The fixture collector was assessed in June 2026; these cases run from March 2026.
  const early = humanActor({
    collector: { id: 'E1', violentCrimeRecord: false, seriousBadCredit: false, preJobTrainingPassedAt: '2025-06-01T09:00:00+08:00', lastTrainingAssessedAt: '2026-02-01T09:00:00+08:00', confidentialityPledgeSignedAt: '2025-06-01T09:00:00+08:00', standing: 'active' },
  });
  const action = (overrides: Parameters<typeof baseAction>[0] = {}) => baseAction({ actor: early, ...overrides });

  it('New York across the March DST change (2026-03-08, 02:00 EST → 03:00 EDT)', () => {
    // 22:30 EST on Saturday 7 March → 08:00 EDT on Sunday 8 March.
    expect(nextAllowedAt(ny(), action({ at: '2026-03-07T22:30:00-05:00' }))).toBe('2026-03-08T08:00:00-04:00');
    // Three calls on the 23-hour day; the next moves to 08:00 EDT on 9 March.
    const calls = ['2026-03-08T09:00:00-04:00', '2026-03-08T10:00:00-04:00', '2026-03-08T11:00:00-04:00'].map((at) => past('voice', at, 'connected'));
    expect(nextAllowedAt(ny({ history: calls }), action({ at: '2026-03-08T12:00:00-04:00' }))).toBe('2026-03-09T08:00:00-04:00');
  });

  it('New York across the November change (a 25-hour day)', () => {
    expect(nextAllowedAt(ny(), action({ at: '2026-10-31T23:00:00-04:00' }))).toBe('2026-11-01T08:00:00-05:00');
  });

  it('London and Sydney', () => {
    const london = context({ debtor: { id: 'D1', timeZone: 'Europe/London' } });
    expect(nextAllowedAt(london, action({ at: '2026-03-28T22:30:00Z' }))).toBe('2026-03-29T08:00:00+01:00');
    const sydney = context({ debtor: { id: 'D1', timeZone: 'Australia/Sydney' } });
    expect(nextAllowedAt(sydney, action({ at: '2026-04-04T22:30:00+11:00' }))).toBe('2026-04-05T08:00:00+10:00');
    expect(nextAllowedAt(sydney, action({ at: '2026-10-03T23:00:00+10:00' }))).toBe('2026-10-04T08:00:00+11:00');
  });

  it('zones with 30- and 45-minute offsets', () => {
    expect(nextAllowedAt(context({ debtor: { id: 'D1', timeZone: 'Asia/Kolkata' } }), action({ at: '2026-11-30T23:00:00+05:30' }))).toBe('2026-12-01T08:00:00+05:30');
    expect(nextAllowedAt(context({ debtor: { id: 'D1', timeZone: 'Asia/Kathmandu' } }), action({ at: '2026-11-30T05:00:00+05:45' }))).toBe('2026-11-30T08:00:00+05:45');
  });

  it('an agreed window inside the skipped hour does not exist that day', () => {
    // 02:00–02:45 every day in New York: on 8 March 2026 the clocks jump from 02:00 to 03:00.
    const agreed = ny({ agreement: { ref: 'AGR-1', windows: [{ start: '02:00', end: '02:45' }] } });
    expect(nextAllowedAt(agreed, action({ at: '2026-03-08T01:00:00-05:00' }))).toBe('2026-03-09T02:00:00-04:00');
    expect(nextAllowedAt(agreed, action({ at: '2026-03-07T01:00:00-05:00' }))).toBe('2026-03-07T02:00:00-05:00');
  });
});

describe('several candidate zones (debtor.timeZones)', () => {
  it('an action must be inside the window in every candidate zone', () => {
    const uncertain = context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai', timeZones: ['Asia/Dhaka', 'Asia/Tokyo'] } });
    // 08:30 Shanghai = 09:30 Tokyo but 06:30 in Dhaka (UTC+6): denied for Dhaka only.
    const d = checkAction(uncertain, action({ at: '2026-11-30T08:30:00+08:00' }));
    expect(d.violations.map((v) => [v.rule, v.facts.timeZone])).toEqual([['collection-hours', 'Asia/Dhaka']]);
    // The earliest instant inside the window everywhere: 08:00 in Dhaka = 10:00 in Shanghai.
    expect(nextAllowedAt(uncertain, action({ at: '2026-11-30T08:30:00+08:00' }))).toBe('2026-11-30T10:00:00+08:00');
    // And the evening ends at 22:00 in Tokyo = 21:00 in Shanghai.
    expect(checkAction(uncertain, action({ at: '2026-11-30T21:00:00+08:00' })).violations.map((v) => v.facts.timeZone)).toEqual(['Asia/Tokyo']);
  });

  it('a mainland candidate zone is Beijing time: Asia/Urumqi among the candidates adds no reading of its own (issue 14)', () => {
    const mainland = context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai', timeZones: ['Asia/Urumqi', 'PRC', 'Asia/Kashgar'] } });
    expect(checkAction(mainland, action({ at: '2026-11-30T08:30:00+08:00' })).outcome).toBe('allow');
    expect(nextAllowedAt(mainland, action({ at: '2026-11-30T07:30:00+08:00' }))).toBe('2026-11-30T08:00:00+08:00');
    const late = checkAction(mainland, action({ at: '2026-11-30T22:00:00+08:00' }));
    expect(late.violations.map((v) => [v.rule, v.facts.timeZone])).toEqual([['collection-hours', 'Asia/Shanghai']]);
  });

  it('daily caps count in the strictest reading', () => {
    // A debtor in Shanghai or in New York. Calls at 09:00, 10:00, 11:00 Shanghai on 30 Nov are on 29 Nov
    // in New York (20:00–22:00 EST), so under the New York reading, a call at 14:00 Shanghai on 1 Dec
    // (01:00 EST 1 Dec) finds 0 calls; under Shanghai's, 0 too. But a call at 12:00 Shanghai on 30 Nov finds 3.
    const uncertain = context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai', timeZones: ['America/New_York'] }, history: connected(3) });
    const d = checkAction(uncertain, action({ at: '2026-11-30T12:00:00+08:00' }));
    expect(d.violations.map((v) => v.rule)).toContain('voice-daily-cap');
    // Three calls spread over New York's 29 and 30 Nov but all on Shanghai's 30 Nov: the max (3) counts.
    const spread = context({
      debtor: { id: 'D1', timeZone: 'America/New_York', timeZones: ['Asia/Shanghai'] },
      history: ['2026-11-30T09:00:00+08:00', '2026-11-30T13:30:00+08:00', '2026-11-30T14:00:00+08:00'].map((at) => past('voice', at, 'connected')),
    });
    expect(checkAction(spread, action({ at: '2026-11-30T21:00:00+08:00' })).violations.map((v) => `${v.rule}:${v.facts.count ?? ''}`)).toEqual(['voice-daily-cap:3']);
  });
});
