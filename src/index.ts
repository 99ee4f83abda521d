export { checkAction, prepareCase, scheduleAction, nextAllowedAt, quota, type CheckOptions } from './guard/doors.js';
export { createGuard, type Guard, type GuardOptions, type PreparedCase } from './guard/guard.js';
export { GuardConfigError, type ConfigProblem } from './core/errors.js';
export { explain, type Locale } from './core/explain.js';
export { rules } from './rules/index.js';
export type { Rule, RuleResult, RuleMessages, RuleScope } from './rules/index.js';
export { clauses, STANDARD, CBA_GUIDELINE, type Clause } from './core/clauses.js';
export { ruleEvidence, engineRequirements, type Evidence, type Confidence, type EngineRequirement } from './guard/clause-matrix.js';
export { nationalProfile } from './profiles/national.js';
export { cba2026Profile, presets } from './profiles/presets.js';
export { HOUSE_FACTS, HouseRule as HouseRuleSchema, type HouseFactName } from './guard/house-rules.js';
export { VERSION } from './core/version.js';
export { maskPhone, maskIdCard, maskBankCard, maskName, MASK_MAX_LENGTH } from './core/mask.js';
export { INPUT_BOUNDS, type InputBounds } from './core/validate.js';
export {
  Context as ContextSchema,
  Action as ActionSchema,
  Decision as DecisionSchema,
  Profile as ProfileSchema,
  Limits as LimitsSchema,
} from './schema/index.js';
export type {
  Context, ContextInput, HistoryEntry, Action, ActionInput, Decision, Finding, FindingSource, Obligation, Message, Profile, Limits,
  FactRecord, FactValue,
} from './schema/index.js';
export { INVALID_INPUT, INTERNAL_ERROR, isInvalidInput, inputProblems } from './core/decision.js';
export type { InputProblem, InvalidInputFinding, InvalidInputDecision } from './core/decision.js';
export { summarizeProblems, type Problem } from './core/problems.js';
export { TIME_INDEPENDENT_RULES, MAX_SCHEDULE_CHECKS, MAX_SCHEDULE_CANDIDATES, type ScheduleOptions, type ScheduleResult, type ScheduleStatus, type ScheduleWork, type Quota, type QuotaResult } from './schedule/schedule.js';
export {
  assessProgram, incidentDeadline, IncidentInputError, programChecks, programEvidence, programClauses, PROGRAM_CLAUSES,
  INCIDENT_REPORT_HOURS, INCIDENT_RECIPIENT, REQUIRED_REPORT_FIELDS,
  InstitutionSchema, AssessOptionsSchema, ProgramAssessmentSchema,
} from './program/index.js';
export type {
  Institution, InstitutionInput, AssessOptionsInput, ProgramAssessment, ProgramFinding, ClauseResult, ClauseStatus,
  CheckStatus, Subject, IncidentDeadline, IncidentDeadlineInput, IncidentDeadlineOptions, IncidentType, ReportField,
  ProgramCheck, Severity as ProgramSeverity,
} from './program/index.js';
export {
  audit, auditSync, summarize, createAuditSummary, renderSummary, AuditRecord as AuditRecordSchema,
  HISTORY_HORIZON_MS, MAX_LATENESS_MS, IDLE_AFTER_MS, REPORT_FORMATS,
  findingRows, findingsFormatOf, findingsHeader, formatFinding, createFindingsSampler, FINDING_COLUMNS,
} from './audit/index.js';
export type {
  AuditOptions, AsyncAuditRun, SyncAuditRun, AuditVerdict, AuditStats, AuditSummary, AuditSummaryBuilder,
  AuditRecord, AuditRecordInput, RecordOutcome, ReportFormat, ReportOptions,
  FindingRow, FindingColumn, FindingsFormat, FindingsSample, FindingsSampler,
} from './audit/index.js';
export { renderAssessment, ASSESSMENT_FORMATS, type AssessmentFormat } from './program/index.js';
