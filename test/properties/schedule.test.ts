import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, quota, scheduleAction, TIME_INDEPENDENT_RULES } from '../../src/index.js';
import { parseInstant } from '../../src/core/time.js';
import { action, context, iso } from '../support/arbitraries.js';

const HORIZON_DAYS = 3;
const DAY = 86_400_000;
const moved = <A extends { at: string }>(a: A, ms: number): A => ({ ...a, at: iso(ms) });

describe('scheduling properties', () => {
  it('the returned instant is allowed, and every instant before it (from action.at) is denied', () => {
    fc.assert(
      fc.property(context, action, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (c, a, fractions) => {
        const r = scheduleAction(c, a, { horizonDays: HORIZON_DAYS });
        const start = parseInstant(a.at);
        if (r.at === null) return;
        const found = parseInstant(r.at);
        expect(found).toBeGreaterThanOrEqual(start);
        expect(checkAction(c, moved(a, found)).outcome).toBe('allow');
        for (const f of fractions) {
          const t = start + Math.floor(f * (found - start));
          if (t < found) expect(checkAction(c, moved(a, t)).outcome).toBe('deny');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('null only when no instant in the horizon is allowed', () => {
    fc.assert(
      fc.property(context, action, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), (c, a, fractions) => {
        const r = scheduleAction(c, a, { horizonDays: HORIZON_DAYS });
        if (r.at !== null) return;
        const start = parseInstant(a.at);
        for (const f of fractions) expect(checkAction(c, moved(a, start + Math.floor(f * HORIZON_DAYS * DAY))).outcome).toBe('deny');
        // Each reason given stands at the action's own instant.
        const now = checkAction(c, a).violations.map((v) => `${v.rule}/${v.code}`);
        for (const reason of r.reasons) expect(now).toContain(`${reason.rule}/${reason.code}`);
      }),
      { numRuns: 200 },
    );
  });

  it('a time-independent rule that denies at an instant denies at every later one', () => {
    fc.assert(
      fc.property(context, action, fc.integer({ min: 1, max: 30 * DAY }), (c, a, delta) => {
        const now = checkAction(c, a).violations.filter((v) => TIME_INDEPENDENT_RULES.has(v.rule)).map((v) => v.rule);
        const later = new Set(checkAction(c, moved(a, parseInstant(a.at) + delta)).violations.map((v) => v.rule));
        for (const rule of now) expect(later.has(rule)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('quota agrees with checkAction: a call toward the debtor hits the voice cap iff no calls are left', () => {
    fc.assert(
      fc.property(context, action, (c, a) => {
        const call = { ...a, channel: 'voice' as const, target: { role: 'debtor' as const, partyId: 'D1' } };
        const { visit: _visit, ...voiceCall } = call;
        const q = quota(c, a.at);
        expect(q.ok).toBe(true);
        const capped = checkAction(c, voiceCall).violations.some((v) => v.rule === 'voice-daily-cap');
        expect(capped).toBe(q.quota?.voice.left === 0);
        const hours = checkAction(c, voiceCall).violations.some((v) => v.rule === 'collection-hours' || v.rule === 'agreed-hours');
        expect(hours).toBe(q.quota?.window.open === false);
      }),
      { numRuns: 300 },
    );
  });
});
