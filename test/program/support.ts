/**
 * Builders of a fully compliant institution profile, assessed at AT, to be bent one fact at a time by
 * each test. Keep them compliant: a test that needs a finding adds it explicitly.
 */
import { assessProgram, type AssessOptionsInput, type InstitutionInput, type ProgramAssessment, type ProgramFinding } from '../../src/program/index.js';

export const AT = '2026-11-30T10:00:00+08:00'; // a Monday, 10:00 in Shanghai
/** Exactly 12 calendar months before AT. */
export const YEAR_AGO = '2025-11-30T10:00:00+08:00';
/** 12 months and 1 day before AT. */
export const YEAR_AND_A_DAY_AGO = '2025-11-29T10:00:00+08:00';

type Staff = NonNullable<InstitutionInput['staff']>[number];
type Agency = NonNullable<InstitutionInput['outsourcing']>['agencies'] extends (infer A)[] | undefined ? A : never;
type System = NonNullable<InstitutionInput['systems']>[number];
type Incident = NonNullable<InstitutionInput['incidents']>[number];
type Complaints = NonNullable<InstitutionInput['complaints']>;
type Policy = NonNullable<InstitutionInput['policies']>[number];

export function policy(overrides: Partial<Policy> = {}): Policy {
  return { id: 'POL-1', kind: 'collection_management', adoptedAt: '2024-03-01T00:00:00+08:00', lastReviewedAt: '2026-03-01T00:00:00+08:00', ...overrides };
}

export function staffMember(overrides: Partial<Staff> = {}): Staff {
  return {
    id: 'E1',
    status: 'active',
    screening: { violentCrimeRecord: false, seriousBadCredit: false, checkedAt: '2025-12-20T09:00:00+08:00' },
    preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00',
    lastTrainingAssessedAt: '2026-06-01T09:00:00+08:00',
    confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00',
    conductFlag: 'none',
    ...overrides,
  };
}

/** An agency engaged since 2025, renewed on 2026-01-01 after an evaluation, inspected in 2026. */
export function agency(overrides: Partial<Agency> = {}): Agency {
  return {
    id: 'AG1',
    agreements: [
      { ref: 'OA-2025', validFrom: '2025-01-01T00:00:00+08:00', validUntil: '2025-12-31T23:59:59+08:00' },
      { ref: 'OA-2026', validFrom: '2026-01-01T00:00:00+08:00', validUntil: '2027-12-31T23:59:59+08:00' },
    ],
    evaluatedAt: ['2024-12-10T10:00:00+08:00', '2025-12-15T10:00:00+08:00', '2026-06-15T10:00:00+08:00'],
    lastInspectedAt: '2026-09-01T10:00:00+08:00',
    riskWarningPlan: true,
    emergencyPlan: true,
    settledCases: [{ caseRef: 'L-1001', settledAt: '2026-10-01T12:00:00+08:00', dataDestructionConfirmedAt: '2026-10-10T12:00:00+08:00' }],
    ...overrides,
  };
}

export function system(overrides: Partial<System> = {}): System {
  return { id: 'CS1', mlpsLevel: 3, certificateExpiresAt: '2027-06-30T23:59:59+08:00', piiMasked: true, encryptedInTransit: true, ...overrides };
}

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'INC1',
    type: 'anti_collection_interference',
    discoveredAt: '2026-08-01T09:00:00+08:00',
    reportedAt: '2026-08-02T17:00:00+08:00',
    reportFields: ['cause', 'status', 'impact', 'measures'],
    ...overrides,
  };
}

export function complaints(overrides: Partial<Complaints> = {}): Complaints {
  return {
    channels: ['hotline', 'in_app'],
    handlingTargetDays: 15,
    cases: [
      { id: 'CP1', receivedAt: '2026-11-01T09:00:00+08:00', resolvedAt: '2026-11-10T09:00:00+08:00' },
      { id: 'CP2', receivedAt: '2026-11-25T09:00:00+08:00' },
    ],
    ...overrides,
  };
}

export function institution(overrides: Partial<InstitutionInput> = {}): InstitutionInput {
  return {
    id: 'LENDER-1',
    policies: [policy(), policy({ id: 'POL-2', kind: 'collection_procedures' })],
    collectionDepartment: { exists: true, dedicated: true },
    staff: [staffMember()],
    performancePay: { weights: { recoveredAmount: 30, effectiveness: 15, compliance: 25, informationSecurity: 15, complaints: 15 }, penalties: true },
    outsourcing: { inHouseCapability: true, agencies: [agency()] },
    systems: [system()],
    complaints: complaints(),
    incidents: [incident()],
    ...overrides,
  };
}

export function assess(inst: unknown = institution(), options: Partial<AssessOptionsInput> = {}): ProgramAssessment {
  return assessProgram(inst, { at: AT, ...options });
}

/** The codes found by one check. */
export function codes(result: ProgramAssessment, check: string): string[] {
  return result.findings.filter((f) => f.check === check).map((f) => f.code);
}

/** `code:severity` of one check's findings. */
export function graded(result: ProgramAssessment, check: string): string[] {
  return result.findings.filter((f) => f.check === check).map((f) => `${f.code}:${f.severity}`);
}

export function only(result: ProgramAssessment, check: string): ProgramFinding {
  const found = result.findings.filter((f) => f.check === check);
  if (found.length !== 1) throw new Error(`expected one finding of ${check}, got ${found.length}: ${found.map((f) => f.code).join(', ')}`);
  return found[0] as ProgramFinding;
}

export function clauseStatus(result: ProgramAssessment, clause: string): string | undefined {
  return result.clauses.find((c) => c.clause === clause)?.status;
}
