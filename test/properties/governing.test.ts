/**
 * The rules, `quota` and the schedule search ask one place in the core what governs at an instant: the
 * agreement in force (termsInForceAt), the window that governs (governingAgreedWindows, windowOpenAt,
 * readingsOutsideWindow) and the caps (voiceCap, unansweredNumberCap). These properties hold them to the
 * same answers on random cases: several candidate zones, agreements starting or ending at the very instant,
 * instants near a clock change, under the national profile, cba-2026 and an overlay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGuard, type ActionInput, type ContextInput, type Decision } from '../../src/index.js';
import { parseInstant, zoneOffset } from '../../src/core/time.js';
import { context as caseArb, instantMs, iso, ZONES } from '../support/arbitraries.js';
import { action } from '../support/fixtures.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const HORIZON_DAYS = 9;

const guards = {
  national: createGuard(),
  'cba-2026': createGuard({ profile: 'cba-2026' }),
  overlay: createGuard({ overlay: { windowStart: '09:00', windowEnd: '21:00', voiceDailyCap: 2 } }),
} as const;
type GuardName = keyof typeof guards;

/** Clock changes inside the generated range, as [zone, UTC instant]: forward in Sydney, back in London and New York. */
const CLOCK_CHANGES = [
  ['Australia/Sydney', Date.UTC(2026, 9, 3, 16)],
  ['Europe/London', Date.UTC(2026, 9, 25, 1)],
  ['America/New_York', Date.UTC(2026, 10, 1, 6)],
] as const;

/** An instant anywhere in the range, or within three hours of a clock change (in the zone that changes). */
const atAndZone = fc.oneof(
  fc.tuple(instantMs, fc.constant<string | null>(null)),
  fc.tuple(fc.constantFrom(...CLOCK_CHANGES), fc.integer({ min: -3 * 60, max: 3 * 60 }), fc.constantFrom(0, 1, 59_999))
    .map(([[zone, t], minutes, ms]) => [t + minutes * MINUTE + ms, zone] as [number, string | null]),
);

const HISTORY_OUTCOMES = ['connected', 'not_connected', 'failed', 'completed', 'delivered'] as const;

/** History near the instant (counts of its local day), some entries later the same day. */
const nearHistory = fc.array(
  fc.record({
    before: fc.integer({ min: -8 * 60, max: 30 * 60 }),
    channel: fc.constantFrom('voice', 'voice', 'voice', 'visit', 'sms'),
    outcome: fc.constantFrom(...HISTORY_OUTCOMES),
    phoneRef: fc.constantFrom('P1', 'P2'),
    inbound: fc.boolean(),
  }),
  { maxLength: 10 },
);

/** Where the agreement's validity lies relative to the instant: as drawn, or starting or ending right at it. */
const VALIDITY = ['as-drawn', 'from-now', 'until-now', 'until-just-before', 'from-just-after'] as const;

