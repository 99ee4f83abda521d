import { describe, expect, it } from 'vitest';
import { YEAR_AGO, YEAR_AND_A_DAY_AGO, agency, assess, clauseStatus, codes, graded, institution, only } from './support.js';

type Overrides = Parameters<typeof agency>[0];
const withAgency = (overrides: Overrides, options: Parameters<typeof assess>[1] = {}) =>
  assess(institution({ outsourcing: { inHouseCapability: true, agencies: [agency(overrides)] } }), options);

/** One agreement in force from `from` to `until`. */
const single = (from: string, until: string) => [{ ref: 'OA-1', validFrom: from, validUntil: until }];

describe('agency-evaluation (5.4)', () => {
  it('an agency evaluated within 12 months and before its renewal passes', () => {
    expect(codes(withAgency({}), 'agency-evaluation')).toEqual([]);
  });

  it('last evaluation exactly 12 months ago passes; 12 months and a day is a violation', () => {
    const agreements = single('2025-06-01T00:00:00+08:00', '2027-05-31T23:59:59+08:00');
    expect(codes(withAgency({ agreements, evaluatedAt: ['2025-05-20T10:00:00+08:00', YEAR_AGO] }), 'agency-evaluation')).toEqual([]);
    const late = withAgency({ agreements, evaluatedAt: ['2025-05-20T10:00:00+08:00', YEAR_AND_A_DAY_AGO] });
    expect(only(late, 'agency-evaluation')).toMatchObject({
      code: 'evaluation-overdue',
      severity: 'violation',
      subject: { kind: 'agency', id: 'AG1' },
      facts: { agencyId: 'AG1', lastEvaluatedAt: YEAR_AND_A_DAY_AGO, since: YEAR_AGO },
    });
  });

  it('an agency never evaluated is a violation', () => {
    const agreements = single('2025-06-01T00:00:00+08:00', '2027-05-31T23:59:59+08:00');
    const f = only(withAgency({ agreements, evaluatedAt: [] }), 'agency-evaluation');
    expect(f).toMatchObject({ code: 'evaluation-overdue', facts: { lastEvaluatedAt: null } });
    expect(f.message.en).not.toContain('null');
  });

  it('an evaluation dated after the assessment instant does not count', () => {
    const agreements = single('2025-06-01T00:00:00+08:00', '2027-05-31T23:59:59+08:00');
    expect(codes(withAgency({ agreements, evaluatedAt: ['2025-05-20T10:00:00+08:00', '2026-12-01T10:00:00+08:00'] }), 'agency-evaluation')).toEqual(['evaluation-overdue']);
  });

  it('a renewal without an evaluation in the final 90 days of the old agreement is a violation (issue 14)', () => {
    // OA-2025 ended 2025-12-31 and was renewed; evaluations 2024-12-10 (a yearly one, long before) and 2026-06-15 (after it).
    const result = withAgency({ evaluatedAt: ['2024-12-10T10:00:00+08:00', '2026-06-15T10:00:00+08:00'] });
    expect(only(result, 'agency-evaluation')).toMatchObject({
      code: 'renewed-without-evaluation',
      severity: 'violation',
      facts: { agencyId: 'AG1', agreementRef: 'OA-2025', endedAt: '2025-12-31T23:59:59+08:00', finalFrom: '2025-10-02T23:59:59+08:00', finalDays: 90 },
    });
  });

  it('a yearly evaluation does not stand in for the pre-expiry one: 91 days before the end does not count, 90 does', () => {
    const evaluated = (first: string, options = {}) => codes(withAgency({ evaluatedAt: [first, '2026-06-15T10:00:00+08:00'] }, options), 'agency-evaluation');
    // The old agreement ends 2025-12-31T23:59:59 (Beijing time): 90 days before is 2025-10-02T23:59:59.
    expect(evaluated('2025-10-02T23:59:59+08:00')).toEqual([]);
    expect(evaluated('2025-10-02T23:59:58+08:00')).toEqual(['renewed-without-evaluation']);
    // Within 12 months of the renewal, which once passed, is no longer enough.
    expect(evaluated('2025-03-01T00:00:00+08:00')).toEqual(['renewed-without-evaluation']);
    // An evaluation at the old agreement's last instant is before it expires; at the renewal's first, it is not.
    expect(evaluated('2025-12-31T23:59:59+08:00')).toEqual([]);
    expect(evaluated('2026-01-01T00:00:00+08:00')).toEqual(['renewed-without-evaluation']);
    // A shorter final period (a stricter profile setting) moves the boundary.
    expect(evaluated('2025-11-15T00:00:00+08:00', { preExpiryEvaluationDays: 30 })).toEqual(['renewed-without-evaluation']);
    expect(evaluated('2025-12-15T00:00:00+08:00', { preExpiryEvaluationDays: 30 })).toEqual([]);
  });

  it('the final period may only be shortened: more than 90 days is invalid input', () => {
    expect(assess(undefined, { preExpiryEvaluationDays: 91 }).findings.map((f) => f.code)).toEqual(['invalid-input']);
  });

  it('an agreement that expired without a pre-expiry evaluation is a violation, even with yearly evaluations', () => {
    const agreements = single('2025-06-01T00:00:00+08:00', '2026-06-30T23:59:59+08:00');
    const result = withAgency({ agreements, evaluatedAt: ['2025-05-20T10:00:00+08:00', '2026-01-15T10:00:00+08:00'], lastInspectedAt: undefined });
    expect(graded(result, 'agency-evaluation')).toEqual(['expired-without-evaluation:violation']);
    expect(only(result, 'agency-evaluation').facts).toMatchObject({ agreementRef: 'OA-1', endedAt: '2026-06-30T23:59:59+08:00' });
    // Evaluated in its final 90 days: nothing.
    expect(codes(withAgency({ agreements, evaluatedAt: ['2025-05-20T10:00:00+08:00', '2026-05-01T10:00:00+08:00'], lastInspectedAt: undefined }), 'agency-evaluation')).toEqual([]);
  });

  it('renewals more than 12 months before the assessment are left to earlier assessments', () => {
    const agreements = [
      { ref: 'OA-2024', validFrom: '2024-01-01T00:00:00+08:00', validUntil: '2024-12-31T23:59:59+08:00' },
      { ref: 'OA-2025', validFrom: '2025-01-01T00:00:00+08:00', validUntil: '2027-12-31T23:59:59+08:00' },
    ];
    expect(codes(withAgency({ agreements, evaluatedAt: ['2026-06-15T10:00:00+08:00'] }), 'agency-evaluation')).toEqual([]);
  });

  it('an agreement about to expire without a pre-expiry evaluation is a warning (evaluate before it expires)', () => {
    // In force until 2026-12-31: 31 days after the assessment, inside the default 60-day notice.
    const agreements = single('2025-01-01T00:00:00+08:00', '2026-12-31T23:59:59+08:00');
    const result = withAgency({ agreements, evaluatedAt: ['2025-12-20T10:00:00+08:00', '2026-06-01T10:00:00+08:00'] });
    expect(graded(result, 'agency-evaluation')).toEqual(['evaluation-due-before-renewal:warning']);
    expect(only(result, 'agency-evaluation').facts).toMatchObject({ agreementRef: 'OA-1', expiresAt: '2026-12-31T23:59:59+08:00', since: '2026-10-02T23:59:59+08:00' });
    // Evaluated in the final 90 days: nothing to warn about.
    expect(codes(withAgency({ agreements, evaluatedAt: ['2026-10-10T10:00:00+08:00'] }), 'agency-evaluation')).toEqual([]);
    // Outside the notice period: no warning yet.
    expect(codes(withAgency({ agreements, evaluatedAt: ['2025-12-20T10:00:00+08:00', '2026-06-01T10:00:00+08:00'] }, { renewalNoticeDays: 30 }), 'agency-evaluation')).toEqual([]);
  });

  it('a former agency (every agreement ended) is not evaluated, planned for or inspected, only its last agreement\'s pre-expiry evaluation is looked at', () => {
    const agreements = single('2024-01-01T00:00:00+08:00', '2026-06-30T23:59:59+08:00');
    const result = withAgency({ agreements, evaluatedAt: ['2026-05-01T10:00:00+08:00'], riskWarningPlan: false, emergencyPlan: false, lastInspectedAt: undefined });
    expect(result.findings.filter((f) => f.clause.clause === '5.4')).toEqual([]);
    // Ended more than 12 months ago: left to earlier assessments.
    const long = withAgency({ agreements: single('2023-01-01T00:00:00+08:00', '2025-06-30T23:59:59+08:00'), evaluatedAt: [], riskWarningPlan: false, emergencyPlan: false, lastInspectedAt: undefined });
    expect(long.findings.filter((f) => f.clause.clause === '5.4')).toEqual([]);
  });

  it('an agency signed to start later must already be evaluated (vetting)', () => {
    const agreements = single('2027-01-01T00:00:00+08:00', '2027-12-31T23:59:59+08:00');
    expect(codes(withAgency({ agreements, evaluatedAt: [], lastInspectedAt: undefined, settledCases: [] }), 'agency-evaluation')).toEqual(['evaluation-overdue']);
    expect(codes(withAgency({ agreements, evaluatedAt: ['2026-11-01T10:00:00+08:00'], lastInspectedAt: undefined, settledCases: [] }), 'agency-inspection')).toEqual([]);
  });
});

