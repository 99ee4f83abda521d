import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import rule from '../../src/rules/visit-daily-cap.js';
import { context, past, visitAction } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './visit-daily-cap.cases.js';

runRuleTester(rule, table);

describe('visit-daily-cap (beyond the table)', () => {
  const NOT_APPLYING = new Set(['a visit to a guarantor: the rule does not apply', 'a call after a visit: the rule does not apply']);

  it('its valid cases are allowed as a whole, and it applies unless named; its denies are its own alone', () => {
    for (const c of table.valid) {
      const d = checkAction(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated.includes(rule.id), c.name).toBe(!NOT_APPLYING.has(c.name));
    }
    for (const c of table.invalid) expect(checkAction(c.context, c.action).violations.map((v) => v.rule), c.name).toEqual([rule.id]);
  });

  it('cites 5.3 and names the local day in its message', () => {
    const d = checkAction(context({ history: [past('visit', '2026-11-30T08:30:00+08:00', 'completed')] }), visitAction());
    expect(d.violations[0]).toMatchObject({ rule: 'visit-daily-cap', clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '上门催收频次' } });
    expect(d.violations[0]?.message.en).toContain('2026-11-30');
  });
});
