import { parseInstant } from '../../core/time.js';
import { formatInOffsetOf } from '../calendar.js';
import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, subject, type CheckResult } from '../define-check.js';
import { REQUIRED_REPORT_FIELDS, reportDeadlineMs } from '../incident.js';

export const incidentReporting = defineCheck({
  id: 'incident-reporting',
  clause: programClauses.incidentReporting,
  evidence: evidence('seed', 'A written report of a major risk event within 48 hours of its discovery, with the required fields.'),
  description: {
    zh: '发生重大风险事项的，应在发现后48小时内向自律组织书面报告，说明原因、进展、影响和措施。',
    en: 'A major risk event is reported in writing to the self-regulatory organisation within 48 hours of discovery, covering cause, status, impact and measures.',
  },
  messages: {
    'report-due': {
      zh: '重大风险事项 {incidentId}（{incidentType}）尚未报告，须在 {deadline} 前向自律组织书面报告。',
      en: 'Incident {incidentId} ({incidentType}) is not yet reported; the written report to the self-regulatory organisation is due by {deadline}.',
    },
    'report-overdue': {
      zh: '重大风险事项 {incidentId}（{incidentType}）于 {discoveredAt} 发现，截至 {at} 仍未报告，已超过48小时时限（{deadline}）。',
      en: 'Incident {incidentId} ({incidentType}) discovered on {discoveredAt} is still unreported as of {at}, past the 48-hour deadline ({deadline}).',
    },
    'reported-late': {
      zh: '重大风险事项 {incidentId}（{incidentType}）于 {reportedAt} 报告，超过48小时时限（{deadline}）。',
      en: 'Incident {incidentId} ({incidentType}) was reported on {reportedAt}, after the 48-hour deadline ({deadline}).',
    },
    'report-fields-missing': {
      zh: '重大风险事项 {incidentId} 的书面报告缺少：{missingFields}（时限 {deadline}）。',
      en: 'The written report of incident {incidentId} lacks: {missingFields} (deadline {deadline}).',
    },
  },
  assessable: (inst) => inst.incidents !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const incident of inst.incidents ?? []) {
      if (ctx.happened(incident.discoveredAt) === null) continue;
      const deadlineMs = reportDeadlineMs(parseInstant(incident.discoveredAt));
      const about = subject('incident', incident.id);
      const facts = {
        incidentId: incident.id,
        incidentType: incident.type,
        discoveredAt: incident.discoveredAt,
        deadline: formatInOffsetOf(deadlineMs, incident.discoveredAt),
      };
      const reported = ctx.happened(incident.reportedAt);
      if (reported === null) {
        if (ctx.atMs <= deadlineMs) results.push(report.warning('report-due', about, facts));
        else results.push(report.violation('report-overdue', about, { ...facts, at: ctx.format(ctx.atMs) }));
        continue;
      }
      if (reported > deadlineMs) results.push(report.violation('reported-late', about, { ...facts, reportedAt: incident.reportedAt as string }));
      const missingFields = REQUIRED_REPORT_FIELDS.filter((f) => !incident.reportFields.includes(f));
      if (missingFields.length > 0) {
        // Before the deadline an incomplete report can still be completed in time.
        const severity = ctx.atMs <= deadlineMs ? 'warning' : 'violation';
        results.push({ severity, code: 'report-fields-missing', subject: about, facts: { ...facts, missingFields } });
      }
    }
    return results;
  },
});
