/**
 * Every finding's facts, exactly: the facts are part of the contract (each rule's doc lists them) and
 * what a compliance officer reads. Also the edges the per-rule tests leave implicit: which rules are
 * evaluated for whom, an unregistered contact, and which tightened limit a finding is attributed to.
 * (Written from mutation testing, docs/testing.md: each case here failed for some mutant.)
 */
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, type ActionInput, type ContextInput, type Decision } from '../../src/index.js';
import { action, aiActor, AT, context, visitAction } from '../support/fixtures.js';
import { agencyActor, guarantorCase, toContact, toGuarantor, unreachableDebtorCase, withAi, withCollector, withSystem } from '../support/who.js';

/** The facts of one rule's violations (or obligations), in order. */
function factsOf(decision: Decision, rule: string, kind: 'violations' | 'obligations' = 'violations'): { code: string; facts: unknown }[] {
  return decision[kind].filter((f) => f.rule === rule).map((f) => ({ code: f.code, facts: f.facts }));
}

const check = (c: ContextInput, a: ActionInput) => checkAction(c, a);

describe('findings carry exactly their facts', () => {
  it('guarantor-scope', () => {
    expect(factsOf(check(guarantorCase({ coversDebt: false }), toGuarantor()), 'guarantor-scope')).toEqual([{ code: 'guarantee-not-covering-debt', facts: { coversDebt: false } }]);
    expect(factsOf(check(guarantorCase({ validFrom: '2026-12-01T00:00:00+08:00' }), toGuarantor()), 'guarantor-scope')).toEqual([
      { code: 'guarantee-not-yet-in-force', facts: { validFrom: '2026-12-01T00:00:00+08:00' } },
    ]);
    expect(factsOf(check(guarantorCase({ validUntil: '2026-11-01T00:00:00Z' }), toGuarantor()), 'guarantor-scope')).toEqual([
      { code: 'guarantee-expired', facts: { validUntil: '2026-11-01T08:00:00+08:00' } },
    ]);
    expect(factsOf(check(guarantorCase(), toGuarantor({ amountDemanded: 5000.01 })), 'guarantor-scope')).toEqual([
      { code: 'amount-over-cap', facts: { amountDemanded: 5000.01, liabilityCap: 5000 } },
    ]);
    // A guarantor's own zone is where its instants are written.
    expect(factsOf(check(guarantorCase({ timeZone: 'UTC', validFrom: '2026-12-01T00:00:00+08:00' }), toGuarantor({ at: '2026-11-30T10:00:00Z' })), 'guarantor-scope')).toEqual([
      { code: 'guarantee-not-yet-in-force', facts: { validFrom: '2026-11-30T16:00:00+00:00' } },
    ]);
  });

  it('agency-authorization', () => {
    const agency = (fields: Record<string, unknown>) => check(context(), action({ actor: agencyActor(fields) }));
    expect(factsOf(agency({ outsourcingAgreement: undefined }), 'agency-authorization')).toEqual([{ code: 'no-outsourcing-agreement', facts: {} }]);
    expect(factsOf(agency({ outsourcingAgreement: { ref: 'OA-1', validFrom: '2026-12-01T00:00:00Z' } }), 'agency-authorization')).toEqual([
      { code: 'outsourcing-not-yet-in-force', facts: { validFrom: '2026-12-01T08:00:00+08:00' } },
    ]);
    expect(factsOf(agency({ outsourcingAgreement: { ref: 'OA-1', validUntil: '2026-11-30T09:59:59+08:00' } }), 'agency-authorization')).toEqual([
      { code: 'outsourcing-expired', facts: { validUntil: '2026-11-30T09:59:59+08:00' } },
    ]);
    expect(factsOf(agency({ lastEvaluatedAt: undefined }), 'agency-authorization')).toEqual([{ code: 'agency-not-evaluated', facts: { lastEvaluatedAt: null } }]);
    // An evaluation dated after the action is named, and does not count.
    expect(factsOf(agency({ lastEvaluatedAt: '2026-11-30T10:00:01+08:00' }), 'agency-authorization')).toEqual([
      { code: 'agency-not-evaluated', facts: { lastEvaluatedAt: '2026-11-30T10:00:01+08:00' } },
    ]);
    expect(factsOf(agency({ lastEvaluatedAt: '2025-11-30T09:59:59+08:00' }), 'agency-authorization')).toEqual([
      { code: 'evaluation-lapsed', facts: { lastEvaluatedAt: '2025-11-30T09:59:59+08:00', cutoff: '2025-11-30T10:00:00+08:00', intervalMonths: 12 } },
    ]);
    expect(factsOf(agency({}), 'agency-authorization', 'obligations')).toEqual([{ code: 'agency-duties', facts: {} }]);
  });

  it('ai-fairness', () => {
    const bot = (fields: Record<string, unknown>) => factsOf(check(context(), action({ actor: withAi(fields) })), 'ai-fairness');
    expect(bot({ usesProtectedAttributes: true })).toEqual([{ code: 'uses-protected-attributes', facts: { usesProtectedAttributes: true } }]);
    expect(bot({ usesProtectedAttributes: undefined })).toEqual([{ code: 'protected-attributes-not-attested', facts: { usesProtectedAttributes: null } }]);
    expect(bot({ humanHandoff: false })).toEqual([{ code: 'no-human-handoff', facts: { humanHandoff: false } }]);
    expect(bot({ humanHandoff: undefined })).toEqual([{ code: 'handoff-not-attested', facts: { humanHandoff: null } }]);
    expect(bot({ fairnessReviewedAt: undefined })).toEqual([{ code: 'fairness-not-reviewed', facts: { fairnessReviewedAt: null } }]);
    expect(bot({ fairnessReviewedAt: '2026-11-30T10:00:01+08:00' })).toEqual([{ code: 'fairness-not-reviewed', facts: { fairnessReviewedAt: '2026-11-30T10:00:01+08:00' } }]);
    expect(bot({ reliabilityValidatedAt: '2026-12-01T00:00:00Z' })).toEqual([{ code: 'reliability-not-validated', facts: { reliabilityValidatedAt: '2026-12-01T08:00:00+08:00' } }]);
    expect(bot({ securityAssessedAt: undefined })).toEqual([{ code: 'security-not-assessed', facts: { securityAssessedAt: null } }]);
    // At the very instant of the action a review counts as done.
    expect(bot({ fairnessReviewedAt: AT, reliabilityValidatedAt: AT, securityAssessedAt: AT })).toEqual([]);
  });

  it('collector-eligibility, collector-standing, collector-training', () => {
    const human = (fields: Record<string, unknown>, rule: string) => factsOf(check(context(), action({ actor: withCollector(fields) })), rule);
    expect(human({ violentCrimeRecord: true }, 'collector-eligibility')).toEqual([{ code: 'violent-crime-record', facts: { violentCrimeRecord: true } }]);
    expect(human({ seriousBadCredit: true }, 'collector-eligibility')).toEqual([{ code: 'serious-bad-credit', facts: { seriousBadCredit: true } }]);
    expect(human({ violentCrimeRecord: undefined, seriousBadCredit: undefined }, 'collector-eligibility')).toEqual([
      { code: 'screening-not-attested', facts: { unattested: ['violentCrimeRecord', 'seriousBadCredit'] } },
    ]);
    expect(human({ violentCrimeRecord: true, seriousBadCredit: undefined }, 'collector-eligibility').map((f) => f.code)).toEqual(['violent-crime-record', 'screening-not-attested']);
    expect(human({ standing: undefined }, 'collector-standing')).toEqual([{ code: 'standing-unknown', facts: { standing: null } }]);
    expect(human({ standing: 'dismissed' }, 'collector-standing')).toEqual([{ code: 'collector-not-active', facts: { standing: 'dismissed' } }]);
    expect(human({ confidentialityPledgeSignedAt: undefined }, 'collector-training')).toEqual([{ code: 'no-confidentiality-pledge', facts: { confidentialityPledgeSignedAt: null } }]);
    expect(human({ confidentialityPledgeSignedAt: '2026-11-30T10:00:01+08:00' }, 'collector-training')).toEqual([
      { code: 'no-confidentiality-pledge', facts: { confidentialityPledgeSignedAt: '2026-11-30T10:00:01+08:00' } },
    ]);
    expect(human({ preJobTrainingPassedAt: '2026-12-01T00:00:00+08:00' }, 'collector-training')).toEqual([
      { code: 'no-pre-job-training', facts: { preJobTrainingPassedAt: '2026-12-01T00:00:00+08:00' } },
    ]);
    expect(human({ lastTrainingAssessedAt: undefined }, 'collector-training')).toEqual([{ code: 'no-training-assessment', facts: { lastTrainingAssessedAt: null } }]);
  });

  it('system-security', () => {
    const sys = (fields: Record<string, unknown> | null) => factsOf(check(context(), action({ actor: withSystem(fields) })), 'system-security');
    expect(sys(null)).toEqual([{ code: 'not-attested', facts: {} }]);
    expect(sys({ mlpsLevel: 1 })).toEqual([{ code: 'mlps-below-minimum', facts: { mlpsLevel: 1, minMlpsLevel: 2 } }]);
    expect(sys({ mlpsLevel: 2 })).toEqual([]);
    expect(sys({ piiMasked: false })).toEqual([{ code: 'pii-not-masked', facts: { piiMasked: false } }]);
    expect(sys({ encryptedInTransit: false })).toEqual([{ code: 'not-encrypted-in-transit', facts: { encryptedInTransit: false } }]);
  });

  it('contact-purpose and contact-disclosure', () => {
    const lost = unreachableDebtorCase();
    expect(factsOf(check(lost, toContact({ purpose: undefined })), 'contact-purpose')).toEqual([
      { code: 'purpose-missing', facts: { purpose: null, allowed: ['locate_debtor', 'relay_message'] } },
    ]);
    expect(factsOf(check(lost, toContact({ purpose: 'reminder' })), 'contact-purpose')).toEqual([
      { code: 'purpose-not-allowed', facts: { purpose: 'reminder', allowed: ['locate_debtor', 'relay_message'] } },
    ]);
    expect(factsOf(check(lost, toContact({ purpose: 'repayment_info' })), 'contact-purpose')).toEqual([
      { code: 'repayment-not-volunteered', facts: { purpose: 'repayment_info', volunteered: false } },
    ]);
    // Repayment information to a contact who never volunteered is a disclosure like any other.
    expect(factsOf(check(lost, toContact({ purpose: 'repayment_info', disclosures: ['repayment_info'] })), 'contact-disclosure')).toEqual([
      { code: 'debt-disclosed', facts: { disclosures: ['repayment_info'] } },
    ]);
    const volunteer = unreachableDebtorCase({ volunteeredToRepayAt: AT });
    const repaying = check(volunteer, toContact({ purpose: 'repayment_info', disclosures: ['repayment_info', 'debt_amount'] }));
    expect(repaying.outcome).toBe('allow');
    expect(factsOf(repaying, 'contact-disclosure', 'obligations')).toEqual([{ code: 'repayment-info-only', facts: { volunteered: true } }]);
    expect(factsOf(check(volunteer, toContact()), 'contact-disclosure', 'obligations')).toEqual([{ code: 'no-debt-disclosure', facts: {} }]);
  });

  it('contact-opt-out and contact-precondition', () => {
    expect(factsOf(check(unreachableDebtorCase({ optedOutAt: '2026-11-29T16:00:00Z' }), toContact()), 'contact-opt-out')).toEqual([
      { code: 'contact-opted-out', facts: { optedOutAt: '2026-11-30T00:00:00+08:00' } },
    ]);
    expect(factsOf(check(context(), toContact()), 'contact-precondition')).toEqual([
      { code: 'debtor-reachable', facts: { debtorReachable: true, debtorDeceased: false, debtorLegalCapacity: 'full' } },
    ]);
  });

  it('visits, conduct, settlement, records', () => {
    expect(factsOf(check(context(), visitAction({ visit: { staffCount: 1, entersPrivateResidence: true, entersOfficeArea: true } })), 'visit-staffing')).toEqual([
      { code: 'too-few-staff', facts: { staffCount: 1, min: 2, max: 3 } },
    ]);
    expect(factsOf(check(context(), visitAction({ visit: { staffCount: 4, entersPrivateResidence: false, entersOfficeArea: false } })), 'visit-staffing')).toEqual([
      { code: 'too-many-staff', facts: { staffCount: 4, min: 2, max: 3 } },
    ]);
    expect(factsOf(check(context(), action({ conduct: ['threat', 'insult', 'threat'] })), 'lawful-conduct')).toEqual([{ code: 'prohibited-conduct', facts: { conduct: ['threat', 'insult'] } }]);
    const settled = check(context({ debt: { id: 'L1', status: 'settled', settledAt: AT } }), action());
    expect(factsOf(settled, 'settled-debt')).toEqual([{ code: 'debt-settled', facts: {} }]);
    expect(factsOf(settled, 'settled-debt', 'obligations')).toEqual([{ code: 'destroy-case-data', facts: {} }]);
    expect(factsOf(check(context(), action()), 'record-keeping', 'obligations')).toEqual([{ code: 'retain-records', facts: { retainUntil: '2028-11-30T10:00:00+08:00', years: 2 } }]);
  });
});

