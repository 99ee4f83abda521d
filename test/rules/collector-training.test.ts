import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import collectorTraining from '../../src/rules/collector-training.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { withCollector } from '../support/who.js';
import table from './collector-training.cases.js';

runRuleTester(collectorTraining, table);

describe('collector-training (what a table cannot say)', () => {
  it('names the interval in the message', () => {
    const d = checkAction(context(), action({ actor: withCollector({ lastTrainingAssessedAt: '2025-11-30T09:59:59+08:00' }) }));
    expect(d.violations[0]?.message.en).toContain('12 months');
  });
});
