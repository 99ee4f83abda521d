import { describe, expect, it } from 'vitest';
import { scenarios } from '../examples/quickstart.js';

describe('examples/quickstart.ts (npm start)', () => {
  it('prints the four decisions the README promises', () => {
    expect(scenarios.map((s) => [s.decision.outcome, s.decision.violations.map((v) => v.rule)])).toEqual([
      ['allow', []],
      ['deny', ['collection-hours']],
      ['deny', ['voice-daily-cap']],
      ['deny', ['visit-staffing']],
    ]);
  });
});

describe('README', () => {
  it('shows examples/basic.ts as its usage example, and the decision it prints', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const code = readFileSync(new URL('../examples/basic.ts', import.meta.url), 'utf8');
    expect(readme).toContain(code.replace("'../src/index.js'", "'cuishou-guard'").replace('export const decision', 'const decision'));
    const { decision } = await import('../examples/basic.js');
    expect(decision.outcome).toBe('deny');
    expect(decision.violations.map((v) => v.rule)).toEqual(['collection-hours']);
    const evaluated = /"evaluated": (\[[^\]]*\])/.exec(readme)?.[1];
    expect(JSON.parse(evaluated ?? '[]')).toEqual(decision.evaluated);
    const facts = /"facts": (\{[^}]*\})/.exec(readme)?.[1];
    expect(JSON.parse(facts ?? '{}')).toEqual(decision.violations[0]?.facts);
  });
});
