import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, nationalProfile, type Limits } from '../../src/index.js';
import { action, context } from '../support/arbitraries.js';

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (minute: number) => `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;

/** A random overlay: each limit either absent or tightened by a random amount. */
const overlay: fc.Arbitrary<Partial<Limits>> = fc
  .record(
    {
      windowStart: fc.integer({ min: 8 * 60, max: 12 * 60 }).map(clock),
      windowEnd: fc.integer({ min: 17 * 60, max: 22 * 60 }).map(clock),
      voiceDailyCap: fc.integer({ min: 0, max: 3 }),
      visitDailyCap: fc.integer({ min: 0, max: 1 }),
      visitStaffMax: fc.integer({ min: 2, max: 3 }),
      recordRetentionYears: fc.integer({ min: 2, max: 10 }),
      trainingIntervalMonths: fc.integer({ min: 1, max: 12 }),
      agencyEvaluationIntervalMonths: fc.integer({ min: 1, max: 12 }),
      minMlpsLevel: fc.integer({ min: 2, max: 4 }),
      unansweredAttemptsPerNumberDailyCap: fc.integer({ min: 0, max: 8 }),
    },
    { requiredKeys: [] },
  );

/** A second overlay at least as strict as the first in every limit. */
function stricterThan(o: Partial<Limits>, by: number): Partial<Limits> {
  const n = nationalProfile.limits;
  const start = Math.min(12 * 60, (o.windowStart === undefined ? 480 : Number(o.windowStart.slice(0, 2)) * 60 + Number(o.windowStart.slice(3))) + by * 30);
  const end = Math.max(17 * 60, (o.windowEnd === undefined ? 1320 : Number(o.windowEnd.slice(0, 2)) * 60 + Number(o.windowEnd.slice(3))) - by * 30);
  return {
    windowStart: clock(start),
    windowEnd: clock(end),
    voiceDailyCap: Math.max(0, (o.voiceDailyCap ?? n.voiceDailyCap) - by),
    visitDailyCap: Math.max(0, (o.visitDailyCap ?? n.visitDailyCap) - by),
    visitStaffMax: Math.max(2, (o.visitStaffMax ?? n.visitStaffMax) - by),
    recordRetentionYears: (o.recordRetentionYears ?? n.recordRetentionYears) + by,
    trainingIntervalMonths: Math.max(1, (o.trainingIntervalMonths ?? n.trainingIntervalMonths) - by),
    agencyEvaluationIntervalMonths: Math.max(1, (o.agencyEvaluationIntervalMonths ?? n.agencyEvaluationIntervalMonths) - by),
    minMlpsLevel: Math.min(5, (o.minMlpsLevel ?? n.minMlpsLevel) + by),
    unansweredAttemptsPerNumberDailyCap: Math.max(0, (o.unansweredAttemptsPerNumberDailyCap ?? 8) - by),
  };
}

const houseRule = fc.record({
  fact: fc.constantFrom('channel', 'localWeekday', 'localHour', 'targetRole', 'voiceConnectedToday'),
  pick: fc.nat(),
}).map(({ fact, pick }) => {
  const values: Record<string, unknown[]> = {
    channel: ['voice', 'sms', 'visit'], localWeekday: [1, 6, 7], localHour: [9, 12, 20], targetRole: ['debtor', 'contact'], voiceConnectedToday: [0, 1, 2],
  };
  const options = values[fact] ?? [];
  return {
    name: `house-${fact.toLowerCase()}`,
    conditions: { all: [{ fact, operator: 'equal', value: options[pick % options.length] }] },
    event: { type: 'fired', params: { message: 'house rule fired' } },
  };
});

const runs = { numRuns: 250 };

describe('monotonicity of profiles, overlays and house rules', () => {
  it('an overlay never turns a national deny into an allow, and keeps every national violation', () => {
    fc.assert(
      fc.property(context, action, overlay, (c, a, o) => {
        const national = checkAction(c, a);
        const tightened = createGuard({ overlay: o }).checkSync(c, a);
        if (national.outcome === 'deny') expect(tightened.outcome).toBe('deny');
        const codes = new Set(tightened.violations.map((v) => `${v.rule}/${v.code}`));
        for (const v of national.violations) expect(codes.has(`${v.rule}/${v.code}`) || v.rule === 'invalid-input').toBe(true);
      }),
      runs,
    );
  });

  it('a stricter overlay denies a superset of what a looser one denies', () => {
    fc.assert(
      fc.property(context, action, overlay, fc.integer({ min: 0, max: 3 }), (c, a, o, by) => {
        const looser = createGuard({ overlay: o }).checkSync(c, a);
        const stricter = createGuard({ overlay: stricterThan(o, by) }).checkSync(c, a);
        if (looser.outcome === 'deny') expect(stricter.outcome).toBe('deny');
        const rules = new Set(stricter.violations.map((v) => v.rule));
        for (const v of looser.violations) expect(rules.has(v.rule)).toBe(true);
      }),
      runs,
    );
  });

  it('house rules never turn a deny into an allow, and keep every built-in violation', async () => {
    await fc.assert(
      fc.asyncProperty(context, action, fc.uniqueArray(houseRule, { maxLength: 3, selector: (r) => r.name }), async (c, a, houseRules) => {
        const plain = checkAction(c, a);
        const withHouse = await createGuard({ houseRules }).check(c, a);
        if (plain.outcome === 'deny') expect(withHouse.outcome).toBe('deny');
        expect(withHouse.violations.slice(0, plain.violations.length)).toEqual(plain.violations);
      }),
      { numRuns: 150 },
    );
  });
});
