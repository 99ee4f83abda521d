/** The ordered registry of institution-level checks: output follows this order. */
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

export const programChecks: readonly ProgramCheck[] = Object.freeze([
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
