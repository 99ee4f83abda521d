/**
 * 5.7: the 48-hour written report of a major risk event to the self-regulatory organisation.
 *
 * `incidentDeadline` is a direct helper for an incident desk: given an incident it answers "by when, to
 * whom, with what". Unlike `assessProgram` it THROWS on invalid input (an `IncidentInputError`, a
 * `TypeError`): there is no safe deadline to return for an unreadable discovery time, and a caller that
 * computes a deadline must not go on with a made-up one.
 */
import { z } from 'zod';
import type { Clause } from '../core/clauses.js';
import type { InputProblem } from '../core/decision.js';
import type { Message } from '../schema/decision.js';
import { Instant } from '../schema/primitives.js';
import { parseInstant } from '../core/time.js';
import { validate } from '../core/validate.js';
import { HOUR_MS, formatInOffsetOf } from './calendar.js';
import { programClauses } from './clauses.js';
import { incidentTypeLabels, reportFieldLabels } from './labels.js';
import { IncidentDeadlineInput, ReportField, type IncidentType } from './schema.js';

/** Hours from discovery within which the written report is due; exactly 48 hours is still on time. */
export const INCIDENT_REPORT_HOURS = 48;

/** What the written report must cover. */
export const REQUIRED_REPORT_FIELDS: readonly ReportField[] = ReportField.options;

/** Who receives the report. */
export const INCIDENT_RECIPIENT: Message = Object.freeze({
  zh: '自律组织（如中国互联网金融协会）',
  en: 'the self-regulatory organisation (e.g. the National Internet Finance Association of China, NIFA)',
});

export interface ReportFieldLabel {
  readonly field: ReportField;
  readonly zh: string;
  readonly en: string;
}

export interface IncidentDeadline {
  readonly type: IncidentType;
  readonly typeLabel: Message;
  /** As given. */
  readonly discoveredAt: string;
  /** discoveredAt + 48 hours of elapsed time, written in the offset discoveredAt was written in. */
  readonly deadline: string;
  /** The report instant used (the option, else the incident's own), as given; null when not reported. */
  readonly reportedAt: string | null;
  /** reportedAt ≤ deadline; null when not reported. */
  readonly onTime: boolean | null;
  readonly requiredFields: readonly ReportFieldLabel[];
  readonly recipient: Message;
  readonly clause: Clause;
}

export const IncidentDeadlineOptions = z.strictObject({ reportedAt: Instant.optional() });
export type IncidentDeadlineOptions = z.input<typeof IncidentDeadlineOptions>;

/** Thrown by `incidentDeadline` for invalid input; `problems` lists each field's path and message. */
export class IncidentInputError extends TypeError {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super(`invalid incident: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    this.name = 'IncidentInputError';
    this.problems = problems;
  }
}

export const requiredFieldLabels: readonly ReportFieldLabel[] = Object.freeze(
  REQUIRED_REPORT_FIELDS.map((field) => Object.freeze({ field, zh: reportFieldLabels[field]?.zh ?? field, en: reportFieldLabels[field]?.en ?? field })),
);

/** The report deadline of an incident discovered at `discoveredMs`. */
export function reportDeadlineMs(discoveredMs: number): number {
  return discoveredMs + INCIDENT_REPORT_HOURS * HOUR_MS;
}

/**
 * The 48-hour report deadline of a major risk event (5.7). `options.reportedAt` (else the incident's
 * own `reportedAt`) is judged against it. Throws `IncidentInputError` for invalid input.
 */
export function incidentDeadline(incident: IncidentDeadlineInput, options: IncidentDeadlineOptions = {}): IncidentDeadline {
  const parsed = validate(IncidentDeadlineInput, incident, 'incident');
  const opts = validate(IncidentDeadlineOptions, options, 'options');
  const problems = [...(parsed.ok ? [] : parsed.problems), ...(opts.ok ? [] : opts.problems)];
  if (!parsed.ok || !opts.ok) throw new IncidentInputError(problems);
  const { type, discoveredAt } = parsed.value;
  const reportedAt = opts.value.reportedAt ?? parsed.value.reportedAt ?? null;
  const discoveredMs = parseInstant(discoveredAt);
  if (reportedAt !== null && parseInstant(reportedAt) < discoveredMs) {
    const path = opts.value.reportedAt === undefined ? 'incident.reportedAt' : 'options.reportedAt';
    throw new IncidentInputError([{ path, message: 'reportedAt is before discoveredAt', zh: '报告时间早于发现时间' }]);
  }
  const deadlineMs = reportDeadlineMs(discoveredMs);
  return {
    type,
    typeLabel: incidentTypeLabels[type] as Message,
    discoveredAt,
    deadline: formatInOffsetOf(deadlineMs, discoveredAt),
    reportedAt,
    onTime: reportedAt === null ? null : parseInstant(reportedAt) <= deadlineMs,
    requiredFields: requiredFieldLabels,
    recipient: INCIDENT_RECIPIENT,
    clause: programClauses.incidentReporting,
  };
}
