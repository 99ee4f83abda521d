import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import type { ContextInput } from '../../src/index.js';
import { action, aiActor, codesOf, context, past } from '../support/fixtures.js';

type Entry = NonNullable<ContextInput['history']>[number];

const connected = (...ats: string[]): Entry[] => ats.map((at) => past('voice', at, 'connected'));
const withHistory = (history: Entry[], overrides: Partial<ContextInput> = {}) => context({ history, ...overrides });

// The action is at 10:00 Shanghai on 2026-11-30 (fixtures' AT).
const MORNING = ['2026-11-30T08:05:00+08:00', '2026-11-30T08:30:00+08:00', '2026-11-30T09:15:00+08:00'] as const;

describe('voice-daily-cap', () => {
  it('names why the cap applies in each language, never as a bare code in the Chinese message', () => {
    const d = checkAction(withHistory(connected(...MORNING)), action());
    expect(d.violations[0]?.facts).toMatchObject({ capReason: 'profile' });
    expect(d.violations[0]?.message.zh).toContain('（配置的上限）');
    expect(d.violations[0]?.message.en).toContain("(the profile's cap)");
    const lower = checkAction(withHistory(connected(MORNING[0], MORNING[1]), { agreement: { ref: 'AGR-1', voiceDailyCap: 2 } }), action());
    expect(lower.violations.find((v) => v.rule === 'voice-daily-cap')?.message.zh).toContain('（与债务人约定的较低上限）');
  });

  it('allows a third call after 2 connected calls that local day', () => {
    const d = checkAction(withHistory(connected(MORNING[0], MORNING[1])), action());
    expect(codesOf(d, 'voice-daily-cap')).toEqual([]);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain('voice-daily-cap');
  });

  it('denies a fourth call after 3 connected calls that local day', () => {
    const d = checkAction(withHistory(connected(...MORNING)), action());
    expect(codesOf(d, 'voice-daily-cap')).toEqual(['cap-reached']);
    expect(d.outcome).toBe('deny');
    expect(d.violations[0]).toMatchObject({
      rule: 'voice-daily-cap',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '语音催收频次' },
      facts: { count: 3, cap: 3, capSource: 'profile', localDate: '2026-11-30', timeZone: 'Asia/Shanghai' },
    });
    expect(d.violations[0]?.message.en).toContain('2026-11-30');
    expect(d.violations[0]?.message.zh).toContain('3');
  });

  it('reports the count when more than the cap already connected', () => {
    const d = checkAction(withHistory(connected(...MORNING, '2026-11-30T09:45:00+08:00')), action());
    expect(d.violations[0]?.facts).toMatchObject({ count: 4, cap: 3 });
  });

  it('applies to AI voice exactly as to a human', () => {
    expect(codesOf(checkAction(withHistory(connected(...MORNING)), action({ actor: aiActor() })), 'voice-daily-cap')).toEqual(['cap-reached']);
    expect(codesOf(checkAction(withHistory(connected(MORNING[0], MORNING[1])), action({ actor: aiActor() })), 'voice-daily-cap')).toEqual([]);
  });

  describe('what counts', () => {
    it('not_connected calls do not count', () => {
      const history = [...connected(MORNING[0], MORNING[1]), past('voice', MORNING[2], 'not_connected'), past('voice', '2026-11-30T09:50:00+08:00', 'not_connected')];
      expect(checkAction(withHistory(history), action()).outcome).toBe('allow');
    });

    it('failed and delivered voice entries do not count', () => {
      const history = [...connected(MORNING[0], MORNING[1]), past('voice', MORNING[2], 'failed'), past('voice', '2026-11-30T09:50:00+08:00', 'delivered')];
      expect(codesOf(checkAction(withHistory(history), action()), 'voice-daily-cap')).toEqual([]);
    });

    it("a 'completed' voice call counts as connected", () => {
      const history = [...connected(MORNING[0], MORNING[1]), past('voice', MORNING[2], 'completed')];
      const d = checkAction(withHistory(history), action());
      expect(codesOf(d, 'voice-daily-cap')).toEqual(['cap-reached']);
      expect(d.violations[0]?.facts).toMatchObject({ count: 3 });
    });

    it('calls of every organisation count together (lender and agencies)', () => {
      const history: Entry[] = [
        { ...past('voice', MORNING[0], 'connected'), organizationId: 'ORG1' },
        { ...past('voice', MORNING[1], 'connected'), organizationId: 'AG1' },
        { ...past('voice', MORNING[2], 'connected'), organizationId: 'AG2' },
      ];
      expect(codesOf(checkAction(withHistory(history), action()), 'voice-daily-cap')).toEqual(['cap-reached']);
      // And an entry with no organisation at all still counts.
      const anonymous: Entry[] = history.map((e) => ({ channel: e.channel, at: e.at, outcome: e.outcome, target: e.target }));
      expect(codesOf(checkAction(withHistory(anonymous), action()), 'voice-daily-cap')).toEqual(['cap-reached']);
    });

    it("history entries naming the debtor's partyId count", () => {
      const history = MORNING.map((at) => past('voice', at, 'connected', 'debtor', 'D1'));
      expect(codesOf(checkAction(withHistory(history), action()), 'voice-daily-cap')).toEqual(['cap-reached']);
    });

    it('calls toward a contact or a guarantor do not count', () => {
      const history = [
        ...connected(MORNING[0], MORNING[1]),
        past('voice', MORNING[2], 'connected', 'contact', 'C1'),
        past('voice', '2026-11-30T09:40:00+08:00', 'connected', 'guarantor', 'G1'),
      ];
      expect(codesOf(checkAction(withHistory(history), action()), 'voice-daily-cap')).toEqual([]);
    });

    it('other channels do not count', () => {
      const history = [
        ...connected(MORNING[0], MORNING[1]),
        past('sms', MORNING[2], 'delivered'),
        past('im', '2026-11-30T09:40:00+08:00', 'connected'),
        past('visit', '2026-11-30T09:45:00+08:00', 'completed'),
      ];
      expect(codesOf(checkAction(withHistory(history), action()), 'voice-daily-cap')).toEqual([]);
    });

    it('entries later the same local day count too (docs/design.md: "which day")', () => {
      const history = connected(MORNING[0], MORNING[1], '2026-11-30T23:59:59+08:00');
      expect(codesOf(checkAction(withHistory(history), action()), 'voice-daily-cap')).toEqual(['cap-reached']);
    });

    it('calls on the previous local day do not count', () => {
      const history = connected('2026-11-29T09:00:00+08:00', '2026-11-29T10:00:00+08:00', '2026-11-29T11:00:00+08:00', MORNING[0]);
      expect(checkAction(withHistory(history), action()).outcome).toBe('allow');
    });
  });

  describe("the day is the debtor's local calendar day", () => {
    const shanghaiTwo = connected(MORNING[0], MORNING[1]);

    it.each([
      ['2026-11-29T15:59:59Z', false], // 23:59:59 on 11-29 in Shanghai
      ['2026-11-29T16:00:00Z', true], // 00:00:00 on 11-30 in Shanghai
      ['2026-11-29T16:30:00Z', true], // 00:30 on 11-30 in Shanghai, though 11-29 in UTC
      ['2026-11-29T23:59:59+08:00', false],
      ['2026-11-30T00:00:00+08:00', true],
      ['2026-12-01T00:00:00+08:00', false],
    ])('Shanghai debtor: a third connected call at %s counts=%s', (at, counts) => {
      const d = checkAction(withHistory([...shanghaiTwo, ...connected(at)]), action());
      expect(codesOf(d, 'voice-daily-cap')).toEqual(counts ? ['cap-reached'] : []);
    });

    describe('a debtor in London', () => {
      const london = (history: Entry[]) => withHistory(history, { debtor: { id: 'D1', timeZone: 'Europe/London' } });

      it.each([
        ['2026-07-14T22:59:59Z', false], // 23:59:59 BST on 07-14
        ['2026-07-14T23:00:00Z', true], // 00:00:00 BST on 07-15, still 07-14 in UTC
        ['2026-07-14T23:30:00Z', true],
      ])('summer (BST): a third call at %s counts=%s', (at, counts) => {
        const history = [...connected('2026-07-15T08:10:00+01:00', '2026-07-15T09:10:00+01:00'), ...connected(at)];
        const d = checkAction(london(history), action({ at: '2026-07-15T10:00:00+01:00' }));
        expect(codesOf(d, 'voice-daily-cap')).toEqual(counts ? ['cap-reached'] : []);
        if (counts) expect(d.violations[0]?.facts).toMatchObject({ localDate: '2026-07-15', timeZone: 'Europe/London' });
      });

      it.each([
        ['2026-11-29T23:59:59Z', false], // GMT: local day = UTC day
        ['2026-11-30T00:00:00Z', true],
      ])('winter (GMT): a third call at %s counts=%s', (at, counts) => {
        const history = [...connected('2026-11-30T08:10:00Z', '2026-11-30T09:10:00Z'), ...connected(at)];
        const d = checkAction(london(history), action({ at: '2026-11-30T10:00:00Z' }));
        expect(codesOf(d, 'voice-daily-cap')).toEqual(counts ? ['cap-reached'] : []);
      });
    });
  });

  describe('a cap agreed with the debtor', () => {
    it('an agreed voiceDailyCap of 2 in force denies after 2 connected calls', () => {
      const ctx = withHistory(connected(MORNING[0], MORNING[1]), { agreement: { ref: 'AGR-1', voiceDailyCap: 2 } });
      const d = checkAction(ctx, action());
      expect(codesOf(d, 'voice-daily-cap')).toEqual(['cap-reached']);
      expect(d.violations[0]?.facts).toMatchObject({ count: 2, cap: 2, capSource: 'agreement' });
    });

    it('an agreed voiceDailyCap of 2 allows the second call', () => {
      const ctx = withHistory(connected(MORNING[0]), { agreement: { ref: 'AGR-1', voiceDailyCap: 2 } });
      expect(checkAction(ctx, action()).outcome).toBe('allow');
    });

    it('an agreed cap that is not in force leaves the national 3', () => {
      const expired = { ref: 'AGR-1', voiceDailyCap: 2, validUntil: '2026-11-30T09:59:59+08:00' };
      const notYet = { ref: 'AGR-1', voiceDailyCap: 2, validFrom: '2026-11-30T10:00:01+08:00' };
      for (const agreement of [expired, notYet]) {
        const two = checkAction(withHistory(connected(MORNING[0], MORNING[1]), { agreement }), action());
        expect(codesOf(two, 'voice-daily-cap')).toEqual([]);
        const three = checkAction(withHistory(connected(...MORNING), { agreement }), action());
        expect(codesOf(three, 'voice-daily-cap')).toEqual(['cap-reached']);
        expect(three.violations[0]?.facts).toMatchObject({ cap: 3, capSource: 'profile' });
      }
    });

    it('an agreement without a voice cap leaves the national 3', () => {
      const ctx = withHistory(connected(MORNING[0], MORNING[1]), { agreement: { ref: 'AGR-1', windows: [{ start: '09:00', end: '18:00' }] } });
      expect(codesOf(checkAction(ctx, action()), 'voice-daily-cap')).toEqual([]);
    });

    it('an agreed cap of 0 denies every voice call', () => {
      const d = checkAction(withHistory([], { agreement: { ref: 'AGR-1', voiceDailyCap: 0 } }), action());
      expect(d.violations[0]?.facts).toMatchObject({ count: 0, cap: 0, capSource: 'agreement' });
    });
  });

  describe('scope: voice toward the debtor only', () => {
    it('an sms after 3 connected calls is allowed and the rule is not evaluated', () => {
      const d = checkAction(withHistory(connected(...MORNING)), action({ channel: 'sms' }));
      expect(d.evaluated).not.toContain('voice-daily-cap');
      expect(d.outcome).toBe('allow');
    });

    it('a voice call to a guarantor after 3 connected calls to the debtor is not capped', () => {
      const d = checkAction(withHistory(connected(...MORNING)), action({ target: { role: 'guarantor', partyId: 'G1' } }));
      expect(d.evaluated).not.toContain('voice-daily-cap');
      expect(codesOf(d, 'voice-daily-cap')).toEqual([]);
    });
  });
});
