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

describe('examples/reschedule.ts', () => {
  it('moves each blocked call to the earliest allowed instant, or drops it with the reason', async () => {
    const { plan } = await import('../examples/reschedule.js');
    expect(plan.map((p) => [p.account, p.retryAt, p.reasons])).toEqual([
      ['A-001', '2026-12-01T08:00:00+08:00', []],
      ['A-002', '2026-12-01T08:00:00+08:00', []],
      ['A-003', '2026-11-30T12:00:00+08:00', []],
      ['A-004', '2026-11-30T08:00:00-05:00', []],
      ['A-005', null, ['settled-debt']],
    ]);
  });
});
