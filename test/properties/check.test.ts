import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActionSchema, checkAction, ContextSchema } from '../../src/index.js';
import { localParts, parseInstant } from '../../src/core/time.js';
import { MAINLAND_ZONES, action, context, historyEntry } from '../support/arbitraries.js';

const runs = { numRuns: 400 };

describe('checkAction invariants', () => {
  it('is deterministic: the same input gives the same decision, and the input is not mutated', () => {
    fc.assert(
      fc.property(context, action, (c, a) => {
        const before = JSON.stringify([c, a]);
        const first = checkAction(c, a);
        expect(checkAction(structuredClone(c), structuredClone(a))).toEqual(first);
        expect(JSON.stringify([c, a])).toBe(before);
      }),
      runs,
    );
  });

  it('never throws on arbitrary input, and denies whatever does not validate', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (c, a) => {
        const d = checkAction(c as never, a as never);
        if (!ContextSchema.safeParse(c).success || !ActionSchema.safeParse(a).success) {
          expect(d.outcome).toBe('deny');
          expect(d.violations.map((v) => v.rule)).toEqual(['invalid-input']);
        }
      }),
      runs,
    );
  });

  it('never allows a valid input with one field replaced by junk unless it still validates', () => {
    const junk = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant('2026-11-30T10:00:00'));
    fc.assert(
      fc.property(context, action, fc.constantFrom('c', 'a'), fc.nat(), junk, (c, a, which, pick, value) => {
        const target: Record<string, unknown> = which === 'c' ? { ...c } : { ...a };
        const keys = Object.keys(target);
        target[keys[pick % keys.length] as string] = value;
        const [ctx, act] = which === 'c' ? [target, a] : [c, target];
        const d = checkAction(ctx as never, act as never);
        if (d.outcome === 'allow') {
          expect(ContextSchema.safeParse(ctx).success && ActionSchema.safeParse(act).success).toBe(true);
        }
        if (d.violations.some((v) => v.rule === 'invalid-input')) {
          expect(d.outcome).toBe('deny');
          expect((d.violations[0]?.facts.issues as unknown[]).length).toBeGreaterThan(0);
        }
      }),
      runs,
    );
  });

  it('is monotone in history: more history never turns a deny into an allow', () => {
    fc.assert(
      fc.property(context, action, fc.array(historyEntry, { minLength: 1, maxLength: 6 }), (c, a, extra) => {
        const before = checkAction(c, a);
        const after = checkAction({ ...c, history: [...(c.history ?? []), ...extra] }, a);
        if (before.outcome === 'deny') expect(after.outcome).toBe('deny');
        // And every rule that denied still denies.
        for (const v of before.violations) expect(after.violations.map((x) => x.rule)).toContain(v.rule);
      }),
      runs,
    );
  });

  it('denies every instant whose local time is in [22:00, 08:00) when no agreement is in force', () => {
    fc.assert(
      fc.property(context, action, (c, a) => {
        const { agreement: _none, ...noAgreement } = c;
        // Beijing time for every mainland zone and alias (issue 14), spelled out here rather than taken from src/.
        const recorded = noAgreement.debtor.timeZone ?? 'Asia/Shanghai';
        const zone = (MAINLAND_ZONES as readonly string[]).includes(recorded) ? 'Asia/Shanghai' : recorded;
        const minute = localParts(parseInstant(a.at), zone).minuteOfDay;
        const d = checkAction(noAgreement, a);
        if (minute >= 22 * 60 || minute < 8 * 60) {
          expect(d.outcome).toBe('deny');
          expect(d.violations.map((v) => v.rule)).toContain('collection-hours');
        } else {
          expect(d.violations.map((v) => v.rule)).not.toContain('collection-hours');
        }
      }),
      runs,
    );
  });

  it('does not depend on the host time zone', () => {
    const saved = process.env.TZ;
    try {
      fc.assert(
        fc.property(context, action, (c, a) => {
          process.env.TZ = 'Asia/Shanghai';
          const shanghai = checkAction(c, a);
          process.env.TZ = 'America/New_York';
          const newYork = checkAction(c, a);
          process.env.TZ = 'Pacific/Chatham';
          expect(checkAction(c, a)).toEqual(shanghai);
          expect(newYork).toEqual(shanghai);
        }),
        { numRuns: 150 },
      );
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('the arbitraries themselves', () => {
  it('generate valid cases and actions only', () => {
    fc.assert(
      fc.property(context, action, (c, a) => {
        expect(ContextSchema.safeParse(c).success).toBe(true);
        expect(ActionSchema.safeParse(a).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
