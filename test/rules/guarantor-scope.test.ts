import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { AT, action, codesOf, context } from '../support/fixtures.js';
import { guarantorCase, toGuarantor } from '../support/who.js';

const rule = 'guarantor-scope';

describe('guarantor-scope', () => {
  it('allows a registered guarantor whose guarantee covers the debt, is in force and has room', () => {
    const d = checkAction(guarantorCase({ validFrom: '2026-01-01T00:00:00+08:00', validUntil: '2027-01-01T00:00:00+08:00' }), toGuarantor());
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it('denies a guarantee that does not cover this debt', () => {
    const d = checkAction(guarantorCase({ coversDebt: false }), toGuarantor());
    expect(codesOf(d, rule)).toEqual(['guarantee-not-covering-debt']);
    expect(d.outcome).toBe('deny');
  });

  it('denies a guarantee that ended one second before the action; allows one ending exactly at it', () => {
    const ended = checkAction(guarantorCase({ validUntil: '2026-11-30T09:59:59+08:00' }), toGuarantor());
    expect(codesOf(ended, rule)).toEqual(['guarantee-expired']);
    expect(ended.violations[0]?.facts).toEqual({ validUntil: '2026-11-30T09:59:59+08:00' });
    expect(ended.violations[0]?.message.en).toContain('2026-11-30T09:59:59+08:00');
    expect(codesOf(checkAction(guarantorCase({ validUntil: AT }), toGuarantor()), rule)).toEqual([]);
  });

  it('denies a guarantee that starts one second after the action; allows one starting exactly at it', () => {
    expect(codesOf(checkAction(guarantorCase({ validFrom: '2026-11-30T10:00:01+08:00' }), toGuarantor()), rule)).toEqual(['guarantee-not-yet-in-force']);
    expect(codesOf(checkAction(guarantorCase({ validFrom: AT }), toGuarantor()), rule)).toEqual([]);
  });

  it('treats missing validity bounds as open', () => {
    expect(codesOf(checkAction(guarantorCase({ validFrom: undefined, validUntil: undefined }), toGuarantor()), rule)).toEqual([]);
  });

  it('denies an amount above the liability cap; the cap itself is allowed', () => {
    const over = checkAction(guarantorCase({ liabilityCap: 5000 }), toGuarantor({ amountDemanded: 5000.01 }));
    expect(codesOf(over, rule)).toEqual(['amount-over-cap']);
    expect(over.violations[0]?.facts).toEqual({ amountDemanded: 5000.01, liabilityCap: 5000 });
    expect(codesOf(checkAction(guarantorCase({ liabilityCap: 5000 }), toGuarantor({ amountDemanded: 5000 })), rule)).toEqual([]);
  });

  it('does not compare amounts when the amount or the cap is not given', () => {
    expect(codesOf(checkAction(guarantorCase({ liabilityCap: 5000 }), toGuarantor({ amountDemanded: undefined })), rule)).toEqual([]);
    expect(codesOf(checkAction(guarantorCase({ liabilityCap: undefined }), toGuarantor({ amountDemanded: 1e9 })), rule)).toEqual([]);
  });

  it('reports every failure of the guarantee at once', () => {
    const d = checkAction(guarantorCase({ coversDebt: false, validUntil: '2026-01-01T00:00:00+08:00', liabilityCap: 100 }), toGuarantor({ amountDemanded: 3000 }));
    expect(codesOf(d, rule)).toEqual(['guarantee-not-covering-debt', 'guarantee-expired', 'amount-over-cap']);
  });

  it("formats the guarantee's instants in the guarantor's own zone", () => {
    const d = checkAction(guarantorCase({ timeZone: 'Europe/London', validUntil: '2026-11-30T01:00:00Z' }), toGuarantor());
    expect(d.violations.find((v) => v.rule === rule)?.facts).toEqual({ validUntil: '2026-11-30T01:00:00+00:00' });
  });

  it('does not apply to the debtor or to an unregistered guarantor', () => {
    expect(checkAction(context(), action({ amountDemanded: 1e9 })).evaluated).not.toContain(rule);
    expect(checkAction(guarantorCase(), toGuarantor({ target: { role: 'guarantor', partyId: 'G9' } })).evaluated).not.toContain(rule);
  });
});
