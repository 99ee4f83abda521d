import type { Locale } from '../../locale.js';
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
}

/** An audit summary as text in one of the report formats (docs/audit.md). */
export function renderSummary(summary: AuditSummary, options: ReportOptions = {}): string {
  const { format = 'table', ...rest } = options;
  switch (format) {
    case 'table': return renderTable(summary, rest);
    case 'json': return renderJson(summary);
    case 'csv': return renderCsv(summary);
    case 'html': return renderHtml(summary, rest);
    default: throw new TypeError(`unknown report format ${JSON.stringify(format)}; known: ${REPORT_FORMATS.join(', ')}`);
  }
}

export { renderCsv, renderHtml, renderJson, renderTable };
