import { describe, expect, it } from 'vitest';
import { assessProgram, PROGRAM_CLAUSES, programChecks, ProgramAssessmentSchema } from '../../src/program/index.js';
import { AT, assess, clauseStatus, institution, staffMember } from './support.js';

describe('assessProgram: the whole assessment', () => {
  it('finds nothing on the compliant profile and calls every clause compliant', () => {
    const result = assess();
    expect(result.findings).toEqual([]);
    expect(result.clauses.map((c) => [c.clause, c.status])).toEqual(PROGRAM_CLAUSES.map((c) => [c, 'compliant']));
    expect(result.checks.every((c) => c.status === 'passed')).toBe(true);
    expect(result.summary).toEqual({ findings: 0, violations: 0, warnings: 0, clauses: { compliant: 6, findings: 0, notAssessed: 0 } });
    expect(result).toMatchObject({ standard: 'GB/T 45251—2025', at: AT, timeZone: 'Asia/Shanghai' });
  });

  it('conforms to its own output schema', () => {
    expect(ProgramAssessmentSchema.safeParse(assess()).success).toBe(true);
    expect(ProgramAssessmentSchema.safeParse(assess(institution({ staff: [staffMember({ conductFlag: 'serious_offence' })] }))).success).toBe(true);
    expect(ProgramAssessmentSchema.safeParse(assess({ nope: true })).success).toBe(true);
  });

  it('covers exactly the institution-level clauses of docs/guideline.md', () => {
    expect([...PROGRAM_CLAUSES]).toEqual(['5.1', '5.2', '5.4', '5.5', '5.6', '5.7']);
    for (const check of programChecks) expect(PROGRAM_CLAUSES).toContain(check.clause.clause);
  });

  it('reports a clause "not-assessed" when its data is missing', () => {
    const result = assess({});
    expect(result.findings).toEqual([]);
    expect(result.clauses.every((c) => c.status === 'not-assessed')).toBe(true);
    expect(result.checks.every((c) => c.status === 'not-assessed')).toBe(true);
    expect(result.summary.clauses).toEqual({ compliant: 0, findings: 0, notAssessed: 6 });
  });

  it('does not call a clause compliant when only part of it could be assessed', () => {
    const { collectionDepartment: _omit, ...rest } = institution();
    const result = assess(rest);
    expect(clauseStatus(result, '5.2')).toBe('not-assessed');
    expect(result.clauses.find((c) => c.clause === '5.2')?.notAssessed).toEqual(['collection-department']);
    expect(clauseStatus(result, '5.1')).toBe('compliant');
  });

  it('a clause with findings says so even when part of it is not assessed', () => {
    const { collectionDepartment: _omit, ...rest } = institution();
    const result = assess({ ...rest, staff: [staffMember({ confidentialityPledgeSignedAt: undefined })] });
    expect(clauseStatus(result, '5.2')).toBe('findings');
  });

  it('counts violations and warnings per clause and in the summary', () => {
    const result = assess(institution({ staff: [staffMember({ status: 'active', conductFlag: 'unfit' })], outsourcing: { inHouseCapability: false, agencies: [] } }));
    expect(result.summary).toMatchObject({ findings: 2, violations: 1, warnings: 1, clauses: { compliant: 4, findings: 2, notAssessed: 0 } });
    expect(result.clauses.find((c) => c.clause === '5.2')).toMatchObject({ violations: 1, warnings: 0, status: 'findings' });
    expect(result.clauses.find((c) => c.clause === '5.4')).toMatchObject({ violations: 0, warnings: 1, status: 'findings' });
  });

  it('every finding carries check, citation, severity, code, subject and both messages, all filled in', () => {
    const result = assess(
      institution({
        policies: [],
        collectionDepartment: { exists: true, dedicated: false },
        staff: [staffMember({ screening: { violentCrimeRecord: true, seriousBadCredit: true }, lastTrainingAssessedAt: '2024-01-01T00:00:00+08:00', preJobTrainingPassedAt: '2024-01-01T00:00:00+08:00', conductFlag: 'serious_offence' })],
        systems: [{ id: 'S', mlpsLevel: 1, piiMasked: false, encryptedInTransit: false }],
        complaints: { channels: [], handlingTargetDays: 1, cases: [{ id: 'C', receivedAt: '2026-01-01T00:00:00+08:00' }] },
      }),
    );
    expect(result.findings.length).toBeGreaterThan(10);
    for (const f of result.findings) {
      expect(f.clause.standard).toBe('GB/T 45251—2025');
      expect(PROGRAM_CLAUSES).toContain(f.clause.clause);
      expect(['violation', 'warning']).toContain(f.severity);
      expect(f.message.zh).not.toMatch(/[{}]|undefined|null/);
      expect(f.message.en).not.toMatch(/[{}]|undefined|null/);
    }
  });

  it('is deterministic and does not modify its input', () => {
    const input = institution({ staff: [staffMember({ conductFlag: 'unfit' })] });
    const copy = structuredClone(input);
    expect(assess(input)).toEqual(assess(input));
    expect(input).toEqual(copy);
  });

  it('keeps names out: facts hold ids, codes, counts and instants only', () => {
    const result = assess(institution({ staff: [staffMember({ id: 'E-1042', preJobTrainingPassedAt: undefined })] }));
    expect(result.findings[0]?.facts).toEqual({ staffId: 'E-1042' });
    expect(result.findings[0]?.subject).toEqual({ kind: 'staff', id: 'E-1042' });
  });
});

