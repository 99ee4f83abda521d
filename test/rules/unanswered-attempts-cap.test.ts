import { describe, expect, it } from 'vitest';
import { CBA_GUIDELINE, createGuard } from '../../src/index.js';
import rule from '../../src/rules/unanswered-attempts-cap.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './unanswered-attempts-cap.cases.js';

runRuleTester(rule, table);

const find = (name: string) => {
  const c = [...table.valid, ...table.invalid].find((x) => x.name === name);
  if (c === undefined) throw new Error(`no case named ${name}`);
  return c;
};
const decide = (name: string) => {
  const c = find(name);
  return createGuard(c.guard ?? table.guard).checkSync(c.context, c.action);
};

describe('unanswered-attempts-cap (beyond the table)', () => {
  const NOT_APPLYING = new Set(['the national profile sets no such cap: the rule does not apply', 'an sms is not concerned, even after eight attempts on its number']);

  it('its valid cases are allowed as a whole, and it applies unless named; its denies are its own alone', () => {
    for (const c of table.valid) {
      const d = decide(c.name);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated.includes(rule.id), c.name).toBe(!NOT_APPLYING.has(c.name));
    }
    for (const c of table.invalid) expect(decide(c.name).violations.map((v) => v.rule), c.name).toEqual([rule.id]);
  });

  it('marks its findings as the preset profile, citing the CBA guideline and building on GB/T 45251 5.3', () => {
    const d = decide('six unanswered attempts that day, some after the action: denied');
    expect(d.violations[0]?.clause).toMatchObject({ standard: CBA_GUIDELINE });
    expect(d.violations[0]?.source).toEqual({
      kind: 'profile',
      profile: 'cba-2026',
      limits: { unansweredAttemptsPerNumberDailyCap: { value: 6, national: null } },
      basis: expect.objectContaining({ standard: 'GB/T 45251—2025', clause: '5.3' }),
    });
  });

  it('an overlay can tighten it further (its finding says so) but not loosen it', () => {
    expect(decide('an overlay tightening the cap to 4: the fifth attempt is denied').violations[0]?.source?.kind).toBe('overlay');
    expect(() => createGuard({ profile: 'cba-2026', overlay: { unansweredAttemptsPerNumberDailyCap: 8 } })).toThrow(/looser than the base profile's 6/);
    expect(() => createGuard({ profile: 'cba-2026', overlay: { unansweredAttemptsPerNumberDailyCap: null } })).toThrow(/looser/);
  });
});
