import { describe, expect, it } from 'vitest';
import { incidentDeadline, IncidentInputError, INCIDENT_REPORT_HOURS, REQUIRED_REPORT_FIELDS } from '../../src/program/index.js';
import { assess, clauseStatus, codes, graded, incident, institution, only } from './support.js';

const withIncident = (overrides: Parameters<typeof incident>[0], options: Parameters<typeof assess>[1] = {}) =>
  assess(institution({ incidents: [incident(overrides)] }), options);

const DISCOVERED = '2026-11-20T09:15:00+08:00';
const DEADLINE = '2026-11-22T09:15:00+08:00';

describe('incidentDeadline', () => {
  it.each(['regulatory_action', 'violent_collection', 'personal_information_breach', 'anti_collection_interference'] as const)(
    '%s: 48 hours after discovery, to the self-regulatory organisation, with four fields',
    (type) => {
      const d = incidentDeadline({ type, discoveredAt: DISCOVERED });
      expect(d).toMatchObject({ type, discoveredAt: DISCOVERED, deadline: DEADLINE, reportedAt: null, onTime: null, clause: { clause: '5.7' } });
      expect(d.requiredFields.map((f) => f.field)).toEqual(['cause', 'status', 'impact', 'measures']);
      for (const f of d.requiredFields) expect(f.zh && f.en).toBeTruthy();
      expect(d.recipient.zh).toContain('自律组织');
      expect(d.recipient.en).toContain('self-regulatory organisation');
      expect(d.typeLabel.zh).toBeTruthy();
    },
  );

  it('exactly 48 hours is on time; 48 hours and a second is late', () => {
    expect(incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED }, { reportedAt: DEADLINE }).onTime).toBe(true);
    expect(incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED }, { reportedAt: '2026-11-22T09:15:01+08:00' }).onTime).toBe(false);
    expect(incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED }, { reportedAt: DISCOVERED }).onTime).toBe(true);
  });

  it('compares instants, whatever offset each is written in', () => {
    expect(incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED }, { reportedAt: '2026-11-22T01:15:00Z' }).onTime).toBe(true);
    expect(incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED }, { reportedAt: '2026-11-22T01:15:00.001Z' }).onTime).toBe(false);
  });

  it('writes the deadline in the offset the discovery was written in', () => {
    expect(incidentDeadline({ type: 'regulatory_action', discoveredAt: '2026-11-20T01:15:00Z' }).deadline).toBe('2026-11-22T01:15:00Z');
    expect(incidentDeadline({ type: 'regulatory_action', discoveredAt: '2026-11-20T01:15:00.250+05:45' }).deadline).toBe('2026-11-22T01:15:00.250+05:45');
  });

  it('is 48 elapsed hours across a DST change', () => {
    // New York springs forward on 2026-03-08: 48 h after 01:30 EST on the 8th is 02:30 EDT on the 10th,
    // written in the discovery's own offset as 01:30-05:00.
    const d = incidentDeadline({ type: 'regulatory_action', discoveredAt: '2026-03-08T01:30:00-05:00' }, { reportedAt: '2026-03-10T02:30:00-04:00' });
    expect(d.deadline).toBe('2026-03-10T01:30:00-05:00');
    expect(d.onTime).toBe(true);
  });

  it("accepts an incident record, using its own reportedAt unless the option overrides it", () => {
    const record = incident({ discoveredAt: DISCOVERED, reportedAt: '2026-11-23T09:00:00+08:00' });
    expect(incidentDeadline(record)).toMatchObject({ reportedAt: '2026-11-23T09:00:00+08:00', onTime: false });
    expect(incidentDeadline(record, { reportedAt: '2026-11-21T09:00:00+08:00' })).toMatchObject({ reportedAt: '2026-11-21T09:00:00+08:00', onTime: true });
  });

  it('throws an IncidentInputError (a TypeError) naming each bad field', () => {
    const error = (fn: () => unknown): IncidentInputError => {
      try {
        fn();
      } catch (e) {
        expect(e).toBeInstanceOf(IncidentInputError);
        expect(e).toBeInstanceOf(TypeError);
        return e as IncidentInputError;
      }
      throw new Error('did not throw');
    };
    const bad = error(() => incidentDeadline({ type: 'fire', discoveredAt: '2026-11-20 09:15' } as never));
    expect(bad.problems.map((p) => p.path)).toEqual(['incident.type', 'incident.discoveredAt']);
    expect(bad.message).toContain('incident.discoveredAt');
    expect(bad.name).toBe('IncidentInputError');
    expect(error(() => incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED }, { reportedAt: 'soon' })).problems.map((p) => p.path)).toEqual(['options.reportedAt']);
    expect(error(() => incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED }, { reportedAt: '2026-11-19T09:00:00+08:00' })).problems).toEqual([
      { path: 'options.reportedAt', message: 'reportedAt is before discoveredAt', zh: '报告时间早于发现时间' },
    ]);
    expect(error(() => incidentDeadline({ type: 'violent_collection', discoveredAt: DISCOVERED, extra: 1 } as never)).problems.map((p) => p.path)).toEqual(['incident']);
    expect(error(() => incidentDeadline(null as never)).problems.map((p) => p.path)).toEqual(['incident']);
  });

  it('exports its constants', () => {
    expect(INCIDENT_REPORT_HOURS).toBe(48);
    expect(REQUIRED_REPORT_FIELDS).toEqual(['cause', 'status', 'impact', 'measures']);
  });
});

