import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import { AT, action, aiActor, codesOf, context } from '../support/fixtures.js';
import { withCollector } from '../support/who.js';

const rule = 'collector-training';
const by = (fields: Record<string, unknown>, at = AT) => checkAction(context(), action({ at, actor: withCollector(fields) }));

describe('collector-training', () => {
  it('allows a trained collector who signed the pledge and was assessed this year', () => {
    const d = by({});
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it('denies a collector without pre-job training, or trained only after the action', () => {
    expect(codesOf(by({ preJobTrainingPassedAt: undefined }), rule)).toEqual(['no-pre-job-training']);
    const later = by({ preJobTrainingPassedAt: '2026-11-30T10:00:01+08:00' });
    expect(codesOf(later, rule)).toEqual(['no-pre-job-training']);
    expect(later.violations[0]?.facts).toEqual({ preJobTrainingPassedAt: '2026-11-30T10:00:01+08:00' });
    expect(codesOf(by({ preJobTrainingPassedAt: AT, lastTrainingAssessedAt: AT, confidentialityPledgeSignedAt: AT }), rule)).toEqual([]);
  });

  it('denies a collector without a confidentiality pledge, or signed only after the action', () => {
    expect(codesOf(by({ confidentialityPledgeSignedAt: undefined }), rule)).toEqual(['no-confidentiality-pledge']);
    expect(codesOf(by({ confidentialityPledgeSignedAt: '2026-12-01T09:00:00+08:00' }), rule)).toEqual(['no-confidentiality-pledge']);
  });

  it('denies a collector without a training assessment, or assessed only after the action', () => {
    const none = by({ lastTrainingAssessedAt: undefined });
    expect(codesOf(none, rule)).toEqual(['no-training-assessment']);
    expect(none.violations[0]?.facts).toEqual({ lastTrainingAssessedAt: null });
    expect(codesOf(by({ lastTrainingAssessedAt: '2026-11-30T10:00:01+08:00' }), rule)).toEqual(['no-training-assessment']);
  });

  it('allows an assessment exactly 12 months before the action; denies 12 months and 1 second', () => {
    expect(codesOf(by({ lastTrainingAssessedAt: '2025-11-30T10:00:00+08:00' }), rule)).toEqual([]);
    const lapsed = by({ lastTrainingAssessedAt: '2025-11-30T09:59:59+08:00' });
    expect(codesOf(lapsed, rule)).toEqual(['training-assessment-lapsed']);
    expect(lapsed.violations[0]?.facts).toEqual({
      lastTrainingAssessedAt: '2025-11-30T09:59:59+08:00',
      cutoff: '2025-11-30T10:00:00+08:00',
      intervalMonths: 12,
    });
    expect(lapsed.violations[0]?.message.en).toContain('12 months');
  });

  it('counts calendar months on the debtor\'s calendar (31 March → 31 March a year before)', () => {
    const at = '2027-03-31T10:00:00+08:00';
    expect(codesOf(by({ lastTrainingAssessedAt: '2026-03-31T10:00:00+08:00' }, at), rule)).toEqual([]);
    expect(codesOf(by({ lastTrainingAssessedAt: '2026-03-31T09:59:59+08:00' }, at), rule)).toEqual(['training-assessment-lapsed']);
  });

  it('reports every missing step at once', () => {
    const d = by({ preJobTrainingPassedAt: undefined, confidentialityPledgeSignedAt: undefined, lastTrainingAssessedAt: undefined });
    expect(codesOf(d, rule)).toEqual(['no-pre-job-training', 'no-confidentiality-pledge', 'no-training-assessment']);
  });

  it('takes the interval from the limits, not from a constant', () => {
    const sixMonths = createGuard({ overlay: { trainingIntervalMonths: 6 } });
    const ctx = context();
    const act = action({ actor: withCollector({ lastTrainingAssessedAt: '2026-05-01T09:00:00+08:00' }) });
    expect(codesOf(checkAction(ctx, act), rule)).toEqual([]);
    const d = sixMonths.checkSync(ctx, act);
    expect(codesOf(d, rule)).toEqual(['training-assessment-lapsed']);
    expect(d.violations[0]?.facts).toMatchObject({ cutoff: '2026-05-30T10:00:00+08:00', intervalMonths: 6 });
  });

  it('does not apply to an AI actor', () => {
    expect(checkAction(context(), action({ actor: aiActor() })).evaluated).not.toContain(rule);
  });
});
