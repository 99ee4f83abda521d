import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import collectionHours from '../../src/rules/collection-hours.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './collection-hours.cases.js';

runRuleTester(collectionHours, table);

describe('collection-hours (what a table cannot say)', () => {
  it('cites 5.3 and names the local time in both languages', () => {
    const d = checkAction(context(), action({ at: '2026-11-30T23:00:00+08:00' }));
    expect(d.violations[0]).toMatchObject({ rule: 'collection-hours', clause: { standard: 'GB/T 45251—2025', clause: '5.3' } });
    expect(d.violations[0]?.message.zh).toContain('23:00');
    expect(d.violations[0]?.message.en).toContain('23:00');
  });
});
