import { describe, expect, it } from 'vitest';
import { scenarios as contactCall } from '../examples/contact-call.js';
import { allowed, candidates, denied, results } from '../examples/dialer-precheck.js';

const summary = (d: { outcome: string; violations: { rule: string; code: string }[] }) => [d.outcome, d.violations.map((v) => `${v.rule}/${v.code}`)];

describe('examples/dialer-precheck.ts', () => {
  it('dials the compliant calls and holds back the others, each for its own reason', () => {
    expect(results.map((r) => r.label)).toEqual(candidates.map((c) => c.label));
    expect(results.map((r) => summary(r.decision))).toEqual([
      ['allow', []],
      ['allow', []],
      ['deny', ['collection-hours/outside-default-window']],
      ['deny', ['collector-training/training-assessment-lapsed']],
      ['deny', ['ai-fairness/no-human-handoff']],
      ['deny', ['agency-authorization/evaluation-lapsed']],
      ['deny', ['contact-precondition/debtor-reachable']],
      ['deny', ['debtor-only/third-party']],
    ]);
    expect(allowed).toHaveLength(2);
    expect(denied).toHaveLength(6);
  });
});

describe('examples/contact-call.ts', () => {
  it('allows locating the debtor through a contact, with the duty to say nothing of the debt', () => {
    const [locate] = contactCall;
    expect(locate?.decision.outcome).toBe('allow');
    expect(locate?.decision.obligations.map((o) => `${o.rule}/${o.code}`)).toEqual(['contact-disclosure/no-debt-disclosure', 'record-keeping/retain-records']);
  });

  it('denies a payment demand and any call after the opt-out; allows repayment information to a volunteer', () => {
    expect(contactCall.map((s) => summary(s.decision))).toEqual([
      ['allow', []],
      ['deny', ['contact-purpose/purpose-not-allowed']],
      ['deny', ['contact-opt-out/contact-opted-out']],
      ['allow', []],
    ]);
    expect(contactCall[3]?.decision.obligations.map((o) => o.code)).toContain('repayment-info-only');
  });
});
