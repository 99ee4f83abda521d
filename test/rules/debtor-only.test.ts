import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import rule from '../../src/rules/debtor-only.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { toContact, toGuarantor, unreachableDebtorCase } from '../support/who.js';
import table from './debtor-only.cases.js';

runRuleTester(rule, table);

describe('debtor-only (beyond the table)', () => {
  it('its valid cases are allowed as a whole, and it applies to every one', () => {
    for (const c of table.valid) {
      const d = createGuard().checkSync(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated, c.name).toContain(rule.id);
    }
  });

  it('the facts of a finding name the role and nothing else', () => {
    for (const c of table.invalid) {
      const found = checkAction(c.context, c.action).violations.filter((v) => v.rule === rule.id);
      expect(found.map((v) => v.facts), c.name).toEqual(c.violations.map((v) => v.facts));
    }
  });

  it('cites clause 5.3, topic 催收对象', () => {
    const d = checkAction(context(), action({ target: { role: 'debtor', partyId: 'D2' } }));
    expect(d.violations[0]).toMatchObject({ rule: 'debtor-only', clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '催收对象' } });
  });

  it('never lets a party id into the decision', () => {
    const secret = '张三-13800138000';
    const decisions = [
      checkAction(context(), action({ target: { role: 'third_party', partyId: secret } })),
      checkAction(unreachableDebtorCase(), toContact({ target: { role: 'contact', partyId: secret } })),
      checkAction(context(), toGuarantor({ target: { role: 'guarantor', partyId: secret } })),
      checkAction(context(), action({ target: { role: 'debtor', partyId: secret } })),
    ];
    for (const d of decisions) {
      expect(d.outcome).toBe('deny');
      expect(JSON.stringify(d)).not.toContain(secret);
      expect(JSON.stringify(d)).not.toContain('13800138000');
    }
  });
});
