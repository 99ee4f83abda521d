import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineRequirements, programChecks, programEvidence, ruleEvidence, rules } from '../src/index.js';
import { clauseMatrix, programTestsOf } from '../scripts/clause-matrix.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('the clause matrix cannot drift', () => {
  it('docs/clauses.md is the generated matrix (npm run docs:clauses)', () => {
    expect(read('docs/clauses.md')).toBe(clauseMatrix());
  });

  it('has the confidence of every rule in the registry, and of no other', () => {
    expect(Object.keys(ruleEvidence).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const e of Object.values(ruleEvidence)) {
      expect(e.confidence.length).toBeGreaterThan(0);
      expect(e.interpretation.trim()).not.toBe('');
    }
  });

  it("agrees with each rule doc's confidence row", () => {
    for (const r of rules) {
      const row = /^\| confidence \(docs\/guideline\.md\) \| (.*) \|$/m.exec(read(`docs/rules/${r.id}.md`));
      if (row !== null) expect(ruleEvidence[r.id]?.note, r.id).toBe(row[1]);
    }
  });

  it("gathers each rule's own evidence (declared in its module)", () => {
    for (const r of rules) expect(ruleEvidence[r.id], r.id).toBe(r.evidence);
  });

  it('has the confidence of every clause a program check cites, the same for every check of a clause, and a test file for every check', () => {
    for (const check of programChecks) {
      expect(check.evidence.confidence.length, check.id).toBeGreaterThan(0);
      expect(check.evidence.interpretation.trim(), check.id).not.toBe('');
      expect(programEvidence[check.clause.clause]?.note, check.id).toBe(check.evidence.note);
      expect(programEvidence[check.clause.clause]?.interpretation, check.id).toContain(check.evidence.interpretation);
      expect(programTestsOf(check.id), check.id).not.toEqual([]);
    }
  });

  it('names test files that exist', () => {
    for (const q of engineRequirements) for (const t of q.tests) expect(existsSync(new URL(`../${t}`, import.meta.url)), t).toBe(true);
  });
});