const scenario = fc.record({
  base: caseArb,
  at: atAndZone,
  candidates: fc.option(fc.uniqueArray(fc.constantFrom(...ZONES), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  history: nearHistory,
  validity: fc.constantFrom(...VALIDITY),
  numberCap: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
  phone: fc.constantFrom('P1', 'P2'),
});

interface Case {
  readonly context: ContextInput;
  readonly atMs: number;
  readonly call: (ms: number) => ActionInput;
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): Case {
  const [atMs, changingZone] = s.at;
  const debtor = {
    ...s.base.debtor,
    ...(changingZone === null ? {} : { timeZone: changingZone }),
    ...(s.candidates === undefined ? {} : { timeZones: s.candidates }),
  };
  const history = s.history.map((h) => ({
    channel: h.channel,
    at: iso(atMs - h.before * MINUTE),
    target: { role: 'debtor' as const, partyId: 'D1' },
    outcome: h.outcome,
    organizationId: 'ORG1',
    ...(h.channel === 'voice' ? { phoneRef: h.phoneRef, direction: h.inbound ? ('inbound' as const) : ('outbound' as const) } : {}),
  })) as NonNullable<ContextInput['history']>;
  let agreement = s.base.agreement;
  if (agreement !== undefined) {
    const { validFrom: _from, validUntil: _until, ...rest } = agreement;
    const bounds =
      s.validity === 'from-now' ? { validFrom: iso(atMs) }
        : s.validity === 'until-now' ? { validUntil: iso(atMs) }
          : s.validity === 'until-just-before' ? { validUntil: iso(atMs - 1) }
            : s.validity === 'from-just-after' ? { validFrom: iso(atMs + 1) }
              : { ...(agreement.validFrom === undefined ? {} : { validFrom: agreement.validFrom }), ...(agreement.validUntil === undefined ? {} : { validUntil: agreement.validUntil }) };
    agreement = { ...rest, ...bounds, ...(s.numberCap === undefined ? {} : { unansweredAttemptsDailyCap: s.numberCap }) };
  }
  const { agreement: _a, history: _h, ...rest } = s.base;
  const context: ContextInput = { ...rest, debtor, history, ...(agreement === undefined ? {} : { agreement }) };
  return { context, atMs, call: (ms) => action({ at: iso(ms), purpose: 'reminder', phoneRef: s.phone }) };
}

const HOUR_RULES = new Set(['collection-hours', 'agreed-hours']);
const hoursDeny = (d: Decision): boolean => d.violations.some((v) => HOUR_RULES.has(v.rule));

describe('quota, the schedule search and the rules read one agreement, one window and one cap', () => {
  for (const name of Object.keys(guards) as GuardName[]) {
    it(`${name}: quota's window is open exactly when the hour rules allow, from the same agreement in force; its caps are the rules' caps`, () => {
      const guard = guards[name];
      fc.assert(
        fc.property(scenario, (s) => {
          const c = build(s);
          const at = iso(c.atMs);
          const q = guard.quota(c.context, at);
          expect(q.ok).toBe(true);
          const quota = q.quota!;
          const decision = guard.checkSync(c.context, c.call(c.atMs));
          expect(decision.violations.filter((v) => v.rule === 'invalid-input')).toEqual([]);

          // The window: open iff neither hour rule denies; the governing source is the rule that ran.
          expect(hoursDeny(decision)).toBe(!quota.window.open);
          expect(decision.evaluated.includes('agreed-hours')).toBe(quota.window.source === 'agreement');
          expect(decision.evaluated.includes('collection-hours')).toBe(quota.window.source === 'default');

          // The voice cap: reached iff nothing is left, and the rule names quota's cap and reason.
          const voice = decision.violations.find((v) => v.rule === 'voice-daily-cap');
          expect(voice !== undefined).toBe(quota.voice.left === 0);
          if (voice !== undefined) expect(voice.facts).toMatchObject({ count: quota.voice.used, cap: quota.voice.cap, capReason: quota.voice.capReason, capSource: quota.voice.capSource });

          // The cap per number (cba-2026 only): the rule's cap is quota's, reached iff nothing is left.
          const numberCapped = decision.violations.find((v) => v.rule === 'unanswered-attempts-cap');
          if (quota.unansweredByNumber === null) {
            expect(decision.evaluated).not.toContain('unanswered-attempts-cap');
          } else {
            const phone = c.call(c.atMs).phoneRef as string;
            const left = quota.unansweredByNumber[phone];
            if (left !== undefined) {
              expect(numberCapped !== undefined).toBe(left.left === 0);
              if (numberCapped !== undefined) expect(numberCapped.facts).toMatchObject({ count: left.used, cap: left.cap });
            } else if (numberCapped !== undefined) {
              // No unanswered attempt on that number yet: only a cap of 0 stops the first.
              expect(numberCapped.facts).toMatchObject({ count: 0, cap: 0 });
            }
          }

          // The next change of the window is where the hour rules change their answer, and not before.
          const flipText = quota.window.open ? quota.window.closesAt : quota.window.opensAt;
          if (flipText !== null) {
            const flip = parseInstant(flipText);
            expect(flip).toBeGreaterThan(c.atMs);
            expect(hoursDeny(guard.checkSync(c.context, c.call(flip)))).toBe(quota.window.open);
            expect(hoursDeny(guard.checkSync(c.context, c.call(flip - 1)))).toBe(!quota.window.open);
            const between = c.atMs + Math.floor((flip - c.atMs) / 2);
            expect(hoursDeny(guard.checkSync(c.context, c.call(between)))).toBe(!quota.window.open);
          }
        }),
        { numRuns: 250 },
      );
    });
  }

  it('the schedule search opens where quota says the window opens, when only the hours stood in the way', () => {
    const guard = guards.national;
    let compared = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        const c = build(s);
        const first = guard.checkSync(c.context, c.call(c.atMs));
        if (first.violations.length === 0 || !first.violations.every((v) => HOUR_RULES.has(v.rule))) return;
        const opensAt = guard.quota(c.context, iso(c.atMs)).quota?.window.opensAt ?? null;
        // quota looks at most 8 days ahead for a window edge, but names a validity bound at any distance.
        if (opensAt === null || parseInstant(opensAt) > c.atMs + HORIZON_DAYS * DAY) return;
        if (guard.checkSync(c.context, c.call(parseInstant(opensAt))).outcome !== 'allow') return;
        const r = guard.scheduleAction(c.context, c.call(c.atMs), { horizonDays: HORIZON_DAYS });
        expect(r.status).toBe('allowed');
        expect(parseInstant(r.at as string)).toBe(parseInstant(opensAt));
        compared += 1;
      }),
      { numRuns: 300 },
    );
    // The property looked at enough cases to mean something.
    expect(compared).toBeGreaterThan(20);
  });

  it('the clock changes the generator aims at are real ones', () => {
    for (const [zone, t] of CLOCK_CHANGES) expect(zoneOffset(t - HOUR, zone)).not.toBe(zoneOffset(t + HOUR, zone));
    // And they lie inside the range of the generated instants.
    for (const [, t] of CLOCK_CHANGES) expect(t).toBeGreaterThan(Date.UTC(2026, 9, 1) + DAY);
  });
});
