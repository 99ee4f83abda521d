import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, CBA_GUIDELINE } from '../../src/index.js';
import { action, codesOf, context, past } from '../support/fixtures.js';

const attempts = (n: number, phoneRef = 'P1', outcome = 'not_connected', day = '2026-11-30') =>
  Array.from({ length: n }, (_, i) => ({ ...past('voice', `${day}T${String(8 + i).padStart(2, '0')}:15:00+08:00`, outcome), phoneRef }));
const call = action({ phoneRef: 'P1' });

describe('unanswered-attempts-cap (cba-2026)', () => {
  it('does not apply under the national profile', () => {
    const d = checkAction(context({ history: attempts(10) }), call);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).not.toContain('unanswered-attempts-cap');
  });

  it('allows the sixth attempt and denies the seventh on one number', () => {
    expect(checkAction(context({ history: attempts(5) }), call, { profile: 'cba-2026' }).outcome).toBe('allow');
    const d = checkAction(context({ history: attempts(6) }), call, { profile: 'cba-2026' });
    expect(d.outcome).toBe('deny');
    expect(d.violations).toEqual([
      expect.objectContaining({ rule: 'unanswered-attempts-cap', code: 'cap-reached', clause: expect.objectContaining({ standard: CBA_GUIDELINE }), facts: expect.objectContaining({ count: 6, cap: 6 }) }),
    ]);
  });

  it('counts failed attempts too, but not connected calls, other numbers or other days', () => {
    const history = [...attempts(3), ...attempts(3, 'P1', 'failed'), ...attempts(2, 'P2'), ...attempts(4, 'P1', 'not_connected', '2026-11-29')];
    expect(codesOf(checkAction(context({ history }), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual(['cap-reached']);
    const fewer = [...attempts(5), ...attempts(2, 'P1', 'connected').map((h) => ({ ...h, at: h.at.replace('T08', 'T20').replace('T09', 'T21') })), ...attempts(6, 'P2')];
    expect(codesOf(checkAction(context({ history: fewer }), call, { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual([]);
  });

  it('denies a voice action without phoneRef under the preset; other channels are not concerned', () => {
    expect(codesOf(checkAction(context(), action(), { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual(['phone-ref-missing']);
    expect(checkAction(context({ history: attempts(8) }), action({ channel: 'sms', phoneRef: 'P1' }), { profile: 'cba-2026' }).outcome).toBe('allow');
  });

  it('marks its findings as the preset profile, building on GB/T 45251 5.3', () => {
    const d = createGuard({ profile: 'cba-2026' }).checkSync(context({ history: attempts(6) }), call);
    expect(d.violations[0]?.source).toEqual({
      kind: 'profile',
      profile: 'cba-2026',
      limits: { unansweredAttemptsPerNumberDailyCap: { value: 6, national: null } },
      basis: expect.objectContaining({ standard: 'GB/T 45251—2025', clause: '5.3' }),
    });
  });

  it('an overlay can tighten it further but not loosen it', () => {
    const guard = createGuard({ profile: 'cba-2026', overlay: { unansweredAttemptsPerNumberDailyCap: 4 } });
    expect(guard.checkSync(context({ history: attempts(4) }), call).violations[0]?.source?.kind).toBe('overlay');
    expect(() => createGuard({ profile: 'cba-2026', overlay: { unansweredAttemptsPerNumberDailyCap: 8 } })).toThrow(/looser than the base profile's 6/);
    expect(() => createGuard({ profile: 'cba-2026', overlay: { unansweredAttemptsPerNumberDailyCap: null } })).toThrow(/looser/);
  });
});
