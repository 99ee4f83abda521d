import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import rule from '../../src/rules/guarantor-scope.js';
import { runRuleTester } from '../support/rule-tester.js';
import { guarantorCase, toGuarantor } from '../support/who.js';
import table from './guarantor-scope.cases.js';

runRuleTester(rule, table);

describe('guarantor-scope (beyond the table)', () => {
  /** Valid cases the rule does not apply to; the unregistered guarantor is denied by debtor-only. */
  const NOT_APPLYING = new Set(['the debtor: the rule does not apply', 'an unregistered guarantor: no guarantee to check (debtor-only denies)']);
  const DENIED_BY_OTHERS = new Map([['an unregistered guarantor: no guarantee to check (debtor-only denies)', 'debtor-only']]);

  it('its valid cases are allowed as a whole unless another rule is named, and it applies unless named', () => {
    for (const c of table.valid) {
      const d = createGuard().checkSync(c.context, c.action);
      const other = DENIED_BY_OTHERS.get(c.name);
      expect(d.outcome, c.name).toBe(other === undefined ? 'allow' : 'deny');
      if (other !== undefined) expect(d.violations.map((v) => v.rule), c.name).toContain(other);
      expect(d.evaluated.includes(rule.id), c.name).toBe(!NOT_APPLYING.has(c.name));
    }
  });

  it('the facts of each finding are exactly those listed (no party id, no agreement ref)', () => {
    for (const c of table.invalid) {
      const found = checkAction(c.context, c.action).violations.filter((v) => v.rule === rule.id);
      expect(found.map((v) => v.facts), c.name).toEqual(c.violations.map((v) => v.facts));
    }
  });

  it('the message names the instant the guarantee ended', () => {
    const d = checkAction(guarantorCase({ validUntil: '2026-11-30T09:59:59+08:00' }), toGuarantor());
    expect(d.violations[0]?.message.en).toContain('2026-11-30T09:59:59+08:00');
    expect(d.violations[0]?.message.zh).toContain('2026-11-30T09:59:59+08:00');
  });
});
