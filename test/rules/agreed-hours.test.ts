import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import agreedHours from '../../src/rules/agreed-hours.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './agreed-hours.cases.js';
import collectionTable from './collection-hours.cases.js';

runRuleTester(agreedHours, table);

describe('agreed-hours (what a table cannot say)', () => {
  it('cites 5.3 and names the local time and the windows in both languages', () => {
    const d = checkAction(context({ agreement: { ref: 'AGR-1', windows: [{ start: '12:00', end: '13:30' }] } }), action({ at: '2026-11-30T10:00:00+08:00' }));
    expect(d.violations).toHaveLength(1);
    expect(d.violations[0]).toMatchObject({ rule: 'agreed-hours', clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '与债务人约定的催收时间' } });
    expect(d.violations[0]?.message.zh).toContain('10:00');
    expect(d.violations[0]?.message.en).toContain('12:00–13:30');
  });

  it('replaces the default window: on every case of both tables, exactly one of agreed-hours and collection-hours is evaluated', () => {
    const all = [...table.valid, ...table.invalid, ...collectionTable.valid, ...collectionTable.invalid];
    expect(all.length).toBeGreaterThan(60);
    for (const c of all) {
      const d = checkAction(c.context, c.action);
      expect(d.evaluated.includes('agreed-hours'), c.name).toBe(!d.evaluated.includes('collection-hours'));
    }
  });
});
