import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import type { ContextInput } from '../../src/index.js';
import { action, codesOf, context, past, visitAction } from '../support/fixtures.js';

type Entry = NonNullable<ContextInput['history']>[number];
const withHistory = (history: Entry[], overrides: Partial<ContextInput> = {}) => context({ history, ...overrides });

// visitAction() is at 10:00 Shanghai on 2026-11-30.
describe('visit-daily-cap', () => {
  it('allows the first visit of the local day', () => {
    const d = checkAction(withHistory([]), visitAction());
    expect(codesOf(d, 'visit-daily-cap')).toEqual([]);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain('visit-daily-cap');
  });

  it.each(['connected', 'not_connected', 'failed', 'completed', 'delivered'])(
    'denies a second visit after one earlier that day with outcome %s',
    (outcome) => {
      const d = checkAction(withHistory([past('visit', '2026-11-30T08:30:00+08:00', outcome)]), visitAction());
      expect(codesOf(d, 'visit-daily-cap')).toEqual(['cap-reached']);
      expect(d.outcome).toBe('deny');
    },
  );

  it('reports the count, the cap and the local day', () => {
    const d = checkAction(withHistory([past('visit', '2026-11-30T08:30:00+08:00', 'completed')]), visitAction());
    expect(d.violations[0]).toMatchObject({
      rule: 'visit-daily-cap',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '上门催收频次' },
      code: 'cap-reached',
      facts: { count: 1, cap: 1, localDate: '2026-11-30', timeZone: 'Asia/Shanghai' },
    });
    expect(d.violations[0]?.message.en).toContain('2026-11-30');
  });

  it.each([
    ['2026-11-29T15:00:00+08:00', false],
    ['2026-11-29T23:59:59+08:00', false],
    ['2026-11-29T15:59:59Z', false],
    ['2026-11-30T00:00:00+08:00', true],
    ['2026-11-29T16:00:00Z', true], // 00:00 on 11-30 in Shanghai
  ])('an earlier visit at %s is on the same local day=%s', (at, sameDay) => {
    const d = checkAction(withHistory([past('visit', at, 'completed')]), visitAction());
    expect(codesOf(d, 'visit-daily-cap')).toEqual(sameDay ? ['cap-reached'] : []);
    expect(d.outcome).toBe(sameDay ? 'deny' : 'allow');
  });

  it("uses the debtor's local day (New York)", () => {
    const ny = (history: Entry[]) => withHistory(history, { debtor: { id: 'D1', timeZone: 'America/New_York' } });
    const visitAt = visitAction({ at: '2026-11-30T10:00:00-05:00' });
    // 2026-11-30T04:00Z is 23:00 on 11-29 in New York: the previous local day.
    expect(codesOf(checkAction(ny([past('visit', '2026-11-30T04:00:00Z', 'completed')]), visitAt), 'visit-daily-cap')).toEqual([]);
    // 2026-11-30T05:00Z is 00:00 on 11-30 in New York.
    const d = checkAction(ny([past('visit', '2026-11-30T05:00:00Z', 'completed')]), visitAt);
    expect(codesOf(d, 'visit-daily-cap')).toEqual(['cap-reached']);
    expect(d.violations[0]?.facts).toMatchObject({ localDate: '2026-11-30', timeZone: 'America/New_York' });
  });

  it('visits of every organisation count', () => {
    const d = checkAction(withHistory([{ ...past('visit', '2026-11-30T08:30:00+08:00', 'completed'), organizationId: 'AG9' }]), visitAction());
    expect(codesOf(d, 'visit-daily-cap')).toEqual(['cap-reached']);
  });

  it('only visits to the debtor count', () => {
    const history = [
      past('visit', '2026-11-30T08:30:00+08:00', 'completed', 'guarantor', 'G1'),
      past('visit', '2026-11-30T09:00:00+08:00', 'completed', 'contact', 'C1'),
      past('voice', '2026-11-30T09:10:00+08:00', 'connected'),
      past('letter', '2026-11-30T09:20:00+08:00', 'delivered'),
    ];
    expect(codesOf(checkAction(withHistory(history), visitAction()), 'visit-daily-cap')).toEqual([]);
  });

  it('does not apply to a visit to a guarantor, nor to other channels', () => {
    const history = [past('visit', '2026-11-30T08:30:00+08:00', 'completed')];
    const toGuarantor = checkAction(withHistory(history), visitAction({ target: { role: 'guarantor', partyId: 'G1' } }));
    expect(toGuarantor.evaluated).not.toContain('visit-daily-cap');
    expect(codesOf(toGuarantor, 'visit-daily-cap')).toEqual([]);
    const call = checkAction(withHistory(history), action());
    expect(call.evaluated).not.toContain('visit-daily-cap');
    expect(call.outcome).toBe('allow');
  });
});
