/**
 * Findings: one row per violation of an audited log, naming the record it came from, so that a compliance
 * officer told "voice-daily-cap 27" can find the 27 calls. The summary counts; findings point.
 */
import type { Locale } from '../core/explain.js';
import type { AuditVerdict } from './auditor.js';

/** The columns of a findings file, in order (CSV header, JSON Lines keys). */
export const FINDING_COLUMNS = [
  'recordId',
  'line',
  'at',
  'localAt',
  'debtorId',
  'organizationId',
  'collectorId',
  'channel',
  'targetRole',
  'rule',
  'clause',
  'topic',
  'code',
  'message',
] as const;

export type FindingColumn = (typeof FINDING_COLUMNS)[number];

/**
 * One violation of one record. `line` is the record's line in the log (1-based); `at` the instant as
 * written, `localAt` the same instant on the debtor's clock; `collectorId` the human collector's or the AI
 * system's id; `clause` the standard and clause (`GB/T 45251—2025 5.3`), `topic` the clause's topic in
 * Chinese as the standard words it; `message` in the chosen locale. A field the record lacks is `''`.
 */
export interface FindingRow {
  readonly recordId: string;
  readonly line: number;
  readonly at: string;
  readonly localAt: string;
  readonly debtorId: string;
  readonly organizationId: string;
  readonly collectorId: string;
  readonly channel: string;
  readonly targetRole: string;
  readonly rule: string;
  readonly clause: string;
  readonly topic: string;
  readonly code: string;
  readonly message: string;
}

/**
 * The findings of one verdict, one row per violation (registry order); none for an allowed record or an
 * input error (those are reported as input errors, not findings). `line` defaults to `index + 1`, right
 * for a log without blank lines.
 */
export function findingRows(verdict: AuditVerdict, options: { readonly line?: number; readonly locale?: Locale } = {}): FindingRow[] {
  if (verdict.inputError !== undefined) return [];
  const zh = options.locale === 'zh-CN';
  return verdict.violations.map((v) => ({
    recordId: verdict.id ?? '',
    line: options.line ?? verdict.index + 1,
    at: verdict.at ?? '',
    localAt: verdict.localAt ?? '',
    debtorId: verdict.debtorId ?? '',
    organizationId: verdict.organizationId ?? '',
    collectorId: verdict.collectorId ?? '',
    channel: verdict.channel ?? '',
    targetRole: verdict.targetRole ?? '',
    rule: v.rule,
    clause: `${v.clause.standard} ${v.clause.clause}`,
    topic: v.clause.topic,
    code: v.code,
    message: zh ? v.message.zh : v.message.en,
  }));
}

export type FindingsFormat = 'csv' | 'jsonl';

/** The format a findings file is written in, by its extension (`.csv`, `.jsonl`); undefined for another. */
export function findingsFormatOf(path: string): FindingsFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl')) return 'jsonl';
  return undefined;
}

// A cell that starts like a formula is prefixed with ' so that a spreadsheet shows it as text; control
// characters (line breaks too) are written as \u escapes so that a cell cannot break a line or rewrite a terminal.
const FORMULA = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function csvCell(value: string | number): string {
  const text = String(value);
  const safe = (FORMULA.test(text) ? `'${text}` : text).replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The first line of a findings file: the CSV header; nothing for JSON Lines. */
export function findingsHeader(format: FindingsFormat): string {
  return format === 'csv' ? `${FINDING_COLUMNS.join(',')}\n` : '';
}

/** One finding as a line of the file, newline included. */
export function formatFinding(row: FindingRow, format: FindingsFormat): string {
  if (format === 'jsonl') return `${JSON.stringify(row)}\n`;
  return `${FINDING_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`;
}

/** The findings kept for a report: per rule, the first `perRule` rows and the total count. */
export interface FindingsSample {
  /** Rule ids in order of first appearance, with their clause, topic, total count and kept rows. */
  readonly rules: readonly {
    readonly rule: string;
    readonly clause: string;
    readonly topic: string;
    readonly total: number;
    readonly rows: readonly FindingRow[];
  }[];
  /** The most rows kept per rule. */
  readonly perRule: number;
}

export interface FindingsSampler {
  add(row: FindingRow): void;
  result(): FindingsSample;
}

/** Most rows per rule kept for the HTML report by default: the page stays light in a browser. */
export const DEFAULT_FINDINGS_PER_RULE = 1000;
/** Rules tracked at most (a log judged with many house rules cannot grow the sample without bound). */
const MAX_RULES = 500;

/** Keeps the first `perRule` findings of every rule, and counts them all: memory bounded by the cap. */
export function createFindingsSampler(perRule = DEFAULT_FINDINGS_PER_RULE): FindingsSampler {
  const byRule = new Map<string, { rule: string; clause: string; topic: string; total: number; rows: FindingRow[] }>();
  return {
    add(row) {
      let entry = byRule.get(row.rule);
      if (entry === undefined) {
        if (byRule.size >= MAX_RULES) return;
        entry = { rule: row.rule, clause: row.clause, topic: row.topic, total: 0, rows: [] };
        byRule.set(row.rule, entry);
      }
      entry.total += 1;
      if (entry.rows.length < perRule) entry.rows.push(row);
    },
    result: () => ({ rules: [...byRule.values()].map((e) => ({ ...e, rows: [...e.rows] })), perRule }),
  };
}
