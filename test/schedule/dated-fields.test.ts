/**
 * The scheduler tries the instants of the dated fields the rules declare (`dated`, src/core/define-rule.ts),
 * not a hand-written list: these tests check that a rule whose answer a dated field changes declares it
 * (so the field is in the scheduler's list), that every declaration is real, and that every instant of
 * the input schemas is either a dated field or named here as one that never cures a deny.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { cba2026Profile, nationalProfile, type ActionInput, type ContextInput } from '../../src/index.js';
import { deriveFacts } from '../../src/core/facts.js';
import { compileProfile } from '../../src/profiles/compile.js';
import { DATED_FIELDS, datedFieldsOf, type DatedField } from '../../src/core/define-rule.js';
import { rules } from '../../src/rules/index.js';
import { Action } from '../../src/schema/action.js';
import { Context } from '../../src/schema/context.js';
import type { Rule } from '../../src/core/define-rule.js';
import { Instant } from '../../src/schema/primitives.js';
import { action, agencyOrganization, aiActor, context, humanActor, past } from '../support/fixtures.js';

const BEFORE = '2026-11-01T00:00:00+08:00'; // before the fixtures' action (2026-11-30 10:00 Shanghai)
const AFTER = '2026-12-15T00:00:00+08:00';

type Input = { readonly context: ContextInput; readonly action: ActionInput };
type Json = Record<string, unknown>;

const withAgreement = (ctx: ContextInput, key: string, value: string): ContextInput => ({ ...ctx, agreement: { ...(ctx.agreement as Json), [key]: value } as ContextInput['agreement'] });
const withGuarantor = (ctx: ContextInput, key: string, value: string): ContextInput => ({ ...ctx, guarantors: (ctx.guarantors ?? []).map((g) => ({ ...g, [key]: value })) });
const withOrganization = (act: ActionInput, set: (org: Json) => Json): ActionInput => ({ ...act, actor: { ...act.actor, organization: set(act.actor.organization as Json) } as ActionInput['actor'] });
const withPart = (act: ActionInput, part: 'collector' | 'ai', key: string, value: string): ActionInput => {
  const own = (act.actor as Json)[part] as Json | undefined;
  return own === undefined ? act : { ...act, actor: { ...act.actor, [part]: { ...own, [key]: value } } as ActionInput['actor'] };
};

/** How to set each dated field of an input to an instant (every element of a list). */
const SET: Record<DatedField, (input: Input, value: string) => Input> = {
  'context.agreement.validFrom': (i, v) => ({ ...i, context: withAgreement(i.context, 'validFrom', v) }),
  'context.agreement.validUntil': (i, v) => ({ ...i, context: withAgreement(i.context, 'validUntil', v) }),
  'context.guarantors[].validFrom': (i, v) => ({ ...i, context: withGuarantor(i.context, 'validFrom', v) }),
  'context.guarantors[].validUntil': (i, v) => ({ ...i, context: withGuarantor(i.context, 'validUntil', v) }),
  'context.contacts[].volunteeredToRepayAt': (i, v) => ({ ...i, context: { ...i.context, contacts: (i.context.contacts ?? []).map((c) => ({ ...c, volunteeredToRepayAt: v })) } }),
  'action.actor.organization.outsourcingAgreement.validFrom': (i, v) => ({ ...i, action: withOrganization(i.action, (o) => (o.outsourcingAgreement === undefined ? o : { ...o, outsourcingAgreement: { ...(o.outsourcingAgreement as Json), validFrom: v } })) }),
  'action.actor.organization.outsourcingAgreement.validUntil': (i, v) => ({ ...i, action: withOrganization(i.action, (o) => (o.outsourcingAgreement === undefined ? o : { ...o, outsourcingAgreement: { ...(o.outsourcingAgreement as Json), validUntil: v } })) }),
  'action.actor.organization.lastEvaluatedAt': (i, v) => ({ ...i, action: withOrganization(i.action, (o) => (o.kind === 'agency' ? { ...o, lastEvaluatedAt: v } : o)) }),
  'action.actor.collector.preJobTrainingPassedAt': (i, v) => ({ ...i, action: withPart(i.action, 'collector', 'preJobTrainingPassedAt', v) }),
  'action.actor.collector.lastTrainingAssessedAt': (i, v) => ({ ...i, action: withPart(i.action, 'collector', 'lastTrainingAssessedAt', v) }),
  'action.actor.collector.confidentialityPledgeSignedAt': (i, v) => ({ ...i, action: withPart(i.action, 'collector', 'confidentialityPledgeSignedAt', v) }),
  'action.actor.ai.fairnessReviewedAt': (i, v) => ({ ...i, action: withPart(i.action, 'ai', 'fairnessReviewedAt', v) }),
  'action.actor.ai.reliabilityValidatedAt': (i, v) => ({ ...i, action: withPart(i.action, 'ai', 'reliabilityValidatedAt', v) }),
  'action.actor.ai.securityAssessedAt': (i, v) => ({ ...i, action: withPart(i.action, 'ai', 'securityAssessedAt', v) }),
};

