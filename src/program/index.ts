/** Institution-level assessment (GB/T 45251—2025 clauses 5.1, 5.2, 5.4–5.7) and incident deadlines. */
export { assessProgram } from './assess.js';
export {
  incidentDeadline,
  IncidentInputError,
  INCIDENT_REPORT_HOURS,
  INCIDENT_RECIPIENT,
  REQUIRED_REPORT_FIELDS,
  type IncidentDeadline,
  type IncidentDeadlineOptions,
  type ReportFieldLabel,
} from './incident.js';
export { programChecks, programEvidence } from './checks/index.js';
export type { ProgramCheck, CheckResult, AssessmentContext } from './define-check.js';
export { programClauses, PROGRAM_CLAUSES, clauseHeadings, type ProgramClause, type ProgramCitation } from './clauses.js';
export {
  Institution as InstitutionSchema,
  AssessOptions as AssessOptionsSchema,
  Incident as IncidentSchema,
  IncidentDeadlineInput as IncidentDeadlineInputSchema,
  REQUIRED_POLICY_KINDS,
} from './schema.js';
export type {
  Institution,
  InstitutionInput,
  AssessOptions,
  AssessOptionsInput,
  Incident,
  IncidentInput,
  IncidentDeadlineInput,
  IncidentType,
  ReportField,
  PolicyKind,
} from './schema.js';
export { ProgramAssessment as ProgramAssessmentSchema } from './result.js';
export type { ProgramAssessment, ProgramFinding, ClauseResult, ClauseStatus, CheckStatus, CheckResultSummary, Severity, Subject, SubjectKind } from './result.js';
export { renderAssessment, ASSESSMENT_FORMATS, type AssessmentFormat } from './report.js';
