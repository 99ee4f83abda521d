/** 5.6: a complaint channel exists, and complaints are handled within the institution's own target. */
import { DAY_MS, parseInstant } from '../../core/time.js';
import { addZonedDays } from '../calendar.js';
import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, INSTITUTION, subject, type CheckResult } from '../define-check.js';

export const complaintChannel = defineCheck({
  id: 'complaint-channel',
  clause: programClauses.complaintChannel,
  evidence: evidence('press (outline)', 'A complaint channel exists.'),
  description: {
    zh: '应设立并公布投诉渠道。',
    en: 'Debtors have a channel to complain through.',
  },
  messages: {
    'no-complaint-channel': {
      zh: '机构没有投诉渠道。',
      en: 'The institution has no complaint channel.',
    },
  },
  assessable: (inst) => inst.complaints !== undefined,
  run: (inst, _ctx, report) => (inst.complaints?.channels.length === 0 ? [report.violation('no-complaint-channel', INSTITUTION, {})] : []),
});

export const complaintHandling = defineCheck({
  id: 'complaint-handling',
  clause: programClauses.complaintHandling,
  evidence: evidence('press (outline)', 'Complaints are handled in time.'),
  description: {
    zh: '投诉应在机构承诺的处理时限内办结。',
    en: "Complaints are resolved within the institution's handling target.",
  },
  messages: {
    'complaint-overdue': {
      zh: '投诉 {complaintId} 于 {receivedAt} 收到，已 {daysOpen} 天未办结，超过 {handlingTargetDays} 天的处理时限（{dueAt}）。',
      en: 'Complaint {complaintId} received on {receivedAt} has been open for {daysOpen} days, past the {handlingTargetDays}-day handling target ({dueAt}).',
    },
  },
  assessable: (inst) => inst.complaints !== undefined,
  run: (inst, ctx, report) => {
    const section = inst.complaints;
    if (section === undefined) return [];
    const results: CheckResult[] = [];
    for (const c of section.cases) {
      const received = ctx.happened(c.receivedAt);
      if (received === null || ctx.happened(c.resolvedAt) !== null) continue;
      const due = addZonedDays(parseInstant(c.receivedAt), section.handlingTargetDays, ctx.zone);
      if (ctx.atMs <= due) continue;
      results.push(
        report.warning('complaint-overdue', subject('complaint', c.id), {
          complaintId: c.id,
          receivedAt: ctx.format(received),
          dueAt: ctx.format(due),
          handlingTargetDays: section.handlingTargetDays,
          daysOpen: Math.floor((ctx.atMs - received) / DAY_MS),
        }),
      );
    }
    return results;
  },
});
