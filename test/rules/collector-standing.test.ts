import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import collectorStanding from '../../src/rules/collector-standing.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { withCollector } from '../support/who.js';
import table from './collector-standing.cases.js';

runRuleTester(collectorStanding, table);

describe('collector-standing (what a table cannot say)', () => {
  it.each(['suspended', 'dismissed'])('cites 5.2 and names a %s standing in the message', (standing) => {
    const d = checkAction(context(), action({ actor: withCollector({ standing }) }));
    expect(d.violations[0]?.message.en).toContain(standing);
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.2' });
  });
});
