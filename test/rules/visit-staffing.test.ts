import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/index.js';
import rule from '../../src/rules/visit-staffing.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './visit-staffing.cases.js';

runRuleTester(rule, table);

describe('visit-staffing (beyond the table)', () => {
  const NOT_APPLYING = new Set(['not a visit: the rule does not apply']);

  it('its valid cases are allowed as a whole, and it applies unless named; its denies are its own alone', () => {
    for (const c of table.valid) {
      const d = createGuard(c.guard ?? {}).checkSync(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated.includes(rule.id), c.name).toBe(!NOT_APPLYING.has(c.name));
    }
    for (const c of table.invalid) expect(createGuard(c.guard ?? {}).checkSync(c.context, c.action).violations.map((v) => v.rule), c.name).toEqual([rule.id]);
  });

  it('cites 5.3, topic 上门催收人数, and names the staff count in its message', () => {
    for (const c of table.invalid) {
      const v = createGuard(c.guard ?? {}).checkSync(c.context, c.action).violations[0];
      expect(v?.clause, c.name).toMatchObject({ standard: 'GB/T 45251—2025', clause: '5.3', topic: '上门催收人数' });
      expect(v?.message.en, c.name).toContain(String(v?.facts.staffCount));
    }
  });
});
