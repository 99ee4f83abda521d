/**
 * Builders for valid inputs: a compliant case and action that every rule allows, to be bent one fact at
 * a time by each test. Keep them compliant: a test that needs a violation adds it explicitly.
 */
import type { ActionInput, ContextInput, Decision } from '../../src/index.js';

export const AT = '2026-11-30T10:00:00+08:00'; // a Monday, 10:00 in Shanghai

export function humanActor(overrides: Partial<Record<string, unknown>> = {}): ActionInput['actor'] {
  return {
    kind: 'human',
    collector: {
      id: 'E1',
      violentCrimeRecord: false,
      seriousBadCredit: false,
      preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00',
      lastTrainingAssessedAt: '2026-06-01T09:00:00+08:00',
      confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00',
      standing: 'active',
    },
    organization: { id: 'ORG1', kind: 'lender' },
    system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
    ...overrides,
  } as ActionInput['actor'];
}

export function aiActor(overrides: Partial<Record<string, unknown>> = {}): ActionInput['actor'] {
  return {
    kind: 'ai',
    ai: {
      id: 'BOT1',
      fairnessReviewedAt: '2026-06-01T09:00:00+08:00',
      usesProtectedAttributes: false,
      reliabilityValidatedAt: '2026-06-01T09:00:00+08:00',
      humanHandoff: true,
      securityAssessedAt: '2026-06-01T09:00:00+08:00',
    },
    organization: { id: 'ORG1', kind: 'lender' },
    system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
    ...overrides,
  } as ActionInput['actor'];
}

export function agencyOrganization(): Record<string, unknown> {
  return {
    id: 'AG1',
    kind: 'agency',
    outsourcingAgreement: { ref: 'OA-1', validFrom: '2026-01-01T00:00:00+08:00', validUntil: '2027-12-31T23:59:59+08:00' },
    lastEvaluatedAt: '2026-05-01T09:00:00+08:00',
  };
}

export function context(overrides: Partial<ContextInput> = {}): ContextInput {
  return {
    debtor: { id: 'D1', timeZone: 'Asia/Shanghai' },
    debt: { id: 'L1', status: 'overdue' },
    contacts: [{ partyId: 'C1' }],
    guarantors: [{ partyId: 'G1', agreementRef: 'GA-1', coversDebt: true, liabilityCap: 5000 }],
    history: [],
    ...overrides,
  };
}

export function action(overrides: Partial<ActionInput> = {}): ActionInput {
  return {
    channel: 'voice',
    at: AT,
    target: { role: 'debtor', partyId: 'D1' },
    purpose: 'demand_payment',
    disclosures: [],
    conduct: [],
    actor: humanActor(),
    ...overrides,
  };
}

export function visitAction(overrides: Partial<ActionInput> = {}): ActionInput {
  return action({
    channel: 'visit',
    visit: { staffCount: 2, entersPrivateResidence: false, entersOfficeArea: false },
    ...overrides,
  });
}

/** A history entry toward the debtor. */
export function past(channel: string, at: string, outcome: string, role = 'debtor', partyId?: string): NonNullable<ContextInput['history']>[number] {
  return { channel, at, outcome, target: partyId === undefined ? { role } : { role, partyId }, organizationId: 'ORG1' } as NonNullable<ContextInput['history']>[number];
}

/** The ids of the rules that denied. */
export function deniedBy(decision: Decision): string[] {
  return decision.violations.map((v) => v.rule);
}

/** The codes of one rule's violations. */
export function codesOf(decision: Decision, rule: string): string[] {
  return decision.violations.filter((v) => v.rule === rule).map((v) => v.code);
}
