import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditExampleLog } from '../../examples/start.js';
import { generateExampleLog, LOG_URL } from '../../scripts/generate-example-log.js';

describe('examples/data/collection-log.jsonl', () => {
  const log = generateExampleLog();

  it('is exactly what scripts/generate-example-log.ts writes (npm run example:log)', () => {
    expect(readFileSync(LOG_URL, 'utf8') === log.text, 'the committed log is stale: run npm run example:log').toBe(true);
    expect(log.records).toBeGreaterThan(2000);
    expect(Buffer.byteLength(log.text)).toBeLessThan(2_000_000);
  });

  it('audit finds exactly the violations planted, rule by rule (npm start prints them)', async () => {
    const summary = await auditExampleLog();
    expect(summary.records).toBe(log.records);
    expect(summary.inputErrors).toBe(0);
    expect(summary.byRule).toEqual(log.planted);
    expect(Object.keys(log.planted)).toHaveLength(14);
    expect(Object.keys(summary.byOrganization).sort()).toEqual(['AGY-A', 'AGY-B', 'AGY-C', 'BANK1']);
    // Debtors in three zones: the hours are each debtor's own; nothing between 23:00 and 07:00.
    expect(summary.byLocalHour.slice(0, 7).every((n) => n === 0)).toBe(true);
    expect(summary.byLocalHour[22]).toBeGreaterThan(0);
  });
});
