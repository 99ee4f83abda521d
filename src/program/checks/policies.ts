import { addZonedMonths } from '../../core/time.js';
import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, latest, subject, type CheckResult } from '../define-check.js';
import { REQUIRED_POLICY_KINDS } from '../schema.js';

export const policies = defineCheck({
  id: 'policies',
  clause: programClauses.policies,
  evidence: evidence('press (outline)', 'Written policies of the required kinds exist and are current.'),
  description: {
    zh: '应制定书面的贷后催收管理制度和操作规程，并至少每12个月评估修订一次。',
    en: 'Written collection policies and operating procedures exist, each reviewed within the last 12 months.',
  },
  messages: {
    'policy-missing': {
      zh: '截至 {at}，没有生效的书面制度：{policyKind}。',
      en: 'As of {at} there is no written {policyKind} in force.',
    },
    'policy-stale': {
      zh: '制度 {policyId}（{policyKind}）最近一次制定或评估于 {lastReviewedAt}，已超过12个月（应于 {reviewDueAt} 前评估）。',
      en: 'Policy {policyId} ({policyKind}) was last adopted or reviewed on {lastReviewedAt}, more than 12 months ago (review was due by {reviewDueAt}).',
    },
  },
  assessable: (inst) => inst.policies !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    const inForce = (inst.policies ?? []).filter((p) => ctx.happened(p.adoptedAt) !== null);
    for (const kind of REQUIRED_POLICY_KINDS) {
      if (!inForce.some((p) => p.kind === kind)) {
        results.push(report.violation('policy-missing', subject('policy', kind), { policyKind: kind, at: ctx.format(ctx.atMs) }));
      }
    }
    for (const p of inForce) {
      const last = latest(ctx.happened(p.adoptedAt), ctx.happened(p.lastReviewedAt)) as number;
      if (last < ctx.reviewDueSinceMs) {
        results.push(
          report.warning('policy-stale', subject('policy', p.id), {
            policyId: p.id,
            policyKind: p.kind,
            lastReviewedAt: ctx.format(last),
            reviewDueAt: ctx.format(addZonedMonths(last, 12, ctx.zone)),
          }),
        );
      }
    }
    return results;
  },
});
