import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSummaryAccumulator, mergeSummaryParts } from '../../src/audit/summary.js';
import { auditSync, createAuditSummary, renderSummary, summarize, type AuditVerdict } from '../../src/index.js';
import { agencyOrganization, aiActor, humanActor, visitAction } from '../support/fixtures.js';
import { record } from './support.js';

const agency = humanActor({ organization: agencyOrganization(), collector: { id: 'E9', violentCrimeRecord: false, seriousBadCredit: false, preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00', lastTrainingAssessedAt: '2026-06-01T09:00:00+08:00', confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00', standing: 'suspended' } });

const log = [
  record('2026-11-30T07:10:00+08:00', { outcome: 'not_connected' }), // collection-hours, hour 7, ORG1/E1
  record('2026-11-30T09:00:00+08:00', { action: { actor: agency } }), // collector-standing, AG1/E9
  record('2026-11-30T10:00:00+08:00', { action: { actor: aiActor() } }), // allowed, BOT1
  record('2026-11-30T11:00:00+08:00'), // allowed, third connected
  record('2026-11-30T22:30:00+08:00', { action: { actor: agency, conduct: ['threat'] } }), // collection-hours, voice-daily-cap, lawful-conduct, collector-standing; hour 22
  // collection-hours, visit-staffing, visit-premises twice; D2 in London, hour 7, ORG1/E1
  { ...record('2026-11-30T15:00:00+08:00', { debtor: 'D2', zone: 'Europe/London' }), action: visitAction({ at: '2026-11-30T15:00:00+08:00', target: { role: 'debtor', partyId: 'D2' }, visit: { staffCount: 1, entersPrivateResidence: true, entersOfficeArea: true } }) },
  record('2026-11-30T10:30:00+08:00'), // out of order
  'not a record',
];

describe('summarize', () => {
  const summary = summarize(auditSync(log));

  it('counts records, outcomes, input errors and violations', () => {
    expect(summary).toMatchObject({ records: 8, allowed: 2, denied: 6, inputErrors: 2, violations: 10 });
    expect(summary.period).toEqual({ from: '2026-11-30T07:10:00+08:00', to: '2026-11-30T22:30:00+08:00' });
  });

  it('counts violations by rule, clause, organisation, collector, channel and local hour', () => {
    expect(summary.byRule).toEqual({ 'collection-hours': 3, 'collector-standing': 2, 'visit-premises': 2, 'lawful-conduct': 1, 'visit-staffing': 1, 'voice-daily-cap': 1 });
    expect(Object.keys(summary.byRule)).toEqual(['collection-hours', 'collector-standing', 'visit-premises', 'lawful-conduct', 'visit-staffing', 'voice-daily-cap']);
    expect(summary.byClause).toEqual({ 'GB/T 45251—2025 5.3': 8, 'GB/T 45251—2025 5.2': 2 });
    expect(summary.byOrganization).toEqual({ AG1: 5, ORG1: 5 });
    expect(summary.byCollector).toEqual({ E1: 5, E9: 5 });
    expect(summary.byChannel).toEqual({ voice: 6, visit: 4 });
    // The London visit at 15:00+08:00 is 07:00 in London: outside the window there too.
    expect(summary.byLocalHour).toHaveLength(24);
    expect(summary.byLocalHour.map((n, h) => [h, n] as const).filter(([, n]) => n > 0)).toEqual([[7, 5], [9, 1], [22, 4]]);
  });

  it('is the same built incrementally, and from an async iterable', async () => {
    const builder = createAuditSummary();
    for (const v of auditSync(log)) builder.add(v);
    expect(builder.result()).toEqual(summary);
    expect(await summarize((async function* () { yield* auditSync(log); })())).toEqual(summary);
  });

  it('of nothing is all zeros', () => {
    expect(summarize(auditSync([]))).toEqual({
      records: 0, allowed: 0, denied: 0, inputErrors: 0, violations: 0, period: null,
      byRule: {}, byClause: {}, byOrganization: {}, byCollector: {}, byChannel: {}, byLocalHour: Array.from({ length: 24 }, () => 0),
    });
  });
});

