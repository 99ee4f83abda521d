import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, nationalProfile, type Limits } from '../../src/index.js';
import { presets } from '../../src/profiles/presets.js';
import { action, agreedVoiceCap, context, instant, iso } from '../support/arbitraries.js';
import { parseInstant } from '../../src/core/time.js';

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

/**
 * Issue 14: no agreement field can turn a national deny into an allow, under any built-in profile. The
 * agreed collection time is the standard's own exception (agreed-hours: an agreed time takes priority over
 * 22:00–08:00), so an agreement's windows and the validity that puts them in force are held as they are;
 * every other field (the voice cap above all) varies, and an agreement without windows is compared with none.
 */
describe('agreements never loosen the law (issue 14)', () => {
  const builtIn = Object.keys(presets);
  const sameDayCalls = fc.array(fc.integer({ min: 1, max: 4 * 60 }), { minLength: 2, maxLength: 6 });
  const otherFields = fc.record(
    { ref: fc.constantFrom('AGR-1', 'AGR-2'), voiceDailyCap: agreedVoiceCap, validFrom: instant, validUntil: instant },
    { requiredKeys: [] },
  );

  it('under every built-in profile, no agreement field turns a national deny into an allow', () => {
    fc.assert(
      fc.property(context, action, otherFields, sameDayCalls, fc.boolean(), (generated, anyAction, fields, minutesBefore, callTheDebtor) => {
        // Half the time a plain call to the debtor on an open debt, after connected calls shortly before it,
        // so that the voice cap (the field an agreement once loosened) decides often.
        const { visit: _visit, ...plain } = anyAction;
        const a = callTheDebtor ? { ...plain, channel: 'voice' as const, target: { role: 'debtor' as const, partyId: 'D1' }, purpose: 'reminder' as const, disclosures: [] } : anyAction;
        const atMs = parseInstant(a.at);
        const calls = minutesBefore.map((m) => ({ channel: 'voice' as const, at: iso(atMs - m * 60_000), target: { role: 'debtor' as const }, outcome: 'connected' as const }));
        const c = { ...generated, ...(callTheDebtor ? { debt: { id: 'L1', status: 'overdue' as const } } : {}), history: [...(generated.history ?? []), ...calls] };
        const windows = c.agreement?.windows ?? [];
        // The case the national profile judges: only what the standard defers to (windows in force), nothing else agreed.
        const kept = windows.length === 0 || c.agreement === undefined ? undefined : {
          windows,
          ...(c.agreement.validFrom === undefined ? {} : { validFrom: c.agreement.validFrom }),
          ...(c.agreement.validUntil === undefined ? {} : { validUntil: c.agreement.validUntil }),
        };
        const { agreement: _dropped, ...rest } = c;
        const base = kept === undefined ? rest : { ...rest, agreement: kept };
        // With windows, the validity stays theirs; without, any validity.
        const extra = kept === undefined ? fields : { ref: fields.ref, voiceDailyCap: fields.voiceDailyCap };
        const agreement = { ...(kept ?? {}), ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)) };
        if (agreement.validFrom !== undefined && agreement.validUntil !== undefined && agreement.validFrom > agreement.validUntil) return; // not a valid case
        const national = checkAction(base, a);
        if (national.outcome !== 'deny' || national.violations.some((v) => v.rule === 'invalid-input')) return;
        for (const profile of builtIn) {
          const agreed = checkAction({ ...base, agreement }, a, { profile });
          if (agreed.violations.some((v) => v.rule === 'invalid-input')) continue;
          expect(agreed.outcome, `${profile}: ${JSON.stringify(agreement)}`).toBe('deny');
          const codes = new Set(agreed.violations.map((v) => `${v.rule}/${v.code}`));
          for (const v of national.violations) expect(codes.has(`${v.rule}/${v.code}`), `${profile} lost ${v.rule}/${v.code}`).toBe(true);
        }
      }),
      runs,
    );
  });
});
