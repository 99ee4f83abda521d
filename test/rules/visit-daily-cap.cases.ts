/** visit-daily-cap: at most 1 visit to the debtor a local day (the debtor's zone), whatever its outcome, by any organisation. */
import type { ContextInput } from '../../src/index.js';
import { action, context, past, visitAction } from '../support/fixtures.js';
import type { InvalidCase, RuleTable } from '../support/rule-tester.js';

type Entry = NonNullable<ContextInput['history']>[number];
const withHistory = (history: Entry[], overrides: Partial<ContextInput> = {}) => context({ history, ...overrides });
const visitedAt = (at: string, outcome = 'completed') => withHistory([past('visit', at, outcome)]);
const SHANGHAI_REACHED = [{ code: 'cap-reached', facts: { count: 1, cap: 1, localDate: '2026-11-30', timeZone: 'Asia/Shanghai' } }];
const newYork = (at: string) => withHistory([past('visit', at, 'completed')], { debtor: { id: 'D1', timeZone: 'America/New_York' } });
const visitNewYork = visitAction({ at: '2026-11-30T10:00:00-05:00' });
const EARLIER = '2026-11-30T08:30:00+08:00';

// visitAction() is at 10:00 Shanghai on 2026-11-30.
export default {
  valid: [
    { name: 'the first visit of the local day', context: withHistory([]), action: visitAction() },
    { name: 'an earlier visit yesterday afternoon', context: visitedAt('2026-11-29T15:00:00+08:00'), action: visitAction() },
    {
      name: 'an earlier visit at 23:59:59 yesterday',
      doc: 'the earlier visit was on the previous local day',
      context: visitedAt('2026-11-29T23:59:59+08:00'),
      action: visitAction(),
    },
    { name: 'an earlier visit at 23:59:59 yesterday, written in UTC', context: visitedAt('2026-11-29T15:59:59Z'), action: visitAction() },
    // 2026-11-30T04:00Z is 23:00 on 11-29 in New York: the previous local day.
    { name: "New York debtor: 23:00 the day before in the debtor's zone, though the same UTC day", context: newYork('2026-11-30T04:00:00Z'), action: visitNewYork },
    {
      name: 'a debtor recorded in Urumqi is judged at Beijing time: 23:59:59 Beijing is the day before',
      context: withHistory([past('visit', '2026-11-29T15:59:59Z', 'completed')], { debtor: { id: 'D1', timeZone: 'Asia/Urumqi' } }),
      action: visitAction(),
    },
    {
      name: 'only visits to the debtor count',
      context: withHistory([
        past('visit', EARLIER, 'completed', 'guarantor', 'G1'),
        past('visit', '2026-11-30T09:00:00+08:00', 'completed', 'contact', 'C1'),
        past('voice', '2026-11-30T09:10:00+08:00', 'connected'),
        past('letter', '2026-11-30T09:20:00+08:00', 'delivered'),
      ]),
      action: visitAction(),
    },
    { name: 'a visit to a guarantor: the rule does not apply', context: visitedAt(EARLIER), action: visitAction({ target: { role: 'guarantor', partyId: 'G1' } }) },
    { name: 'a call after a visit: the rule does not apply', context: visitedAt(EARLIER), action: action() },
  ],
  invalid: [
    ...['connected', 'completed', 'failed', 'delivered'].map((outcome): InvalidCase => ({
      name: `an earlier visit that day with outcome ${outcome}`,
      context: visitedAt(EARLIER, outcome),
      action: visitAction(),
      violations: SHANGHAI_REACHED,
    })),
    {
      name: 'an earlier visit that day with outcome not_connected',
      doc: 'an earlier visit the same local day, even though nobody was met',
      context: visitedAt(EARLIER, 'not_connected'),
      action: visitAction(),
      violations: SHANGHAI_REACHED,
    },
    { name: 'an earlier visit at 00:00:00 today', context: visitedAt('2026-11-30T00:00:00+08:00'), action: visitAction(), violations: SHANGHAI_REACHED },
    { name: 'an earlier visit at 00:00:00 today, written in UTC', context: visitedAt('2026-11-29T16:00:00Z'), action: visitAction(), violations: SHANGHAI_REACHED },
    {
      name: 'two earlier visits that day: the count says two',
      context: withHistory([past('visit', '2026-11-30T08:00:00+08:00', 'completed'), past('visit', '2026-11-30T09:00:00+08:00', 'not_connected')]),
      action: visitAction(),
      violations: [{ code: 'cap-reached', facts: { count: 2, cap: 1 } }],
    },
    // 2026-11-30T05:00Z is 00:00 on 11-30 in New York.
    {
      name: "New York debtor: 00:00 the same day in the debtor's zone",
      context: newYork('2026-11-30T05:00:00Z'),
      action: visitNewYork,
      violations: [{ code: 'cap-reached', facts: { count: 1, cap: 1, localDate: '2026-11-30', timeZone: 'America/New_York' } }],
    },
    {
      name: 'a debtor recorded in Urumqi is judged at Beijing time: 00:30 Beijing is the same day',
      context: withHistory([past('visit', '2026-11-29T16:30:00Z', 'completed')], { debtor: { id: 'D1', timeZone: 'Asia/Urumqi' } }),
      action: visitAction(),
      violations: SHANGHAI_REACHED,
    },
    {
      name: 'a visit by another organisation counts',
      context: withHistory([{ ...past('visit', EARLIER, 'completed'), organizationId: 'AG9' } as Entry]),
      action: visitAction(),
      violations: SHANGHAI_REACHED,
    },
  ],
} satisfies RuleTable;
