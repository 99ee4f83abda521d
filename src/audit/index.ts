export { audit, auditSync, type AuditOptions, type AsyncAuditRun, type SyncAuditRun } from './audit.js';
export { HISTORY_HORIZON_MS, IDLE_AFTER_MS, MAX_LATENESS_MS, type AuditStats, type AuditVerdict } from './auditor.js';
export { createAuditSummary, summarize, type AuditSummary, type AuditSummaryBuilder } from './summary.js';
export { AuditRecord, type AuditRecordInput, type RecordOutcome } from '../schema/audit-record.js';
export { renderSummary, REPORT_FORMATS, type ReportFormat, type ReportOptions } from './report/index.js';
export {
  findingRows, findingsFormatOf, findingsHeader, formatFinding, createFindingsSampler, FINDING_COLUMNS, DEFAULT_FINDINGS_PER_RULE,
  type FindingRow, type FindingColumn, type FindingsFormat, type FindingsSample, type FindingsSampler,
} from './findings.js';
