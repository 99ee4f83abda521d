import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import agencyAuthorization from '../../src/rules/agency-authorization.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import { agencyActor } from '../support/who.js';
import table from './agency-authorization.cases.js';

runRuleTester(agencyAuthorization, table);

describe('agency-authorization (what a table cannot say)', () => {
  it("cites 5.4 for the agency's duties, which name the lender and the records", () => {
    const duty = checkAction(context(), action({ actor: agencyActor({}) })).obligations.find((o) => o.rule === 'agency-authorization');
    expect(duty).toMatchObject({ code: 'agency-duties', clause: { clause: '5.4', topic: '第三方催收机构委托与评估' } });
    expect(duty?.message.en).toContain('lender');
    expect(duty?.message.en).toContain('records');
  });

  it('never puts the agency id or agreement ref in the decision', () => {
    const d = checkAction(context(), action({ actor: agencyActor({ id: 'AGENCY-SECRET', outsourcingAgreement: { ref: 'OA-SECRET', validUntil: '2026-01-01T00:00:00+08:00' } }) }));
    expect(d.outcome).toBe('deny');
    expect(JSON.stringify(d)).not.toContain('SECRET');
  });
});
