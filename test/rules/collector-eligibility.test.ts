import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import collectorEligibility from '../../src/rules/collector-eligibility.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { withCollector } from '../support/who.js';
import table from './collector-eligibility.cases.js';

runRuleTester(collectorEligibility, table);

describe('collector-eligibility (what a table cannot say)', () => {
  it('cites 5.2, 催收人员准入', () => {
    const d = checkAction(context(), action({ actor: withCollector({ violentCrimeRecord: true }) }));
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.2', topic: '催收人员准入' });
  });

  it('never puts the collector id in the decision', () => {
    const d = checkAction(context(), action({ actor: withCollector({ id: 'EMP-张三-0042', violentCrimeRecord: true }) }));
    expect(d.outcome).toBe('deny');
    expect(JSON.stringify(d)).not.toContain('0042');
  });
});
