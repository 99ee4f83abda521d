import agencyAuthorization from './agency-authorization.js';
import agreedHours from './agreed-hours.js';
import aiFairness from './ai-fairness.js';
import collectionHours from './collection-hours.js';
import collectorEligibility from './collector-eligibility.js';
import collectorStanding from './collector-standing.js';
import collectorTraining from './collector-training.js';
import contactDisclosure from './contact-disclosure.js';
import contactOptOut from './contact-opt-out.js';
import contactPrecondition from './contact-precondition.js';
import contactPurpose from './contact-purpose.js';
import debtorOnly from './debtor-only.js';
import { assertRule, RuleDefinitionError, type Rule } from '../core/define-rule.js';
import guarantorScope from './guarantor-scope.js';
import lawfulConduct from './lawful-conduct.js';
import recordKeeping from './record-keeping.js';
import settledDebt from './settled-debt.js';
import unansweredAttemptsCap from './unanswered-attempts-cap.js';
import systemSecurity from './system-security.js';
import visitDailyCap from './visit-daily-cap.js';
import visitPremises from './visit-premises.js';
import visitStaffing from './visit-staffing.js';
import voiceDailyCap from './voice-daily-cap.js';

/**
 * A registry of rules, checked when it is built: each rule's declaration (its templates' placeholders,
 * zh and en naming the same facts, its evidence; see `assertRule`) and unique ids. Throws a
 * RuleDefinitionError naming the rule and the code, so a template that cannot be rendered fails at load,
 * never as an internal-error deny at run time.
 */
export function registry(list: readonly Rule[]): readonly Rule[] {
  const seen = new Set<string>();
  for (const rule of list) {
    assertRule(rule);
    if (seen.has(rule.id)) throw new RuleDefinitionError(rule.id, [{ path: 'id', message: 'is registered twice' }]);
    seen.add(rule.id);
  }
  return Object.freeze([...list]);
}

/** Every built-in rule, in the order decisions list them (docs/guideline.md's per-action table). */
export const rules: readonly Rule[] = registry([
  collectionHours,
  agreedHours,
  voiceDailyCap,
  unansweredAttemptsCap,
  visitDailyCap,
  visitStaffing,
  visitPremises,
  debtorOnly,
  guarantorScope,
  contactPrecondition,
  contactPurpose,
  contactDisclosure,
  contactOptOut,
  settledDebt,
  lawfulConduct,
  recordKeeping,
  collectorEligibility,
  collectorTraining,
  collectorStanding,
  agencyAuthorization,
  systemSecurity,
  aiFairness,
]);

export { RuleDefinitionError } from '../core/define-rule.js';
export type { Rule, RuleResult, RuleMessages, RuleMeta, RuleModule, Report, DatedField, Evidence, Confidence } from '../core/define-rule.js';
export type { RuleScope } from '../core/rule-scope.js';
