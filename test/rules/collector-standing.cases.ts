/**
 * collector-standing: only an active collector may act. Plain data for the RuleTester and
 * docs/rules/collector-standing.md (npm run docs:rules).
 */
import { action, aiActor, context } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';
import { withCollector } from '../support/who.js';

const by = (fields: Record<string, unknown>) => action({ actor: withCollector(fields) });

export default {
  valid: [
    { name: 'an active collector', context: context(), action: by({ standing: 'active' }), outcome: 'allow', evaluated: true, doc: 'an active collector' },
    { name: 'an AI actor: the rule does not apply', context: context(), action: action({ actor: aiActor() }), evaluated: false },
  ],
  invalid: [
    ...(['suspended', 'reassigned', 'dismissed'] as const).map((standing) => ({
      name: `a ${standing} collector`,
      context: context(),
      action: by({ standing }),
      violations: [{ code: 'collector-not-active', facts: { standing }, exact: true }],
      ...(standing === 'suspended' ? { doc: 'a suspended collector' } : {}),
    })),
    { name: 'standing not stated', context: context(), action: by({ standing: undefined }), violations: [{ code: 'standing-unknown' }], outcome: 'deny' },
  ],
} satisfies RuleTable;
