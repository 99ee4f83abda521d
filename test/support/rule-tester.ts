/**
 * A RuleTester in the manner of ESLint's: a table of valid and invalid cases for one rule, run through a
 * guard, with the policing that keeps a rule's table honest. It fails when
 * - a case is a duplicate of another (same guard, context and action), or two cases share a name;
 * - a message code of the rule is never exercised by any case (violation or obligation);
 * - a case expects a code the rule does not declare (an unknown message id);
 * - a rendered message still holds a `{placeholder}` (a fact the rule did not give);
 * - `evaluated` disagrees with the rule's own `appliesTo` on the case's facts;
 * - an invalid case's findings of this rule differ from its `violations` (code, then facts as a subset),
 *   or a case's obligations of this rule differ from its `obligations` when it lists them.
 *
 * Tables are plain data (test/rules/<id>.cases.ts), so that scripts/rule-docs.ts can write the examples
 * of docs/rules/<id>.md from the cases marked `doc`.
 */
import { describe, expect, it } from 'vitest';
import { ActionSchema, ContextSchema, createGuard, type ActionInput, type ContextInput, type Decision, type GuardOptions, type Rule } from '../../src/index.js';
import { deriveFacts } from '../../src/core/facts.js';
import { compileProfile } from '../../src/profiles/compile.js';

/** A finding a case expects: its code, and (as a subset) its facts. */
export interface ExpectedFinding {
  readonly code: string;
  readonly facts?: Record<string, unknown>;
}

export interface ValidCase {
  readonly name: string;
  readonly context: ContextInput;
  readonly action: ActionInput;
  /** The guard this case runs under (default: the table's). */
  readonly guard?: GuardOptions;
  /** When given, the rule's obligations on this case, in order. */
  readonly obligations?: readonly ExpectedFinding[];
  /** When given, the case is shown in docs/rules/<id>.md under this caption (scripts/rule-docs.ts). */
  readonly doc?: string;
}

export interface InvalidCase extends ValidCase {
  readonly violations: readonly ExpectedFinding[];
}

export interface RuleTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
  /** The guard the cases run under (default: the national profile). */
  readonly guard?: GuardOptions;
}

const PLACEHOLDER = /\{\w+\}/;

function ofRule(rule: Rule, findings: Decision['violations']) {
  return findings.filter((f) => f.rule === rule.id);
}

function expectFindings(name: string, kind: string, found: Decision['violations'], expected: readonly ExpectedFinding[]): void {
  expect(found.map((v) => v.code), `${name}: ${kind}`).toEqual(expected.map((v) => v.code));
  expected.forEach((e, i) => {
    if (e.facts !== undefined) expect(found[i]?.facts, `${name}: facts of ${e.code}`).toMatchObject(e.facts);
  });
}

/** Checks what every case must satisfy, and returns the codes it exercised. */
function policeCase(rule: Rule, guardOptions: GuardOptions, c: ValidCase, decision: Decision): string[] {
  const limits = compileProfile(createGuard(guardOptions).profile);
  const facts = deriveFacts(ContextSchema.parse(c.context), ActionSchema.parse(c.action));
  expect(decision.evaluated.includes(rule.id), `${c.name}: evaluated vs appliesTo`).toBe(rule.appliesTo(facts, limits));
  const mine = [...ofRule(rule, decision.violations), ...ofRule(rule, decision.obligations)];
  for (const f of mine) {
    expect(f.message.zh, `${c.name}: ${f.code} zh placeholder`).not.toMatch(PLACEHOLDER);
    expect(f.message.en, `${c.name}: ${f.code} en placeholder`).not.toMatch(PLACEHOLDER);
  }
  if (c.obligations !== undefined) expectFindings(c.name, 'obligations', ofRule(rule, decision.obligations), c.obligations);
  return mine.map((f) => f.code);
}

/** Runs a rule's table as a vitest suite. */
export function runRuleTester(rule: Rule, table: RuleTable): void {
  const guardOf = (c: ValidCase): GuardOptions => c.guard ?? table.guard ?? {};
  const declared = new Set(Object.keys(rule.messages));
  describe(`${rule.id} (RuleTester)`, () => {
    const exercised = new Set<string>();

    it('has no duplicate cases and no unknown message codes', () => {
      const seen = new Map<string, string>();
      const names = new Set<string>();
      for (const c of [...table.valid, ...table.invalid]) {
        const key = JSON.stringify([guardOf(c), c.context, c.action]);
        expect(seen.get(key), `${c.name} duplicates ${seen.get(key) ?? ''}`).toBeUndefined();
        seen.set(key, c.name);
        expect(names.has(c.name), `two cases are named ${c.name}`).toBe(false);
        names.add(c.name);
        const expected = [...('violations' in c ? (c as InvalidCase).violations : []), ...(c.obligations ?? [])];
        for (const e of expected) expect(declared.has(e.code), `${c.name}: ${e.code} is not a message code of ${rule.id}`).toBe(true);
      }
    });

    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        const decision = createGuard(guardOf(c)).checkSync(c.context, c.action);
        expect(ofRule(rule, decision.violations), c.name).toEqual([]);
        for (const code of policeCase(rule, guardOf(c), c, decision)) exercised.add(code);
      });
    }

    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        expect(c.violations.length, `${c.name}: an invalid case expects at least one violation`).toBeGreaterThan(0);
        const decision = createGuard(guardOf(c)).checkSync(c.context, c.action);
        expectFindings(c.name, 'violations', ofRule(rule, decision.violations), c.violations);
        expect(decision.outcome).toBe('deny');
        for (const code of policeCase(rule, guardOf(c), c, decision)) exercised.add(code);
      });
    }

    it('exercises every message code of the rule', () => {
      expect([...declared].filter((code) => !exercised.has(code))).toEqual([]);
    });
  });
}
