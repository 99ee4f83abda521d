import { DEFAULT_LOCALE, type Locale } from '../../locale.js';
import type { AuditSummary } from '../summary.js';
import { labelsFor } from './labels.js';
import { CHART_WIDTH, escape, horizontalBars, pageStart, table } from '../../html-kit.js';

export interface HtmlReportOptions {
  readonly locale?: Locale;
  /** The profile the log was judged under, named in the heading. */
  readonly profile?: string;
  /** Bars in the organisation chart and rows in the offender tables (default 15). */
  readonly top?: number;
}

/** 24 vertical bars, one per local hour. */
function hourBars(id: string, title: string, counts: readonly number[]): string {
  const height = 240;
  const top = 20;
  const bottom = 28;
  const left = 40;
  const plot = height - top - bottom;
  const slot = (CHART_WIDTH - left - 10) / 24;
  const max = Math.max(1, ...counts);
  const bars = counts.map((count, hour) => {
    const h = count === 0 ? 0 : Math.max(2, Math.round((count / max) * plot));
    const x = left + hour * slot + 3;
    const y = top + plot - h;
    return [
      `<g class="hour"><title>${String(hour).padStart(2, '0')}:00 — ${count}</title>`,
      `<rect class="bar" data-key="${hour}" data-count="${count}" x="${x.toFixed(1)}" y="${y}" width="${(slot - 6).toFixed(1)}" height="${h}" rx="2"></rect>`,
      count > 0 ? `<text class="value" x="${(x + (slot - 6) / 2).toFixed(1)}" y="${y - 4}" text-anchor="middle">${count}</text>` : '',
      `<text class="axis" x="${(x + (slot - 6) / 2).toFixed(1)}" y="${height - 10}" text-anchor="middle">${String(hour).padStart(2, '0')}</text></g>`,
    ].join('');
  });
  const axis = `<line class="baseline" x1="${left}" y1="${top + plot}" x2="${CHART_WIDTH - 10}" y2="${top + plot}"></line>`;
  return `<svg id="${id}" class="chart" role="img" aria-label="${escape(title)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">${axis}${bars.join('')}</svg>`;
}

const RANKED = [true, false, true, true];
const COUNTED = [false, true];

/**
 * The summary as one self-contained HTML page: inline CSS, charts drawn here as inline SVG (no script, no
 * network), and tables of the organisations and collectors with the most violations. It shows rule ids,
 * clauses, organisation and collector ids, channels, hours and counts only: the summary carries nothing
 * else from the log.
 */
export function renderHtml(summary: AuditSummary, options: HtmlReportOptions = {}): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = labelsFor(locale);
  const top = options.top ?? 15;
  const pct = (n: number): string => (summary.violations === 0 ? '0%' : `${((n / summary.violations) * 100).toFixed(1)}%`);
  const ranked = (counts: Readonly<Record<string, number>>): (string | number)[][] =>
    Object.entries(counts).slice(0, top).map(([key, count], i) => [i + 1, key, count, pct(count)]);
  const orgs = Object.entries(summary.byOrganization);
  const totals = [
    [t.records, summary.records],
    [t.allowed, summary.allowed],
    [t.denied, summary.denied],
    [t.inputErrors, summary.inputErrors],
    [t.violations, summary.violations],
  ] as const;
  const heading = options.profile === undefined ? 'GB/T 45251—2025' : `GB/T 45251—2025 · ${t.profile} ${options.profile}`;
  return `${pageStart(locale === 'zh-CN' ? 'zh-CN' : 'en', t.title, heading, totals)}
${summary.violations === 0 ? `<p class="none">${escape(t.noViolations)}</p>` : ''}
<h2>${escape(t.byRule)}</h2>
${horizontalBars('chart-rule', t.byRule, Object.entries(summary.byRule))}
<h2>${escape(t.byOrganization)}</h2>
${horizontalBars('chart-organization', t.byOrganization, orgs.slice(0, top))}
<h2>${escape(t.byLocalHour)}</h2>
${hourBars('chart-hour', t.byLocalHour, summary.byLocalHour)}
<div class="columns">
<section><h2>${escape(t.worstOrganizations)}</h2>
${table('offenders-organization', [t.rank, t.organization, t.violations, t.share], RANKED, ranked(summary.byOrganization), t.none)}</section>
<section><h2>${escape(t.worstCollectors)}</h2>
${table('offenders-collector', [t.rank, t.collector, t.violations, t.share], RANKED, ranked(summary.byCollector), t.none)}</section>
</div>
<div class="columns">
<section><h2>${escape(t.byClause)}</h2>
${table('by-clause', [t.clause, t.count], COUNTED, Object.entries(summary.byClause), t.none)}</section>
<section><h2>${escape(t.byChannel)}</h2>
${table('by-channel', [t.channel, t.count], COUNTED, Object.entries(summary.byChannel), t.none)}</section>
</div>
<footer>${escape(t.generated)}</footer>
</body>
</html>
`;
}
