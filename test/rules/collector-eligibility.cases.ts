/**
 * collector-eligibility: no collector with a violent-crime or serious bad-credit record, and the screening
 * must be stated. Plain data for the RuleTester and docs/rules/collector-eligibility.md (npm run docs:rules).
 */
import { action, aiActor, context } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';
import { withCollector } from '../support/who.js';

const by = (fields: Record<string, unknown>) => action({ actor: withCollector(fields) });

export default {
  valid: [
    { name: 'a screened collector with neither record', context: context(), action: by({}), outcome: 'allow', evaluated: true, doc: 'a screened collector with neither record' },
    { name: 'an AI actor: the rule does not apply', context: context(), action: action({ actor: aiActor() }), evaluated: false },
  ],
  invalid: [
    { name: 'a violent-crime record', context: context(), action: by({ violentCrimeRecord: true }), violations: [{ code: 'violent-crime-record' }] },
    { name: 'a serious bad-credit record', context: context(), action: by({ seriousBadCredit: true }), violations: [{ code: 'serious-bad-credit' }] },
    { name: 'both records at once', context: context(), action: by({ violentCrimeRecord: true, seriousBadCredit: true }), violations: [{ code: 'violent-crime-record' }, { code: 'serious-bad-credit' }] },
    {
      name: 'the violent-crime screening not stated',
      context: context(),
      action: by({ violentCrimeRecord: undefined }),
      violations: [{ code: 'screening-not-attested', facts: { unattested: ['violentCrimeRecord'] }, exact: true }],
      doc: 'screening not stated',
    },
    {
      name: 'neither screening stated',
      context: context(),
      action: by({ violentCrimeRecord: undefined, seriousBadCredit: undefined }),
      violations: [{ code: 'screening-not-attested', facts: { unattested: ['violentCrimeRecord', 'seriousBadCredit'] }, exact: true }],
      outcome: 'deny',
    },
  ],
} satisfies RuleTable;
