import { parseInstant, readInstant } from '../core/time.js';
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

/**
 * A summary of part of a log, with the input positions (`verdict.index`) of the records its period was
 * taken from: summaries of the parts of one log judged apart (the parallel audit's workers) merge into
 * the summary of the whole log (`mergeSummaryParts`).
 */
export interface SummaryPart {
  readonly summary: AuditSummary;
  readonly fromIndex: number;
  readonly toIndex: number;
}

/** `createAuditSummary`, with the part it makes for `mergeSummaryParts`. */
export function createSummaryAccumulator(): AuditSummaryBuilder & { part(): SummaryPart } {
  let records = 0;
  let allowed = 0;
  let inputErrors = 0;
  let violations = 0;
  const period = { fromMs: Number.POSITIVE_INFINITY, from: '', fromIndex: -1, toMs: Number.NEGATIVE_INFINITY, to: '', toIndex: -1 };
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
        const ms = readInstant(verdict.at);
        if (ms < period.fromMs) Object.assign(period, { fromMs: ms, from: verdict.at, fromIndex: verdict.index });
        if (ms > period.toMs) Object.assign(period, { toMs: ms, to: verdict.at, toIndex: verdict.index });
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
    result,
    part: () => ({ summary: result(), fromIndex: period.fromIndex, toIndex: period.toIndex }),
  };

  function result(): AuditSummary {
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
  }
}

export function createAuditSummary(): AuditSummaryBuilder {
  const { add, result } = createSummaryAccumulator();
  return { add, result };
}

function addCounts(into: Map<string, number>, counts: Readonly<Record<string, number>>): void {
  for (const [key, n] of Object.entries(counts)) into.set(key, (into.get(key) ?? 0) + n);
}

/**
 * The summary of a whole log from the summaries of its parts, whatever way its records were split among
 * them: counts add up, and each end of the period is the part's whose record comes first in the log
 * among those at the earliest (latest) instant, as one summary of the whole log takes it.
 */
export function mergeSummaryParts(parts: readonly SummaryPart[]): AuditSummary {
  const counts = { records: 0, allowed: 0, inputErrors: 0, violations: 0 };
  const maps = { byRule: new Map<string, number>(), byClause: new Map<string, number>(), byOrganization: new Map<string, number>(), byCollector: new Map<string, number>(), byChannel: new Map<string, number>() };
  const byLocalHour: number[] = Array.from({ length: 24 }, () => 0);
  let from: { ms: number; index: number; at: string } | undefined;
  let to: { ms: number; index: number; at: string } | undefined;
  for (const { summary, fromIndex, toIndex } of parts) {
    counts.records += summary.records;
    counts.allowed += summary.allowed;
    counts.inputErrors += summary.inputErrors;
    counts.violations += summary.violations;
    for (const key of Object.keys(maps) as (keyof typeof maps)[]) addCounts(maps[key], summary[key]);
    summary.byLocalHour.forEach((n, hour) => {
      byLocalHour[hour] = (byLocalHour[hour] ?? 0) + n;
    });
    if (summary.period === null) continue;
    const f = { ms: parseInstant(summary.period.from), index: fromIndex, at: summary.period.from };
    const t = { ms: parseInstant(summary.period.to), index: toIndex, at: summary.period.to };
    if (from === undefined || f.ms < from.ms || (f.ms === from.ms && f.index < from.index)) from = f;
    if (to === undefined || t.ms > to.ms || (t.ms === to.ms && t.index < to.index)) to = t;
  }
  return {
    records: counts.records,
    allowed: counts.allowed,
    denied: counts.records - counts.allowed,
    inputErrors: counts.inputErrors,
    violations: counts.violations,
    period: from === undefined || to === undefined ? null : { from: from.at, to: to.at },
    byRule: sorted(maps.byRule),
    byClause: sorted(maps.byClause),
    byOrganization: sorted(maps.byOrganization),
    byCollector: sorted(maps.byCollector),
    byChannel: sorted(maps.byChannel),
    byLocalHour,
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
