/** The ordered registry of institution-level checks: output follows this order. */
import { evidence, RuleDefinitionError, type Evidence } from '../../core/define-rule.js';
import type { ProgramCheck } from '../define-check.js';
import { agencyEvaluation, agencyInspection, agencyPlans, inHouseCapability } from './agencies.js';
import { complaintChannel, complaintHandling } from './complaints.js';
import { agencyDataDestruction } from './data-destruction.js';
import { collectionDepartment } from './department.js';
import { incidentReporting } from './incidents.js';
import { performancePay } from './performance-pay.js';
import { policies } from './policies.js';
import { staffConduct, staffScreening, staffTraining } from './staff.js';
import { systemSecurity } from './systems.js';

/** The registry, checked when it is built: unique ids (each check's declaration is checked by defineCheck). */
function registry(list: readonly ProgramCheck[]): readonly ProgramCheck[] {
  const seen = new Set<string>();
  for (const check of list) {
    if (seen.has(check.id)) throw new RuleDefinitionError(check.id, [{ path: 'id', message: 'is registered twice' }]);
    seen.add(check.id);
  }
  return Object.freeze([...list]);
}

export const programChecks: readonly ProgramCheck[] = registry([
  policies,
  collectionDepartment,
  staffScreening,
  staffTraining,
  staffConduct,
  performancePay,
  agencyEvaluation,
  agencyPlans,
  agencyInspection,
  inHouseCapability,
  systemSecurity,
  agencyDataDestruction,
  complaintChannel,
  complaintHandling,
  incidentReporting,
]);

/**
 * Per institution-level clause: the confidence of the clause (every check of a clause states the same,
 * docs/guideline.md's institution table) and the interpretations of its checks, gathered from each check's
 * own `evidence`.
 */
export const programEvidence: Readonly<Record<string, Evidence>> = Object.freeze(
  Object.fromEntries(
    [...new Set(programChecks.map((c) => c.clause.clause))].map((clause) => {
      const own = programChecks.filter((c) => c.clause.clause === clause);
      const note = (own[0] as ProgramCheck).evidence.note;
      return [clause, evidence(note, [...new Set(own.map((c) => c.evidence.interpretation))].join(' '))];
    }),
  ),
);
