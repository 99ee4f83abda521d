import { DAY_MS, parseInstant } from '../../core/time.js';
import { addZonedDays } from '../calendar.js';
import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, subject, type CheckResult } from '../define-check.js';

export const agencyDataDestruction = defineCheck({
  id: 'agency-data-destruction',
  clause: programClauses.dataDestruction,
  evidence: evidence('seed', 'Agencies destroy case data after payoff.'),
  description: {
    zh: '债务结清后，第三方催收机构应销毁案件数据并向机构确认（本库给予30天确认宽限期）。',
    en: 'After a debt is settled, the agency destroys the case data and confirms it (this library allows 30 days for the confirmation).',
  },
  messages: {
    'data-destruction-unconfirmed': {
      zh: '案件 {caseRef} 已于 {settledAt} 结清（{daysSinceSettlement} 天前），第三方催收机构 {agencyId} 尚未确认销毁数据（宽限期至 {graceEndsAt}）。',
      en: 'Case {caseRef} was settled on {settledAt} ({daysSinceSettlement} days ago) and agency {agencyId} has not confirmed destroying its data (grace period until {graceEndsAt}).',
    },
  },
  assessable: (inst) => inst.outsourcing !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const agency of inst.outsourcing?.agencies ?? []) {
      for (const c of agency.settledCases) {
        const settled = ctx.happened(c.settledAt);
        if (settled === null || ctx.happened(c.dataDestructionConfirmedAt) !== null) continue;
        const graceEnds = addZonedDays(parseInstant(c.settledAt), ctx.options.destructionGraceDays, ctx.zone);
        const facts = {
          agencyId: agency.id,
          caseRef: c.caseRef,
          settledAt: ctx.format(settled),
          graceEndsAt: ctx.format(graceEnds),
          daysSinceSettlement: Math.floor((ctx.atMs - settled) / DAY_MS),
        };
        // Within the grace period the confirmation is pending (a warning); after it, missing (a violation).
        const which = subject('case', c.caseRef);
        results.push(ctx.atMs <= graceEnds ? report.warning('data-destruction-unconfirmed', which, facts) : report.violation('data-destruction-unconfirmed', which, facts));
      }
    }
    return results;
  },
});
