/**
 * An institution-level assessment (GB/T 45251—2025, clauses 5.1, 5.2, 5.4–5.7) of the example profile
 * in examples/institution.json, as of 2026-11-30 18:00 Beijing time. Run it with
 * `npx tsx examples/program.ts` (add `zh` for Chinese messages); test/program/example.test.ts checks
 * the findings printed here.
 */
import institution from './institution.json' with { type: 'json' };
import { assessProgram, renderAssessment, type ProgramAssessment } from '../src/program/index.js';

export const AT = '2026-11-30T18:00:00+08:00';

export const result: ProgramAssessment = assessProgram(institution, { at: AT, timeZone: 'Asia/Shanghai' });

const main = (): void => {
  process.stdout.write(renderAssessment(result, { locale: process.argv.includes('zh') ? 'zh-CN' : 'en' }));
};

if (import.meta.url === `file://${process.argv[1]}`) main();
