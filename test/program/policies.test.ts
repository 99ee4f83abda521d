import { describe, expect, it } from 'vitest';
import { YEAR_AGO, YEAR_AND_A_DAY_AGO, assess, clauseStatus, codes, graded, institution, only, policy } from './support.js';

const withPolicies = (...policies: ReturnType<typeof policy>[]) => assess(institution({ policies }));
const procedures = policy({ id: 'POL-2', kind: 'collection_procedures' });

describe('policies (5.1)', () => {
  it('passes with both required policies current', () => {
    expect(codes(withPolicies(policy(), procedures), 'policies')).toEqual([]);
  });

  it('a missing required policy is a violation, one per kind', () => {
    expect(graded(withPolicies(procedures), 'policies')).toEqual(['policy-missing:violation']);
    const none = withPolicies();
    expect(none.findings.filter((f) => f.check === 'policies').map((f) => f.facts.policyKind)).toEqual(['collection_management', 'collection_procedures']);
    expect(clauseStatus(none, '5.1')).toBe('findings');
  });

  it('an optional kind is not required, but is tracked for currency', () => {
    expect(codes(withPolicies(policy(), procedures, policy({ id: 'POL-3', kind: 'outsourcing_management' })), 'policies')).toEqual([]);
    const stale = withPolicies(policy(), procedures, policy({ id: 'POL-3', kind: 'complaint_handling', adoptedAt: '2022-01-01T00:00:00+08:00', lastReviewedAt: undefined }));
    expect(graded(stale, 'policies')).toEqual(['policy-stale:warning']);
  });

  it('reviewed exactly 12 months ago is current; 12 months and a day is stale (a warning)', () => {
    expect(codes(withPolicies(policy({ lastReviewedAt: YEAR_AGO }), procedures), 'policies')).toEqual([]);
    const stale = withPolicies(policy({ lastReviewedAt: YEAR_AND_A_DAY_AGO }), procedures);
    expect(only(stale, 'policies')).toMatchObject({
      code: 'policy-stale',
      severity: 'warning',
      subject: { kind: 'policy', id: 'POL-1' },
      facts: { policyId: 'POL-1', policyKind: 'collection_management', lastReviewedAt: YEAR_AND_A_DAY_AGO, reviewDueAt: '2026-11-29T10:00:00+08:00' },
    });
    expect(only(stale, 'policies').message.zh).toContain('贷后催收管理制度');
    expect(only(stale, 'policies').message.en).toContain('collection management policy');
  });

  it('the adoption date counts as the first review', () => {
    expect(codes(withPolicies(policy({ adoptedAt: '2026-02-01T00:00:00+08:00', lastReviewedAt: undefined }), procedures), 'policies')).toEqual([]);
    expect(codes(withPolicies(policy({ adoptedAt: '2025-02-01T00:00:00+08:00', lastReviewedAt: undefined }), procedures), 'policies')).toEqual(['policy-stale']);
  });

  it('a policy adopted after the assessment instant was not in force yet', () => {
    expect(codes(withPolicies(policy({ adoptedAt: '2026-12-01T00:00:00+08:00', lastReviewedAt: undefined }), procedures), 'policies')).toEqual(['policy-missing']);
    // A review dated after `at` had not happened: the adoption date decides.
    expect(codes(withPolicies(policy({ adoptedAt: '2024-01-01T00:00:00+08:00', lastReviewedAt: '2026-12-01T00:00:00+08:00' }), procedures), 'policies')).toEqual(['policy-stale']);
  });

  it('is not assessed without a policies section', () => {
    const { policies: _omit, ...rest } = institution();
    const result = assess(rest);
    expect(clauseStatus(result, '5.1')).toBe('not-assessed');
    expect(result.checks.find((c) => c.id === 'policies')?.status).toBe('not-assessed');
  });

  it('counts the 12 months on the assessment zone calendar (month-end clamps)', () => {
    // 2028-02-29 minus 12 months is 2027-02-28 (clamped).
    const at = '2028-02-29T12:00:00+08:00';
    const p = (reviewed: string) => assess(institution({ policies: [policy({ lastReviewedAt: reviewed }), procedures] }), { at }).findings.filter((f) => f.check === 'policies' && f.subject.id === 'POL-1').map((f) => f.code);
    expect(p('2027-02-28T12:00:00+08:00')).toEqual([]);
    expect(p('2027-02-28T11:59:59+08:00')).toEqual(['policy-stale']);
  });
});
