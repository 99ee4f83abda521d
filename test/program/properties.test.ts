/**
 * Properties of the assessment over random institution profiles:
 *  1. adding a finding-free record (a fully compliant staff member, agency, system, policy, complaint or
 *     incident) to a section never adds a finding;
 *  2. making a record worse (an earlier training or review date, a dropped evaluation or confirmation,
 *     a flag set, a weight zeroed, a report made later or not at all) never removes a finding: every
 *     (check, subject) that had a finding still has one, at the same or a higher severity. The code may
 *     change as a problem evolves (reported late → not reported; pending → overdue).
 * Dates of things done are generated at or before the assessment instant: the assessment sees the
 * institution as it stood then, so a date moved from after `at` to before it is an improvement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessProgram, ProgramAssessmentSchema, type InstitutionInput, type ProgramAssessment } from '../../src/program/index.js';
import { formatInstant, parseInstant } from '../../src/core/time.js';
import { AT, YEAR_AGO, YEAR_AND_A_DAY_AGO, agency, complaints as complaintsSection, incident, policy, staffMember, system } from './support.js';

const AT_MS = parseInstant(AT);
const DAY = 86_400_000;
const ZONE = 'Asia/Shanghai';
const iso = (ms: number): string => formatInstant(ms, ZONE);

/** Seconds before AT, with the 12-month boundaries thrown in. */
const secondsAgo = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 * 86_400 }) },
  { weight: 1, arbitrary: fc.constantFrom((AT_MS - parseInstant(YEAR_AGO)) / 1000, (AT_MS - parseInstant(YEAR_AND_A_DAY_AGO)) / 1000, 48 * 3600, 30 * 86_400) },
);
const past = secondsAgo.map((s) => iso(AT_MS - s * 1000));
/** Two past instants in order: [earlier, later]. */
const pastPair = fc.tuple(secondsAgo, secondsAgo).map(([a, b]) => [iso(AT_MS - Math.max(a, b) * 1000), iso(AT_MS - Math.min(a, b) * 1000)] as const);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const policyArb = fc
  .record({ kind: fc.constantFrom('collection_management', 'collection_procedures', 'staff_management', 'complaint_handling', 'other'), dates: pastPair, reviewed: fc.boolean() })
  .map(({ kind, dates, reviewed }) => compact({ kind, adoptedAt: dates[0], lastReviewedAt: reviewed ? dates[1] : undefined }));

const staffArb = fc
  .record({
    status: fc.constantFrom('active', 'active', 'reassigned', 'dismissed'),
    screening: maybe(fc.record({ violentCrimeRecord: fc.boolean(), seriousBadCredit: fc.boolean() })),
    preJobTrainingPassedAt: maybe(past),
    lastTrainingAssessedAt: maybe(past),
    confidentialityPledgeSignedAt: maybe(past),
    conductFlag: fc.constantFrom('none', 'none', 'unfit', 'serious_offence'),
    reportedToSelfRegulatorAt: maybe(past),
  })
  .map(compact);

/** Agreements around AT: start up to ~2.5 years before, up to ~half a year after; 1 month to 2 years long. */
const agreementArb = fc.record({ startDays: fc.integer({ min: -900, max: 200 }), lengthDays: fc.integer({ min: 30, max: 730 }) });

const settledCaseArb = fc.record({ settled: secondsAgo, confirmedFraction: maybe(fc.double({ min: 0, max: 1, noNaN: true })) });

const agencyArb = fc
  .record({
    agreements: fc.array(agreementArb, { minLength: 1, maxLength: 3 }),
    evaluatedAt: fc.array(past, { maxLength: 3 }),
    lastInspectedAt: maybe(past),
    riskWarningPlan: fc.boolean(),
    emergencyPlan: fc.boolean(),
    settledCases: fc.array(settledCaseArb, { maxLength: 3 }),
  })
  .map((a) => ({
    ...compact({ ...a, agreements: undefined, settledCases: undefined }),
    agreements: a.agreements.map((g, i) => ({ ref: `OA-${i}`, validFrom: iso(AT_MS + g.startDays * DAY), validUntil: iso(AT_MS + (g.startDays + g.lengthDays) * DAY) })),
    settledCases: a.settledCases.map((c, i) => {
      const settledMs = AT_MS - c.settled * 1000;
      const confirmed = c.confirmedFraction === undefined ? undefined : iso(settledMs + Math.floor((AT_MS - settledMs) * c.confirmedFraction));
      return compact({ caseRef: `L-${i}`, settledAt: iso(settledMs), dataDestructionConfirmedAt: confirmed });
    }),
  }));

