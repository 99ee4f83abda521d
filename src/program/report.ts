import type { Locale } from '../core/locale.js';
import { escape, horizontalBars, pageStart, table } from '../report-kit/html-kit.js';
import { printable, printableJson } from '../report-kit/printable.js';
import type { ProgramAssessment } from './result.js';

export type AssessmentFormat = 'table' | 'json' | 'html';
export const ASSESSMENT_FORMATS: readonly AssessmentFormat[] = ['table', 'json', 'html'];

const text = {
  en: {
    title: 'Program assessment', asOf: 'as of', clause: 'clause', status: 'status', violations: 'violations', warnings: 'warnings',
    heading: 'heading', findings: 'Findings', none: 'No findings.', notAssessed: 'not assessed', byClause: 'Findings by clause',
    severity: 'severity', check: 'check', code: 'code', message: 'message',
    statuses: { compliant: 'compliant', findings: 'findings', 'not-assessed': 'not assessed' },
    totals: (v: number, w: number, c: number, f: number, n: number) => `${v} violation(s), ${w} warning(s); clauses: ${c} compliant, ${f} with findings, ${n} not assessed.`,
  },
  zh: {
    title: '催收合规体系评估', asOf: '评估时点', clause: '条款', status: '状态', violations: '违规', warnings: '提示',
    heading: '标题', findings: '发现的问题', none: '未发现问题。', notAssessed: '未评估', byClause: '各条款问题数',
    severity: '级别', check: '检查项', code: '代码', message: '说明',
    statuses: { compliant: '符合', findings: '有问题', 'not-assessed': '未评估' },
    totals: (v: number, w: number, c: number, f: number, n: number) => `违规 ${v} 项，提示 ${w} 项；条款：符合 ${c}，有问题 ${f}，未评估 ${n}。`,
  },
};

/** The clause table and the findings as lines of text. */
function renderText(a: ProgramAssessment, lang: 'en' | 'zh'): string {
  const t = text[lang];
  const lines = [`${a.standard} — ${t.title}, ${t.asOf} ${a.at ?? '—'} (${a.timeZone ?? '—'})`, ''];
  lines.push(`${t.clause.padEnd(8)}${t.status.padEnd(14)}${t.violations.padStart(10)}${t.warnings.padStart(10)}  ${t.heading}`);
  for (const c of a.clauses) {
    const missing = c.notAssessed.length > 0 ? `  (${t.notAssessed}: ${c.notAssessed.join(', ')})` : '';
    lines.push(`${c.clause.padEnd(8)}${t.statuses[c.status].padEnd(14)}${String(c.violations).padStart(10)}${String(c.warnings).padStart(10)}  ${c.heading[lang]}${missing}`);
  }
  lines.push('', `${t.findings}:`);
  if (a.findings.length === 0) lines.push(`  ${t.none}`);
  for (const f of a.findings) {
    lines.push(`  ${f.severity === 'violation' ? '✗' : '!'} ${f.clause.clause} ${f.check}/${f.code} [${f.clause.topic}]`, `      ${f.message[lang]}`);
  }
  const s = a.summary;
  lines.push('', t.totals(s.violations, s.warnings, s.clauses.compliant, s.clauses.findings, s.clauses.notAssessed));
  // Ids, headings and messages may carry text from the institution profile.
  return lines.map(printable).join('\n');
}

/** One self-contained HTML page, in the look of the audit report: no script, no network. */
function renderHtml(a: ProgramAssessment, lang: 'en' | 'zh'): string {
  const t = text[lang];
  const s = a.summary;
  const clauseRows = a.clauses.map((c) => [c.clause, c.heading[lang], t.statuses[c.status], c.violations, c.warnings]);
  const findingRows = a.findings.map((f) => [f.clause.clause, f.severity, `${f.check}/${f.code}`, f.message[lang]]);
  return `${pageStart(lang === 'zh' ? 'zh-CN' : 'en', t.title, `${a.standard} · ${t.asOf} ${a.at ?? '—'} (${a.timeZone ?? '—'})`, [[t.violations, s.violations], [t.warnings, s.warnings]])}
<h2>${escape(t.clause)}</h2>
${table('clauses', [t.clause, t.heading, t.status, t.violations, t.warnings], [false, false, false, true, true], clauseRows, t.none)}
<h2>${escape(t.byClause)}</h2>
${horizontalBars('chart-clause', t.byClause, a.clauses.map((c) => [`${c.clause} ${c.heading[lang]}`, c.violations + c.warnings] as const))}
<h2>${escape(t.findings)}</h2>
${table('findings', [t.clause, t.severity, t.code, t.message], [false, false, false, false], findingRows, t.none)}
<footer>cuishou-guard · ${escape(a.standard)} ${escape(a.version)}</footer>
</body>
</html>
`;
}

/** An assessment as a table of text (default), JSON, or a self-contained HTML page. */
export function renderAssessment(assessment: ProgramAssessment, options: { readonly format?: AssessmentFormat; readonly locale?: Locale } = {}): string {
  const lang = options.locale === 'zh-CN' ? 'zh' : 'en';
  switch (options.format ?? 'table') {
    case 'json': return `${printableJson(JSON.stringify(assessment, null, 2))}\n`;
    case 'html': return renderHtml(assessment, lang);
    default: return `${renderText(assessment, lang)}\n`;
  }
}