describe('agency-plans (5.4)', () => {
  it('both plans present passes', () => expect(codes(withAgency({}), 'agency-plans')).toEqual([]));
  it('a missing risk warning plan or emergency plan is a violation each', () => {
    expect(graded(withAgency({ riskWarningPlan: false }), 'agency-plans')).toEqual(['risk-warning-plan-missing:violation']);
    expect(graded(withAgency({ emergencyPlan: false }), 'agency-plans')).toEqual(['emergency-plan-missing:violation']);
    expect(codes(withAgency({ riskWarningPlan: false, emergencyPlan: false }), 'agency-plans')).toEqual(['risk-warning-plan-missing', 'emergency-plan-missing']);
  });
});

describe('agency-inspection (5.4)', () => {
  it('inspected exactly 12 months ago passes; 12 months and a day is a warning', () => {
    expect(codes(withAgency({ lastInspectedAt: YEAR_AGO }), 'agency-inspection')).toEqual([]);
    const f = only(withAgency({ lastInspectedAt: YEAR_AND_A_DAY_AGO }), 'agency-inspection');
    expect(f).toMatchObject({ code: 'inspection-overdue', severity: 'warning', facts: { agencyId: 'AG1', lastInspectedAt: YEAR_AND_A_DAY_AGO, since: YEAR_AGO } });
  });

  it('no inspection record is a warning', () => {
    expect(graded(withAgency({ lastInspectedAt: undefined }), 'agency-inspection')).toEqual(['inspection-overdue:warning']);
  });

  it('an agency engaged less than 12 months has its first year to be inspected', () => {
    const agreements = single('2026-03-01T00:00:00+08:00', '2027-02-28T23:59:59+08:00');
    expect(codes(withAgency({ agreements, evaluatedAt: ['2026-02-01T10:00:00+08:00'], lastInspectedAt: undefined }), 'agency-inspection')).toEqual([]);
  });
});

