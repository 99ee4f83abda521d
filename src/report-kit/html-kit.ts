/**
 * The pieces of the self-contained HTML reports (audit, program assessment): escaping, inline-SVG bar
 * charts, tables and one style sheet, so that every report looks the same and needs no network.
 */

import { printable } from './printable.js';

/** HTML-escaped text, with control and bidi characters shown as `\uXXXX` (src/report-kit/printable.ts). */
export const escape = (text: string): string =>
  printable(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const shorten = (text: string, max = 28): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export const CHART_WIDTH = 760;
const LABEL_WIDTH = 230;
const ROW = 26;

/** A horizontal bar chart, one bar per entry, drawn as inline SVG. */
export function horizontalBars(id: string, title: string, entries: readonly (readonly [string, number])[]): string {
  const max = Math.max(1, ...entries.map(([, c]) => c));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 70;
  const height = Math.max(ROW, entries.length * ROW) + 8;
  const rows = entries.map(([key, count], i) => {
    const y = 4 + i * ROW;
    const w = Math.max(count > 0 ? 2 : 0, Math.round((count / max) * barSpace));
    return [
      `<g class="row"><title>${escape(key)}: ${count}</title>`,
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 17}" text-anchor="end">${escape(shorten(key))}</text>`,
      `<rect class="bar" data-key="${escape(key)}" data-count="${count}" x="${LABEL_WIDTH}" y="${y + 3}" width="${w}" height="${ROW - 8}" rx="3"></rect>`,
      `<text class="value" x="${LABEL_WIDTH + w + 6}" y="${y + 17}">${count}</text></g>`,
    ].join('');
  });
  return `<svg id="${id}" class="chart" role="img" aria-label="${escape(title)}" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

/** A table; `numeric` marks the right-aligned columns. */
export function table(id: string, headers: readonly string[], numeric: readonly boolean[], rows: readonly (readonly (string | number)[])[], none: string): string {
  if (rows.length === 0) return `<p class="none">${escape(none)}</p>`;
  const cls = (i: number): string => (numeric[i] === true ? ' class="num"' : '');
  const head = headers.map((h, i) => `<th${cls(i)}>${escape(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${escape(String(c))}</td>`).join('')}</tr>`).join('');
  return `<table id="${id}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

export const CSS = `
:root { --ink: #1f2328; --muted: #59636e; --bar: #c2410c; --line: #d1d9e0; --bg: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 48px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 28px 0 8px; }
.sub { color: var(--muted); margin: 0 0 16px; }
.totals { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.total { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.total b { display: block; font-size: 20px; }
.total span { color: var(--muted); }
.chart { display: block; max-width: 100%; height: auto; }
.chart .bar { fill: var(--bar); }
.chart text { font-size: 12px; fill: var(--ink); }
.chart .axis { fill: var(--muted); }
.chart .baseline { stroke: var(--line); }
table { border-collapse: collapse; min-width: 360px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 12px; text-align: left; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
.none { color: var(--muted); }
.columns { display: flex; flex-wrap: wrap; gap: 32px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
`;


/** The opening of a report page up to its totals: document head with the style sheet, title and subtitle. */
export function pageStart(lang: 'zh-CN' | 'en', title: string, subtitle: string, totals: readonly (readonly [string, number])[]): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="sub">${escape(subtitle)}</p>
<div class="totals">${totals.map(([label, n]) => `<div class="total"><b>${n}</b><span>${escape(label)}</span></div>`).join('')}</div>`;
}
