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
import type { Rule } from '../core/define-rule.js';
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

/** Every built-in rule, in the order decisions list them (docs/guideline.md's per-action table). */
export const rules: readonly Rule[] = Object.freeze([
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

export type { Rule, RuleResult, RuleMessages } from '../core/define-rule.js';
