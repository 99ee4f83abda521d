/**
 * Each rule declares the profile limits it reads (`limits`, in its own module): provenance names them
 * when a finding exists only because a profile or overlay tightened one. These tests tighten each limit
 * alone and check that every rule whose answer changes declares it, and that every declaration is real.
 */
import { describe, expect, it } from 'vitest';
import { createGuard, nationalProfile, type ActionInput, type ContextInput, type Limits } from '../../src/index.js';
import type { Rule } from '../../src/core/define-rule.js';
import { deriveFacts } from '../../src/core/facts.js';
import { compileProfile, type CompiledLimits } from '../../src/profiles/compile.js';
import { rules } from '../../src/rules/index.js';
import { Action } from '../../src/schema/action.js';
import { Context } from '../../src/schema/context.js';
import { action, agencyOrganization, aiActor, context, humanActor, past, visitAction } from '../support/fixtures.js';

/** A value of each limit stricter than the national one, at the margin of the cases below. */
const TIGHTER: { readonly [K in keyof Limits]-?: Limits[K] } = {
  windowStart: '11:00', // the cases act at 10:00
  windowEnd: '09:30',
  voiceDailyCap: 1, // one connected call earlier that day
  visitDailyCap: 0,
  visitStaffMin: 3, // visits of 2 staff
  visitStaffMax: 1,
  recordRetentionYears: 3,
  trainingIntervalMonths: 3, // assessed 6 months before
  agencyEvaluationIntervalMonths: 3, // evaluated 7 months before
  minMlpsLevel: 4, // systems at level 3
  unansweredAttemptsPerNumberDailyCap: 1, // one unanswered attempt on the number that day
};

const national = compileProfile(nationalProfile);
const tightened = (name: keyof Limits): CompiledLimits => compileProfile({ ...nationalProfile, id: `tight-${name}`, limits: { ...nationalProfile.limits, [name]: TIGHTER[name] } });

function bases(): { context: ContextInput; action: ActionInput }[] {
  const ctx = context({
    history: [
      { ...past('voice', '2026-11-30T08:30:00+08:00', 'connected'), phoneRef: 'P1' },
      { ...past('voice', '2026-11-30T09:00:00+08:00', 'not_connected'), phoneRef: 'P1' },
    ] as ContextInput['history'],
  });
  const actors = [humanActor(), humanActor({ organization: agencyOrganization() }), aiActor({ organization: agencyOrganization() })];
  return actors.flatMap((actor) => [action({ actor, phoneRef: 'P1' }), visitAction({ actor })].map((act) => ({ context: ctx, action: act })));
}

function answer(rule: Rule, input: { context: ContextInput; action: ActionInput }, limits: CompiledLimits): string {
  const facts = deriveFacts(Context.parse(input.context), Action.parse(input.action));
  return JSON.stringify(rule.appliesTo(facts, limits) ? rule.check(facts, limits) : 'not applicable');
}

/** The rules whose answer changes when one limit is tightened. */
function readers(name: keyof Limits): Set<string> {
  const out = new Set<string>();
  const limits = tightened(name);
  for (const base of bases()) for (const rule of rules) if (answer(rule, base, national) !== answer(rule, base, limits)) out.add(rule.id);
  return out;
}

describe('rules declare the limits they read', () => {
  const names = Object.keys(TIGHTER) as (keyof Limits)[];

  it('tightens every limit of the schema', () => {
    expect([...names].sort()).toEqual(Object.keys(nationalProfile.limits).sort());
  });

  it.each(names)('a rule whose answer %s changes declares it', (name) => {
    for (const id of readers(name)) expect(rules.find((r) => r.id === id)?.limits ?? [], `${id} reads ${name}`).toContain(name);
  });

  it('every declaration is real: tightening the limit changes the answer of the rule that declares it', () => {
    for (const rule of rules) for (const name of rule.limits ?? []) expect(readers(name), `${rule.id} declares ${name}`).toContain(rule.id);
  });
});

describe('provenance names only the limits the rule reads', () => {
  it('a training lapsed under an overlay that also lowers the voice cap names the training interval alone', () => {
    const guard = createGuard({ overlay: { trainingIntervalMonths: 3, voiceDailyCap: 2 }, overlayId: 'bank' });
    const d = guard.checkSync(context(), action());
    expect(d.violations).toEqual([
      expect.objectContaining({
        rule: 'collector-training',
        code: 'training-assessment-lapsed',
        source: { kind: 'overlay', profile: 'gb-t-45251-2025+bank', limits: { trainingIntervalMonths: { value: 3, national: 12 } } },
      }),
    ]);
  });
});
