/**
 * An institution-level assessment (GB/T 45251—2025, clauses 5.1, 5.2, 5.4–5.7) of the example profile
 * in examples/institution.json, as of 2026-11-30 18:00 Beijing time. Run it with
 * `npx tsx examples/program.ts` (add `zh` for Chinese messages); test/program/example.test.ts checks
 * the findings printed here.
 */
import institution from './institution.json' with { type: 'json' };
import { assessProgram, type ProgramAssessment } from '../src/program/index.js';

export const AT = '2026-11-30T18:00:00+08:00';

export const result: ProgramAssessment = assessProgram(institution, { at: AT, timeZone: 'Asia/Shanghai' });

/** The clause table and the findings as lines of text. */
export function report(assessment: ProgramAssessment, lang: 'zh' | 'en' = 'en'): string {
  const lines: string[] = [];
  lines.push(`${assessment.standard} — program assessment as of ${assessment.at} (${assessment.timeZone})`, '');
  lines.push('clause  status        violations  warnings  heading');
  for (const c of assessment.clauses) {
    const missing = c.notAssessed.length > 0 ? `  (not assessed: ${c.notAssessed.join(', ')})` : '';
    lines.push(`${c.clause.padEnd(8)}${c.status.padEnd(14)}${String(c.violations).padStart(10)}${String(c.warnings).padStart(10)}  ${c.heading[lang]}${missing}`);
  }
  lines.push('', 'findings:');
  for (const f of assessment.findings) {
    const mark = f.severity === 'violation' ? '✗' : '!';
    lines.push(`  ${mark} ${f.clause.clause} ${f.check}/${f.code} [${f.clause.topic}]`, `      ${f.message[lang]}`);
  }
  const s = assessment.summary;
  lines.push('', `${s.violations} violation(s), ${s.warnings} warning(s); clauses: ${s.clauses.compliant} compliant, ${s.clauses.findings} with findings, ${s.clauses.notAssessed} not assessed.`);
  return lines.join('\n');
}

const main = (): void => {
  console.log(report(result, process.argv.includes('zh') ? 'zh' : 'en'));
};

if (import.meta.url === `file://${process.argv[1]}`) main();
