/** guarantor-scope: a registered guarantor only within the guarantee (covers the debt, in force, within the cap). */
import { action, AT, context } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';
import { guarantorCase, toGuarantor } from '../support/who.js';

// The action is at AT = 2026-11-30T10:00:00+08:00; toGuarantor() demands 3000 yuan, guarantorCase() caps 5000.
export default {
  valid: [
    {
      name: 'covers the debt, in force, within the cap',
      context: guarantorCase({ validFrom: '2026-01-01T00:00:00+08:00', validUntil: '2027-01-01T00:00:00+08:00' }),
      action: toGuarantor(),
    },
    {
      name: 'ending exactly at the action, demanding exactly the cap',
      doc: 'the guarantee ends exactly at the action, and the amount is exactly the cap',
      context: guarantorCase({ validUntil: AT, liabilityCap: 5000 }),
      action: toGuarantor({ amountDemanded: 5000 }),
    },
    { name: 'a guarantee ending exactly at the action', context: guarantorCase({ validUntil: AT }), action: toGuarantor() },
    { name: 'a guarantee starting exactly at the action', context: guarantorCase({ validFrom: AT }), action: toGuarantor() },
    { name: 'missing validity bounds are open', context: guarantorCase({ validFrom: undefined, validUntil: undefined }), action: toGuarantor() },
    { name: 'an amount of exactly the cap', context: guarantorCase({ liabilityCap: 5000 }), action: toGuarantor({ amountDemanded: 5000 }) },
    { name: 'no amount demanded: nothing to compare', context: guarantorCase({ liabilityCap: 5000 }), action: toGuarantor({ amountDemanded: undefined }) },
    { name: 'no liability cap: nothing to compare', context: guarantorCase({ liabilityCap: undefined }), action: toGuarantor({ amountDemanded: 1e9 }) },
    { name: 'the debtor: the rule does not apply', context: context(), action: action({ amountDemanded: 1e9 }) },
    {
      name: 'an unregistered guarantor: no guarantee to check (debtor-only denies)',
      context: guarantorCase(),
      action: toGuarantor({ target: { role: 'guarantor', partyId: 'G9' } }),
    },
  ],
  invalid: [
    {
      name: 'a guarantee that does not cover this debt',
      context: guarantorCase({ coversDebt: false }),
      action: toGuarantor(),
      violations: [{ code: 'guarantee-not-covering-debt', facts: { coversDebt: false } }],
    },
    {
      name: 'a guarantee that ended one second before the action',
      context: guarantorCase({ validUntil: '2026-11-30T09:59:59+08:00' }),
      action: toGuarantor(),
      violations: [{ code: 'guarantee-expired', facts: { validUntil: '2026-11-30T09:59:59+08:00' } }],
    },
    {
      name: 'a guarantee that starts one second after the action',
      context: guarantorCase({ validFrom: '2026-11-30T10:00:01+08:00' }),
      action: toGuarantor(),
      violations: [{ code: 'guarantee-not-yet-in-force', facts: { validFrom: '2026-11-30T10:00:01+08:00' } }],
    },
    {
      name: 'an amount one cent above the cap',
      context: guarantorCase({ liabilityCap: 5000 }),
      action: toGuarantor({ amountDemanded: 5000.01 }),
      violations: [{ code: 'amount-over-cap', facts: { amountDemanded: 5000.01, liabilityCap: 5000 } }],
    },
    {
      name: 'ended one second before, and above the cap',
      doc: 'the guarantee ended one second before, and the amount is above the cap',
      context: guarantorCase({ validUntil: '2026-11-30T09:59:59+08:00', liabilityCap: 5000 }),
      action: toGuarantor({ amountDemanded: 6000 }),
      violations: [
        { code: 'guarantee-expired', facts: { validUntil: '2026-11-30T09:59:59+08:00' } },
        { code: 'amount-over-cap', facts: { amountDemanded: 6000, liabilityCap: 5000 } },
      ],
    },
    {
      name: 'every failure of the guarantee at once',
      context: guarantorCase({ coversDebt: false, validUntil: '2026-01-01T00:00:00+08:00', liabilityCap: 100 }),
      action: toGuarantor({ amountDemanded: 3000 }),
      violations: [
        { code: 'guarantee-not-covering-debt', facts: { coversDebt: false } },
        { code: 'guarantee-expired', facts: { validUntil: '2026-01-01T00:00:00+08:00' } },
        { code: 'amount-over-cap', facts: { amountDemanded: 3000, liabilityCap: 100 } },
      ],
    },
    {
      name: "the guarantee's instants in the guarantor's own zone (London)",
      context: guarantorCase({ timeZone: 'Europe/London', validUntil: '2026-11-30T01:00:00Z' }),
      action: toGuarantor(),
      violations: [{ code: 'guarantee-expired', facts: { validUntil: '2026-11-30T01:00:00+00:00' } }],
    },
  ],
} satisfies RuleTable;
