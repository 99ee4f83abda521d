import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import { AT, action, aiActor, agencyOrganization, codesOf, context } from '../support/fixtures.js';
import { agencyActor } from '../support/who.js';

const rule = 'agency-authorization';
const by = (fields: Record<string, unknown>) => checkAction(context(), action({ actor: agencyActor(fields) }));
const agreement = (validFrom?: string, validUntil?: string) => ({ ref: 'OA-1', ...(validFrom === undefined ? {} : { validFrom }), ...(validUntil === undefined ? {} : { validUntil }) });

describe('agency-authorization', () => {
  it('allows an agency under an agreement in force, evaluated this year, with the duties of an agency', () => {
    const d = by({});
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
    const duty = d.obligations.find((o) => o.rule === rule);
    expect(duty).toMatchObject({ code: 'agency-duties', clause: { clause: '5.4', topic: '第三方催收机构委托与评估' } });
    expect(duty?.message.en).toContain('lender');
    expect(duty?.message.en).toContain('records');
  });

  it('does not apply to the lender itself', () => {
    const d = checkAction(context(), action());
    expect(d.evaluated).not.toContain(rule);
    expect(d.obligations.map((o) => o.rule)).not.toContain(rule);
  });

  it('applies to an AI actor run by an agency too', () => {
    expect(checkAction(context(), action({ actor: aiActor({ organization: agencyOrganization() }) })).evaluated).toContain(rule);
    expect(codesOf(checkAction(context(), action({ actor: aiActor({ organization: { id: 'AG1', kind: 'agency' } }) })), rule)).toEqual([
      'no-outsourcing-agreement',
      'agency-not-evaluated',
    ]);
  });

  it('denies an agency without an outsourcing agreement', () => {
    const d = by({ outsourcingAgreement: undefined });
    expect(codesOf(d, rule)).toEqual(['no-outsourcing-agreement']);
    expect(d.obligations.map((o) => o.code)).not.toContain('agency-duties');
  });

  it('denies an agreement that ended one second before the action; allows one ending exactly at it', () => {
    const ended = by({ outsourcingAgreement: agreement('2026-01-01T00:00:00+08:00', '2026-11-30T09:59:59+08:00') });
    expect(codesOf(ended, rule)).toEqual(['outsourcing-expired']);
    expect(ended.violations[0]?.facts).toEqual({ validUntil: '2026-11-30T09:59:59+08:00' });
    expect(codesOf(by({ outsourcingAgreement: agreement('2026-01-01T00:00:00+08:00', AT) }), rule)).toEqual([]);
  });

  it('denies an agreement that starts after the action; allows one starting exactly at it', () => {
    expect(codesOf(by({ outsourcingAgreement: agreement('2026-11-30T10:00:01+08:00') }), rule)).toEqual(['outsourcing-not-yet-in-force']);
    expect(codesOf(by({ outsourcingAgreement: agreement(AT) }), rule)).toEqual([]);
    expect(codesOf(by({ outsourcingAgreement: agreement() }), rule)).toEqual([]);
  });

  it('denies an agency never evaluated, or evaluated only after the action', () => {
    const none = by({ lastEvaluatedAt: undefined });
    expect(codesOf(none, rule)).toEqual(['agency-not-evaluated']);
    expect(none.violations[0]?.facts).toEqual({ lastEvaluatedAt: null });
    expect(codesOf(by({ lastEvaluatedAt: '2026-11-30T10:00:01+08:00' }), rule)).toEqual(['agency-not-evaluated']);
    expect(codesOf(by({ lastEvaluatedAt: AT }), rule)).toEqual([]);
  });

  it('allows an evaluation exactly 12 months before the action; denies 12 months and 1 second', () => {
    expect(codesOf(by({ lastEvaluatedAt: '2025-11-30T10:00:00+08:00' }), rule)).toEqual([]);
    const lapsed = by({ lastEvaluatedAt: '2025-11-30T09:59:59+08:00' });
    expect(codesOf(lapsed, rule)).toEqual(['evaluation-lapsed']);
    expect(lapsed.violations[0]?.facts).toEqual({ lastEvaluatedAt: '2025-11-30T09:59:59+08:00', cutoff: '2025-11-30T10:00:00+08:00', intervalMonths: 12 });
  });

  it('reports the agreement and the evaluation at once', () => {
    expect(codesOf(by({ outsourcingAgreement: undefined, lastEvaluatedAt: '2024-01-01T00:00:00+08:00' }), rule)).toEqual(['no-outsourcing-agreement', 'evaluation-lapsed']);
  });

  it('takes the evaluation interval from the limits', () => {
    const sixMonths = createGuard({ overlay: { agencyEvaluationIntervalMonths: 6 } });
    const act = action({ actor: agencyActor({ lastEvaluatedAt: '2026-05-01T09:00:00+08:00' }) });
    expect(codesOf(checkAction(context(), act), rule)).toEqual([]);
    expect(codesOf(sixMonths.checkSync(context(), act), rule)).toEqual(['evaluation-lapsed']);
  });

  it('never puts the agency id or agreement ref in the decision', () => {
    const d = by({ id: 'AGENCY-SECRET', outsourcingAgreement: { ref: 'OA-SECRET', validUntil: '2026-01-01T00:00:00+08:00' } });
    expect(d.outcome).toBe('deny');
    expect(JSON.stringify(d)).not.toContain('SECRET');
  });
});