describe('in-house-capability (5.4)', () => {
  it('no in-house capability is a warning', () => {
    expect(graded(assess(institution({ outsourcing: { inHouseCapability: false, agencies: [agency()] } })), 'in-house-capability')).toEqual(['no-in-house-capability:warning']);
    expect(codes(assess(institution({ outsourcing: { inHouseCapability: true, agencies: [agency()] } })), 'in-house-capability')).toEqual([]);
  });

  it('without an outsourcing section, 5.4 is not assessed', () => {
    const { outsourcing: _omit, ...rest } = institution();
    const result = assess(rest);
    expect(clauseStatus(result, '5.4')).toBe('not-assessed');
    expect(result.clauses.find((c) => c.clause === '5.5')?.notAssessed).toEqual(['agency-data-destruction']);
  });

  it('outsourcing without agencies is assessed and passes', () => {
    expect(clauseStatus(assess(institution({ outsourcing: { inHouseCapability: true, agencies: [] } })), '5.4')).toBe('compliant');
  });
});

describe('agency-data-destruction (5.5)', () => {
  const settled = (settledAt: string, confirmed?: string) => ({ settledCases: [{ caseRef: 'L-7', settledAt, ...(confirmed === undefined ? {} : { dataDestructionConfirmedAt: confirmed }) }] });

  it('a confirmed destruction passes', () => {
    expect(codes(withAgency(settled('2026-01-01T12:00:00+08:00', '2026-01-05T12:00:00+08:00')), 'agency-data-destruction')).toEqual([]);
  });

  it('unconfirmed within the 30-day grace is a warning; exactly 30 days still is; a second later is a violation', () => {
    expect(graded(withAgency(settled('2026-11-20T10:00:00+08:00')), 'agency-data-destruction')).toEqual(['data-destruction-unconfirmed:warning']);
    expect(graded(withAgency(settled('2026-10-31T10:00:00+08:00')), 'agency-data-destruction')).toEqual(['data-destruction-unconfirmed:warning']);
    const late = withAgency(settled('2026-10-31T09:59:59+08:00'));
    expect(only(late, 'agency-data-destruction')).toMatchObject({
      severity: 'violation',
      subject: { kind: 'case', id: 'L-7' },
      facts: { agencyId: 'AG1', caseRef: 'L-7', settledAt: '2026-10-31T09:59:59+08:00', graceEndsAt: '2026-11-30T09:59:59+08:00', daysSinceSettlement: 30 },
    });
  });

  it('the grace period can be shortened, not lengthened', () => {
    expect(graded(withAgency(settled('2026-11-20T10:00:00+08:00'), { destructionGraceDays: 7 }), 'agency-data-destruction')).toEqual(['data-destruction-unconfirmed:violation']);
    expect(graded(withAgency(settled('2026-11-30T10:00:00+08:00'), { destructionGraceDays: 0 }), 'agency-data-destruction')).toEqual(['data-destruction-unconfirmed:warning']);
    expect(codes(withAgency(settled('2026-11-20T10:00:00+08:00'), { destructionGraceDays: 31 }), 'invalid-input')).toEqual(['invalid-input']);
  });

  it('a case settled after the assessment instant is not due; a confirmation after it does not count', () => {
    expect(codes(withAgency(settled('2026-12-01T10:00:00+08:00')), 'agency-data-destruction')).toEqual([]);
    expect(codes(withAgency(settled('2026-10-01T10:00:00+08:00', '2026-12-01T10:00:00+08:00')), 'agency-data-destruction')).toEqual(['data-destruction-unconfirmed']);
  });

  it('applies to former agencies too: confidentiality outlives the agreement', () => {
    const agreements = single('2024-01-01T00:00:00+08:00', '2026-06-30T23:59:59+08:00');
    expect(codes(withAgency({ agreements, ...settled('2026-06-01T10:00:00+08:00') }), 'agency-data-destruction')).toEqual(['data-destruction-unconfirmed']);
  });
});
