import { DEFAULT_LOCALE, type Locale } from '../../core/locale.js';
import type { FindingsSample } from '../findings.js';
import type { AuditSummary } from '../summary.js';
import { findingsSection, FINDINGS_CSS } from './findings-html.js';
import { labelsFor } from './labels.js';
import { periodText, reportZone, ruleCitations } from './meta.js';
import { CHART_WIDTH, escape, horizontalBars, pageStart, table } from '../../report-kit/html-kit.js';
import { VERSION } from '../../core/version.js';

export interface HtmlReportOptions {
  readonly locale?: Locale;
  /** The profile the log was judged under, named in the heading. */
  readonly profile?: string;
  /** Bars in the organisation chart and rows in the offender tables (default 15). */
  readonly top?: number;
  /**
   * The zone the period and the generation time are shown in (default `Asia/Shanghai`, Beijing time), as the
   * rules judge it: Beijing time for a mainland China zone such as `Asia/Urumqi` (reportZone).
   */
  readonly timeZone?: string;
  /** When the report was made (an ISO instant); shown when given. */
  readonly generatedAt?: string;
  /** The log's file name; shown when given. */
  readonly source?: string;
  /** Findings to list per rule (createFindingsSampler); the page then carries record and debtor ids. */
  readonly findings?: FindingsSample;
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

const META_CSS = `
.meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0 0 8px; }
.meta div { display: flex; gap: 8px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.explain { color: var(--muted); max-width: 760px; }
`;

function metaList(items: readonly [string, string][]): string {
  if (items.length === 0) return '';
  return `<dl class="meta">${items.map(([k, v]) => `<div><dt>${escape(k)}</dt><dd>${escape(v)}</dd></div>`).join('')}</dl>`;
}

const RANKED = [true, false, true, true];
const COUNTED = [false, true];

/**
 * The summary as one self-contained HTML page for a person: the period (in one zone, Beijing time by
 * default), profile and ruleset, what "violations" and "denied" count, a chart of violations by the
 * debtor's local hour, the rules broken by topic, clause and id, charts drawn as inline SVG, and tables of
 * the organisations and collectors with the most violations. Without `findings` the page has no script
 * and shows rule ids, clauses, organisation and collector ids, channels, hours and counts only; with
 * them it adds a findings section (record, debtor, organisation and collector ids, messages) with a small
 * inline script to sort, filter and page it. Nothing is fetched from the network either way.
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
  const zhFirst = locale === 'zh-CN';
  const heading = [
    'GB/T 45251—2025',
    ...(options.profile === undefined ? [] : [`${t.profile} ${options.profile}`]),
    `${t.ruleset} ${VERSION}`,
  ].join(' · ');
  const zone = reportZone(options.timeZone);
  const meta: [string, string][] = [];
  if (summary.period !== null) meta.push([t.period, periodText(summary.period, zone, locale, t)]);
  if (options.generatedAt !== undefined) meta.push([t.generatedAt, periodText({ from: options.generatedAt }, zone, locale, t)]);
  if (options.source !== undefined) meta.push([t.source, options.source]);
  const citations = ruleCitations(summary, options.findings);
  const ruleRows = Object.entries(summary.byRule).map(([rule, count]) => {
    const c = citations.get(rule);
    return zhFirst ? [c?.topic ?? '—', c?.clause ?? '—', rule, count] : [rule, c?.clause ?? '—', c?.topic ?? '—', count];
  });
  const ruleHeaders = zhFirst ? [t.topic, t.clause, t.ruleId, t.violations] : [t.ruleId, t.clause, t.topic, t.violations];
  const findings = options.findings === undefined ? '' : findingsSection(options.findings, t, zhFirst);
  return `${pageStart(zhFirst ? 'zh-CN' : 'en', t.title, heading, totals)}
${metaList(meta)}
<p class="explain">${escape(t.violationsVsDenied.replace('{violations}', String(summary.violations)).replace('{denied}', String(summary.denied)))}</p>
<style>${META_CSS}${findings === '' ? '' : FINDINGS_CSS}</style>
${summary.violations === 0 ? `<p class="none">${escape(t.noViolations)}</p>` : ''}
<h2>${escape(t.byLocalHour)}</h2>
${hourBars('chart-hour', t.byLocalHour, summary.byLocalHour)}
<h2>${escape(t.rulesTable)}</h2>
${table('by-rule', ruleHeaders, [false, false, false, true], ruleRows, t.none)}
<h2>${escape(t.byRule)}</h2>
${horizontalBars('chart-rule', t.byRule, Object.entries(summary.byRule))}
<h2>${escape(t.byOrganization)}</h2>
${horizontalBars('chart-organization', t.byOrganization, orgs.slice(0, top))}
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
${findings}
<footer>${escape(findings === '' ? t.generated : t.generatedWithFindings)}</footer>
</body>
</html>
`;
}
