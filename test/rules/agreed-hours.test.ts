import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import type { ContextInput } from '../../src/index.js';
import { action, codesOf, context } from '../support/fixtures.js';

type Windows = NonNullable<NonNullable<ContextInput['agreement']>['windows']>;

const agreed = (windows: Windows, extra: Partial<NonNullable<ContextInput['agreement']>> = {}) =>
  context({ agreement: { ref: 'AGR-1', windows, ...extra } });

// 2026-11-30 is a Monday; 2026-12-04 a Friday; 2026-12-05 a Saturday.
const shanghai = (date: string, local: string) => action({ at: `${date}T${local}+08:00` });

describe('agreed-hours', () => {
  describe('a lunchtime window 12:00–13:30, every day', () => {
    const lunch = agreed([{ start: '12:00', end: '13:30' }]);

    it.each([
      ['10:00:00', false],
      ['11:59:59', false],
      ['12:00:00', true],
      ['13:29:59', true],
      ['13:30:00', false],
      ['16:00:00', false],
      ['23:00:00', false],
    ])('Monday %s allowed=%s', (local, allowed) => {
      const d = checkAction(lunch, shanghai('2026-11-30', local));
      expect(codesOf(d, 'agreed-hours')).toEqual(allowed ? [] : ['outside-agreed-window']);
      expect(d.outcome).toBe(allowed ? 'allow' : 'deny');
      expect(d.evaluated).toContain('agreed-hours');
      // The agreed windows replace the default window toward the debtor.
      expect(d.evaluated).not.toContain('collection-hours');
    });

    it('denies in daytime outside the window and reports the local reading and the windows', () => {
      const d = checkAction(lunch, shanghai('2026-11-30', '10:00:00'));
      expect(d.violations).toHaveLength(1);
      expect(d.violations[0]).toMatchObject({
        rule: 'agreed-hours',
        clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '与债务人约定的催收时间' },
        code: 'outside-agreed-window',
        facts: { localTime: '10:00', localDate: '2026-11-30', weekday: 1, timeZone: 'Asia/Shanghai', windows: ['12:00–13:30'] },
      });
      expect(d.violations[0]?.message.zh).toContain('10:00');
      expect(d.violations[0]?.message.en).toContain('12:00–13:30');
    });

    it('applies to every channel toward the debtor', () => {
      for (const channel of ['voice', 'sms', 'im', 'email', 'letter'] as const) {
        const d = checkAction(lunch, action({ channel, at: '2026-11-30T10:00:00+08:00' }));
        expect(codesOf(d, 'agreed-hours')).toEqual(['outside-agreed-window']);
      }
    });

    it('is met by any one of several windows', () => {
      const two = agreed([{ start: '12:00', end: '13:30' }, { start: '18:00', end: '19:00' }]);
      expect(checkAction(two, shanghai('2026-11-30', '18:30:00')).outcome).toBe('allow');
      expect(checkAction(two, shanghai('2026-11-30', '12:30:00')).outcome).toBe('allow');
      expect(codesOf(checkAction(two, shanghai('2026-11-30', '15:00:00')), 'agreed-hours')).toEqual(['outside-agreed-window']);
    });
  });

  describe('a window that wraps midnight, 22:00–02:00', () => {
    const night = agreed([{ start: '22:00', end: '02:00' }]);

    it.each([
      ['21:59:59', false],
      ['22:00:00', true],
      ['23:00:00', true],
      ['00:00:00', true],
      ['01:59:59', true],
      ['02:00:00', false],
      ['10:00:00', false],
    ])('%s allowed=%s', (local, allowed) => {
      const d = checkAction(night, shanghai('2026-11-30', local));
      expect(codesOf(d, 'agreed-hours')).toEqual(allowed ? [] : ['outside-agreed-window']);
      expect(d.outcome).toBe(allowed ? 'allow' : 'deny');
      // Night collection inside an agreed window is not caught by the default 22:00–08:00 ban.
      expect(codesOf(d, 'collection-hours')).toEqual([]);
    });
  });

  describe('days name the ISO weekday on which a window starts', () => {
    it('a weekday-only window denies on Saturday', () => {
      const weekdays = agreed([{ start: '12:00', end: '13:30', days: [1, 2, 3, 4, 5] }]);
      expect(checkAction(weekdays, shanghai('2026-11-30', '12:00:00')).outcome).toBe('allow');
      expect(checkAction(weekdays, shanghai('2026-12-04', '12:00:00')).outcome).toBe('allow');
      const saturday = checkAction(weekdays, shanghai('2026-12-05', '12:00:00'));
      expect(codesOf(saturday, 'agreed-hours')).toEqual(['outside-agreed-window']);
      expect(saturday.violations[0]?.facts).toMatchObject({ weekday: 6, localDate: '2026-12-05', windows: ['12:00–13:30 [1,2,3,4,5]'] });
    });

    it.each([
      ['Friday 23:00', '2026-12-04', '23:00:00', true],
      ['Saturday 00:00', '2026-12-05', '00:00:00', true],
      ['Saturday 01:00', '2026-12-05', '01:00:00', true],
      ['Saturday 01:59:59', '2026-12-05', '01:59:59', true],
      ['Saturday 02:00', '2026-12-05', '02:00:00', false],
      ['Friday 01:00 (the Thursday-night part)', '2026-12-04', '01:00:00', false],
      ['Saturday 23:00 (starts on Saturday)', '2026-12-05', '23:00:00', false],
      ['Thursday 23:00', '2026-12-03', '23:00:00', false],
    ])('Friday-night window 22:00–02:00: %s allowed=%s', (_label, date, local, allowed) => {
      const friday = agreed([{ start: '22:00', end: '02:00', days: [5] }]);
      const d = checkAction(friday, shanghai(date, local));
      expect(codesOf(d, 'agreed-hours')).toEqual(allowed ? [] : ['outside-agreed-window']);
      expect(d.outcome).toBe(allowed ? 'allow' : 'deny');
    });
  });

  describe('validFrom and validUntil bound the agreement (both inclusive)', () => {
    const bounded = agreed([{ start: '21:00', end: '23:30' }], {
      validFrom: '2026-11-30T23:00:00+08:00',
      validUntil: '2026-12-01T23:00:00+08:00',
    });

    it('is in force exactly at validFrom and exactly at validUntil', () => {
      for (const at of ['2026-11-30T23:00:00+08:00', '2026-12-01T23:00:00+08:00', '2026-11-30T15:00:00Z']) {
        const d = checkAction(bounded, action({ at }));
        expect(d.evaluated).toContain('agreed-hours');
        expect(d.evaluated).not.toContain('collection-hours');
        expect(d.outcome).toBe('allow');
      }
      // In force, so a daytime action outside the window is denied.
      expect(codesOf(checkAction(bounded, action({ at: '2026-12-01T10:00:00+08:00' })), 'agreed-hours')).toEqual(['outside-agreed-window']);
    });

    it('one second before validFrom or after validUntil the default window governs again', () => {
      for (const at of ['2026-11-30T22:59:59+08:00', '2026-12-01T23:00:01+08:00']) {
        const d = checkAction(bounded, action({ at }));
        expect(d.evaluated).not.toContain('agreed-hours');
        expect(d.evaluated).toContain('collection-hours');
        expect(codesOf(d, 'collection-hours')).toEqual(['outside-default-window']);
        expect(codesOf(d, 'agreed-hours')).toEqual([]);
      }
      // After expiry, a daytime action outside the old window is allowed by the default window.
      const later = checkAction(bounded, action({ at: '2026-12-02T10:00:00+08:00' }));
      expect(later.outcome).toBe('allow');
      expect(later.evaluated).not.toContain('agreed-hours');
    });
  });

  describe('an agreement without windows', () => {
    it.each([
      ['no windows key', context({ agreement: { ref: 'AGR-1', voiceDailyCap: 2 } })],
      ['an empty windows list', context({ agreement: { ref: 'AGR-1', windows: [] } })],
    ])('%s leaves collection-hours in place', (_label, ctx) => {
      const night = checkAction(ctx, action({ at: '2026-11-30T23:00:00+08:00' }));
      expect(night.evaluated).not.toContain('agreed-hours');
      expect(codesOf(night, 'collection-hours')).toEqual(['outside-default-window']);
      const day = checkAction(ctx, action({ at: '2026-11-30T10:00:00+08:00' }));
      expect(day.outcome).toBe('allow');
      expect(day.evaluated).not.toContain('agreed-hours');
    });
  });

  describe('only the debtor has agreed windows', () => {
    const lateWindow = agreed([{ start: '22:30', end: '23:30' }]);

    it('a guarantor at 23:00 is held to the default window', () => {
      const d = checkAction(lateWindow, action({ target: { role: 'guarantor', partyId: 'G1' }, at: '2026-11-30T23:00:00+08:00' }));
      expect(d.evaluated).not.toContain('agreed-hours');
      expect(codesOf(d, 'collection-hours')).toEqual(['outside-default-window']);
      expect(d.outcome).toBe('deny');
    });

    it('a guarantor in daytime outside the agreed windows is not caught by agreed-hours', () => {
      const d = checkAction(lateWindow, action({ target: { role: 'guarantor', partyId: 'G1' }, at: '2026-11-30T10:00:00+08:00' }));
      expect(d.evaluated).not.toContain('agreed-hours');
      expect(codesOf(d, 'agreed-hours')).toEqual([]);
      expect(codesOf(d, 'collection-hours')).toEqual([]);
    });

    it('a contact at 23:00 is held to the default window', () => {
      const ctx = context({
        debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false },
        agreement: { ref: 'AGR-1', windows: [{ start: '22:30', end: '23:30' }] },
      });
      const toContact = action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor', at: '2026-11-30T23:00:00+08:00' });
      const d = checkAction(ctx, toContact);
      expect(d.evaluated).not.toContain('agreed-hours');
      expect(codesOf(d, 'collection-hours')).toEqual(['outside-default-window']);
    });

    it('the same 23:00 action toward the debtor is allowed', () => {
      const d = checkAction(lateWindow, action({ at: '2026-11-30T23:00:00+08:00' }));
      expect(d.outcome).toBe('allow');
      expect(d.evaluated).toContain('agreed-hours');
    });
  });

  describe("uses the debtor's zone", () => {
    const ny = context({
      debtor: { id: 'D1', timeZone: 'America/New_York' },
      agreement: { ref: 'AGR-1', windows: [{ start: '12:00', end: '13:30', days: [1, 2, 3, 4, 5] }] },
    });

    it('12:30 in New York on a Monday is inside the window', () => {
      const d = checkAction(ny, action({ at: '2026-11-30T12:30:00-05:00' }));
      expect(d.outcome).toBe('allow');
      expect(d.evaluated).toContain('agreed-hours');
    });

    it('12:30 in Shanghai is 23:30 on Sunday in New York: denied', () => {
      const d = checkAction(ny, action({ at: '2026-11-30T12:30:00+08:00' }));
      expect(codesOf(d, 'agreed-hours')).toEqual(['outside-agreed-window']);
      expect(d.violations[0]?.facts).toMatchObject({ localTime: '23:30', localDate: '2026-11-29', weekday: 7, timeZone: 'America/New_York' });
    });

    it('the same instant given with Z is read in the debtor zone', () => {
      // 17:30Z = 12:30 EST.
      expect(checkAction(ny, action({ at: '2026-11-30T17:30:00Z' })).outcome).toBe('allow');
      expect(codesOf(checkAction(ny, action({ at: '2026-11-30T18:30:00Z' })), 'agreed-hours')).toEqual(['outside-agreed-window']);
    });
  });
});