describe('assessProgram: invalid input never throws', () => {
  const invalid = (result: ReturnType<typeof assess>) => {
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ check: 'invalid-input', code: 'invalid-input', severity: 'violation', clause: { standard: 'cuishou-guard', clause: 'fail-closed' } });
    expect(result.clauses.every((c) => c.status === 'not-assessed')).toBe(true);
    expect(result.checks.every((c) => c.status === 'not-assessed')).toBe(true);
    return (result.findings[0]?.facts.issues as { path: string }[]).map((i) => i.path);
  };

  it('lists every zod issue path of the profile', () => {
    const paths = invalid(assess({ staff: [{ id: 'E1', status: 'on_leave' }], sytems: [] }));
    expect(paths).toEqual(expect.arrayContaining(['institution.staff[0].status', 'institution']));
    expect(JSON.stringify(paths)).not.toContain('on_leave');
  });

  it('rejects unknown keys at every level', () => {
    expect(invalid(assess(institution({ staff: [{ ...staffMember(), name: 'x' } as never] })))).toEqual(['institution.staff[0]']);
    expect(invalid(assess(institution({ collectionDepartment: { exists: true, dedicated: true, head: 'x' } as never })))).toEqual(['institution.collectionDepartment']);
  });

  it('rejects instants without an offset, duplicate ids and reversed dates', () => {
    expect(invalid(assess(institution({ staff: [staffMember({ preJobTrainingPassedAt: '2026-01-05T09:00:00' })] })))).toEqual(['institution.staff[0].preJobTrainingPassedAt']);
    expect(invalid(assess(institution({ staff: [staffMember(), staffMember()] })))).toEqual(['institution.staff[1]']);
    expect(invalid(assess(institution({ complaints: { channels: ['hotline'], handlingTargetDays: 15, cases: [{ id: 'C', receivedAt: '2026-11-02T00:00:00+08:00', resolvedAt: '2026-11-01T00:00:00+08:00' }] } })))).toEqual([
      'institution.complaints.cases[0].resolvedAt',
    ]);
    expect(invalid(assess(institution({ performancePay: { weights: { recoveredAmount: 0, effectiveness: 0, compliance: 0, informationSecurity: 0, complaints: 0 } } })))).toEqual([
      'institution.performancePay.weights',
    ]);
  });

  it('checks the options too', () => {
    expect(invalid(assessProgram(institution(), { at: '2026-11-30T10:00:00' }))).toEqual(['options.at']);
    expect(invalid(assessProgram(institution(), { at: AT, timeZone: 'Mars/Olympus' }))).toEqual(['options.timeZone']);
    expect(invalid(assessProgram(institution(), { at: AT, destructionGraceDays: 31 }))).toEqual(['options.destructionGraceDays']);
    expect(invalid(assessProgram(institution(), { at: AT, extra: 1 } as never))).toEqual(['options']);
    expect(invalid(assessProgram(institution(), undefined as never))).toEqual(['options']);
    expect(assessProgram(institution(), { at: 'x' }).at).toBeNull();
  });

  it('survives hostile objects', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); }, ownKeys: () => { throw new Error('boom'); } });
    expect(invalid(assess(hostile))).toEqual(['institution']);
    expect(invalid(assess(null))).toEqual(['institution']);
    expect(invalid(assess('{}'))).toEqual(['institution']);
  });
});

describe('assessProgram: a check that throws fails closed', () => {
  it('reports an internal-error violation under that check and clause, and runs the rest', () => {
    const check = programChecks.find((c) => c.id === 'system-security') as { run: unknown };
    const original = check.run;
    check.run = () => {
      throw new RangeError('boom');
    };
    try {
      const result = assess();
      expect(result.findings).toEqual([expect.objectContaining({ check: 'system-security', code: 'internal-error', severity: 'violation', clause: expect.objectContaining({ clause: '5.5' }) })]);
      expect(result.findings[0]?.facts).toEqual({ check: 'system-security', error: 'RangeError' });
      expect(clauseStatus(result, '5.5')).toBe('findings');
      expect(clauseStatus(result, '5.6')).toBe('compliant');
    } finally {
      check.run = original;
    }
  });
});
