/**
 * The facts the rules read (src/core/facts.ts, src/core/caps.ts, src/core/windows.ts), at their edges: which history
 * entries count, in whose day, in any order; whose record a target is; the agreed cap under a tightened
 * profile; windows that wrap midnight on named days. Written from mutation testing (docs/testing.md).
 */
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, type ContextInput, type Decision } from '../src/index.js';
import { voiceCap } from '../src/core/caps.js';
import { nationalLimits } from '../src/profiles/compile.js';
import { inWindow } from '../src/core/windows.js';
import { action, context, past, visitAction } from './support/fixtures.js';
import { toContact, toGuarantor, unreachableDebtorCase } from './support/who.js';

const codes = (d: Decision, rule: string) => d.violations.filter((v) => v.rule === rule).map((v) => v.code);
type Entry = NonNullable<ContextInput['history']>[number];

describe('which history entries count toward the debtor’s caps', () => {
  const calls = (...entries: Entry[]) => checkAction(context({ history: entries }), action({ at: '2026-11-30T15:00:00+08:00' }));

  it('connected calls to the debtor, with or without their id, count; calls to anyone else do not', () => {
    const toDebtor = [past('voice', '2026-11-30T09:00:00+08:00', 'connected'), past('voice', '2026-11-30T10:00:00+08:00', 'completed', 'debtor', 'D1')];
    expect(codes(calls(...toDebtor, past('voice', '2026-11-30T11:00:00+08:00', 'connected')), 'voice-daily-cap')).toEqual(['cap-reached']);
    expect(codes(calls(...toDebtor, past('voice', '2026-11-30T11:00:00+08:00', 'connected', 'contact', 'C1')), 'voice-daily-cap')).toEqual([]);
    expect(codes(calls(...toDebtor, past('voice', '2026-11-30T11:00:00+08:00', 'connected', 'guarantor', 'G1')), 'voice-daily-cap')).toEqual([]);
    // Marked "debtor" but another party: not this case's debtor.
    expect(codes(calls(...toDebtor, past('voice', '2026-11-30T11:00:00+08:00', 'connected', 'debtor', 'D2')), 'voice-daily-cap')).toEqual([]);
    // Someone else without an id, or a contact who happens to carry the debtor's id: not the debtor either.
    expect(codes(calls(...toDebtor, past('voice', '2026-11-30T11:00:00+08:00', 'connected', 'third_party')), 'voice-daily-cap')).toEqual([]);
    expect(codes(calls(...toDebtor, past('voice', '2026-11-30T11:00:00+08:00', 'connected', 'contact', 'D1')), 'voice-daily-cap')).toEqual([]);
  });

  it('a case without any history key counts nothing and allows', () => {
    const { history: _none, ...noHistory } = context();
    expect(checkAction(noHistory, action())).toMatchObject({ outcome: 'allow', violations: [] });
  });

  it('counts the same in any order of the history', () => {
    const inDay = (h: number) => past('voice', `2026-11-30T${String(h).padStart(2, '0')}:00:00+08:00`, 'connected');
    const before = past('voice', '2026-11-29T12:00:00+08:00', 'connected');
    // In time order and out of it: three connected calls that day deny the fourth.
    expect(codes(calls(before, inDay(9), inDay(10), inDay(11)), 'voice-daily-cap')).toEqual(['cap-reached']);
    expect(codes(calls(inDay(9), before, inDay(10), inDay(11)), 'voice-daily-cap')).toEqual(['cap-reached']);
    const visit = (at: string) => past('visit', at, 'completed');
    const visits = [visit('2026-11-30T09:00:00+08:00'), visit('2026-11-28T09:00:00+08:00'), visit('2026-12-02T09:00:00+08:00')];
    expect(codes(checkAction(context({ history: visits }), visitAction({ at: '2026-11-30T15:00:00+08:00' })), 'visit-daily-cap')).toEqual(['cap-reached']);
  });
});

