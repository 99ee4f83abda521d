/**
 * A rule's scope (src/core/rule-scope.ts) is an index, never a second opinion: the engine asks `appliesTo`
 * only of the rules whose scope holds the action, so a scope must never leave out an action its rule
 * applies to. Examples of the scope itself and of a malformed one (defineRule refusing it at load is in
 * test/rule-modules.test.ts), then properties on generated cases: outside its scope every built-in rule's
 * `appliesTo` is false, and the rules an index selects give the very evaluation that all the rules give,
 * under the national profile, cba-2026 and an overlay.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFacts } from '../src/core/facts.js';
import { runRules } from '../src/core/evaluate.js';
import { indexRules, inScope, scopeProblems, type RuleScope, type ScopedFacts } from '../src/core/rule-scope.js';
import { validate } from '../src/core/validate.js';
import { compileProfile, nationalLimits } from '../src/profiles/compile.js';
import { presetLimits, resolveProfile } from '../src/profiles/resolve.js';
import { applyOverlay } from '../src/profiles/tighten.js';
import { rules } from '../src/rules/index.js';
import { Action, Context } from '../src/schema/index.js';
import { action as actionArb, context as caseArb } from './support/arbitraries.js';

const voiceToDebtor: ScopedFacts = { channel: 'voice', targetRole: 'debtor', actorKind: 'human', organizationKind: 'lender' };

describe('inScope', () => {
  it('admits every action without a scope, or with a scope that leaves every dimension out', () => {
    expect(inScope(undefined, voiceToDebtor)).toBe(true);
    expect(inScope({}, voiceToDebtor)).toBe(true);
  });

  it.each<[string, RuleScope, boolean]>([
    ['the channel listed', { channels: ['voice'] }, true],
    ['another channel only', { channels: ['visit'] }, false],
    ['the role among others', { targetRoles: ['contact', 'debtor'] }, true],
    ['another role only', { targetRoles: ['contact'] }, false],
    ['the actor kind', { actorKinds: ['human'] }, true],
    ['another actor kind', { actorKinds: ['ai'] }, false],
    ['another organization kind', { organizationKinds: ['agency'] }, false],
    ['every dimension holding the action', { channels: ['voice', 'sms'], targetRoles: ['debtor'], actorKinds: ['human', 'ai'], organizationKinds: ['lender'] }, true],
    ['all but one dimension holding it', { channels: ['voice'], targetRoles: ['debtor'], actorKinds: ['human'], organizationKinds: ['agency'] }, false],
  ])('a voice call to the debtor by a lender\'s collector, scope with %s: %s', (_, scope, admitted) => {
    expect(inScope(scope, voiceToDebtor)).toBe(admitted);
  });
});

describe('scopeProblems', () => {
  it('has nothing to say of a well-formed scope', () => {
    expect(scopeProblems(undefined)).toEqual([]);
    expect(scopeProblems({ channels: ['visit'], targetRoles: ['debtor', 'guarantor'], actorKinds: ['ai'], organizationKinds: ['agency'] })).toEqual([]);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['an empty list', { channels: [] }, 'scope.channels', /is empty/],
    ['a value the input cannot have', { targetRoles: ['debtor', 'borrower'] }, 'scope.targetRoles', /"borrower" is not one of debtor, guarantor, contact, third_party/],
    ['a misspelt channel', { channels: ['Voice'] }, 'scope.channels', /"Voice" is not one of/],
    ['an unknown dimension', { channel: ['voice'] }, 'scope.channel', /is not a dimension of a scope/],
  ])('names %s', (_, scope, path, message) => {
    const problems = scopeProblems(scope as RuleScope);
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0]?.message).toMatch(message);
  });
});

describe('indexRules', () => {
  const named = (id: string, scope?: RuleScope) => ({ id, scope });
  const list = [named('all'), named('visit', { channels: ['visit'] }), named('contact', { targetRoles: ['contact'] }), named('ai', { actorKinds: ['ai'] }), named('agency', { organizationKinds: ['agency'] }), named('voice-debtor', { channels: ['voice'], targetRoles: ['debtor'] })];
  const index = indexRules(list);
  const ids = (facts: ScopedFacts) => index.select(facts).map((r) => r.id);

  it('selects the rules whose scope holds the action, in the list\'s order', () => {
    expect(ids(voiceToDebtor)).toEqual(['all', 'voice-debtor']);
    expect(ids({ channel: 'visit', targetRole: 'contact', actorKind: 'ai', organizationKind: 'agency' })).toEqual(['all', 'visit', 'contact', 'ai', 'agency']);
    expect(ids({ channel: 'voice', targetRole: 'guarantor', actorKind: 'human', organizationKind: 'lender' })).toEqual(['all']);
    expect(index.rules).toBe(list);
  });

  it('builds each combination once and hands out the same list after', () => {
    expect(index.select(voiceToDebtor)).toBe(index.select({ ...voiceToDebtor }));
  });

  it('selects every rule for facts with a value outside the schemas (hand-made facts): appliesTo then decides', () => {
    expect(index.select({ ...voiceToDebtor, channel: 'fax' as ScopedFacts['channel'] })).toBe(list);
    expect(index.select({ ...voiceToDebtor, actorKind: 'robot' as ScopedFacts['actorKind'] })).toBe(list);
  });
});

describe('the built-in rules\' scopes (properties)', () => {
  const limitsOf = {
    national: nationalLimits,
    'cba-2026': presetLimits('cba-2026'),
    overlay: compileProfile(applyOverlay(resolveProfile(undefined), { windowStart: '09:00', windowEnd: '21:00', voiceDailyCap: 2, unansweredAttemptsPerNumberDailyCap: 2 })),
  };
  const index = indexRules(rules);
  const cases = fc.record({ context: caseArb, action: actionArb, limits: fc.constantFrom(...Object.values(limitsOf)) });
  const factsOf = (context: unknown, action: unknown) => {
    const c = validate(Context, context, 'context');
    const a = validate(Action, action, 'action');
    if (!c.ok || !a.ok) throw new Error('the arbitraries made invalid input');
    return deriveFacts(c.value, a.value);
  };

  it('some built-in rules have a scope, and the generated cases reach inside and outside each', () => {
    expect(rules.filter((r) => r.scope !== undefined).length).toBeGreaterThan(10);
    const inside = new Set<string>();
    const outside = new Set<string>();
    fc.assert(
      fc.property(cases, ({ context, action }) => {
        const facts = factsOf(context, action);
        for (const rule of rules) (inScope(rule.scope, facts) ? inside : outside).add(rule.id);
      }),
      { numRuns: 300, seed: 45251 },
    );
    expect([...inside].sort()).toEqual(rules.map((r) => r.id).sort());
    expect([...outside].sort()).toEqual(rules.filter((r) => r.scope !== undefined).map((r) => r.id).sort());
  });

  it('outside its scope, no rule applies', () => {
    fc.assert(
      fc.property(cases, ({ context, action, limits }) => {
        const facts = factsOf(context, action);
        for (const rule of rules) if (!inScope(rule.scope, facts)) expect(rule.appliesTo(facts, limits), rule.id).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('the rules the index selects give the evaluation all the rules give', () => {
    fc.assert(
      fc.property(cases, ({ context, action, limits }) => {
        const facts = factsOf(context, action);
        expect(runRules(index.select(facts), facts, limits)).toEqual(runRules(rules, facts, limits));
      }),
      { numRuns: 300 },
    );
  });
});
