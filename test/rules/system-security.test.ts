import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import rule from '../../src/rules/system-security.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { withSystem } from '../support/who.js';
import table from './system-security.cases.js';

runRuleTester(rule, table);

describe('system-security (beyond the table)', () => {
  it('its valid cases are allowed as a whole; each finding carries exactly the facts listed', () => {
    for (const c of table.valid) {
      const d = createGuard(c.guard ?? {}).checkSync(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated, c.name).toContain(rule.id);
    }
    for (const c of table.invalid) {
      const found = createGuard(c.guard ?? {}).checkSync(c.context, c.action).violations.filter((v) => v.rule === rule.id);
      expect(found.map((v) => v.facts), c.name).toEqual(c.violations.map((v) => v.facts));
    }
  });

  it('cites clause 5.5, topic 催收系统安全', () => {
    const d = checkAction(context(), action({ actor: withSystem(null) }));
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.5', topic: '催收系统安全' });
  });
});
