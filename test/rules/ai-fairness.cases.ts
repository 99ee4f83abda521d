/**
 * ai-fairness: an AI actor needs a fairness review, no protected attributes, reliability validation, a
 * hand-off to a human and a security assessment, each stated and dated before the action. Plain data for
 * the RuleTester and docs/rules/ai-fairness.md (npm run docs:rules).
 */
import { AT, action, context } from '../support/fixtures.js';
import type { InvalidCase, RuleTable, ValidCase } from '../support/rule-tester.js';
import { withAi } from '../support/who.js';

const by = (fields: Record<string, unknown>) => action({ actor: withAi(fields) });
const LATER = '2026-11-30T10:00:01+08:00';
const dated = [
  ['fairnessReviewedAt', 'fairness-not-reviewed'],
  ['reliabilityValidatedAt', 'reliability-not-validated'],
  ['securityAssessedAt', 'security-not-assessed'],
] as const;

export default {
  valid: [
    { name: 'a fully reviewed AI system with a path to a human', context: context(), action: by({}), outcome: 'allow', evaluated: true, doc: 'a reviewed AI system with a hand-off to a human' },
    ...dated.map(([field]): ValidCase => ({ name: `${field} exactly at the instant`, context: context(), action: by({ [field]: AT }) })),
    { name: 'a human collector: the rule does not apply', context: context(), action: action(), evaluated: false },
  ],
  invalid: [
    ...dated.flatMap(([field, code]): InvalidCase[] => [
      { name: `${field} missing`, context: context(), action: by({ [field]: undefined }), violations: [{ code, facts: { [field]: null }, exact: true }] },
      { name: `${field} one second after the action`, context: context(), action: by({ [field]: LATER }), violations: [{ code, facts: { [field]: LATER }, exact: true }] },
    ]),
    { name: 'uses protected attributes', context: context(), action: by({ usesProtectedAttributes: true }), violations: [{ code: 'uses-protected-attributes' }] },
    { name: 'protected attributes not stated', context: context(), action: by({ usesProtectedAttributes: undefined }), violations: [{ code: 'protected-attributes-not-attested' }] },
    { name: 'no hand-off to a human', context: context(), action: by({ humanHandoff: false }), violations: [{ code: 'no-human-handoff' }], doc: 'no hand-off to a human' },
    { name: 'hand-off not stated', context: context(), action: by({ humanHandoff: undefined }), violations: [{ code: 'handoff-not-attested' }] },
    {
      name: 'every gap at once',
      context: context(),
      action: action({ actor: { kind: 'ai', ai: { id: 'BOT1' }, organization: { id: 'ORG1', kind: 'lender' }, system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true } } }),
      violations: [
        { code: 'fairness-not-reviewed' },
        { code: 'protected-attributes-not-attested' },
        { code: 'reliability-not-validated' },
        { code: 'handoff-not-attested' },
        { code: 'security-not-assessed' },
      ],
    },
  ],
} satisfies RuleTable;
