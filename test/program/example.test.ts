import { describe, expect, it } from 'vitest';
import { renderAssessment } from '../../src/index.js';
import { AT, result } from '../../examples/program.js';

describe('examples/program.ts on examples/institution.json', () => {
  it('finds exactly the known findings, in registry order', () => {
    expect(result.findings.map((f) => [f.clause.clause, f.check, f.code, f.severity, f.subject.id])).toEqual([
      ['5.1', 'policies', 'policy-stale', 'warning', 'POL-OUT-2023'],
      ['5.2', 'staff-training', 'training-overdue', 'violation', 'E-1042'],
      ['5.2', 'staff-conduct', 'serious-offence-not-reported', 'violation', 'E-1107'],
      // Issue 14: AG-SZ-01's agreement expires within 60 days and its yearly evaluation does not stand in for the pre-expiry one.
      ['5.4', 'agency-evaluation', 'evaluation-due-before-renewal', 'warning', 'AG-SZ-01'],
      ['5.4', 'agency-evaluation', 'evaluation-overdue', 'violation', 'AG-HZ-02'],
      ['5.5', 'agency-data-destruction', 'data-destruction-unconfirmed', 'violation', 'L-2026-0815'],
      ['5.5', 'agency-data-destruction', 'data-destruction-unconfirmed', 'warning', 'L-2026-1102'],
      ['5.7', 'incident-reporting', 'reported-late', 'violation', 'INC-2026-03'],
    ]);
  });

  it('tabulates the clauses', () => {
    expect(result.at).toBe(AT);
    expect(result.clauses.map((c) => [c.clause, c.status, c.violations, c.warnings])).toEqual([
      ['5.1', 'findings', 0, 1],
      ['5.2', 'findings', 2, 0],
      ['5.4', 'findings', 1, 1],
      ['5.5', 'findings', 1, 1],
      ['5.6', 'compliant', 0, 0],
      ['5.7', 'findings', 1, 0],
    ]);
    expect(result.summary).toEqual({ findings: 8, violations: 5, warnings: 3, clauses: { compliant: 1, findings: 5, notAssessed: 0 } });
  });

  it('reports the facts an officer acts on', () => {
    const byCode = (code: string) => result.findings.find((f) => f.code === code)?.facts;
    expect(byCode('training-overdue')).toEqual({ staffId: 'E-1042', lastAssessedAt: '2025-10-15T17:00:00+08:00', dueAt: '2026-10-15T17:00:00+08:00' });
    expect(byCode('reported-late')).toMatchObject({ deadline: '2026-09-16T16:20:00+08:00', reportedAt: '2026-09-17T09:00:00+08:00' });
    expect(result.findings.find((f) => f.subject.id === 'L-2026-0815')?.facts).toMatchObject({ agencyId: 'AG-SZ-01', daysSinceSettlement: 49 });
  });

  it('prints the clause table and every finding, in either language', () => {
    const en = renderAssessment(result);
    expect(en).toContain('5.6     compliant');
    for (const f of result.findings) expect(en).toContain(f.message.en);
    const zh = renderAssessment(result, { locale: 'zh-CN' });
    expect(zh).toContain('投诉处理');
    for (const f of result.findings) expect(zh).toContain(f.message.zh);
  });

  it('renders JSON that parses back to the assessment, and a self-contained HTML page', () => {
    expect(JSON.parse(renderAssessment(result, { format: 'json' }))).toEqual(result);
    const html = renderAssessment(result, { format: 'html', locale: 'zh-CN' });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|(src|href)="?https?:/);
    expect(html.match(/<rect class="bar"/g)).toHaveLength(result.clauses.length);
    for (const f of result.findings) expect(html).toContain(f.code);
  });
});
