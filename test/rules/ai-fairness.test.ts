import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import aiFairness from '../../src/rules/ai-fairness.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { withAi } from '../support/who.js';
import table from './ai-fairness.cases.js';

runRuleTester(aiFairness, table);

describe('ai-fairness (what a table cannot say)', () => {
  it('cites 5.3 and says the location is unconfirmed', () => {
    const d = checkAction(context(), action({ actor: withAi({ humanHandoff: false }) }));
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.3' });
    expect(d.violations[0]?.clause.topic).toContain('未确认');
  });

  it('an AI actor is not judged by the collector rules', () => {
    expect(checkAction(context(), action({ actor: withAi({}) })).evaluated.filter((id) => id.startsWith('collector-'))).toEqual([]);
  });
});