describe('an open validity is open at any instant, before 1970 too (instants before the epoch are negative)', () => {
  it('a guarantee and an outsourcing agreement without bounds', () => {
    const at = '1969-12-31T10:00:00+08:00';
    expect(factsOf(check(guarantorCase(), toGuarantor({ at })), 'guarantor-scope')).toEqual([]);
    const agreement = { outsourcingAgreement: { ref: 'OA-1' }, lastEvaluatedAt: '1969-12-01T00:00:00+08:00' };
    expect(factsOf(check(context(), action({ at, actor: agencyActor(agreement) })), 'agency-authorization')).toEqual([]);
  });
});

describe('who a rule is evaluated for', () => {
  it('contact rules only for contacts, guarantor-scope only for registered guarantors, actor rules only for their kind', () => {
    const debtorCall = check(context(), action()).evaluated;
    for (const id of ['contact-precondition', 'contact-purpose', 'contact-disclosure', 'contact-opt-out', 'guarantor-scope', 'agency-authorization', 'ai-fairness', 'agreed-hours', 'visit-daily-cap', 'visit-staffing', 'visit-premises', 'unanswered-attempts-cap']) {
      expect(debtorCall, id).not.toContain(id);
    }
    expect(check(guarantorCase(), toGuarantor()).evaluated).toContain('guarantor-scope');
    expect(check(context({ guarantors: [] }), toGuarantor()).evaluated).not.toContain('guarantor-scope');
    expect(check(context(), action({ actor: aiActor() })).evaluated.filter((id) => id.startsWith('collector-'))).toEqual([]);
  });

  it('an unregistered contact is judged by every contact rule without error, whatever the purpose', () => {
    for (const contacts of [[], undefined]) {
      const base = unreachableDebtorCase();
      const c: ContextInput = contacts === undefined ? (({ contacts: _none, ...rest }) => rest)(base) : { ...base, contacts };
      for (const purpose of ['repayment_info', 'locate_debtor', 'demand_payment'] as const) {
        const d = check(c, toContact({ target: { role: 'contact', partyId: 'C9' }, purpose, disclosures: ['debt_amount'] }));
        expect(d.violations.filter((v) => v.code === 'internal-error')).toEqual([]);
        expect(d.violations.map((v) => `${v.rule}/${v.code}`)).toEqual(
          ['debtor-only/unregistered-contact', ...(purpose === 'locate_debtor' ? [] : [`contact-purpose/${purpose === 'repayment_info' ? 'repayment-not-volunteered' : 'purpose-not-allowed'}`]), 'contact-disclosure/debt-disclosed'],
        );
        // No record, no opt-out to look up.
        expect(d.evaluated).not.toContain('contact-opt-out');
      }
    }
  });
});

