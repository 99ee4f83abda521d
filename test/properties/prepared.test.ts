import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, prepareCase } from '../../src/index.js';
import { action, context } from '../support/arbitraries.js';

describe('prepareCase', () => {
  it('gives the same decisions as checkAction, for many actions on one case', () => {
    fc.assert(
      fc.property(context, fc.array(action, { minLength: 1, maxLength: 5 }), fc.constantFrom(undefined, 'cba-2026'), (c, actions, profile) => {
        const prepared = prepareCase(c, profile === undefined ? {} : { profile });
        expect(prepared.ok).toBe(true);
        for (const a of actions) expect(prepared.check(a)).toEqual(checkAction(c, a, profile === undefined ? {} : { profile }));
      }),
      { numRuns: 300 },
    );
  });

  it('denies every action of an invalid case with the case problems and the action problems', () => {
    fc.assert(
      fc.property(context, action, fc.jsonValue(), (c, a, junk) => {
        const bad = { ...c, debt: junk };
        const prepared = prepareCase(bad as never);
        if (prepared.ok) return; // junk happened to be a valid debt
        expect(prepared.check(a)).toEqual(checkAction(bad as never, a));
        expect(prepared.check({ ...a, at: 'soon' })).toEqual(checkAction(bad as never, { ...a, at: 'soon' }));
      }),
      { numRuns: 200 },
    );
  });

  it('is not affected by later changes to the caller objects', () => {
    const c = { debtor: { id: 'D1' }, debt: { id: 'L1', status: 'overdue' as const }, history: [] as unknown[] };
    const prepared = prepareCase(c as never);
    const call = { channel: 'voice', at: '2026-11-30T10:00:00+08:00', target: { role: 'debtor' }, actor: { kind: 'ai', ai: { id: 'B', fairnessReviewedAt: '2026-01-01T00:00:00Z', usesProtectedAttributes: false, reliabilityValidatedAt: '2026-01-01T00:00:00Z', humanHandoff: true, securityAssessedAt: '2026-01-01T00:00:00Z' }, organization: { id: 'O', kind: 'lender' }, system: { mlpsLevel: 2, piiMasked: true, encryptedInTransit: true } } };
    const before = prepared.check(call as never);
    c.history.push(...[9, 10, 11].map((h) => ({ channel: 'voice', at: `2026-11-30T${String(h).padStart(2, '0')}:00:00+08:00`, target: { role: 'debtor' }, outcome: 'connected' })));
    expect(prepared.check(call as never)).toEqual(before);
    expect(before.outcome).toBe('allow');
    expect(checkAction(c as never, call as never).outcome).toBe('deny');
  });
});
