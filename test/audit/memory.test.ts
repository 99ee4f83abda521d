import { describe, expect, it } from 'vitest';
import { auditSync, HISTORY_HORIZON_MS, IDLE_AFTER_MS, type AuditRecordInput } from '../../src/index.js';

const START = Date.UTC(2026, 9, 1);
const actor = { kind: 'human', collector: { id: 'E1' }, organization: { id: 'ORG1', kind: 'lender' } } as const;

function call(debtor: string, ms: number): AuditRecordInput {
  return {
    debtor: { id: debtor },
    debt: { id: `L-${debtor}`, status: 'overdue' },
    action: { channel: 'voice', at: new Date(ms).toISOString(), target: { role: 'debtor' }, actor },
    outcome: 'connected',
  };
}

describe('audit memory', () => {
  it('is bounded by the debtors active within the horizon, not by the length of the log', () => {
    const RECORDS = 200_000;
    const SPACING_MS = 30_000; // 200k records over 69 days
    const PER_DEBTOR = 4; // each debtor: four calls two minutes apart, then never again
    function* log(): Generator<AuditRecordInput> {
      for (let i = 0; i < RECORDS; i += 1) yield call(`D${Math.floor(i / PER_DEBTOR)}`, START + i * SPACING_MS);
    }
    // Debtors seen within the idle limit plus one sweep interval (an hour) of the newest record.
    const bound = Math.ceil((IDLE_AFTER_MS + 3_600_000) / SPACING_MS / PER_DEBTOR) + 1;
    const run = auditSync(log());
    let fourthCalls = 0;
    let peak = 0;
    for (const verdict of run) {
      if (verdict.violations.some((v) => v.rule === 'voice-daily-cap')) fourthCalls += 1;
      if (verdict.index % 10_000 === 0) peak = Math.max(peak, run.stats.trackedDebtors);
    }
    const stats = run.stats;
    expect(stats.records).toBe(RECORDS);
    expect(stats.maxTrackedDebtors).toBeLessThanOrEqual(bound);
    expect(peak).toBeLessThanOrEqual(bound);
    expect(stats.maxHistoryEntries).toBeLessThanOrEqual(bound * PER_DEBTOR);
    expect(stats.forgottenDebtors).toBeGreaterThan(RECORDS / PER_DEBTOR - bound);
    // History still works: every debtor's fourth call is denied, except the few that straddle midnight.
    expect(fourthCalls).toBeGreaterThan(RECORDS / PER_DEBTOR - 100);
  }, 180_000);

  it(`keeps a busy debtor's history to the last ${HISTORY_HORIZON_MS / 3_600_000} hours`, () => {
    const hourly = Array.from({ length: 24 * 10 }, (_, h) => call('D1', START + h * 3_600_000));
    const run = auditSync(hourly);
    let maxEntries = 0;
    for (const _ of run) maxEntries = Math.max(maxEntries, run.stats.historyEntries);
    expect(maxEntries).toBe(HISTORY_HORIZON_MS / 3_600_000 + 1);
    expect(run.stats.trackedDebtors).toBe(1);
  });
});
