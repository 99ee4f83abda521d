/**
 * A RuleTester in the manner of ESLint's: a table of valid and invalid cases for one rule, run through a
 * guard, with the policing that keeps a rule's table honest. It fails when
 * - a case is a duplicate of another (same context and action);
 * - a message code of the rule is never exercised by any case (violation or obligation);
 * - a rendered message still holds a `{placeholder}` (a fact the rule did not give);
 * - `evaluated` disagrees with the rule's own `appliesTo` on the case's facts;
 * - an invalid case's findings of this rule differ from its `violations` (code, then facts as a subset).
 */
import { describe, expect, it } from 'vitest';
import { ActionSchema, ContextSchema, createGuard, type ActionInput, type ContextInput, type Decision, type GuardOptions, type Rule } from '../../src/index.js';
import { deriveFacts } from '../../src/facts.js';
import { compileProfile } from '../../src/profiles/compile.js';

export interface ValidCase {
  readonly name: string;
  readonly context: ContextInput;
  readonly action: ActionInput;
}

export interface InvalidCase extends ValidCase {
  readonly violations: readonly { readonly code: string; readonly facts?: Record<string, unknown> }[];
}

export interface RuleTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
  /** The guard the cases run under (default: the national profile). */
  readonly guard?: GuardOptions;
}

const PLACEHOLDER = /\{\w+\}/;

/** The codes this rule reported in a decision, violations and obligations alike. */
function codesOf(rule: Rule, decision: Decision): string[] {
  return [...decision.violations, ...decision.obligations].filter((f) => f.rule === rule.id).map((f) => f.code);
}

/** Checks what every case must satisfy, and returns the codes it exercised. */
function policeCase(rule: Rule, guardOptions: GuardOptions, c: ValidCase, decision: Decision): string[] {
  const limits = compileProfile(createGuard(guardOptions).profile);
  const facts = deriveFacts(ContextSchema.parse(c.context), ActionSchema.parse(c.action));
  expect(decision.evaluated.includes(rule.id), `${c.name}: evaluated vs appliesTo`).toBe(rule.appliesTo(facts, limits));
  for (const f of [...decision.violations, ...decision.obligations].filter((x) => x.rule === rule.id)) {
    expect(f.message.zh, `${c.name}: ${f.code} zh placeholder`).not.toMatch(PLACEHOLDER);
    expect(f.message.en, `${c.name}: ${f.code} en placeholder`).not.toMatch(PLACEHOLDER);
  }
  return codesOf(rule, decision);
}

/** Runs a rule's table as a vitest suite. */
export function runRuleTester(rule: Rule, table: RuleTable): void {
  const guardOptions = table.guard ?? {};
  describe(`${rule.id} (RuleTester)`, () => {
    const exercised = new Set<string>();

    it('has no duplicate cases', () => {
      const seen = new Map<string, string>();
      for (const c of [...table.valid, ...table.invalid]) {
        const key = JSON.stringify([c.context, c.action]);
        expect(seen.get(key), `${c.name} duplicates ${seen.get(key) ?? ''}`).toBeUndefined();
        seen.set(key, c.name);
      }
    });

    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        const decision = createGuard(guardOptions).checkSync(c.context, c.action);
        expect(decision.violations.filter((v) => v.rule === rule.id)).toEqual([]);
        for (const code of policeCase(rule, guardOptions, c, decision)) exercised.add(code);
      });
    }

    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        const decision = createGuard(guardOptions).checkSync(c.context, c.action);
        const found = decision.violations.filter((v) => v.rule === rule.id);
        expect(found.map((v) => v.code)).toEqual(c.violations.map((v) => v.code));
        c.violations.forEach((expected, i) => {
          if (expected.facts !== undefined) expect(found[i]?.facts).toMatchObject(expected.facts);
        });
        for (const code of policeCase(rule, guardOptions, c, decision)) exercised.add(code);
      });
    }

    it('exercises every message code of the rule', () => {
      expect(Object.keys(rule.messages).filter((code) => !exercised.has(code))).toEqual([]);
    });
  });
}
