import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import contactPurpose from '../../src/rules/contact-purpose.js';
import { runRuleTester } from '../support/rule-tester.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';
import table from './contact-purpose.cases.js';

runRuleTester(contactPurpose, table);

describe('contact-purpose (what a table cannot say)', () => {
  it.each(['demand_payment', 'reminder'] as const)('names the purpose %s in the message', (purpose) => {
    const d = checkAction(unreachableDebtorCase(), toContact({ purpose }));
    expect(d.violations[0]?.message.en).toContain(purpose);
  });
});
