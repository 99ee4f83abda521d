import { nationalProfile } from '../../profiles/national.js';
/** 5.4: evaluating, planning for and inspecting third-party collection agencies; in-house capability. */
import { parseInstant } from '../../time.js';
import { addZonedDays, monthsBefore } from '../calendar.js';
import { programClauses } from '../clauses.js';
import { defineCheck, INSTITUTION, latest, subject, violation, warning, type AssessmentContext, type CheckResult } from '../define-check.js';
import type { Agency } from '../schema.js';

/** How often an agency is evaluated: the national profile's interval, as for the per-action rule. */
const EVALUATION_INTERVAL_MONTHS = nationalProfile.limits.agencyEvaluationIntervalMonths;

interface AgreementSpan {
  readonly ref: string;
  readonly fromMs: number;
  readonly untilMs: number;
}

/** An agency's agreements in time order, and what they mean at `at`. */
function agreementsOf(agency: Agency, ctx: AssessmentContext) {
  const spans: AgreementSpan[] = agency.agreements
    .map((a) => ({ ref: a.ref, fromMs: parseInstant(a.validFrom), untilMs: parseInstant(a.validUntil) }))
    .sort((a, b) => a.fromMs - b.fromMs || a.untilMs - b.untilMs);
  return {
    spans,
    /** In force at `at` or signed to start later: the institution still works with this agency. */
    engaged: spans.some((s) => s.untilMs >= ctx.atMs),
    inForce: spans.find((s) => s.fromMs <= ctx.atMs && ctx.atMs <= s.untilMs),
    relationshipStartMs: spans[0]?.fromMs ?? Number.NaN,
  };
}

/** The agency's evaluations that had taken place by `at`. */
function evaluationsOf(agency: Agency, ctx: AssessmentContext): number[] {
  return agency.evaluatedAt.map((e) => ctx.happened(e)).filter((ms): ms is number => ms !== null);
}

export const agencyEvaluation = defineCheck({
  id: 'agency-evaluation',
  clause: programClauses.agencyEvaluation,
  description: {
    zh: '对合作的第三方催收机构至少每年评估一次，续约前应评估。',
    en: 'Each engaged agency is evaluated at least once every 12 months, and before each renewal.',
  },
  messages: {
    'evaluation-overdue': {
      zh: '第三方催收机构 {agencyId} 在 {since} 至 {at} 期间没有评估记录（至少每年评估一次）。',
      en: 'Agency {agencyId} has no evaluation between {since} and {at} (at least one every 12 months is required).',
    },
    'renewed-without-evaluation': {
      zh: '与第三方催收机构 {agencyId} 的协议 {agreementRef} 于 {renewedAt} 续约，续约前12个月内没有评估记录。',
      en: 'Agreement {agreementRef} with agency {agencyId} renewed on {renewedAt} without an evaluation in the 12 months before.',
    },
    'evaluation-due-before-renewal': {
      zh: '与第三方催收机构 {agencyId} 的协议 {agreementRef} 将于 {expiresAt} 到期；如续约，须在续约前完成评估（{since} 之后尚无评估）。',
      en: 'Agreement {agreementRef} with agency {agencyId} expires on {expiresAt}; evaluate the agency before any renewal (no evaluation since {since}).',
    },
  },
  assessable: (inst) => inst.outsourcing !== undefined,
  run: (inst, ctx) => {
    const results: CheckResult[] = [];
    for (const agency of inst.outsourcing?.agencies ?? []) {
      const who = subject('agency', agency.id);
      const { spans, engaged, inForce } = agreementsOf(agency, ctx);
      const evaluations = evaluationsOf(agency, ctx);
      const evaluatedWithin = (fromMs: number, untilMs: number): boolean => evaluations.some((e) => e >= fromMs && e <= untilMs);

      const overdue = engaged && !evaluatedWithin(ctx.yearAgoMs, ctx.atMs);
      if (overdue) {
        const last = latest(...evaluations);
        results.push(
          violation('evaluation-overdue', who, {
            agencyId: agency.id,
            lastEvaluatedAt: last === null ? null : ctx.format(last),
            since: ctx.format(ctx.yearAgoMs),
            at: ctx.format(ctx.atMs),
          }),
        );
      }
      // Renewals that took effect in the last 12 months: older ones are past assessments' business.
      for (const renewal of spans.slice(1)) {
        if (renewal.fromMs > ctx.atMs || renewal.fromMs < ctx.yearAgoMs) continue;
        if (!evaluatedWithin(monthsBefore(renewal.fromMs, EVALUATION_INTERVAL_MONTHS, ctx.zone), renewal.fromMs)) {
          results.push(
            violation('renewed-without-evaluation', who, { agencyId: agency.id, agreementRef: renewal.ref, renewedAt: ctx.format(renewal.fromMs) }),
          );
        }
      }
      if (!overdue && inForce !== undefined && inForce.untilMs <= addZonedDays(ctx.atMs, ctx.options.renewalNoticeDays, ctx.zone)) {
        const since = monthsBefore(inForce.untilMs, EVALUATION_INTERVAL_MONTHS, ctx.zone);
        if (!evaluatedWithin(since, ctx.atMs)) {
          results.push(
            warning('evaluation-due-before-renewal', who, {
              agencyId: agency.id,
              agreementRef: inForce.ref,
              expiresAt: ctx.format(inForce.untilMs),
              since: ctx.format(since),
            }),
          );
        }
      }
    }
    return results;
  },
});