const systemArb = fc.record({
  mlpsLevel: fc.integer({ min: 0, max: 4 }),
  certificateExpiresAt: maybe(fc.integer({ min: -400, max: 400 }).map((d) => iso(AT_MS + d * DAY))),
  piiMasked: fc.boolean(),
  encryptedInTransit: fc.boolean(),
}).map(compact);

const complaintArb = fc.record({ dates: pastPair, resolved: fc.boolean() }).map(({ dates, resolved }) => compact({ receivedAt: dates[0], resolvedAt: resolved ? dates[1] : undefined }));

const incidentArb = fc
  .record({
    type: fc.constantFrom('regulatory_action', 'violent_collection', 'personal_information_breach', 'anti_collection_interference'),
    dates: fc.tuple(fc.integer({ min: 0, max: 400 * 86_400 }), fc.integer({ min: 0, max: 5 * 86_400 })),
    reported: fc.boolean(),
    reportFields: fc.subarray(['cause', 'status', 'impact', 'measures'] as const),
  })
  .map(({ type, dates: [ago, delay], reported, reportFields }) => {
    const discoveredMs = AT_MS - ago * 1000;
    return compact({ type, discoveredAt: iso(discoveredMs), reportedAt: reported ? iso(Math.min(AT_MS, discoveredMs + delay * 1000)) : undefined, reportFields: [...reportFields] });
  });

/** Zero half the time, so that zeroing one more compliance weight can leave none. */
const weightOrZero = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 }));

const withIds = <T extends object>(prefix: string, items: T[]) => items.map((item, i) => ({ id: `${prefix}${i}`, ...item }));

const institutionArb: fc.Arbitrary<InstitutionInput> = fc
  .record({
    policies: maybe(fc.array(policyArb, { maxLength: 4 })),
    collectionDepartment: maybe(fc.record({ exists: fc.boolean(), dedicated: fc.boolean() })),
    staff: maybe(fc.array(staffArb, { maxLength: 4 })),
    performancePay: maybe(
      fc.record({
        recoveredAmount: fc.integer({ min: 1, max: 100 }),
        effectiveness: fc.integer({ min: 0, max: 100 }),
        compliance: weightOrZero,
        informationSecurity: weightOrZero,
        complaints: weightOrZero,
      }),
    ),
    outsourcing: maybe(fc.record({ inHouseCapability: fc.boolean(), agencies: fc.array(agencyArb, { maxLength: 3 }) })),
    systems: maybe(fc.array(systemArb, { minLength: 1, maxLength: 3 })),
    complaints: maybe(
      fc.record({
        channels: fc.subarray(['hotline', 'online', 'in_app'] as const),
        handlingTargetDays: fc.integer({ min: 1, max: 30 }),
        cases: fc.array(complaintArb, { maxLength: 3 }),
      }),
    ),
    incidents: maybe(fc.array(incidentArb, { maxLength: 3 })),
  })
  .map((r) =>
    compact({
      policies: r.policies && withIds('POL-', r.policies),
      collectionDepartment: r.collectionDepartment,
      staff: r.staff && withIds('E', r.staff),
      performancePay: r.performancePay && { weights: r.performancePay },
      outsourcing: r.outsourcing && { inHouseCapability: r.outsourcing.inHouseCapability, agencies: withIds('AG', r.outsourcing.agencies) },
      systems: r.systems && withIds('S', r.systems),
      complaints: r.complaints && { ...r.complaints, channels: [...r.complaints.channels], cases: withIds('CP', r.complaints.cases) },
      incidents: r.incidents && withIds('INC', r.incidents),
    }) as InstitutionInput,
  );

const assess = (inst: InstitutionInput): ProgramAssessment => assessProgram(inst, { at: AT });
const valid = (result: ProgramAssessment): boolean => result.findings.every((f) => f.check !== 'invalid-input');

// ── 1. adding a finding-free record ────────────────────────────────────────────────────────────────

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const additions: Record<string, (inst: Mutable) => void> = {
  staff: (inst) => inst.staff?.push(staffMember({ id: 'NEW' })),
  policy: (inst) => inst.policies?.push(policy({ id: 'NEW', kind: 'staff_management' })),
  requiredPolicy: (inst) => inst.policies?.push(policy({ id: 'NEW', kind: 'collection_procedures' })),
  agency: (inst) => inst.outsourcing?.agencies.push(agency({ id: 'NEW' })),
  newAgency: (inst) =>
    inst.outsourcing?.agencies.push(
      agency({ id: 'NEW', agreements: [{ ref: 'OA-N', validFrom: iso(AT_MS - 100 * DAY), validUntil: iso(AT_MS + 300 * DAY) }], evaluatedAt: [iso(AT_MS - 110 * DAY)], lastInspectedAt: undefined, settledCases: [] }),
    ),
  system: (inst) => inst.systems?.push(system({ id: 'NEW' })),
  complaint: (inst) => inst.complaints?.cases.push({ id: 'NEW', receivedAt: iso(AT_MS - 20 * DAY), resolvedAt: iso(AT_MS - 10 * DAY) }),
  openComplaint: (inst) => inst.complaints?.cases.push({ id: 'NEW', receivedAt: iso(AT_MS - DAY) }),
  incident: (inst) => inst.incidents?.push(incident({ id: 'NEW' })),
};

