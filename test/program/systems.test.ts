import { describe, expect, it } from 'vitest';
import { AT, assess, clauseStatus, codes, graded, institution, only, system } from './support.js';

const withSystem = (overrides: Parameters<typeof system>[0]) => assess(institution({ systems: [system(overrides)] }));

describe('system-security (5.5)', () => {
  it('MLPS level 2 or 3 with a valid certificate, masking and encryption passes', () => {
    expect(codes(withSystem({}), 'system-security')).toEqual([]);
    expect(codes(withSystem({ mlpsLevel: 2 }), 'system-security')).toEqual([]);
  });

  it('MLPS level below 2 is a violation', () => {
    for (const mlpsLevel of [0, 1]) {
      const f = only(withSystem({ mlpsLevel }), 'system-security');
      expect(f).toMatchObject({ code: 'mlps-level-too-low', severity: 'violation', subject: { kind: 'system', id: 'CS1' }, facts: { systemId: 'CS1', mlpsLevel, minLevel: 2 } });
    }
  });

  it('a certificate is valid through its expiry instant; a second later it has expired', () => {
    expect(codes(withSystem({ certificateExpiresAt: AT }), 'system-security')).toEqual([]);
    const f = only(withSystem({ certificateExpiresAt: '2026-11-30T09:59:59+08:00' }), 'system-security');
    expect(f).toMatchObject({ code: 'mlps-certificate-expired', severity: 'violation', facts: { expiredAt: '2026-11-30T09:59:59+08:00' } });
  });

  it('no certificate on record is a violation', () => {
    expect(graded(withSystem({ certificateExpiresAt: undefined }), 'system-security')).toEqual(['mlps-certificate-missing:violation']);
  });

  it('masking off or encryption off is a violation each', () => {
    expect(graded(withSystem({ piiMasked: false }), 'system-security')).toEqual(['pii-not-masked:violation']);
    expect(graded(withSystem({ encryptedInTransit: false }), 'system-security')).toEqual(['not-encrypted-in-transit:violation']);
  });

  it('reports every problem of every system', () => {
    const result = assess(institution({ systems: [system(), system({ id: 'AI-VOICE', mlpsLevel: 1, certificateExpiresAt: undefined, piiMasked: false, encryptedInTransit: false })] }));
    expect(codes(result, 'system-security')).toEqual(['mlps-level-too-low', 'mlps-certificate-missing', 'pii-not-masked', 'not-encrypted-in-transit']);
    expect(result.findings.every((f) => f.subject.id === 'AI-VOICE')).toBe(true);
  });

  it('an empty system list is invalid (a lender collects through some system); none given is not assessed', () => {
    expect(codes(assess(institution({ systems: [] })), 'invalid-input')).toEqual(['invalid-input']);
    const { systems: _omit, ...rest } = institution();
    expect(assess(rest).clauses.find((c) => c.clause === '5.5')?.notAssessed).toEqual(['system-security']);
    expect(clauseStatus(assess(rest), '5.5')).toBe('not-assessed');
  });
});
