import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import contactOptOut from '../../src/rules/contact-opt-out.js';
import { AT } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { toContact, unreachableDebtorCase } from '../support/who.js';
import table from './contact-opt-out.cases.js';

runRuleTester(contactOptOut, table);

describe('contact-opt-out (what a table cannot say)', () => {
  it('names the opt-out instant in the message', () => {
    const d = checkAction(unreachableDebtorCase({ optedOutAt: AT }), toContact());
    expect(d.violations[0]?.message.zh).toContain('2026-11-30T10:00:00+08:00');
  });
});
