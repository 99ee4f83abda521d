/**
 * What governs at an instant, at its edges, asked of quota, the schedule search and checkAction alike: an
 * agreement starting or ending at the very instant, and a window whose wall-clock hour occurs twice or never
 * on the day the clocks change (issue 13, item 2).
 */
import { describe, expect, it } from 'vitest';
import { checkAction, quota, scheduleAction } from '../../src/index.js';
import { action, codesOf, context, past } from '../support/fixtures.js';

const reminder = (at: string) => action({ at, purpose: 'reminder' });
const hourCodes = (ctx: ReturnType<typeof context>, at: string) => [...codesOf(checkAction(ctx, reminder(at)), 'collection-hours'), ...codesOf(checkAction(ctx, reminder(at)), 'agreed-hours')];

describe('the agreement in force, at its bounds (both inclusive)', () => {
  const agreed = (bounds: { validFrom?: string; validUntil?: string }) =>
    context({ agreement: { ref: 'AGR-1', windows: [{ start: '12:00', end: '13:00' }], voiceDailyCap: 1, ...bounds }, history: [past('voice', '2026-11-30T09:00:00+08:00', 'connected')] });

  it('on its last instant the agreement governs for quota and for the rules; a millisecond later neither', () => {
    const ctx = agreed({ validUntil: '2026-11-30T15:00:00+08:00' });
    expect(quota(ctx, '2026-11-30T15:00:00+08:00').quota).toMatchObject({ window: { source: 'agreement', open: false }, voice: { cap: 1, left: 0, capSource: 'agreement' } });
    expect(hourCodes(ctx, '2026-11-30T15:00:00+08:00')).toEqual(['outside-agreed-window']);
    expect(codesOf(checkAction(ctx, reminder('2026-11-30T15:00:00+08:00')), 'voice-daily-cap')).toEqual(['cap-reached']);

    expect(quota(ctx, '2026-11-30T15:00:00.001+08:00').quota).toMatchObject({ window: { source: 'default', open: true }, voice: { cap: 3, left: 2, capSource: 'profile' } });
    expect(checkAction(ctx, reminder('2026-11-30T15:00:00.001+08:00'))).toMatchObject({ outcome: 'allow' });
  });

  it('from its first instant on, and not a millisecond before', () => {
    const ctx = agreed({ validFrom: '2026-11-30T15:00:00+08:00' });
    expect(quota(ctx, '2026-11-30T14:59:59.999+08:00').quota?.window).toEqual({ source: 'default', open: true, opensAt: null, closesAt: '2026-11-30T15:00:00+08:00' });
    expect(checkAction(ctx, reminder('2026-11-30T14:59:59.999+08:00')).outcome).toBe('allow');
    expect(hourCodes(ctx, '2026-11-30T15:00:00+08:00')).toEqual(['outside-agreed-window']);
    // The search waits for the next agreed window, as quota says it opens.
    expect(quota(ctx, '2026-11-30T15:00:00+08:00').quota?.window.opensAt).toBe('2026-12-01T12:00:00+08:00');
    expect(scheduleAction(ctx, { ...reminder('2026-11-30T15:00:00+08:00'), channel: 'sms' }).at).toBe('2026-12-01T12:00:00+08:00');
  });

  it('an agreement toward the debtor does not govern an action toward a contact: the default window does', () => {
    const ctx = agreed({});
    const toContact = action({ at: '2026-11-30T15:00:00+08:00', target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor' });
    const d = checkAction({ ...ctx, debtor: { id: 'D1', reachable: false } }, toContact);
    expect(d.evaluated).toContain('collection-hours');
    expect(d.evaluated).not.toContain('agreed-hours');
    expect(d.outcome).toBe('allow');
  });
});

describe('a window on the day the clocks change', () => {
  // Europe/London, 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:00–01:59 happens twice.
  const london = context({ debtor: { id: 'D1', timeZone: 'Europe/London' }, agreement: { ref: 'AGR-1', windows: [{ start: '01:00', end: '01:30' }] } });

  it('an agreed hour that occurs twice opens twice, for the rules, quota and the search', () => {
    // 01:10 BST: open; it closes at 01:30 BST …
    expect(quota(london, '2026-10-25T00:10:00Z').quota?.window).toEqual({ source: 'agreement', open: true, opensAt: null, closesAt: '2026-10-25T01:30:00+01:00' });
    // … and opens again at 01:00 GMT, an hour later, where checkAction allows.
    expect(quota(london, '2026-10-25T00:45:00Z').quota?.window).toEqual({ source: 'agreement', open: false, opensAt: '2026-10-25T01:00:00+00:00', closesAt: null });
    expect(checkAction(london, reminder('2026-10-25T01:00:00Z')).outcome).toBe('allow');
    expect(hourCodes(london, '2026-10-25T00:59:59.999Z')).toEqual(['outside-agreed-window']);
    expect(scheduleAction(london, reminder('2026-10-25T00:45:00Z'))).toMatchObject({ status: 'allowed', at: '2026-10-25T01:00:00+00:00' });
    expect(quota(london, '2026-10-25T01:10:00Z').quota?.window.closesAt).toBe('2026-10-25T01:30:00+00:00');
  });

  it('an agreed hour that never occurs (clocks going forward) does not open that day', () => {
    // Australia/Sydney, 4 October 2026: 02:00 AEST becomes 03:00 AEDT; 02:15–02:45 is skipped.
    const sydney = context({ debtor: { id: 'D1', timeZone: 'Australia/Sydney' }, agreement: { ref: 'AGR-1', windows: [{ start: '02:15', end: '02:45' }] } });
    const from = '2026-10-03T15:30:00Z'; // 01:30 AEST
    expect(scheduleAction(sydney, reminder(from))).toMatchObject({ status: 'allowed', at: '2026-10-05T02:15:00+11:00' });
    expect(quota(sydney, from).quota?.window.opensAt).toBe('2026-10-05T02:15:00+11:00');
    // Across the gap the rules deny throughout: 01:59 AEST and 03:00 AEDT are one minute apart.
    expect(hourCodes(sydney, '2026-10-03T15:59:00Z')).toEqual(['outside-agreed-window']);
    expect(hourCodes(sydney, '2026-10-03T16:00:00Z')).toEqual(['outside-agreed-window']);
  });
});