describe('incident-reporting (5.7)', () => {
  it('an incident reported on time with every field passes', () => {
    expect(codes(withIncident({}), 'incident-reporting')).toEqual([]);
  });

  it('reported exactly 48 hours after discovery is on time; a second later is a violation', () => {
    expect(codes(withIncident({ discoveredAt: DISCOVERED, reportedAt: DEADLINE }), 'incident-reporting')).toEqual([]);
    const f = only(withIncident({ discoveredAt: DISCOVERED, reportedAt: '2026-11-22T09:15:01+08:00' }), 'incident-reporting');
    expect(f).toMatchObject({
      code: 'reported-late',
      severity: 'violation',
      subject: { kind: 'incident', id: 'INC1' },
      facts: { incidentId: 'INC1', incidentType: 'anti_collection_interference', discoveredAt: DISCOVERED, deadline: DEADLINE, reportedAt: '2026-11-22T09:15:01+08:00' },
    });
    expect(f.message.zh).toContain('反催收');
  });

  it('not reported: a warning until the deadline (inclusive), a violation after it', () => {
    expect(graded(withIncident({ discoveredAt: DISCOVERED, reportedAt: undefined }, { at: '2026-11-21T10:00:00+08:00' }), 'incident-reporting')).toEqual(['report-due:warning']);
    expect(graded(withIncident({ discoveredAt: DISCOVERED, reportedAt: undefined }, { at: DEADLINE }), 'incident-reporting')).toEqual(['report-due:warning']);
    expect(graded(withIncident({ discoveredAt: DISCOVERED, reportedAt: undefined }, { at: '2026-11-22T09:15:01+08:00' }), 'incident-reporting')).toEqual(['report-overdue:violation']);
  });

  it('a report dated after the assessment instant had not been made', () => {
    expect(codes(withIncident({ discoveredAt: DISCOVERED, reportedAt: '2026-12-01T00:00:00+08:00' }), 'incident-reporting')).toEqual(['report-overdue']);
  });

  it('a report missing any required field is a violation once the deadline has passed', () => {
    const f = only(withIncident({ reportFields: ['cause', 'measures'] }), 'incident-reporting');
    expect(f).toMatchObject({ code: 'report-fields-missing', severity: 'violation', facts: { missingFields: ['status', 'impact'] } });
    expect(f.message.zh).toContain('事件进展、影响');
    expect(f.message.en).toContain('status, impact');
    // Both late and incomplete: two findings.
    expect(codes(withIncident({ discoveredAt: DISCOVERED, reportedAt: '2026-11-25T09:00:00+08:00', reportFields: [] }), 'incident-reporting')).toEqual(['reported-late', 'report-fields-missing']);
  });

  it('an incomplete report made within the 48 hours can still be completed: a warning until the deadline', () => {
    const early = { discoveredAt: DISCOVERED, reportedAt: '2026-11-21T09:00:00+08:00', reportFields: ['cause' as const] };
    expect(graded(withIncident(early, { at: '2026-11-21T12:00:00+08:00' }), 'incident-reporting')).toEqual(['report-fields-missing:warning']);
    expect(graded(withIncident(early), 'incident-reporting')).toEqual(['report-fields-missing:violation']);
  });

  it('an incident discovered after the assessment instant is not considered', () => {
    expect(codes(withIncident({ discoveredAt: '2026-12-01T00:00:00+08:00', reportedAt: undefined }), 'incident-reporting')).toEqual([]);
  });

  it('no incidents passes; no incidents section is not assessed', () => {
    expect(clauseStatus(assess(institution({ incidents: [] })), '5.7')).toBe('compliant');
    const { incidents: _omit, ...rest } = institution();
    expect(clauseStatus(assess(rest), '5.7')).toBe('not-assessed');
  });

  it('a report before the discovery is invalid input', () => {
    expect(codes(withIncident({ discoveredAt: DISCOVERED, reportedAt: '2026-11-19T00:00:00+08:00' }), 'invalid-input')).toEqual(['invalid-input']);
  });
});
