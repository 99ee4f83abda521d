/**
 * record-keeping: never denies; an allowed action carries `retain-records` until the action + N years, on
 * the debtor's calendar and wall clock. A denied action (another rule) carries no such obligation.
 */
import type { ContextInput } from '../../src/index.js';
import { action, context, humanActor, visitAction } from '../support/fixtures.js';
import type { RuleTable, ValidCase } from '../support/rule-tester.js';

const inZone = (timeZone: string): ContextInput => context({ debtor: { id: 'D1', timeZone } });
/** A collector whose yearly training is current in 2028, so that an action in 2028 is allowed. */
const trainedIn2028 = humanActor({
  collector: {
    id: 'E1', violentCrimeRecord: false, seriousBadCredit: false,
    preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00', lastTrainingAssessedAt: '2028-01-10T09:00:00+08:00',
    confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00', standing: 'active',
  },
});
const retain = (retainUntil: string, years = 2) => [{ code: 'retain-records', facts: { retainUntil, years } }];
const kept = (name: string, ctx: ContextInput, at: string, retainUntil: string, actor = humanActor()): ValidCase => ({
  name,
  context: ctx,
  action: action({ at, actor }),
  obligations: retain(retainUntil),
});

export default {
  valid: [
    {
      name: 'an allowed action at 10:00 Shanghai: kept 2 years',
      doc: 'an allowed action, with its obligation',
      context: context(),
      action: action({ at: '2026-11-30T10:00:00+08:00' }),
      obligations: retain('2028-11-30T10:00:00+08:00'),
    },
    kept("Shanghai: written in UTC, answered in the debtor's offset", context(), '2026-11-30T02:00:00Z', '2028-11-30T10:00:00+08:00'),
    kept('Shanghai: fractions of a second are kept', context(), '2026-11-30T10:00:00.250+08:00', '2028-11-30T10:00:00.250+08:00'),
    kept('Shanghai: the last second before 22:00 on New Year\'s Eve', context(), '2026-12-31T21:59:59+08:00', '2028-12-31T21:59:59+08:00'),
    kept('a leap day is clamped to 28 February', context(), '2028-02-29T10:00:00+08:00', '2030-02-28T10:00:00+08:00', trainedIn2028),
    kept('28 February in a leap year', context(), '2028-02-28T10:00:00+08:00', '2030-02-28T10:00:00+08:00', trainedIn2028),
    kept('1 March in a leap year', context(), '2028-03-01T10:00:00+08:00', '2030-03-01T10:00:00+08:00', trainedIn2028),
    kept('New York in summer (EDT)', inZone('America/New_York'), '2026-07-15T10:00:00-04:00', '2028-07-15T10:00:00-04:00'),
    kept('New York, written in UTC', inZone('America/New_York'), '2026-07-15T14:00:00Z', '2028-07-15T10:00:00-04:00'),
    // 2026-11-02 is EST (-05:00); 2028-11-02 is still EDT (-04:00): same wall clock, that date's offset.
    kept('New York across a DST change: same wall clock, that date\'s offset', inZone('America/New_York'), '2026-11-02T10:00:00-05:00', '2028-11-02T10:00:00-04:00'),
    kept('London in winter (GMT)', inZone('Europe/London'), '2026-11-30T10:00:00Z', '2028-11-30T10:00:00+00:00'),
    kept('London in summer (BST)', inZone('Europe/London'), '2026-07-15T10:00:00+01:00', '2028-07-15T10:00:00+01:00'),
    { name: 'an sms carries it', context: context(), action: action({ channel: 'sms' }), obligations: retain('2028-11-30T10:00:00+08:00') },
    { name: 'a letter carries it', context: context(), action: action({ channel: 'letter' }), obligations: retain('2028-11-30T10:00:00+08:00') },
    { name: 'a visit carries it', context: context(), action: visitAction(), obligations: retain('2028-11-30T10:00:00+08:00') },
    {
      name: 'a call to a guarantor carries it',
      context: context(),
      action: action({ target: { role: 'guarantor', partyId: 'G1' } }),
      obligations: retain('2028-11-30T10:00:00+08:00'),
    },
    {
      name: 'an overlay keeping records 5 years',
      guard: { overlay: { recordRetentionYears: 5 } },
      context: context(),
      action: action(),
      obligations: retain('2031-11-30T10:00:00+08:00', 5),
    },
    {
      name: 'denied by collection-hours at 23:00: no obligation',
      doc: 'collection-hours denies at 23:00, so the decision carries no retain-records obligation',
      context: context(),
      action: action({ at: '2026-11-30T23:00:00+08:00' }),
      obligations: [],
    },
    { name: 'denied by lawful-conduct: no obligation', context: context(), action: action({ conduct: ['threat'] }), obligations: [] },
    {
      name: 'denied by visit-staffing: no obligation',
      context: context(),
      action: visitAction({ visit: { staffCount: 1, entersPrivateResidence: false, entersOfficeArea: false } }),
      obligations: [],
    },
  ],
  invalid: [],
} satisfies RuleTable;
