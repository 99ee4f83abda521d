import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { action, codesOf, context } from '../support/fixtures.js';
import { withAi } from '../support/who.js';

const rule = 'ai-fairness';
const by = (fields: Record<string, unknown>) => checkAction(context(), action({ actor: withAi(fields) }));
const LATER = '2026-11-30T10:00:01+08:00';

describe('ai-fairness', () => {
  it('allows a fully reviewed AI system with a path to a human', () => {
    const d = by({});
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
    expect(d.evaluated.filter((id) => id.startsWith('collector-'))).toEqual([]);
  });

  it('cites 5.3 and says the location is unconfirmed', () => {
    const d = by({ humanHandoff: false });
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.3' });
    expect(d.violations[0]?.clause.topic).toContain('未确认');
  });

  it.each([
    ['fairnessReviewedAt', 'fairness-not-reviewed'],
    ['reliabilityValidatedAt', 'reliability-not-validated'],
    ['securityAssessedAt', 'security-not-assessed'],
  ])('denies when %s is missing or after the action; allows exactly at it', (field, code) => {
    const missing = by({ [field]: undefined });
    expect(codesOf(missing, rule)).toEqual([code]);
    expect(missing.violations[0]?.facts).toEqual({ [field]: null });
    const later = by({ [field]: LATER });
    expect(codesOf(later, rule)).toEqual([code]);
    expect(later.violations[0]?.facts).toEqual({ [field]: LATER });
    expect(codesOf(by({ [field]: '2026-11-30T10:00:00+08:00' }), rule)).toEqual([]);
  });

  it('denies a system that uses protected attributes, or does not say', () => {
    expect(codesOf(by({ usesProtectedAttributes: true }), rule)).toEqual(['uses-protected-attributes']);
    expect(codesOf(by({ usesProtectedAttributes: undefined }), rule)).toEqual(['protected-attributes-not-attested']);
  });

  it('denies a system without a hand-off to a human, or that does not say', () => {
    expect(codesOf(by({ humanHandoff: false }), rule)).toEqual(['no-human-handoff']);
    expect(codesOf(by({ humanHandoff: undefined }), rule)).toEqual(['handoff-not-attested']);
  });

  it('reports every gap at once', () => {
    const d = checkAction(context(), action({ actor: { kind: 'ai', ai: { id: 'BOT1' }, organization: { id: 'ORG1', kind: 'lender' }, system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true } } }));
    expect(codesOf(d, rule)).toEqual([
      'fairness-not-reviewed',
      'protected-attributes-not-attested',
      'reliability-not-validated',
      'handoff-not-attested',
      'security-not-assessed',
    ]);
  });

  it('does not apply to a human collector', () => {
    expect(checkAction(context(), action()).evaluated).not.toContain(rule);
  });
});