describe('mergeSummaryParts', () => {
  // Two spellings of each end of the period: the one earlier in the log must win the tie, as in one summary.
  const verdicts: AuditVerdict[] = [
    ...auditSync([...log, record('2026-11-29T23:10:00Z'), record('2026-11-30T14:30:00Z', { debtor: 'D3' })]),
  ];

  it('gives the summary of the whole log however its verdicts are split among parts (property)', () => {
    const whole = summarize(verdicts);
    expect(whole.period).toEqual({ from: '2026-11-30T07:10:00+08:00', to: '2026-11-30T22:30:00+08:00' });
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: verdicts.length, maxLength: verdicts.length }), (owners) => {
        const parts = [0, 1, 2, 3].map(() => createSummaryAccumulator());
        verdicts.forEach((v, k) => (parts[owners[k] as number] as ReturnType<typeof createSummaryAccumulator>).add(v));
        const merged = mergeSummaryParts(parts.map((p) => p.part()));
        expect(merged).toEqual(whole);
        expect(JSON.stringify(merged)).toBe(JSON.stringify(whole)); // the same key order too
      }),
    );
  });

  it('of no parts is the empty summary', () => {
    expect(mergeSummaryParts([])).toEqual(summarize([]));
  });
});

describe('renderSummary', () => {
  const summary = summarize(auditSync(log));

  it('table: totals then each breakdown, in English or Chinese', () => {
    const en = renderSummary(summary, { profile: 'gb-t-45251-2025' });
    expect(en).toMatch(/^Collection log audit\n {2}records +8\n/);
    expect(en).toContain('Violations by rule');
    expect(en).toMatch(/collection-hours +3/);
    expect(en).toMatch(/\n {2}22 +4 +█+\n/);
    expect(renderSummary(summary, { locale: 'zh-CN' })).toContain('按规则统计的违规');
  });

  it('table: the period in one zone, Beijing time by default, whatever offsets the records carry', () => {
    const mixed = { ...summary, period: { from: '2026-11-30T07:14:49+08:00', to: '2026-12-01T22:42:23+00:00' } };
    expect(renderSummary(mixed)).toMatch(/period +2026-11-30T07:14:49\+08:00 … 2026-12-02T06:42:23\+08:00\n/);
    expect(renderSummary(mixed, { timeZone: 'UTC' })).toMatch(/period +2026-11-29T23:14:49\+00:00 … 2026-12-01T22:42:23\+00:00\n/);
  });

  it('csv: section,key,count with every count, quoted and guarded against formulas', () => {
    const csv = renderSummary(summary, { format: 'csv' }).trimEnd().split('\n');
    expect(csv[0]).toBe('section,key,count');
    expect(csv).toContain('total,violations,10');
    expect(csv).toContain('organization,AG1,5');
    expect(csv.filter((l) => l.startsWith('hour,'))).toHaveLength(24);
    const odd = { ...summary, byOrganization: { 'A,B': 1, '=HYPERLINK("x")': 2 } };
    const rows = renderSummary(odd, { format: 'csv' });
    expect(rows).toContain('organization,"A,B",1');
    expect(rows).toContain(`organization,"'=HYPERLINK(""x"")",2`);
  });

  it('json: the summary itself', () => {
    expect(JSON.parse(renderSummary(summary, { format: 'json' }))).toEqual(summary);
  });

  it('html: one page, escaped identifiers', () => {
    const html = renderSummary({ ...summary, byOrganization: { '<script>alert(1)</script>': 3 } }, { format: 'html' });
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });

  it('refuses an unknown format', () => {
    expect(() => renderSummary(summary, { format: 'xml' as never })).toThrow(/unknown report format/);
  });
});
