import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import rule from '../../src/rules/visit-premises.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './visit-premises.cases.js';

runRuleTester(rule, table);

describe('visit-premises (beyond the table)', () => {
  const NOT_APPLYING = new Set(['not a visit: the rule does not apply']);

  it('its valid cases are allowed as a whole, and it applies unless named; its denies are its own alone, with no facts', () => {
    for (const c of table.valid) {
      const d = checkAction(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated.includes(rule.id), c.name).toBe(!NOT_APPLYING.has(c.name));
    }
    for (const c of table.invalid) {
      const d = checkAction(c.context, c.action);
      expect(d.violations.map((v) => [v.rule, v.facts]), c.name).toEqual(c.violations.map(() => [rule.id, {}]));
    }
  });

  it('cites 5.3, topic 上门催收场所, with a message in each language', () => {
    for (const c of table.invalid) {
      for (const v of checkAction(c.context, c.action).violations) {
        expect(v.clause).toMatchObject({ standard: 'GB/T 45251—2025', clause: '5.3', topic: '上门催收场所' });
        expect(v.message.zh).not.toBe('');
        expect(v.message.en).not.toBe('');
      }
    }
  });
});