export const agencyPlans = defineCheck({
  id: 'agency-plans',
  clause: programClauses.agencyPlans,
  description: {
    zh: '对合作的第三方催收机构应有风险预警方案和应急预案。',
    en: 'Each engaged agency is covered by a risk warning plan and an emergency plan.',
  },
  messages: {
    'risk-warning-plan-missing': {
      zh: '第三方催收机构 {agencyId} 没有风险预警方案。',
      en: 'Agency {agencyId} has no risk warning plan.',
    },
    'emergency-plan-missing': {
      zh: '第三方催收机构 {agencyId} 没有应急预案（如机构突然退出时的案件承接）。',
      en: 'Agency {agencyId} has no emergency plan (e.g. for taking its cases back if it drops out).',
    },
  },
  assessable: (inst) => inst.outsourcing !== undefined,
  run: (inst, ctx) => {
    const results: CheckResult[] = [];
    for (const agency of inst.outsourcing?.agencies ?? []) {
      if (!agreementsOf(agency, ctx).engaged) continue;
      const who = subject('agency', agency.id);
      if (!agency.riskWarningPlan) results.push(violation('risk-warning-plan-missing', who, { agencyId: agency.id }));
      if (!agency.emergencyPlan) results.push(violation('emergency-plan-missing', who, { agencyId: agency.id }));
    }
    return results;
  },
});

export const agencyInspection = defineCheck({
  id: 'agency-inspection',
  clause: programClauses.agencyInspection,
  description: {
    zh: '对合作满12个月的第三方催收机构，12个月内应至少有一次检查记录。',
    en: 'An agency engaged for more than 12 months has been inspected within the last 12 months.',
  },
  messages: {
    'inspection-overdue': {
      zh: '第三方催收机构 {agencyId} 在 {since} 之后没有检查记录。',
      en: 'Agency {agencyId} has no inspection record since {since}.',
    },
  },
  assessable: (inst) => inst.outsourcing !== undefined,
  run: (inst, ctx) => {
    const results: CheckResult[] = [];
    for (const agency of inst.outsourcing?.agencies ?? []) {
      const { inForce, relationshipStartMs } = agreementsOf(agency, ctx);
      // A new agency gets its first 12 months to be inspected.
      if (inForce === undefined || relationshipStartMs > ctx.yearAgoMs) continue;
      const last = ctx.happened(agency.lastInspectedAt);
      if (last === null || last < ctx.yearAgoMs) {
        results.push(
          warning('inspection-overdue', subject('agency', agency.id), {
            agencyId: agency.id,
            lastInspectedAt: last === null ? null : ctx.format(last),
            since: ctx.format(ctx.yearAgoMs),
          }),
        );
      }
    }
    return results;
  },
});

export const inHouseCapability = defineCheck({
  id: 'in-house-capability',
  clause: programClauses.inHouseCapability,
  description: {
    zh: '审慎委外，保持自主催收能力。',
    en: 'Outsource prudently and keep the capability to collect in house.',
  },
  messages: {
    'no-in-house-capability': {
      zh: '机构未保持自主催收能力，过度依赖第三方催收机构。',
      en: 'The institution keeps no in-house collection capability and depends on agencies.',
    },
  },
  assessable: (inst) => inst.outsourcing !== undefined,
  run: (inst) => (inst.outsourcing?.inHouseCapability === false ? [warning('no-in-house-capability', INSTITUTION, {})] : []),
});
