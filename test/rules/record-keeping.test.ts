import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import rule from '../../src/rules/record-keeping.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './record-keeping.cases.js';

runRuleTester(rule, table);

describe('record-keeping (beyond the table)', () => {
  /** The valid cases another rule denies (the rule itself never denies). */
  const DENIED_BY_OTHERS = new Map([
    ['denied by collection-hours at 23:00: no obligation', 'collection-hours'],
    ['denied by lawful-conduct: no obligation', 'lawful-conduct'],
    ['denied by visit-staffing: no obligation', 'visit-staffing'],
  ]);

  it('is evaluated on every case; the cases are allowed as a whole unless another rule is named', () => {
    for (const c of table.valid) {
      const d = createGuard(c.guard ?? {}).checkSync(c.context, c.action);
      const other = DENIED_BY_OTHERS.get(c.name);
      expect(d.outcome, c.name).toBe(other === undefined ? 'allow' : 'deny');
      if (other !== undefined) expect(d.violations.map((v) => v.rule), c.name).toContain(other);
      expect(d.evaluated, c.name).toContain(rule.id);
    }
  });

  it('cites 5.3 and names the date in both languages', () => {
    const found = checkAction(context(), action()).obligations.filter((o) => o.rule === rule.id);
    expect(found[0]).toMatchObject({ clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '催收过程记录与留存' } });
    expect(found[0]?.message.en).toContain('2028-11-30T10:00:00+08:00');
    expect(found[0]?.message.zh).toContain('2028-11-30T10:00:00+08:00');
  });

  it('invalid input carries no obligation and evaluates nothing', () => {
    const d = checkAction(context(), { ...action(), at: '2026-11-30T10:00:00' });
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.obligations).toEqual([]);
    expect(d.evaluated).toEqual([]);
  });
});
