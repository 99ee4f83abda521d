import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import rule from '../../src/rules/settled-debt.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './settled-debt.cases.js';

runRuleTester(rule, table);

describe('settled-debt (beyond the table)', () => {
  it('its valid cases are allowed as a whole; on every deny the only obligation left is destroy-case-data, with no facts', () => {
    for (const c of table.valid) {
      const d = checkAction(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated, c.name).toContain(rule.id);
      expect(d.violations.map((v) => v.rule), c.name).not.toContain('invalid-input');
    }
    for (const c of table.invalid) {
      const d = checkAction(c.context, c.action);
      // record-keeping's retain-records is dropped on a deny; this "always" obligation is kept.
      expect(d.obligations.map((o) => [o.rule, o.code, o.facts]), c.name).toEqual([['settled-debt', 'destroy-case-data', {}]]);
      expect(d.violations.filter((v) => v.rule === rule.id).map((v) => v.facts), c.name).toEqual([{}]);
    }
  });

  it('the other rules still report their own violations alongside', () => {
    const c = table.invalid.find((x) => x.name.startsWith('other violations'));
    expect(c).toBeDefined();
    const d = checkAction(c!.context, c!.action);
    expect(d.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['collection-hours', 'settled-debt', 'lawful-conduct']));
  });

  it('the stop cites 5.3; the destruction duty cites 5.5 and says so in its message (issue 14)', () => {
    const d = checkAction(context({ debt: { id: 'L1', status: 'settled', settledAt: '2026-11-29T15:00:00+08:00' } }), action());
    expect(d.violations[0]).toMatchObject({ rule: 'settled-debt', clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '债务结清后停止催收' }, code: 'debt-settled' });
    const destroy = d.obligations.find((o) => o.code === 'destroy-case-data');
    expect(destroy).toMatchObject({ rule: 'settled-debt', clause: { standard: 'GB/T 45251—2025', clause: '5.5', topic: '结清后通知第三方催收机构销毁数据' } });
    expect(destroy?.message.en).toContain('5.5');
  });

  it('status settled without settledAt is invalid input', () => {
    const d = checkAction(context({ debt: { id: 'L1', status: 'settled' } }), action());
    expect(d.outcome).toBe('deny');
    expect(d.violations).toHaveLength(1);
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.violations[0]?.facts.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'context.debt.settledAt' })]));
    expect(d.evaluated).toEqual([]);
  });

  it('status overdue with a settledAt is invalid input', () => {
    const d = checkAction(context({ debt: { id: 'L1', status: 'overdue', settledAt: '2026-11-01T00:00:00+08:00' } }), action());
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.violations[0]?.facts.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'context.debt.settledAt' })]));
  });
});
