/** Issue 13: every rule's tests go through the RuleTester, from a table that scripts/rule-docs.ts can read. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';

describe('every rule has a RuleTester table', () => {
  it.each(rules.map((r) => r.id))('%s: test/rules/<id>.cases.ts, run by runRuleTester in <id>.test.ts', async (id) => {
    const cases = new URL(`./${id}.cases.ts`, import.meta.url);
    expect(existsSync(cases)).toBe(true);
    const table = (await import(cases.href)) as { default: { valid: unknown[]; invalid: unknown[] } };
    expect(table.default.valid.length + table.default.invalid.length).toBeGreaterThan(1);
    expect(readFileSync(new URL(`./${id}.test.ts`, import.meta.url), 'utf8')).toMatch(/runRuleTester\(/);
  });
});