const asKeys = (result: ProgramAssessment): string[] => result.findings.map((f) => JSON.stringify(f));

describe('property: a finding-free record never adds a finding', () => {
  it.each(Object.keys(additions))('adding a compliant %s', (kind) => {
    fc.assert(
      fc.property(institutionArb, (inst) => {
        const before = assess(inst);
        fc.pre(valid(before));
        const grown = structuredClone(inst) as Mutable;
        additions[kind]?.(grown);
        const after = assess(grown as InstitutionInput);
        expect(valid(after)).toBe(true);
        const old = new Set(asKeys(before));
        for (const key of asKeys(after)) expect(old.has(key), `new finding ${key}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

// ── 2. making a record worse ───────────────────────────────────────────────────────────────────────

const rank = { warning: 1, violation: 2 } as const;

/** (check, subject) → the highest severity found. */
function worst(result: ProgramAssessment): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of result.findings) {
    const key = `${f.check}|${f.subject.kind}|${f.subject.id}`;
    out.set(key, Math.max(out.get(key) ?? 0, rank[f.severity]));
  }
  return out;
}

const earlier = (text: string | undefined, days: number, floor?: string): string | undefined => {
  if (text === undefined) return undefined;
  const ms = parseInstant(text) - days * DAY;
  return iso(floor === undefined ? ms : Math.max(ms, parseInstant(floor)));
};

type Worsening = (inst: Mutable, pick: number, days: number) => void;
const at = (items: Mutable[] | undefined, pick: number): Mutable | undefined => (items && items.length > 0 ? items[pick % items.length] : undefined);
const STAFF_DATES = ['preJobTrainingPassedAt', 'lastTrainingAssessedAt', 'confidentialityPledgeSignedAt'] as const;

const worsenings: Record<string, Worsening> = {
  'staff training/pledge date earlier': (inst, pick, days) => {
    const s = at(inst.staff, pick);
    const field = STAFF_DATES[pick % 3] as string;
    if (s?.[field] !== undefined) s[field] = earlier(s[field], days);
  },
  'staff date removed': (inst, pick) => {
    const s = at(inst.staff, pick);
    if (s) delete s[STAFF_DATES[pick % 3] as string];
  },
  'staff screening flag set': (inst, pick) => {
    const s = at(inst.staff, pick);
    if (s?.screening) s.screening[pick % 2 === 0 ? 'violentCrimeRecord' : 'seriousBadCredit'] = true;
  },
  'staff screening removed': (inst, pick) => {
    const s = at(inst.staff, pick);
    if (s) delete s.screening;
  },
  'staff conduct flag raised': (inst, pick) => {
    const s = at(inst.staff, pick);
    if (s) s.conductFlag = s.conductFlag === 'none' ? (pick % 2 === 0 ? 'unfit' : 'serious_offence') : 'serious_offence';
  },
  'staff report to the self-regulator removed': (inst, pick) => {
    const s = at(inst.staff, pick);
    if (s) delete s.reportedToSelfRegulatorAt;
  },
  'staff status back toward active': (inst, pick) => {
    const s = at(inst.staff, pick);
    if (s) s.status = s.status === 'dismissed' ? 'reassigned' : 'active';
  },
  'policy dates earlier': (inst, pick, days) => {
    const p = at(inst.policies, pick);
    if (!p) return;
    if (pick % 2 === 0) p.adoptedAt = earlier(p.adoptedAt, days);
    else if (p.lastReviewedAt !== undefined) p.lastReviewedAt = earlier(p.lastReviewedAt, days, p.adoptedAt);
  },
  'policy review removed': (inst, pick) => {
    const p = at(inst.policies, pick);
    if (p) delete p.lastReviewedAt;
  },
  'department worse': (inst, pick) => {
    if (inst.collectionDepartment) inst.collectionDepartment[pick % 2 === 0 ? 'dedicated' : 'exists'] = false;
  },
  'compliance weight zeroed': (inst, pick) => {
    if (inst.performancePay) inst.performancePay.weights[['compliance', 'informationSecurity', 'complaints'][pick % 3] as string] = 0;
  },
  'in-house capability lost': (inst) => {
    if (inst.outsourcing) inst.outsourcing.inHouseCapability = false;
  },
  'agency evaluation removed': (inst, pick) => {
    const a = at(inst.outsourcing?.agencies, pick);
    if (a && a.evaluatedAt.length > 0) a.evaluatedAt.splice(pick % a.evaluatedAt.length, 1);
  },
  'agency plan dropped': (inst, pick) => {
    const a = at(inst.outsourcing?.agencies, pick);
    if (a) a[pick % 2 === 0 ? 'riskWarningPlan' : 'emergencyPlan'] = false;
  },
  'agency inspection earlier or removed': (inst, pick, days) => {
    const a = at(inst.outsourcing?.agencies, pick);
    if (!a) return;
    if (pick % 2 === 0) delete a.lastInspectedAt;
    else a.lastInspectedAt = earlier(a.lastInspectedAt, days);
  },
  'destruction confirmation removed': (inst, pick) => {
    const c = at(at(inst.outsourcing?.agencies, pick)?.settledCases, pick);
    if (c) delete c.dataDestructionConfirmedAt;
  },
  'case settled earlier': (inst, pick, days) => {
    const c = at(at(inst.outsourcing?.agencies, pick)?.settledCases, pick);
    if (c) c.settledAt = earlier(c.settledAt, days);
  },
  'system weaker': (inst, pick, days) => {
    const s = at(inst.systems, pick);
    if (!s) return;
    switch (pick % 5) {
      case 0: s.mlpsLevel = Math.max(0, s.mlpsLevel - 1); break;
      case 1: s.certificateExpiresAt = earlier(s.certificateExpiresAt, days); break;
      case 2: delete s.certificateExpiresAt; break;
      case 3: s.piiMasked = false; break;
      default: s.encryptedInTransit = false;
    }
  },
  'complaint channel dropped': (inst) => {
    inst.complaints?.channels.pop();
  },
  'complaint reopened or received earlier': (inst, pick, days) => {
    const c = at(inst.complaints?.cases, pick);
    if (!c) return;
    if (pick % 2 === 0) delete c.resolvedAt;
    else c.receivedAt = earlier(c.receivedAt, days);
  },
  'incident discovered earlier': (inst, pick, days) => {
    const i = at(inst.incidents, pick);
    if (i) i.discoveredAt = earlier(i.discoveredAt, days);
  },
  'incident reported later (by at most the assessment instant) or not at all': (inst, pick, days) => {
    const i = at(inst.incidents, pick);
    if (!i || i.reportedAt === undefined) return;
    if (pick % 2 === 0) delete i.reportedAt;
    else i.reportedAt = iso(Math.min(AT_MS, parseInstant(i.reportedAt) + days * 3_600_000));
  },
  'incident report field dropped': (inst, pick) => {
    const i = at(inst.incidents, pick);
    if (i && i.reportFields.length > 0) i.reportFields.splice(pick % i.reportFields.length, 1);
  },
};

describe('property: making a record worse never removes a finding', () => {
  it.each(Object.keys(worsenings))('%s', (name) => {
    fc.assert(
      fc.property(institutionArb, fc.nat(), fc.integer({ min: 1, max: 400 }), (inst, pick, days) => {
        const before = assess(inst);
        fc.pre(valid(before));
        const worse = structuredClone(inst) as Mutable;
        worsenings[name]?.(worse, pick, days);
        const after = assess(worse as InstitutionInput);
        expect(valid(after), JSON.stringify(after.findings[0]?.facts)).toBe(true);
        const now = worst(after);
        for (const [key, severity] of worst(before)) {
          expect(now.get(key) ?? 0, `lost or weakened ${key}`).toBeGreaterThanOrEqual(severity);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('property: never throws, always well-formed', () => {
  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = assessProgram(input, { at: AT });
        expect(ProgramAssessmentSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on generated profiles: valid, well-formed, clause counts consistent', () => {
    fc.assert(
      fc.property(institutionArb, (inst) => {
        const result = assess(inst);
        expect(valid(result)).toBe(true);
        expect(ProgramAssessmentSchema.safeParse(result).success).toBe(true);
        const total = result.clauses.reduce((n, c) => n + c.violations + c.warnings, 0);
        expect(total).toBe(result.summary.findings);
      }),
      { numRuns: 200 },
    );
  });
});

// The compliant builders stay compliant (the additions above rely on it).
describe('builders', () => {
  it('complaints section builder is compliant', () => {
    expect(assessProgram({ complaints: complaintsSection() }, { at: AT }).findings).toEqual([]);
  });
});
