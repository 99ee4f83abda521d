import { parseInstant } from '../core/time.js';
import type { AuditVerdict } from './auditor.js';

/** Counts over a whole audit. Every `by…` count is of violations (findings), not of records. */
export interface AuditSummary {
  /** Records read, input errors included. */
  readonly records: number;
  /** Records whose action was allowed. */
  readonly allowed: number;
  /** Records with outcome deny: actions with violations, and input errors. */
  readonly denied: number;
  /** Records that could not be judged (schema failure, out of time order, unreadable line). */
  readonly inputErrors: number;
  /** Violations found, over every record. */
  readonly violations: number;
  /** Earliest and latest action instants judged, as written in the log; null when none was judged. */
  readonly period: { readonly from: string; readonly to: string } | null;
  /** Violations per rule id, most first. */
  readonly byRule: Readonly<Record<string, number>>;
  /** Violations per clause (`GB/T 45251—2025 5.3`), most first. */
  readonly byClause: Readonly<Record<string, number>>;
  /** Violations per acting organisation id, most first. */
  readonly byOrganization: Readonly<Record<string, number>>;
  /** Violations per collector id (a human collector's, or an AI system's), most first. */
  readonly byCollector: Readonly<Record<string, number>>;
  /** Violations per channel, most first. */
  readonly byChannel: Readonly<Record<string, number>>;
  /** Violations per hour of the day on the debtor's clock: 24 counts, index 0 = 00:00–00:59. */
  readonly byLocalHour: readonly number[];
}

/** An accumulator of verdicts into an AuditSummary, for a consumer that handles each verdict as it comes. */
export interface AuditSummaryBuilder {
  add(verdict: AuditVerdict): void;
  /** The summary of the verdicts added so far. */
  result(): AuditSummary;
}

const bump = (counts: Map<string, number>, key: string | undefined): void => {
  if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
};

/** Most first, then by key, so that equal input gives byte-equal output. */
const sorted = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0)));

export function createAuditSummary(): AuditSummaryBuilder {
  let records = 0;
  let allowed = 0;
  let inputErrors = 0;
  let violations = 0;
  const period = { fromMs: Number.POSITIVE_INFINITY, from: '', toMs: Number.NEGATIVE_INFINITY, to: '' };
  const byRule = new Map<string, number>();
  const byClause = new Map<string, number>();
  const byOrganization = new Map<string, number>();
  const byCollector = new Map<string, number>();
  const byChannel = new Map<string, number>();
  const byLocalHour: number[] = Array.from({ length: 24 }, () => 0);

  return {
    add(verdict) {
      records += 1;
      if (verdict.outcome === 'allow') allowed += 1;
      if (verdict.inputError !== undefined) {
        inputErrors += 1;
        return;
      }
      if (verdict.at !== undefined) {
        const ms = parseInstant(verdict.at);
        if (ms < period.fromMs) Object.assign(period, { fromMs: ms, from: verdict.at });
        if (ms > period.toMs) Object.assign(period, { toMs: ms, to: verdict.at });
      }
      for (const v of verdict.violations) {
        violations += 1;
        bump(byRule, v.rule);
        bump(byClause, `${v.clause.standard} ${v.clause.clause}`);
        bump(byOrganization, verdict.organizationId);
        bump(byCollector, verdict.collectorId);
        bump(byChannel, verdict.channel);
        if (verdict.localHour !== undefined) byLocalHour[verdict.localHour] = (byLocalHour[verdict.localHour] ?? 0) + 1;
      }
    },
    result() {
      return {
        records,
        allowed,
        denied: records - allowed,
        inputErrors,
        violations,
        period: period.from === '' ? null : { from: period.from, to: period.to },
        byRule: sorted(byRule),
        byClause: sorted(byClause),
        byOrganization: sorted(byOrganization),
        byCollector: sorted(byCollector),
        byChannel: sorted(byChannel),
        byLocalHour: [...byLocalHour],
      };
    },
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<AuditVerdict> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** Consumes the verdicts of `auditSync` (or any iterable of verdicts) into a summary. */
export function summarize(verdicts: Iterable<AuditVerdict>): AuditSummary;
/** Consumes the verdicts of `audit` (an async iterable) into a summary. */
export function summarize(verdicts: AsyncIterable<AuditVerdict>): Promise<AuditSummary>;
export function summarize(verdicts: Iterable<AuditVerdict> | AsyncIterable<AuditVerdict>): AuditSummary | Promise<AuditSummary> {
  const builder = createAuditSummary();
  if (isAsyncIterable(verdicts)) {
    return (async () => {
      for await (const verdict of verdicts) builder.add(verdict);
      return builder.result();
    })();
  }
  for (const verdict of verdicts) builder.add(verdict);
  return builder.result();
}
