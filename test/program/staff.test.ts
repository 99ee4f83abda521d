import { describe, expect, it } from 'vitest';
import { YEAR_AGO, YEAR_AND_A_DAY_AGO, assess, clauseStatus, codes, graded, institution, only, staffMember } from './support.js';

type Overrides = Parameters<typeof staffMember>[0];
const withStaff = (...staff: Overrides[]) => assess(institution({ staff: staff.map((s, i) => staffMember({ id: `E${i + 1}`, ...s })) }));

describe('collection-department (5.2)', () => {
  const dept = (exists: boolean, dedicated: boolean) => graded(assess(institution({ collectionDepartment: { exists, dedicated } })), 'collection-department');
  it('a dedicated department passes', () => expect(dept(true, true)).toEqual([]));
  it('no department is a violation', () => expect(dept(false, false)).toEqual(['department-missing:violation']));
  it('a department that is not dedicated is a violation', () => expect(dept(true, false)).toEqual(['department-not-dedicated:violation']));
});

describe('staff-screening (5.2)', () => {
  it('a screened, clean active collector passes', () => {
    expect(codes(withStaff({}), 'staff-screening')).toEqual([]);
  });

  it('a violent-crime record or serious bad credit on active staff is a violation each', () => {
    expect(graded(withStaff({ screening: { violentCrimeRecord: true, seriousBadCredit: false } }), 'staff-screening')).toEqual(['violent-crime-record:violation']);
    expect(graded(withStaff({ screening: { violentCrimeRecord: false, seriousBadCredit: true } }), 'staff-screening')).toEqual(['serious-bad-credit:violation']);
    expect(codes(withStaff({ screening: { violentCrimeRecord: true, seriousBadCredit: true } }), 'staff-screening')).toEqual(['violent-crime-record', 'serious-bad-credit']);
  });

  it('no screening record on active staff is a violation', () => {
    expect(graded(withStaff({ screening: undefined }), 'staff-screening')).toEqual(['screening-missing:violation']);
    expect(codes(withStaff({ screening: { violentCrimeRecord: false, seriousBadCredit: false, checkedAt: '2026-12-01T00:00:00+08:00' } }), 'staff-screening')).toEqual(['screening-missing']);
  });

  it('does not apply to staff moved out of collection or dismissed', () => {
    for (const status of ['reassigned', 'dismissed'] as const) {
      expect(codes(withStaff({ status, screening: { violentCrimeRecord: true, seriousBadCredit: true } }), 'staff-screening')).toEqual([]);
    }
  });
});