/**
 * Cases in which every dated field can matter: an agreement whose window excludes 10:00 and whose caps are
 * already reached today, a guarantee, a contact the repayment information goes to, toward each role, by a
 * human of the lender, a human of an agency and an AI of an agency.
 */
function bases(): Input[] {
  const ctx = context({
    debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false },
    agreement: { ref: 'A1', windows: [{ start: '18:00', end: '19:00' }], voiceDailyCap: 1, unansweredAttemptsDailyCap: 1 },
    guarantors: [{ partyId: 'G1', agreementRef: 'GA-1', coversDebt: true, liabilityCap: 5000 }],
    history: [
      { ...past('voice', '2026-11-30T08:30:00+08:00', 'connected'), phoneRef: 'P1' },
      { ...past('voice', '2026-11-30T09:00:00+08:00', 'not_connected'), phoneRef: 'P1' },
    ] as ContextInput['history'],
  } as Partial<ContextInput>);
  const targets: Partial<ActionInput>[] = [
    { target: { role: 'debtor', partyId: 'D1' }, phoneRef: 'P1' },
    { target: { role: 'guarantor', partyId: 'G1' }, amountDemanded: 1000 },
    { target: { role: 'contact', partyId: 'C1' }, purpose: 'repayment_info', disclosures: ['repayment_info'] },
  ];
  const actors: ActionInput['actor'][] = [humanActor(), humanActor({ organization: agencyOrganization() }), aiActor({ organization: agencyOrganization() })];
  return targets.flatMap((t) => actors.map((actor) => ({ context: ctx, action: action({ ...t, actor }) })));
}

const profiles = [compileProfile(nationalProfile), compileProfile(cba2026Profile)];

/** A rule's own answer on an input: whether it applies, and what it finds (the rule alone, not the decision). */
function answer(rule: Rule, input: Input, limits: (typeof profiles)[number]): string {
  const facts = deriveFacts(Context.parse(input.context), Action.parse(input.action));
  return JSON.stringify(rule.appliesTo(facts, limits) ? rule.check(facts, limits) : 'not applicable');
}

/** The rules whose answer changes when a dated field moves from before the action to after it. */
function readers(field: DatedField): Set<string> {
  const out = new Set<string>();
  for (const base of bases()) {
    const [before, after] = [BEFORE, AFTER].map((v) => SET[field](base, v));
    for (const limits of profiles) {
      for (const rule of rules) if (answer(rule, before as Input, limits) !== answer(rule, after as Input, limits)) out.add(rule.id);
    }
  }
  return out;
}

describe('the dated fields the scheduler tries come from the rules', () => {
  const fields = Object.keys(DATED_FIELDS) as DatedField[];
  const scheduled = datedFieldsOf(rules);

  it.each(fields)('a rule whose answer %s changes declares it, and so it is in the scheduler list', (field) => {
    const read = readers(field);
    for (const id of read) expect(rules.find((r) => r.id === id)?.dated ?? [], `${id} reads ${field}`).toContain(field);
    if (read.size > 0) expect(scheduled).toContain(field);
  });

  it('every declaration is real: the field changes the answer of the rule that declares it', () => {
    for (const rule of rules) {
      for (const field of rule.dated ?? []) expect(readers(field), `${rule.id} declares ${field}`).toContain(rule.id);
    }
  });

  it('the scheduler tries every dated field the built-in rules read', () => {
    expect(scheduled).toEqual(fields.filter((f) => rules.some((r) => r.dated?.includes(f))));
    expect(scheduled.length).toBeGreaterThan(0);
  });

  it('every instant of the input is a dated field, or one that never cures a deny', () => {
    /** Instants that are not candidates: the action's own instant, history, and facts that only make things worse. */
    const NOT_CANDIDATES = ['action.at', 'context.history[].at', 'context.debt.settledAt', 'context.contacts[].optedOutAt'];
    const found: string[] = [];
    const walk = (schema: z.ZodType, path: string): void => {
      if (schema === Instant) {
        found.push(path);
        return;
      }
      const def = (schema as unknown as { _zod: { def: Json } })._zod.def;
      if (def.type === 'object') for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) walk(child, `${path}.${key}`);
      else if (def.type === 'array') walk(def.element as z.ZodType, `${path}[]`);
      else if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'readonly') walk(def.innerType as z.ZodType, path);
      else if (def.type === 'pipe') walk(def.in as z.ZodType, path);
      else if (def.type === 'union') for (const option of def.options as z.ZodType[]) walk(option, path);
    };
    walk(Context, 'context');
    walk(Action, 'action');
    expect(found).toEqual(expect.arrayContaining(NOT_CANDIDATES));
    expect(found.filter((p) => !NOT_CANDIDATES.includes(p)).sort()).toEqual([...fields].sort());
  });
});
