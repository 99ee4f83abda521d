import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import contactPrecondition from '../../src/rules/contact-precondition.js';
import { codesOf, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { toContact } from '../support/who.js';
import table from './contact-precondition.cases.js';

runRuleTester(contactPrecondition, table);

describe('contact-precondition (what a table cannot say)', () => {
  it('cites 5.3, 联系人联系前提', () => {
    expect(checkAction(context(), toContact()).violations[0]?.clause).toMatchObject({ clause: '5.3', topic: '联系人联系前提' });
  });

  it('an unregistered contact is denied by debtor-only as well', () => {
    expect(codesOf(checkAction(context(), toContact({ target: { role: 'contact', partyId: 'C9' } })), 'debtor-only')).toEqual(['unregistered-contact']);
  });
});