describe('a finding caused by a tightened limit names it', () => {
  const limitsOf = (d: Decision, rule: string) => d.violations.filter((f) => f.rule === rule).map((f) => Object.keys(f.source?.limits ?? {}));

  it('collection-hours: windowStart and windowEnd', () => {
    expect(limitsOf(createGuard({ overlay: { windowEnd: '21:00' } }).checkSync(context(), action({ at: '2026-11-30T21:30:00+08:00' })), 'collection-hours')).toEqual([['windowEnd']]);
    expect(limitsOf(createGuard({ overlay: { windowStart: '09:00' } }).checkSync(context(), action({ at: '2026-11-30T08:30:00+08:00' })), 'collection-hours')).toEqual([['windowStart']]);
  });

  it('visit-daily-cap, visit-staffing', () => {
    const c = context({ history: [{ channel: 'visit', at: '2026-11-30T09:00:00+08:00', target: { role: 'debtor' }, outcome: 'completed' }] });
    expect(createGuard({ overlay: { visitDailyCap: 0 } }).checkSync(context(), visitAction()).violations.map((v) => [v.rule, Object.keys(v.source?.limits ?? {})])).toEqual([['visit-daily-cap', ['visitDailyCap']]]);
    expect(checkAction(c, visitAction()).violations.map((v) => v.source)).toEqual([undefined]);
    const staffed = createGuard({ overlay: { visitStaffMax: 2 } }).checkSync(context(), visitAction({ visit: { staffCount: 3, entersPrivateResidence: false, entersOfficeArea: false } }));
    expect(limitsOf(staffed, 'visit-staffing')).toEqual([['visitStaffMax']]);
    const three = createGuard({ overlay: { visitStaffMin: 3 } }).checkSync(context(), visitAction());
    expect(limitsOf(three, 'visit-staffing')).toEqual([['visitStaffMin']]);
  });
});
