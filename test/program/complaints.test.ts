import { describe, expect, it } from 'vitest';
import { assess, clauseStatus, codes, complaints, graded, institution, only } from './support.js';

type Cases = NonNullable<Parameters<typeof complaints>[0]>['cases'];
const withCases = (cases: Cases, options: Parameters<typeof assess>[1] = {}, handlingTargetDays = 15) =>
  assess(institution({ complaints: complaints({ cases, handlingTargetDays }) }), options);

describe('complaint-channel (5.6)', () => {
  it('a channel passes; none is a violation', () => {
    expect(codes(assess(), 'complaint-channel')).toEqual([]);
    expect(graded(assess(institution({ complaints: complaints({ channels: [] }) })), 'complaint-channel')).toEqual(['no-complaint-channel:violation']);
  });

  it('is not assessed without a complaints section', () => {
    const { complaints: _omit, ...rest } = institution();
    expect(clauseStatus(assess(rest), '5.6')).toBe('not-assessed');
  });
});

describe('complaint-handling (5.6)', () => {
  it('resolved complaints and open ones within the target pass', () => {
    expect(codes(assess(), 'complaint-handling')).toEqual([]);
  });

  it('open exactly at the target passes; a second past it is a warning', () => {
    // Received 2026-11-15T10:00, target 15 days: due 2026-11-30T10:00 (the assessment instant).
    expect(codes(withCases([{ id: 'C1', receivedAt: '2026-11-15T10:00:00+08:00' }]), 'complaint-handling')).toEqual([]);
    const f = only(withCases([{ id: 'C1', receivedAt: '2026-11-15T09:59:59+08:00' }]), 'complaint-handling');
    expect(f).toMatchObject({
      code: 'complaint-overdue',
      severity: 'warning',
      subject: { kind: 'complaint', id: 'C1' },
      facts: { complaintId: 'C1', receivedAt: '2026-11-15T09:59:59+08:00', dueAt: '2026-11-30T09:59:59+08:00', handlingTargetDays: 15, daysOpen: 15 },
    });
  });

  it('a complaint resolved late is history, not an open complaint', () => {
    expect(codes(withCases([{ id: 'C1', receivedAt: '2026-01-01T10:00:00+08:00', resolvedAt: '2026-03-01T10:00:00+08:00' }]), 'complaint-handling')).toEqual([]);
  });

  it('as of the assessment instant: a later resolution leaves it open, a later receipt is not yet there', () => {
    expect(codes(withCases([{ id: 'C1', receivedAt: '2026-10-01T10:00:00+08:00', resolvedAt: '2026-12-05T10:00:00+08:00' }]), 'complaint-handling')).toEqual(['complaint-overdue']);
    expect(codes(withCases([{ id: 'C1', receivedAt: '2026-12-01T10:00:00+08:00' }]), 'complaint-handling')).toEqual([]);
  });

  it('counts calendar days on the assessment zone (a DST change does not move the due time)', () => {
    // New York: received 2026-03-01 12:00 EST; 15 calendar days later is 2026-03-16 12:00 EDT = 16:00Z,
    // whereas 15 × 24 h would be 17:00Z.
    const cases = [{ id: 'C1', receivedAt: '2026-03-01T12:00:00-05:00' }];
    const at = '2026-03-16T16:30:00Z';
    expect(codes(withCases(cases, { at, timeZone: 'America/New_York' }), 'complaint-handling')).toEqual(['complaint-overdue']);
    expect(codes(withCases(cases, { at, timeZone: 'UTC' }), 'complaint-handling')).toEqual([]);
    const f = only(withCases(cases, { at, timeZone: 'America/New_York' }), 'complaint-handling');
    expect(f.facts.dueAt).toBe('2026-03-16T12:00:00-04:00');
  });
});
