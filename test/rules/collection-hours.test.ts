import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { action, codesOf, context } from '../support/fixtures.js';

const at = (local: string, zone = '+08:00') => action({ at: `2026-11-30T${local}${zone}` });

describe('collection-hours', () => {
  it.each([
    ['08:00:00', true],
    ['07:59:59', false],
    ['21:59:59', true],
    ['22:00:00', false],
    ['00:00:00', false],
    ['23:59:59', false],
    ['12:00:00', true],
  ])('Shanghai %s allowed=%s', (local, allowed) => {
    const d = checkAction(context(), at(local));
    expect(codesOf(d, 'collection-hours')).toEqual(allowed ? [] : ['outside-default-window']);
    expect(d.outcome).toBe(allowed ? 'allow' : 'deny');
    expect(d.evaluated).toContain('collection-hours');
  });

  it('applies to every channel', () => {
    for (const channel of ['voice', 'sms', 'im', 'email', 'letter'] as const) {
      expect(codesOf(checkAction(context(), action({ channel, at: '2026-11-30T23:00:00+08:00' })), 'collection-hours')).toEqual(['outside-default-window']);
    }
  });

  it("uses the debtor's zone, not the instant's offset", () => {
    // 10:00 in Shanghai is 02:00 in London (winter): denied for a debtor living in London.
    const london = context({ debtor: { id: 'D1', timeZone: 'Europe/London' } });
    const d = checkAction(london, at('10:00:00'));
    expect(codesOf(d, 'collection-hours')).toEqual(['outside-default-window']);
    expect(d.violations[0]?.facts).toMatchObject({ localTime: '02:00', timeZone: 'Europe/London' });
    // 21:59 in London is 05:59 next day in Shanghai: allowed for the London debtor.
    expect(checkAction(london, action({ at: '2026-11-30T21:59:59Z' })).outcome).toBe('allow');
    expect(codesOf(checkAction(london, action({ at: '2026-11-30T22:00:00Z' })), 'collection-hours')).toEqual(['outside-default-window']);
  });

  it("uses a contact's own zone for the contact", () => {
    const ctx = context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false }, contacts: [{ partyId: 'C1', timeZone: 'America/New_York' }] });
    const toContact = action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor', at: '2026-11-30T10:00:00+08:00' });
    // 10:00 Shanghai = 21:00 New York (EST): allowed; 11:00 Shanghai = 22:00 New York: denied.
    expect(codesOf(checkAction(ctx, toContact), 'collection-hours')).toEqual([]);
    expect(codesOf(checkAction(ctx, { ...toContact, at: '2026-11-30T11:00:00+08:00' }), 'collection-hours')).toEqual(['outside-default-window']);
  });

  it('reports the local time and window as facts', () => {
    const d = checkAction(context(), at('23:00:00'));
    expect(d.violations[0]).toMatchObject({
      rule: 'collection-hours',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3' },
      facts: { localTime: '23:00', timeZone: 'Asia/Shanghai', windowStart: '08:00', windowEnd: '22:00' },
    });
    expect(d.violations[0]?.message.zh).toContain('23:00');
    expect(d.violations[0]?.message.en).toContain('23:00');
  });

  it('does not apply toward the debtor while agreed windows are in force', () => {
    const ctx = context({ agreement: { ref: 'AGR-1', windows: [{ start: '22:30', end: '23:30' }] } });
    const d = checkAction(ctx, at('23:00:00'));
    expect(d.evaluated).not.toContain('collection-hours');
    expect(d.outcome).toBe('allow');
  });

  it('still applies when the agreement has no windows', () => {
    const ctx = context({ agreement: { ref: 'AGR-1', voiceDailyCap: 2 } });
    expect(codesOf(checkAction(ctx, at('23:00:00')), 'collection-hours')).toEqual(['outside-default-window']);
  });
});
