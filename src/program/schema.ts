/**
 * The institution profile that `assessProgram` reads: what a lender's compliance officer keeps on file
 * for GB/T 45251—2025 clauses 5.1, 5.2 and 5.4–5.7. docs/program.md documents every field.
 *
 * Conventions, as in the per-action contract: instants are ISO 8601 with an offset; every object is
 * strict (an unknown key is invalid input); identifiers are the institution's own ids (employee number,
 * agency code, system code, case reference), never names, phone or ID-card numbers. A section left out
 * means "no data": the clauses it feeds are reported as not assessed. An absent date means "not done".
 */
import { z } from 'zod';
import { parseInstant } from '../core/time.js';
import { CollectorStanding, DEFAULT_TIME_ZONE, Id, Instant, TimeZone } from '../schema/primitives.js';

const MAX_RECORDS = 100_000;
const MAX_LIST = 10_000;

/** Adds an issue when `later` is before `earlier` (both present). */
function notBefore(ctx: z.RefinementCtx, earlier: string | undefined, later: string | undefined, path: string, message: string): void {
  if (earlier !== undefined && later !== undefined && parseInstant(later) < parseInstant(earlier)) {
    ctx.addIssue({ code: 'custom', path: [path], message });
  }
}

/** Adds an issue for each record whose `key` repeats an earlier record's. */
function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: readonly T[], ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} "${k}"` });
      seen.add(k);
    });
  };
}

// ── 5.1 policies ────────────────────────────────────────────────────────────────────────────────────

/** Kinds of written policy. The first two are required by 5.1; the others are tracked for currency. */
export const PolicyKind = z.enum([
  'collection_management', // 贷后催收管理制度
  'collection_procedures', // 催收业务操作规程
  'staff_management', // 催收人员管理制度
  'outsourcing_management', // 委外催收管理制度
  'personal_information_protection', // 个人信息保护制度
  'complaint_handling', // 投诉处理制度
  'major_risk_reporting', // 重大风险事项报告制度
  'other',
]);
export type PolicyKind = z.infer<typeof PolicyKind>;

export const REQUIRED_POLICY_KINDS = ['collection_management', 'collection_procedures'] as const satisfies readonly PolicyKind[];

export const Policy = z
  .strictObject({
    id: Id,
    kind: PolicyKind,
    adoptedAt: Instant,
    lastReviewedAt: Instant.optional(),
  })
  .superRefine((p, ctx) => notBefore(ctx, p.adoptedAt, p.lastReviewedAt, 'lastReviewedAt', 'lastReviewedAt is before adoptedAt'));

// ── 5.2 organisation and staff ──────────────────────────────────────────────────────────────────────

export const CollectionDepartment = z.strictObject({
  exists: z.boolean(),
  /** Dedicated to managing collection (not a side duty of, say, customer service). */
  dedicated: z.boolean(),
});

export const Screening = z.strictObject({
  violentCrimeRecord: z.boolean(),
  seriousBadCredit: z.boolean(),
  checkedAt: Instant.optional(),
});

/** The collector-standing vocabulary of the per-action rule (src/schema/primitives.ts): one set for both. */
export const StaffStatus = CollectorStanding;
export const ConductFlag = z.enum(['none', 'unfit', 'serious_offence']);

export const StaffMember = z.strictObject({
  id: Id,
  /** active = performs or manages collection; suspended = held off collection; reassigned = moved out of collection; dismissed. */
  status: StaffStatus,
  screening: Screening.optional(),
  preJobTrainingPassedAt: Instant.optional(),
  lastTrainingAssessedAt: Instant.optional(),
  confidentialityPledgeSignedAt: Instant.optional(),
  conductFlag: ConductFlag.default('none'),
  /** When a serious offence was reported to the self-regulatory organisation. */
  reportedToSelfRegulatorAt: Instant.optional(),
});

const Weight = z.number().nonnegative().finite();

/** Relative weights of the performance-pay metrics (percentages or any scale; only zero/non-zero and ratios matter). */
export const PerformanceWeights = z
  .strictObject({
    recoveredAmount: Weight,
    effectiveness: Weight,
    compliance: Weight,
    informationSecurity: Weight,
    complaints: Weight,
    other: Weight.optional(),
  })
  .superRefine((w, ctx) => {
    if (Object.values(w).every((v) => v === undefined || v === 0)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'at least one weight must be positive' });
    }
  });

export const PerformancePay = z.strictObject({
  weights: PerformanceWeights,
  /** The scheme also penalises (综合奖惩体系): deductions for violations and complaints, not only bonuses. Not stated = not shown. */
  penalties: z.boolean().optional(),
});

// ── 5.4 agencies, 5.5 data destruction ──────────────────────────────────────────────────────────────

export const OutsourcingAgreement = z
  .strictObject({ ref: Id, validFrom: Instant, validUntil: Instant })
  .superRefine((a, ctx) => notBefore(ctx, a.validFrom, a.validUntil, 'validUntil', 'validUntil is before validFrom'));

export const SettledCase = z
  .strictObject({
    caseRef: Id,
    settledAt: Instant,
    dataDestructionConfirmedAt: Instant.optional(),
  })
  .superRefine((c, ctx) => notBefore(ctx, c.settledAt, c.dataDestructionConfirmedAt, 'dataDestructionConfirmedAt', 'dataDestructionConfirmedAt is before settledAt'));

export const Agency = z.strictObject({
  id: Id,
  /** Every outsourcing agreement with this agency, the first and its renewals, in any order. */
  agreements: z.array(OutsourcingAgreement).min(1).max(1000).superRefine(uniqueBy((a) => a.ref, 'agreement ref')),
  /** Dates of the institution's evaluations of the agency (vetting and periodic), in any order. */
  evaluatedAt: z.array(Instant).max(MAX_LIST).default([]),
  lastInspectedAt: Instant.optional(),
  riskWarningPlan: z.boolean(),
  emergencyPlan: z.boolean(),
  /** Cases handed to this agency that the debtor has since settled. */
  settledCases: z.array(SettledCase).max(MAX_RECORDS).default([]),
});

export const Outsourcing = z.strictObject({
  /** The institution can collect on its own (staff, systems) if an agency drops out. */
  inHouseCapability: z.boolean(),
  agencies: z.array(Agency).max(MAX_LIST).default([]).superRefine(uniqueBy((a) => a.id, 'agency id')),
});

// ── 5.5 systems ─────────────────────────────────────────────────────────────────────────────────────

export const CollectionSystem = z.strictObject({
  id: Id,
  /** MLPS (网络安全等级保护) level, 0 = not graded. */
  mlpsLevel: z.number().int().min(0).max(5),
  /** Until when the current MLPS evidence (filing certificate, assessment report) is valid. */
  certificateExpiresAt: Instant.optional(),
  piiMasked: z.boolean(),
  encryptedInTransit: z.boolean(),
});

// ── 5.6 complaints ──────────────────────────────────────────────────────────────────────────────────

export const ComplaintChannelKind = z.enum(['hotline', 'online', 'in_app', 'email', 'letter', 'in_person']);

export const Complaint = z
  .strictObject({ id: Id, receivedAt: Instant, resolvedAt: Instant.optional() })
  .superRefine((c, ctx) => notBefore(ctx, c.receivedAt, c.resolvedAt, 'resolvedAt', 'resolvedAt is before receivedAt'));

export const Complaints = z.strictObject({
  channels: z.array(ComplaintChannelKind).max(20),
  /** The institution's committed handling time, in calendar days from receipt. */
  handlingTargetDays: z.number().int().min(1).max(90),
  cases: z.array(Complaint).max(MAX_RECORDS).default([]).superRefine(uniqueBy((c) => c.id, 'complaint id')),
});

// ── 5.7 incidents ───────────────────────────────────────────────────────────────────────────────────

/** The four kinds of major risk event of 5.7. */
export const IncidentType = z.enum([
  'regulatory_action', // 催收业务被监管调查、受到刑事处罚或重大行政处罚
  'violent_collection', // 催收人员暴力催收，危及人身或财产安全
  'personal_information_breach', // 个人信息严重泄露、丢失或被篡改
  'anti_collection_interference', // "反催收"黑灰产严重干扰
]);
export type IncidentType = z.infer<typeof IncidentType>;

export const ReportField = z.enum(['cause', 'status', 'impact', 'measures']);
export type ReportField = z.infer<typeof ReportField>;

const incidentFields = {
  type: IncidentType,
  discoveredAt: Instant,
  /** When the written report reached the self-regulatory organisation. */
  reportedAt: Instant.optional(),
  /** What the written report covers. */
  reportFields: z.array(ReportField).max(4).default([]),
};

const reportAfterDiscovery = (i: { discoveredAt: string; reportedAt?: string | undefined }, ctx: z.RefinementCtx): void =>
  notBefore(ctx, i.discoveredAt, i.reportedAt, 'reportedAt', 'reportedAt is before discoveredAt');

/** A major risk event on the institution's file. */
export const Incident = z.strictObject({ id: Id, ...incidentFields }).superRefine(reportAfterDiscovery);

/** What `incidentDeadline` reads: an incident record, its id optional. */
export const IncidentDeadlineInput = z.strictObject({ id: Id.optional(), ...incidentFields }).superRefine(reportAfterDiscovery);

// ── the profile ─────────────────────────────────────────────────────────────────────────────────────

export const Institution = z.strictObject({
  /** The institution's own id (e.g. a licence or LEI code); echoed nowhere, for the caller's bookkeeping. */
  id: Id.optional(),
  policies: z.array(Policy).max(1000).superRefine(uniqueBy((p) => p.id, 'policy id')).optional(),
  collectionDepartment: CollectionDepartment.optional(),
  staff: z.array(StaffMember).max(MAX_RECORDS).superRefine(uniqueBy((s) => s.id, 'staff id')).optional(),
  performancePay: PerformancePay.optional(),
  outsourcing: Outsourcing.optional(),
  systems: z.array(CollectionSystem).min(1).max(1000).superRefine(uniqueBy((s) => s.id, 'system id')).optional(),
  complaints: Complaints.optional(),
  incidents: z.array(Incident).max(MAX_LIST).superRefine(uniqueBy((i) => i.id, 'incident id')).optional(),
});

/** An institution profile as given by the caller (defaults may be omitted). */
export type InstitutionInput = z.input<typeof Institution>;
/** A validated institution profile, defaults filled in. */
export type Institution = z.output<typeof Institution>;
export type StaffMember = z.output<typeof StaffMember>;
export type Agency = z.output<typeof Agency>;
export type CollectionSystem = z.output<typeof CollectionSystem>;
export type Complaint = z.output<typeof Complaint>;
export type Incident = z.output<typeof Incident>;
export type IncidentInput = z.input<typeof Incident>;
export type IncidentDeadlineInput = z.input<typeof IncidentDeadlineInput>;
export type Policy = z.output<typeof Policy>;

/**
 * Options of `assessProgram`. `destructionGraceDays` and `preExpiryEvaluationDays` may only be shortened: 30 days is already our
 * interpretation (docs/program.md), and a profile may tighten the standard, never loosen it.
 */
export const AssessOptions = z.strictObject({
  at: Instant,
  timeZone: TimeZone.default(DEFAULT_TIME_ZONE),
  destructionGraceDays: z.number().int().min(0).max(30).default(30),
  renewalNoticeDays: z.number().int().min(0).max(366).default(60),
  /**
   * The final period of an outsourcing agreement, in days before its validUntil, in which the pre-expiry
   * evaluation of the agency (委托协议到期前也需开展1次) must take place. 90 is our interpretation; it may
   * only be shortened (a shorter period is stricter: an older evaluation no longer counts).
   */
  preExpiryEvaluationDays: z.number().int().min(1).max(90).default(90),
});
export type AssessOptionsInput = z.input<typeof AssessOptions>;
export type AssessOptions = z.output<typeof AssessOptions>;
