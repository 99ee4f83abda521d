import { describe, expect, it } from 'vitest';
import { createGuard, quota } from '../../src/index.js';
import { context, past } from '../support/fixtures.js';

const calls = (n: number, outcome = 'connected') =>
  Array.from({ length: n }, (_, i) => ({ ...past('voice', `2026-11-30T${String(9 + i).padStart(2, '0')}:00:00+08:00`, outcome), phoneRef: 'P1' }));

describe('quota', () => {
  it('counts connected calls and visits of the local day, and the default window', () => {
    const q = quota(context({ history: [...calls(2), past('visit', '2026-11-30T09:30:00+08:00', 'completed')] }), '2026-11-30T15:00:00+08:00');
    expect(q).toEqual({
      ok: true,
      issues: [],
      quota: {
        localDate: '2026-11-30',
        timeZone: 'Asia/Shanghai',
        voice: { used: 2, cap: 3, left: 1, capSource: 'profile', capReason: 'profile', profileCap: 3, agreedCap: null },
        visits: { used: 1, cap: 1, left: 0 },
        window: { source: 'default', open: true, opensAt: null, closesAt: '2026-11-30T22:00:00+08:00' },
        unansweredByNumber: null,
      },
    });
  });

  it('before the window opens, and at its edges', () => {
    expect(quota(context(), '2026-11-30T07:59:59+08:00').quota?.window).toEqual({ source: 'default', open: false, opensAt: '2026-11-30T08:00:00+08:00', closesAt: null });
    expect(quota(context(), '2026-11-30T08:00:00+08:00').quota?.window.open).toBe(true);
    expect(quota(context(), '2026-11-30T22:00:00+08:00').quota?.window).toEqual({ source: 'default', open: false, opensAt: '2026-12-01T08:00:00+08:00', closesAt: null });
  });

  it('uses agreed windows and an agreed cap', () => {
    const agreed = context({ agreement: { ref: 'AGR-1', windows: [{ start: '12:00', end: '13:30' }], voiceDailyCap: 1 }, history: calls(1) });
    expect(quota(agreed, '2026-11-30T10:00:00+08:00').quota).toMatchObject({
      voice: { used: 1, cap: 1, left: 0, capSource: 'agreement', capReason: 'agreement-lower', profileCap: 3, agreedCap: 1 },
      window: { source: 'agreement', open: false, opensAt: '2026-11-30T12:00:00+08:00', closesAt: null },
    });
    expect(quota(agreed, '2026-11-30T12:30:00+08:00').quota?.window.closesAt).toBe('2026-11-30T13:30:00+08:00');
  });

  it('a new local day resets the counts', () => {
    expect(quota(context({ history: calls(3) }), '2026-12-01T00:00:00+08:00').quota?.voice).toMatchObject({ used: 0, left: 3 });
  });

  it('attempts left per number under cba-2026', () => {
    const q = quota(context({ history: [...calls(4, 'not_connected'), { ...past('voice', '2026-11-30T08:30:00+08:00', 'failed'), phoneRef: 'P2' }] }), '2026-11-30T15:00:00+08:00', { profile: 'cba-2026' });
    expect(q.quota?.unansweredByNumber).toEqual({ P1: { used: 4, cap: 6, left: 2 }, P2: { used: 1, cap: 6, left: 5 } });
  });

  it('a guard applies its overlay', () => {
    const q = createGuard({ overlay: { voiceDailyCap: 2, windowEnd: '21:00' } }).quota(context({ history: calls(2) }), '2026-11-30T15:00:00+08:00');
    expect(q.quota).toMatchObject({ voice: { used: 2, cap: 2, left: 0 }, window: { closesAt: '2026-11-30T21:00:00+08:00' } });
  });

  it('invalid input names the fields', () => {
    const q = quota({ debtor: { id: 'D1' } }, '2026-11-30T15:00:00');
    expect(q.ok).toBe(false);
    expect(q.quota).toBeNull();
    expect(q.issues.map((i) => i.path)).toEqual(['context.debt', 'at']);
  });
});
