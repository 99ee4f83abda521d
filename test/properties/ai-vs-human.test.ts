/**
 * "AI collection obeys every rule above, exactly as a human would" (docs/guideline.md, ai-compliance): swapping
 * a human collector for an AI system, or back, changes nothing but the actor rules' findings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, type ActionInput, type ContextInput, type Decision } from '../../src/index.js';
import { agencyOrganization, aiActor, humanActor } from '../support/fixtures.js';

const ACTOR_RULES = new Set(['collector-eligibility', 'collector-training', 'collector-standing', 'ai-fairness']);

const CHANNELS = ['voice', 'sms', 'im', 'email', 'letter', 'visit'] as const;
const PURPOSES = ['demand_payment', 'reminder', 'locate_debtor', 'relay_message', 'repayment_info'] as const;
const DISCLOSURES = ['debt_amount', 'overdue_duration', 'debt_details', 'repayment_info'] as const;
const CONDUCT = ['threat', 'insult', 'violence', 'harassment', 'impersonation', 'forged_document'] as const;
const DAY = '2026-11-30';

const pad = (n: number) => String(n).padStart(2, '0');
const localInstant = (secondOfDay: number) => `${DAY}T${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)}+08:00`;
const secondOfDay = fc.integer({ min: 0, max: 24 * 3600 - 1 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const defined = <T extends Record<string, unknown>>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;

const caseArb: fc.Arbitrary<ContextInput> = fc
  .record({
    reachable: fc.boolean(),
    deceased: fc.boolean(),
    legalCapacity: fc.constantFrom('full' as const, 'limited' as const, 'none' as const),
    settledAt: maybe(secondOfDay.map(localInstant)),
    optedOutAt: maybe(secondOfDay.map(localInstant)),
    volunteeredToRepayAt: maybe(secondOfDay.map(localInstant)),
    coversDebt: fc.boolean(),
    guaranteeUntil: maybe(secondOfDay.map(localInstant)),
    liabilityCap: maybe(fc.integer({ min: 0, max: 10_000 })),
    voiceConnected: fc.integer({ min: 0, max: 4 }),
    visits: fc.integer({ min: 0, max: 2 }),
    historyAt: fc.array(secondOfDay, { minLength: 6, maxLength: 6 }),
  })
  .map((g) => ({
    debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: g.reachable, deceased: g.deceased, legalCapacity: g.legalCapacity },
    debt: g.settledAt === undefined ? { id: 'L1', status: 'overdue' as const } : { id: 'L1', status: 'settled' as const, settledAt: g.settledAt },
    contacts: [defined({ partyId: 'C1', optedOutAt: g.optedOutAt, volunteeredToRepayAt: g.volunteeredToRepayAt })],
    guarantors: [defined({ partyId: 'G1', coversDebt: g.coversDebt, validUntil: g.guaranteeUntil, liabilityCap: g.liabilityCap })],
    history: [
      ...Array.from({ length: g.voiceConnected }, (_, i) => ({ channel: 'voice' as const, at: localInstant(g.historyAt[i] ?? 0), target: { role: 'debtor' as const, partyId: 'D1' }, outcome: 'connected' as const })),
      ...Array.from({ length: g.visits }, (_, i) => ({ channel: 'visit' as const, at: localInstant(g.historyAt[4 + i] ?? 0), target: { role: 'debtor' as const }, outcome: 'completed' as const })),
    ],
  }));

/** An action without its actor: everything the non-actor rules look at. */
const actionArb = fc
  .record({
    channel: fc.constantFrom(...CHANNELS),
    at: secondOfDay.map(localInstant),
    target: fc.constantFrom(
      { role: 'debtor' as const, partyId: 'D1' },
      { role: 'debtor' as const },
      { role: 'contact' as const, partyId: 'C1' },
      { role: 'guarantor' as const, partyId: 'G1' },
    ),
    purpose: maybe(fc.constantFrom(...PURPOSES)),
    disclosures: fc.uniqueArray(fc.constantFrom(...DISCLOSURES), { maxLength: 3 }),
    conduct: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...CONDUCT), { maxLength: 2 }) }),
    amountDemanded: maybe(fc.integer({ min: 0, max: 10_000 })),
    staffCount: fc.integer({ min: 1, max: 4 }),
    entersPrivateResidence: fc.boolean(),
    entersOfficeArea: fc.boolean(),
  })
  .map(({ staffCount, entersPrivateResidence, entersOfficeArea, ...a }) =>
    defined({ ...a, visit: a.channel === 'visit' ? { staffCount, entersPrivateResidence, entersOfficeArea } : undefined }) as Omit<ActionInput, 'actor'>,
  );

