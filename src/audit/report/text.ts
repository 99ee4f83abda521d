import { pad2 } from '../../core/time.js';
import { DEFAULT_LOCALE, type Locale } from '../../core/locale.js';
import type { AuditSummary } from '../summary.js';
import { printable, printableJson } from '../../report-kit/printable.js';
import { labelsFor } from './labels.js';
import { periodInZone, reportZone } from './meta.js';


/** Display width of a string in a terminal: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return w;
}
const padEnd = (text: string, n: number): string => text + ' '.repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number): string => ' '.repeat(Math.max(0, n - width(text))) + text;

function section(title: string, keyLabel: string, countLabel: string, counts: Readonly<Record<string, number>>, none: string): string[] {
  const entries = Object.entries(counts).map(([k, c]) => [printable(k), c] as const);
  if (entries.length === 0) return [title, `  ${none}`];
  const keyWidth = Math.max(width(keyLabel), ...entries.map(([k]) => width(k)));
  const countWidth = Math.max(width(countLabel), ...entries.map(([, c]) => String(c).length));
  return [
    title,
    `  ${padEnd(keyLabel, keyWidth)}  ${padStart(countLabel, countWidth)}`,
    ...entries.map(([k, c]) => `  ${padEnd(k, keyWidth)}  ${padStart(String(c), countWidth)}`),
  ];
}

export interface TextReportOptions {
  readonly locale?: Locale;
  /** The profile the log was judged under, named in the heading. */
  readonly profile?: string;
  /** The zone the period is given in (default `Asia/Shanghai`, Beijing time; Beijing time for every mainland zone), as in csv and html. */
  readonly timeZone?: string;
}

/** The summary as plain-text tables for a terminal. */
export function renderTable(summary: AuditSummary, options: TextReportOptions = {}): string {
  const t = labelsFor(options.locale ?? DEFAULT_LOCALE);
  const totals: [string, string][] = [
    [t.records, String(summary.records)],
    [t.allowed, String(summary.allowed)],
    [t.denied, String(summary.denied)],
    [t.inputErrors, String(summary.inputErrors)],
    [t.violations, String(summary.violations)],
  ];
  if (summary.period !== null) {
    // In one zone, as the csv and html reports give it: records of mixed offsets read as one period.
    const period = periodInZone(summary.period, reportZone(options.timeZone));
    totals.push([t.period, printable(`${period.from} … ${period.to}`)]);
  }
  if (options.profile !== undefined) totals.push([t.profile, printable(options.profile)]);
  const labelWidth = Math.max(...totals.map(([k]) => width(k)));
  const max = Math.max(1, ...summary.byLocalHour);
  const countWidth = Math.max(...summary.byLocalHour.map((c) => String(c).length));
  const lines = [
    t.title,
    ...totals.map(([k, v]) => `  ${padEnd(k, labelWidth)}  ${v}`),
    '',
    ...section(t.byRule, t.rule, t.count, summary.byRule, t.none),
    '',
    ...section(t.byClause, t.clause, t.count, summary.byClause, t.none),
    '',
    ...section(t.byOrganization, t.organization, t.count, summary.byOrganization, t.none),
    '',
    ...section(t.byCollector, t.collector, t.count, summary.byCollector, t.none),
    '',
    ...section(t.byChannel, t.channel, t.count, summary.byChannel, t.none),
    '',
    t.byLocalHour,
    ...summary.byLocalHour.map((c, h) => `  ${pad2(h)}  ${padStart(String(c), countWidth)}  ${'█'.repeat(Math.round((c / max) * 40))}`.trimEnd()),
  ];
  return `${lines.join('\n')}\n`;
}

const FORMULA = /^[=+\-@\t\r]/;

function csvField(raw: string): string {
  const text = printable(raw);
  const safe = FORMULA.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The summary as CSV: `section,key,count`, one row per count (totals first, then every breakdown), and
 * the period as two `period` rows (`from`, `to`) whose third field is the instant in `timeZone`'s offset
 * (default Asia/Shanghai, Beijing time).
 */
export function renderCsv(summary: AuditSummary, options: { readonly timeZone?: string } = {}): string {
  const rows: [string, string, number][] = [
    ['total', 'records', summary.records],
    ['total', 'allowed', summary.allowed],
    ['total', 'denied', summary.denied],
    ['total', 'inputErrors', summary.inputErrors],
    ['total', 'violations', summary.violations],
  ];
  const period = summary.period === null ? [] : Object.entries(periodInZone(summary.period, reportZone(options.timeZone))).map(([k, v]) => `period,${k},${v}`);
  const add = (name: string, counts: Readonly<Record<string, number>>): void => {
    for (const [key, count] of Object.entries(counts)) rows.push([name, key, count]);
  };
  add('rule', summary.byRule);
  add('clause', summary.byClause);
  add('organization', summary.byOrganization);
  add('collector', summary.byCollector);
  add('channel', summary.byChannel);
  summary.byLocalHour.forEach((count, hour) => rows.push(['hour', String(hour), count]));
  return `${['section,key,count', ...period, ...rows.map(([s, k, c]) => `${s},${csvField(k)},${c}`)].join('\n')}\n`;
}

/** The summary as JSON text (two-space indent). */
export function renderJson(summary: AuditSummary): string {
  return `${printableJson(JSON.stringify(summary, null, 2))}\n`;
}
