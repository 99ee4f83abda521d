import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import contactDisclosure from '../../src/rules/contact-disclosure.js';
import { runRuleTester } from '../support/rule-tester.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';
import table from './contact-disclosure.cases.js';

runRuleTester(contactDisclosure, table);

describe('contact-disclosure (what a table cannot say)', () => {
  it('cites 5.3, 不得向联系人披露债务信息, for its duty', () => {
    const d = checkAction(unreachableDebtorCase(), toContact());
    expect(d.obligations.find((o) => o.rule === 'contact-disclosure')?.clause).toMatchObject({ clause: '5.3', topic: '不得向联系人披露债务信息' });
  });
});