/** What the actor shares whichever kind it is: the organisation and the system attestation. */
const sharedArb = fc.record({
  organization: fc.constantFrom<Record<string, unknown>>({ id: 'ORG1', kind: 'lender' }, agencyOrganization(), { id: 'AG2', kind: 'agency' }),
  system: fc.constantFrom<Record<string, unknown> | undefined>(
    { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
    { mlpsLevel: 1, piiMasked: true, encryptedInTransit: false },
    undefined,
  ),
});

/** A collector or AI system that may lack any review, so that the reverse swap is covered too. */
const collectorArb = fc.record({
  id: fc.constant('E1'),
  violentCrimeRecord: maybe(fc.boolean()),
  seriousBadCredit: maybe(fc.boolean()),
  preJobTrainingPassedAt: maybe(fc.constant('2026-01-05T09:00:00+08:00')),
  lastTrainingAssessedAt: maybe(fc.constantFrom('2026-06-01T09:00:00+08:00', '2024-06-01T09:00:00+08:00')),
  confidentialityPledgeSignedAt: maybe(fc.constant('2026-01-05T09:00:00+08:00')),
  standing: maybe(fc.constantFrom('active' as const, 'suspended' as const, 'dismissed' as const)),
}).map(defined);
const aiArb = fc.record({
  id: fc.constant('BOT1'),
  fairnessReviewedAt: maybe(fc.constant('2026-06-01T09:00:00+08:00')),
  usesProtectedAttributes: maybe(fc.boolean()),
  reliabilityValidatedAt: maybe(fc.constant('2026-06-01T09:00:00+08:00')),
  humanHandoff: maybe(fc.boolean()),
  securityAssessedAt: maybe(fc.constant('2026-06-01T09:00:00+08:00')),
}).map(defined);

function withActor(base: Omit<ActionInput, 'actor'>, make: typeof humanActor, shared: { organization: Record<string, unknown>; system: Record<string, unknown> | undefined }, own: Record<string, unknown>): ActionInput {
  const actor = make({ organization: shared.organization, system: shared.system, ...own }) as Record<string, unknown>;
  return { ...base, actor: defined(actor) as ActionInput['actor'] };
}

const nonActor = (d: Decision) => ({
  violations: d.violations.filter((v) => !ACTOR_RULES.has(v.rule)).map((v) => `${v.rule}/${v.code}`),
  evaluated: d.evaluated.filter((id) => !ACTOR_RULES.has(id)),
});

const runs = { numRuns: 300 };

describe('AI and human actors face the same rules', () => {
  it('a fully reviewed AI in place of a human (or a compliant human in place of an AI) leaves every non-actor finding unchanged', () => {
    fc.assert(
      fc.property(caseArb, actionArb, sharedArb, fc.boolean(), (ctx, base, shared, humanFirst) => {
        const human = checkAction(ctx, withActor(base, humanActor, shared, {}));
        const ai = checkAction(ctx, withActor(base, aiActor, shared, {}));
        expect(human.violations.some((v) => v.rule === 'invalid-input')).toBe(false);
        const [from, to] = humanFirst ? [human, ai] : [ai, human];
        expect(nonActor(to)).toEqual(nonActor(from));
        // Both actors are fully reviewed: any deny comes from a non-actor rule, for both alike.
        expect(human.outcome).toBe(ai.outcome);
      }),
      runs,
    );
  });

  it('whatever the collector or AI system lacks, the non-actor violating rule ids are identical', () => {
    fc.assert(
      fc.property(caseArb, actionArb, sharedArb, collectorArb, aiArb, (ctx, base, shared, collector, ai) => {
        const human = checkAction(ctx, withActor(base, humanActor, shared, { collector }));
        const bot = checkAction(ctx, withActor(base, aiActor, shared, { ai }));
        expect(human.violations.some((v) => v.rule === 'invalid-input')).toBe(false);
        expect(bot.violations.some((v) => v.rule === 'invalid-input')).toBe(false);
        const ids = (d: Decision) => [...new Set(d.violations.map((v) => v.rule).filter((id) => !ACTOR_RULES.has(id)))];
        expect(ids(bot)).toEqual(ids(human));
        expect(nonActor(bot)).toEqual(nonActor(human));
        // The actor rules are each kind's own: a human is never judged by ai-fairness, nor an AI by collector-*.
        expect(human.evaluated).not.toContain('ai-fairness');
        expect(bot.evaluated.filter((id) => id.startsWith('collector-'))).toEqual([]);
      }),
      runs,
    );
  });

  it('non-actor denies actually occur in the generated space (the property is not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(caseArb, actionArb, sharedArb, (ctx, base, shared) => {
        for (const v of checkAction(ctx, withActor(base, aiActor, shared, {})).violations) seen.add(v.rule);
      }),
      { numRuns: 300, seed: 45251 },
    );
    for (const id of ['collection-hours', 'voice-daily-cap', 'visit-daily-cap', 'visit-staffing', 'visit-premises', 'contact-opt-out', 'contact-precondition', 'contact-purpose', 'contact-disclosure', 'guarantor-scope', 'settled-debt', 'lawful-conduct', 'system-security', 'agency-authorization']) {
      expect(seen).toContain(id);
    }
  });
});
