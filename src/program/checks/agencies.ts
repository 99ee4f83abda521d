/** 5.4: evaluating, planning for and inspecting third-party collection agencies; in-house capability. */
import { DAY_MS, parseInstant } from '../../core/time.js';
import { addZonedDays } from '../calendar.js';
import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, INSTITUTION, latest, subject, type AssessmentContext, type CheckResult } from '../define-check.js';
import type { Agency } from '../schema.js';

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
  evidence: evidence('seed, press', 'Agencies evaluated at least yearly and once more in the final period before each agreement expires.'),
  description: {
    zh: '对合作的第三方催收机构至少每年评估一次，且每份委托协议到期前也需开展1次评估（年度评估不能替代）。',
    en: 'Each engaged agency is evaluated at least once every 12 months, and once more in the final period before each outsourcing agreement expires (a yearly evaluation does not stand in).',
  },
  messages: {
    'evaluation-overdue': {
      zh: '第三方催收机构 {agencyId} 在 {since} 至 {at} 期间没有评估记录（至少每年评估一次）。',
      en: 'Agency {agencyId} has no evaluation between {since} and {at} (at least one every 12 months is required).',
    },
    'renewed-without-evaluation': {
      zh: '与第三方催收机构 {agencyId} 的协议 {agreementRef} 于 {endedAt} 续约，但在其到期前的最后 {finalDays} 天（{finalFrom} 起）内没有评估记录；年度评估不能替代到期前评估。',
      en: 'Agreement {agreementRef} with agency {agencyId} was renewed at {endedAt} without an evaluation in its final {finalDays} days (from {finalFrom}); a yearly evaluation does not stand in for the pre-expiry one.',
    },
    'expired-without-evaluation': {
      zh: '与第三方催收机构 {agencyId} 的协议 {agreementRef} 于 {endedAt} 到期，但在到期前的最后 {finalDays} 天（{finalFrom} 起）内没有评估记录（委托协议到期前也需开展1次评估）。',
      en: 'Agreement {agreementRef} with agency {agencyId} expired at {endedAt} without an evaluation in its final {finalDays} days (from {finalFrom}): the agency is evaluated once more before an agreement expires.',
    },
    'evaluation-due-before-renewal': {
      zh: '与第三方催收机构 {agencyId} 的协议 {agreementRef} 将于 {expiresAt} 到期；须在到期前完成到期前评估（{since} 之后尚无评估，年度评估不能替代）。',
      en: 'Agreement {agreementRef} with agency {agencyId} expires on {expiresAt}; evaluate the agency before it expires (no evaluation since {since}, the start of its final period; a yearly evaluation does not stand in).',
    },
  },
  assessable: (inst) => inst.outsourcing !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const agency of inst.outsourcing?.agencies ?? []) {
      const who = subject('agency', agency.id);
      const { spans, engaged, inForce } = agreementsOf(agency, ctx);
      const evaluations = evaluationsOf(agency, ctx);
      const evaluatedWithin = (fromMs: number, untilMs: number): boolean => evaluations.some((e) => e >= fromMs && e <= untilMs);

      const overdue = engaged && !evaluatedWithin(ctx.evaluationDueSinceMs, ctx.atMs);
      if (overdue) {
        const last = latest(...evaluations);
        results.push(
          report.violation('evaluation-overdue', who, {
            agencyId: agency.id,
            lastEvaluatedAt: last === null ? null : ctx.format(last),
            since: ctx.format(ctx.evaluationDueSinceMs),
            at: ctx.format(ctx.atMs),
          }),
        );
      }
      // Agreements that ended (expired, or replaced by a renewal) in the last 12 months: older ones are past
      // assessments' business. Each needed an evaluation in its own final period; a yearly one does not stand in.
      const finalDays = ctx.options.preExpiryEvaluationDays;
      for (let i = 0; i < spans.length; i += 1) {
        const span = spans[i] as AgreementSpan;
        const next = spans.slice(i + 1).find((s) => s.fromMs > span.fromMs && s.fromMs <= span.untilMs + DAY_MS);
        const endedMs = next === undefined ? span.untilMs : Math.min(span.untilMs, next.fromMs);
        if (endedMs > ctx.atMs || endedMs < ctx.evaluationDueSinceMs) continue;
        const finalFrom = addZonedDays(endedMs, -finalDays, ctx.zone);
        if (evaluatedWithin(finalFrom, endedMs)) continue;
        results.push(
          report.violation(next === undefined ? 'expired-without-evaluation' : 'renewed-without-evaluation', who, {
            agencyId: agency.id, agreementRef: span.ref, endedAt: ctx.format(endedMs), finalFrom: ctx.format(finalFrom), finalDays,
          }),
        );
      }
      if (!overdue && inForce !== undefined && inForce.untilMs <= addZonedDays(ctx.atMs, ctx.options.renewalNoticeDays, ctx.zone)) {
        const since = addZonedDays(inForce.untilMs, -finalDays, ctx.zone);
        if (!evaluatedWithin(since, ctx.atMs)) {
          results.push(
            report.warning('evaluation-due-before-renewal', who, {
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
  evidence: evidence('seed, press', 'Agencies have risk warning and emergency plans.'),
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
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const agency of inst.outsourcing?.agencies ?? []) {
      if (!agreementsOf(agency, ctx).engaged) continue;
      const who = subject('agency', agency.id);
      if (!agency.riskWarningPlan) results.push(report.violation('risk-warning-plan-missing', who, { agencyId: agency.id }));
      if (!agency.emergencyPlan) results.push(report.violation('emergency-plan-missing', who, { agencyId: agency.id }));
    }
    return results;
  },
});

export const agencyInspection = defineCheck({
  id: 'agency-inspection',
  clause: programClauses.agencyInspection,
  evidence: evidence('seed, press', 'Agencies inspected.'),
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
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const agency of inst.outsourcing?.agencies ?? []) {
      const { inForce, relationshipStartMs } = agreementsOf(agency, ctx);
      // A new agency gets its first 12 months to be inspected.
      if (inForce === undefined || relationshipStartMs > ctx.reviewDueSinceMs) continue;
      const last = ctx.happened(agency.lastInspectedAt);
      if (last === null || last < ctx.reviewDueSinceMs) {
        results.push(
          report.warning('inspection-overdue', subject('agency', agency.id), {
            agencyId: agency.id,
            lastInspectedAt: last === null ? null : ctx.format(last),
            since: ctx.format(ctx.reviewDueSinceMs),
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
  evidence: evidence('seed, press', 'In-house capability kept.'),
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
  run: (inst, _ctx, report) => (inst.outsourcing?.inHouseCapability === false ? [report.warning('no-in-house-capability', INSTITUTION, {})] : []),
});