describe('staff-training (5.2)', () => {
  it('trained, pledged and assessed within 12 months passes', () => {
    expect(codes(withStaff({}), 'staff-training')).toEqual([]);
  });

  it('no pre-job training or no pledge is a violation each', () => {
    expect(graded(withStaff({ preJobTrainingPassedAt: undefined }), 'staff-training')).toEqual(['pre-job-training-missing:violation']);
    expect(graded(withStaff({ confidentialityPledgeSignedAt: undefined }), 'staff-training')).toEqual(['pledge-missing:violation']);
    expect(codes(withStaff({ preJobTrainingPassedAt: undefined, confidentialityPledgeSignedAt: undefined, lastTrainingAssessedAt: undefined }), 'staff-training')).toEqual([
      'pre-job-training-missing',
      'pledge-missing',
    ]);
  });

  it('last assessment exactly 12 months ago passes; 12 months and a day is a violation', () => {
    const old = { preJobTrainingPassedAt: '2024-05-01T09:00:00+08:00', confidentialityPledgeSignedAt: '2024-05-01T09:00:00+08:00' };
    expect(codes(withStaff({ ...old, lastTrainingAssessedAt: YEAR_AGO }), 'staff-training')).toEqual([]);
    const late = withStaff({ ...old, lastTrainingAssessedAt: YEAR_AND_A_DAY_AGO });
    expect(only(late, 'staff-training')).toMatchObject({
      code: 'training-overdue',
      severity: 'violation',
      subject: { kind: 'staff', id: 'E1' },
      facts: { staffId: 'E1', lastAssessedAt: YEAR_AND_A_DAY_AGO, dueAt: '2026-11-29T10:00:00+08:00' },
    });
    // One second past the 12 months is already late.
    expect(codes(withStaff({ ...old, lastTrainingAssessedAt: '2025-11-30T09:59:59+08:00' }), 'staff-training')).toEqual(['training-overdue']);
  });

  it('the pre-job training starts the yearly clock', () => {
    expect(codes(withStaff({ preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00', lastTrainingAssessedAt: undefined }), 'staff-training')).toEqual([]);
    expect(codes(withStaff({ preJobTrainingPassedAt: '2025-01-05T09:00:00+08:00', lastTrainingAssessedAt: undefined }), 'staff-training')).toEqual(['training-overdue']);
  });

  it('a training dated after the assessment instant had not taken place', () => {
    expect(codes(withStaff({ preJobTrainingPassedAt: '2026-12-01T09:00:00+08:00', lastTrainingAssessedAt: undefined }), 'staff-training')).toEqual(['pre-job-training-missing']);
  });

  it('does not apply to staff no longer in collection', () => {
    expect(codes(withStaff({ status: 'reassigned', preJobTrainingPassedAt: undefined, confidentialityPledgeSignedAt: undefined }), 'staff-training')).toEqual([]);
  });
});

describe('staff-conduct (5.2)', () => {
  it('no flag passes, whatever the status', () => {
    for (const status of ['active', 'reassigned', 'dismissed'] as const) expect(codes(withStaff({ status }), 'staff-conduct')).toEqual([]);
  });

  it("'unfit' staff still active is a violation; moved out or dismissed passes", () => {
    expect(graded(withStaff({ conductFlag: 'unfit' }), 'staff-conduct')).toEqual(['flagged-staff-active:violation']);
    expect(codes(withStaff({ conductFlag: 'unfit', status: 'reassigned' }), 'staff-conduct')).toEqual([]);
    expect(codes(withStaff({ conductFlag: 'unfit', status: 'dismissed' }), 'staff-conduct')).toEqual([]);
  });

  it("'serious_offence' must be dismissed and reported", () => {
    const reported = '2026-10-01T09:00:00+08:00';
    expect(codes(withStaff({ conductFlag: 'serious_offence', status: 'dismissed', reportedToSelfRegulatorAt: reported }), 'staff-conduct')).toEqual([]);
    expect(codes(withStaff({ conductFlag: 'serious_offence', status: 'dismissed' }), 'staff-conduct')).toEqual(['serious-offence-not-reported']);
    expect(codes(withStaff({ conductFlag: 'serious_offence', status: 'reassigned', reportedToSelfRegulatorAt: reported }), 'staff-conduct')).toEqual(['serious-offender-not-dismissed']);
    expect(graded(withStaff({ conductFlag: 'serious_offence', status: 'active' }), 'staff-conduct')).toEqual([
      'flagged-staff-active:violation',
      'serious-offender-not-dismissed:violation',
      'serious-offence-not-reported:violation',
    ]);
    // A report dated after the assessment instant had not been made.
    expect(codes(withStaff({ conductFlag: 'serious_offence', status: 'dismissed', reportedToSelfRegulatorAt: '2026-12-01T00:00:00+08:00' }), 'staff-conduct')).toEqual(['serious-offence-not-reported']);
  });

  it('messages show the flag and status in words', () => {
    const f = only(withStaff({ conductFlag: 'unfit' }), 'staff-conduct');
    expect(f.message.zh).toContain('不适宜从事催收');
    expect(f.message.en).toContain('unfit for collection');
    expect(f.facts).toEqual({ staffId: 'E1', conductFlag: 'unfit' });
  });

  it('reports each staff member separately, in input order', () => {
    const result = withStaff({}, { conductFlag: 'unfit' }, { preJobTrainingPassedAt: undefined });
    expect(result.findings.map((f) => [f.check, f.subject.id])).toEqual([
      ['staff-training', 'E3'],
      ['staff-conduct', 'E2'],
    ]);
  });

  it('an empty staff list is assessed and passes; no staff section is not assessed', () => {
    expect(clauseStatus(assess(institution({ staff: [] })), '5.2')).toBe('compliant');
    const { staff: _omit, ...rest } = institution();
    const result = assess(rest);
    expect(result.clauses.find((c) => c.clause === '5.2')?.notAssessed).toEqual(['staff-screening', 'staff-training', 'staff-conduct']);
  });
});

describe('performance-pay (5.2)', () => {
  const pay = (weights: Partial<Record<'recoveredAmount' | 'effectiveness' | 'compliance' | 'informationSecurity' | 'complaints' | 'other', number>>, penalties: boolean | 'unstated' = true) =>
    assess(institution({ performancePay: { weights: { recoveredAmount: 0, effectiveness: 0, compliance: 0, informationSecurity: 0, complaints: 0, ...weights }, ...(penalties === 'unstated' ? {} : { penalties }) } }));

  it('every dimension weighed, recovery at most half, with penalties: passes', () => {
    expect(codes(pay({ recoveredAmount: 25, effectiveness: 25, compliance: 20, informationSecurity: 15, complaints: 15 }), 'performance-pay')).toEqual([]);
    // Effectiveness may be weighed through either recovery metric.
    expect(codes(pay({ effectiveness: 40, compliance: 20, informationSecurity: 20, complaints: 20 }), 'performance-pay')).toEqual([]);
  });

  it('issue 14: 99 % recovery + 1 % complaints no longer passes: dimensions missing and recovery dominates', () => {
    const result = pay({ recoveredAmount: 99, complaints: 1 });
    expect(graded(result, 'performance-pay')).toEqual(['dimension-not-weighted:violation', 'recovery-dominates:warning']);
    expect(result.findings.find((f) => f.code === 'dimension-not-weighted')?.facts.missing).toEqual(['compliance', 'informationSecurity']);
    expect(result.findings.find((f) => f.code === 'recovery-dominates')?.facts).toMatchObject({ recoveryPercent: 99, thresholdPercent: 50 });
  });

  it('each of the four dimensions needs a real weight', () => {
    const all = { recoveredAmount: 20, effectiveness: 10, compliance: 30, informationSecurity: 20, complaints: 20 };
    for (const [dimension, zeroed] of [['compliance', { compliance: 0 }], ['informationSecurity', { informationSecurity: 0 }], ['complaints', { complaints: 0 }], ['effectiveness', { recoveredAmount: 0, effectiveness: 0 }]] as const) {
      const result = pay({ ...all, ...zeroed });
      expect(codes(result, 'performance-pay'), dimension).toEqual(['dimension-not-weighted']);
      expect(result.findings[0]?.facts.missing ?? result.findings.find((f) => f.code === 'dimension-not-weighted')?.facts.missing).toEqual([dimension]);
    }
  });

  it('recovery at exactly half passes; above half is a warning', () => {
    expect(codes(pay({ recoveredAmount: 50, compliance: 20, informationSecurity: 15, complaints: 15 }), 'performance-pay')).toEqual([]);
    expect(graded(pay({ recoveredAmount: 51, compliance: 19, informationSecurity: 15, complaints: 15 }), 'performance-pay')).toEqual(['recovery-dominates:warning']);
  });

  it('a scheme without penalties, or not saying, is flagged (综合奖惩体系)', () => {
    const weights = { recoveredAmount: 30, compliance: 30, informationSecurity: 20, complaints: 20 };
    expect(graded(pay(weights, false), 'performance-pay')).toEqual(['no-penalties:warning']);
    expect(graded(pay(weights, 'unstated'), 'performance-pay')).toEqual(['no-penalties:warning']);
    expect(codes(pay(weights, true), 'performance-pay')).toEqual([]);
  });

  it('recovered amount as the only weight is a violation', () => {
    const f = pay({ recoveredAmount: 100 }).findings.filter((x) => x.check === 'performance-pay')[0];
    expect(f).toMatchObject({ code: 'recovered-amount-only', severity: 'violation', subject: { kind: 'institution', id: null }, facts: { weighted: ['recoveredAmount'] } });
    expect(f?.message.zh).toContain('回款金额');
  });

  it('compliance, information security and complaints all at zero is a violation even with other metrics', () => {
    const f = pay({ recoveredAmount: 60, effectiveness: 30, other: 10 }).findings.find((x) => x.code === 'recovered-amount-only');
    expect(f?.facts.weighted).toEqual(['recoveredAmount', 'effectiveness', 'other']);
    expect(f?.message.en).toContain('recovered amount, effectiveness, other metrics');
  });
});

describe('performance-pay facts', () => {
  it('lists the weights given, and nothing undefined', () => {
    const result = assess(institution({ performancePay: { weights: { recoveredAmount: 100, effectiveness: 0, compliance: 0, informationSecurity: 0, complaints: 0, other: undefined }, penalties: true } }));
    expect(result.findings.find((f) => f.code === 'recovered-amount-only')?.facts.weights).toEqual({ recoveredAmount: 100, effectiveness: 0, compliance: 0, informationSecurity: 0, complaints: 0 });
  });
});
