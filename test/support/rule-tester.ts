/**
 * A RuleTester in the manner of ESLint's: a table of valid and invalid cases for one rule, run through a
 * guard, with the policing that keeps a rule's table honest. It fails when
 * - a case is a duplicate of another (same guard, context and action), or two cases share a name;
 * - a message code of the rule is never exercised by any case (violation or obligation);
 * - a case expects a code the rule does not declare (an unknown message id);
 * - a rendered message still holds a `{placeholder}` (a fact the rule did not give);
 * - `evaluated` disagrees with the rule's own `appliesTo` on the case's facts;
 * - an invalid case's findings of this rule differ from its `violations` (code, then facts as a subset,
 *   or whole with `exact`), a valid case has a finding of this rule, or a case's obligations, outcome or
 *   `evaluated` differ from its `obligations`, `outcome` or `evaluated` when it gives them.
 *
 * The checks are pure functions in rule-cases.ts (tested by rule-tester.test.ts); this file only turns
 * their problems into vitest tests. Tables are plain data (test/rules/<id>.cases.ts, no vitest), so that
 * scripts/rule-docs.ts can write the examples of docs/rules/<id>.md from the cases marked `doc`.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/index.js';
import { caseProblems, exercisedCodes, runCase, tableProblems, unexercisedProblems, type RuleTable, type ValidCase } from './rule-cases.js';

export type { ExpectedFinding, InvalidCase, RuleTable, TesterProblem, ValidCase } from './rule-cases.js';

const messages = (problems: readonly { message: string }[]) => problems.map((p) => p.message);

/** Runs a rule's table as a vitest suite. */
export function runRuleTester(rule: Rule, table: RuleTable): void {
  describe(`${rule.id} (RuleTester)`, () => {
    const exercised = new Set<string>();

    it('has no duplicate cases, no unknown message codes and no invalid case that expects nothing', () => {
      expect(messages(tableProblems(rule, table))).toEqual([]);
    });

    const run = (c: ValidCase) => () => {
      const decision = runCase(rule, table, c);
      for (const code of exercisedCodes(rule, decision)) exercised.add(code);
      expect(messages(caseProblems(rule, table, c, decision))).toEqual([]);
    };
    for (const c of table.valid) it(`valid: ${c.name}`, run(c));
    for (const c of table.invalid) it(`invalid: ${c.name}`, run(c));

    it('exercises every message code of the rule', () => {
      expect(messages(unexercisedProblems(rule, exercised))).toEqual([]);
    });
  });
}
