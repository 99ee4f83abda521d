import type { Locale } from '../../core/locale.js';
import type { FindingsSample } from '../findings.js';
import type { AuditSummary } from '../summary.js';
import { renderHtml } from './html.js';
import { renderCsv, renderJson, renderTable } from './text.js';

export type ReportFormat = 'table' | 'json' | 'csv' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'csv', 'html'];

export interface ReportOptions {
  /** `table` (default): text for a terminal; `json`; `csv` (`section,key,count`); `html`: a self-contained page. */
  readonly format?: ReportFormat;
  /** Labels of the table and html formats: `en` (default) or `zh-CN`. */
  readonly locale?: Locale;
  /** The profile the log was judged under, named in the table and html headings. */
  readonly profile?: string;
  /**
   * The zone the table, csv and html formats show the period in (default `Asia/Shanghai`, Beijing time), as the
   * rules judge it: Beijing time for a mainland China zone such as `Asia/Urumqi`.
   */
  readonly timeZone?: string;
  /** html: when the report was made (an ISO instant). */
  readonly generatedAt?: string;
  /** html: the log's file name. */
  readonly source?: string;
  /** html: findings to list per rule (createFindingsSampler); the page then carries record and debtor ids. */
  readonly findings?: FindingsSample;
}

/** An audit summary as text in one of the report formats (docs/audit.md). */
export function renderSummary(summary: AuditSummary, options: ReportOptions = {}): string {
  const { format = 'table', ...rest } = options;
  switch (format) {
    case 'table': return renderTable(summary, rest);
    case 'json': return renderJson(summary);
    case 'csv': return renderCsv(summary, rest);
    case 'html': return renderHtml(summary, rest);
    default: throw new TypeError(`unknown report format ${JSON.stringify(format)}; known: ${REPORT_FORMATS.join(', ')}`);
  }
}

export { renderCsv, renderHtml, renderJson, renderTable };