describe("unanswered attempts per number of the debtor (cba-2026: 6 a day)", () => {
  const attempt = (at: string, channel = 'voice', outcome = 'not_connected'): Entry => ({ ...past(channel, at, outcome), phoneRef: 'P1' });
  const withHistory = (history: Entry[], debtor: Record<string, unknown> = {}) => context({ debtor: { id: 'D1', ...debtor }, history });
  const six = (day: string, channel?: string, outcome?: string) => [9, 10, 11, 12, 13, 14].map((h) => attempt(`${day}T${String(h).padStart(2, '0')}:00:00+08:00`, channel, outcome));
  const call = action({ phoneRef: 'P1', at: '2026-11-30T15:00:00+08:00' });

  it('counts voice attempts toward the debtor that were not answered, on the number of the action', () => {
    expect(codes(checkAction(withHistory(six('2026-11-30')), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual(['cap-reached']);
    expect(codes(checkAction(withHistory(six('2026-11-30', 'voice', 'failed')), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual(['cap-reached']);
    // Failed text messages are no call attempts; connected calls are no unanswered ones; another number is another count.
    expect(codes(checkAction(withHistory(six('2026-11-30', 'sms', 'failed')), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual([]);
    expect(codes(checkAction(withHistory(six('2026-11-30', 'voice', 'connected').slice(0, 2)), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual([]);
    expect(codes(checkAction(withHistory(six('2026-11-30')), { ...call, phoneRef: 'P2' }, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual([]);
  });

  it("issue 14: the cap is on the debtor's own contact methods: attempts toward a contact neither count nor are capped", () => {
    const toContactNumber = six('2026-11-30').map((e) => ({ ...e, target: { role: 'contact' as const, partyId: 'C1' } }));
    expect(codes(checkAction(withHistory(toContactNumber), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual([]);
    const contactCall = checkAction({ ...unreachableDebtorCase(), history: six('2026-11-30') }, toContact({ phoneRef: 'P1', at: '2026-11-30T15:00:00+08:00' }), { profile: 'cba-2026' });
    expect(contactCall.evaluated).not.toContain('unanswered-attempts-cap');
  });

  it('issue 14: an agreement may lower the cap ("unless agreed otherwise"), never raise it', () => {
    const agreed = (cap: number, n: number) => checkAction(context({ agreement: { ref: 'AGR-1', unansweredAttemptsDailyCap: cap }, history: six('2026-11-30').slice(0, n) }), call, { profile: 'cba-2026' });
    expect(codes(agreed(3, 2), 'unanswered-attempts-cap')).toEqual([]);
    expect(agreed(3, 3).violations.find((v) => v.rule === 'unanswered-attempts-cap')?.facts).toMatchObject({ count: 3, cap: 3, capSource: 'agreement' });
    expect(agreed(10, 6).violations.find((v) => v.rule === 'unanswered-attempts-cap')?.facts).toMatchObject({ count: 6, cap: 6, capSource: 'profile' });
  });

  it('in any order of the history', () => {
    const day = six('2026-11-30');
    const history = [day[0] as Entry, attempt('2026-11-29T12:00:00+08:00'), ...day.slice(1)];
    expect(codes(checkAction(withHistory(history), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual(['cap-reached']);
  });

  it("in the debtor's local day", () => {
    // 10:00 on 30 November in New York is 23:00 in Shanghai; the attempts are later that New York day,
    // already 1 December in Shanghai.
    const history = [0, 1, 2, 3, 4, 5].map((i) => attempt(`2026-11-30T16:${String(10 * i).padStart(2, '0')}:00Z`));
    const nyCall = action({ phoneRef: 'P1', at: '2026-11-30T10:00:00-05:00' });
    const d = checkAction(withHistory(history, { timeZone: 'America/New_York' }), nyCall, { profile: 'cba-2026' });
    expect(d.violations.filter((v) => v.rule === 'unanswered-attempts-cap').map((v) => v.facts)).toEqual([{ count: 6, cap: 6, capSource: 'profile', localDate: '2026-11-30', timeZone: 'America/New_York' }]);
    // In Shanghai's day of the call those attempts are the next day: a debtor in Shanghai called then is not capped.
    expect(codes(checkAction(withHistory(history), { ...nyCall, at: '2026-11-30T10:00:00-05:00' }, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual([]);
  });
});

describe('whose record a target is', () => {
  it("a guarantor who is also listed as a contact is approached as a guarantor, in the guarantor's zone", () => {
    const both: ContextInput = { ...context(), contacts: [{ partyId: 'G1', timeZone: 'America/New_York', optedOutAt: '2026-01-01T00:00:00Z' }] };
    // 21:30 in Shanghai is 08:30 in New York: allowed in New York, denied in Shanghai (the guarantor has no zone of its own).
    const d = checkAction(both, toGuarantor({ at: '2026-11-30T22:30:00+08:00' }));
    expect(codes(d, 'collection-hours')).toEqual(['outside-default-window']);
    expect(d.violations.map((v) => v.facts.timeZone).filter(Boolean)).toEqual(['Asia/Shanghai']);
    expect(d.evaluated).not.toContain('contact-opt-out');
  });

  it('a contact who is also a guarantor is approached as a contact, in the contact’s zone', () => {
    const both: ContextInput = { ...unreachableDebtorCase({ timeZone: 'America/New_York' }), guarantors: [{ partyId: 'C1', coversDebt: true, timeZone: 'Asia/Shanghai' }] };
    const d = checkAction(both, toContact({ at: '2026-11-30T22:30:00+08:00' }));
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).not.toContain('guarantor-scope');
    // Without a zone of its own the contact is read in the debtor's zone, not in the guarantor record's.
    const noZone: ContextInput = { ...unreachableDebtorCase(), guarantors: [{ partyId: 'C1', coversDebt: true, timeZone: 'America/New_York' }] };
    expect(codes(checkAction(noZone, toContact({ at: '2026-11-30T22:30:00+08:00' })), 'collection-hours')).toEqual(['outside-default-window']);
  });

  it('a contact or guarantor target in a case with no such list at all is unregistered, not an error', () => {
    const { contacts: _c, guarantors: _g, ...bare } = context();
    expect(checkAction(bare, toGuarantor()).violations.map((v) => `${v.rule}/${v.code}`)).toEqual(['debtor-only/unregistered-guarantor']);
    const lost = { ...bare, debtor: { id: 'D1', reachable: false } };
    expect(checkAction(lost, toContact()).violations.map((v) => `${v.rule}/${v.code}`)).toEqual(['debtor-only/unregistered-contact']);
  });
});

describe('the voice cap with an agreement (src/core/caps.ts)', () => {
  it('an agreed cap only lowers the cap (issue 14): a tightened profile cap still binds, a higher agreed cap never raises it', () => {
    expect(voiceCap(null, nationalLimits)).toMatchObject({ cap: 3, source: 'profile', reason: 'profile' });
    expect(voiceCap(5, nationalLimits)).toMatchObject({ cap: 3, source: 'profile', reason: 'agreement-not-higher', agreedCap: 5, profileCap: 3 });
    expect(voiceCap(100, nationalLimits)).toMatchObject({ cap: 3, reason: 'agreement-not-higher' });
    expect(voiceCap(3, nationalLimits)).toMatchObject({ cap: 3, reason: 'agreement-not-higher' });
    expect(voiceCap(2, nationalLimits)).toMatchObject({ cap: 2, source: 'agreement', reason: 'agreement-lower' });
    expect(voiceCap(0, nationalLimits)).toMatchObject({ cap: 0, source: 'agreement', reason: 'agreement-lower' });
    const strict = createGuard({ overlay: { voiceDailyCap: 2 } });
    const calls = [9, 10].map((h) => past('voice', `2026-11-30T${String(h).padStart(2, '0')}:00:00+08:00`, 'connected'));
    const agreed = context({ agreement: { ref: 'AGR-1', voiceDailyCap: 5 }, history: calls });
    const d = strict.checkSync(agreed, action({ at: '2026-11-30T15:00:00+08:00' }));
    expect(d.violations.filter((v) => v.rule === 'voice-daily-cap').map((v) => [v.facts.cap, v.facts.capSource, v.facts.capReason])).toEqual([[2, 'profile', 'agreement-not-higher']]);
    expect(strict.quota(agreed, '2026-11-30T15:00:00+08:00').quota?.voice).toEqual({ used: 2, cap: 2, left: 0, capSource: 'profile', capReason: 'agreement-not-higher', profileCap: 2, agreedCap: 5 });
    // An agreed cap below the tightened one stays the agreement's.
    expect(strict.quota(context({ agreement: { ref: 'AGR-1', voiceDailyCap: 1 } }), '2026-11-30T15:00:00+08:00').quota?.voice).toEqual({
      used: 0, cap: 1, left: 1, capSource: 'agreement', capReason: 'agreement-lower', profileCap: 2, agreedCap: 1,
    });
  });

  it('a custom profile may opt in to agreement-raised caps, never above its ceiling', () => {
    const raising = { ...nationalLimits, agreementVoiceCapCeiling: 5 };
    expect(voiceCap(4, raising)).toMatchObject({ cap: 4, source: 'agreement', reason: 'agreement-raised' });
    expect(voiceCap(5, raising)).toMatchObject({ cap: 5, source: 'agreement', reason: 'agreement-raised' });
    expect(voiceCap(6, raising)).toMatchObject({ cap: 5, source: 'profile', reason: 'agreement-raised-to-ceiling' });
    expect(voiceCap(2, raising)).toMatchObject({ cap: 2, reason: 'agreement-lower' });
    expect(voiceCap(null, raising)).toMatchObject({ cap: 3, reason: 'profile' });
    // A ceiling at or below the profile's own cap raises nothing.
    expect(voiceCap(5, { ...nationalLimits, agreementVoiceCapCeiling: 3 })).toMatchObject({ cap: 3, reason: 'agreement-not-higher' });
    expect(voiceCap(5, { ...nationalLimits, agreementVoiceCapCeiling: 1 })).toMatchObject({ cap: 3, reason: 'agreement-not-higher' });
  });
});

describe('windows that wrap midnight (src/core/windows.ts)', () => {
  const sundayNight = { startMinute: 22 * 60, endMinute: 2 * 60, days: [7] };
  it("belong to the weekday they start on: Sunday 22:00–02:00 covers Monday 01:00, not Sunday 01:00", () => {
    expect(inWindow(sundayNight, 1, 60)).toBe(true);
    expect(inWindow(sundayNight, 7, 60)).toBe(false);
    expect(inWindow(sundayNight, 7, 23 * 60)).toBe(true);
    expect(inWindow({ startMinute: 22 * 60, endMinute: 2 * 60, days: [1] }, 2, 60)).toBe(true);
    expect(inWindow({ startMinute: 22 * 60, endMinute: 2 * 60, days: [1] }, 1, 60)).toBe(false);
  });

  it('through checkAction: an agreed Sunday-night window allows a call at 01:00 on Monday', () => {
    const agreed = context({ agreement: { ref: 'AGR-1', windows: [{ start: '22:00', end: '02:00', days: [7] }] } });
    expect(checkAction(agreed, action({ at: '2026-11-30T01:00:00+08:00' })).outcome).toBe('allow'); // a Monday
    expect(codes(checkAction(agreed, action({ at: '2026-11-29T01:00:00+08:00' })), 'agreed-hours')).toEqual(['outside-agreed-window']); // a Sunday
  });
});
