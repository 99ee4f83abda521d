/**
 * collection-hours: the default 08:00–22:00 window, read in the zone of the person approached. Plain data
 * for the RuleTester (collection-hours.test.ts) and for docs/rules/collection-hours.md (npm run docs:rules).
 */
import { action, context } from '../support/fixtures.js';
import type { InvalidCase, RuleTable } from '../support/rule-tester.js';

// 2026-11-30 is a Monday.
const at = (local: string, zone = '+08:00') => action({ at: `2026-11-30T${local}${zone}` });
const shanghai = (localTime: string) => ({ localTime, localDate: '2026-11-30', timeZone: 'Asia/Shanghai', windowStart: '08:00', windowEnd: '22:00' });
const london = context({ debtor: { id: 'D1', timeZone: 'Europe/London' } });
const newYorkContact = context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false }, contacts: [{ partyId: 'C1', timeZone: 'America/New_York' }] });
const toContactAt = (instant: string) => action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor', at: instant });
const lateWindow = context({ agreement: { ref: 'AGR-1', windows: [{ start: '22:30', end: '23:30' }] } });
const bounded = context({ agreement: { ref: 'AGR-1', windows: [{ start: '21:00', end: '23:30' }], validFrom: '2026-11-30T23:00:00+08:00', validUntil: '2026-12-01T23:00:00+08:00' } });
const outside = (facts: Record<string, unknown>) => [{ code: 'outside-default-window', facts, exact: true }];
const night = (name: string, local: string): InvalidCase => ({ name, context: context(), action: at(local), violations: outside(shanghai(local.slice(0, 5))), outcome: 'deny' });

export default {
  valid: [
    { name: 'Shanghai 08:00:00, the first minute of the window', context: context(), action: at('08:00:00'), outcome: 'allow', evaluated: true },
    { name: 'Shanghai 21:59:59, the last second of the window', context: context(), action: at('21:59:59'), outcome: 'allow', evaluated: true, doc: '21:59:59 in Shanghai is inside the window' },
    { name: 'Shanghai 12:00:00', context: context(), action: at('12:00:00'), outcome: 'allow', evaluated: true },
    { name: "London debtor at 21:59:59 London time (05:59 in Shanghai): the debtor's zone counts", context: london, action: action({ at: '2026-11-30T21:59:59Z' }), outcome: 'allow' },
    { name: "contact in New York at 10:00 Shanghai (21:00 New York): the contact's own zone counts", context: newYorkContact, action: toContactAt('2026-11-30T10:00:00+08:00') },
    {
      name: 'debtor at 23:00 under agreed windows in force: agreed-hours decides instead',
      context: context({ agreement: { ref: 'AGR-1', windows: [{ start: '22:30', end: '23:30' }] } }),
      action: at('23:00:00'),
      outcome: 'allow',
      evaluated: false,
    },
    { name: 'a guarantor in daytime under a late agreed window', context: lateWindow, action: action({ target: { role: 'guarantor', partyId: 'G1' }, at: '2026-11-30T10:00:00+08:00' }), evaluated: true },
  ],
  invalid: [
    night('Shanghai 07:59:59, one second before the window', '07:59:59'),
    night('Shanghai 22:00:00, the first second of the ban', '22:00:00'),
    night('Shanghai 00:00:00', '00:00:00'),
    night('Shanghai 23:59:59', '23:59:59'),
    { ...night('Shanghai 23:00 by voice, no agreement', '23:00:00'), doc: '23:00 in Shanghai, no agreement' },
    ...(['sms', 'im', 'email', 'letter'] as const).map((channel) => ({
      name: `Shanghai 23:00 by ${channel}: every channel`,
      context: context(),
      action: action({ channel, at: '2026-11-30T23:00:00+08:00' }),
      violations: outside(shanghai('23:00')),
    })),
    {
      name: "10:00 Shanghai is 02:00 for a debtor in London: the debtor's zone, not the instant's offset",
      context: london,
      action: at('10:00:00'),
      violations: outside({ localTime: '02:00', localDate: '2026-11-30', timeZone: 'Europe/London', windowStart: '08:00', windowEnd: '22:00' }),
    },
    { name: 'London debtor at 22:00:00 London time', context: london, action: action({ at: '2026-11-30T22:00:00Z' }), violations: outside({ localTime: '22:00', localDate: '2026-11-30', timeZone: 'Europe/London', windowStart: '08:00', windowEnd: '22:00' }) },
    {
      name: 'contact in New York at 11:00 Shanghai (22:00 New York)',
      context: newYorkContact,
      action: toContactAt('2026-11-30T11:00:00+08:00'),
      violations: outside({ localTime: '22:00', localDate: '2026-11-29', timeZone: 'America/New_York', windowStart: '08:00', windowEnd: '22:00' }),
    },
    {
      name: 'an agreement without windows leaves the default window in place',
      context: context({ agreement: { ref: 'AGR-1', voiceDailyCap: 2 } }),
      action: at('23:00:00'),
      violations: outside(shanghai('23:00')),
    },
    { name: 'an empty windows list leaves the default window in place', context: context({ agreement: { ref: 'AGR-1', windows: [] } }), action: at('23:00:00'), violations: outside(shanghai('23:00')) },
    { name: 'one second before an agreement comes into force', context: bounded, action: at('22:59:59'), violations: outside(shanghai('22:59')) },
    {
      name: 'one second after an agreement ends',
      context: bounded,
      action: action({ at: '2026-12-01T23:00:01+08:00' }),
      violations: outside({ ...shanghai('23:00'), localDate: '2026-12-01' }),
    },
    {
      name: "a guarantor at 23:00 does not get the debtor's agreed window",
      context: lateWindow,
      action: action({ target: { role: 'guarantor', partyId: 'G1' }, at: '2026-11-30T23:00:00+08:00' }),
      violations: outside(shanghai('23:00')),
      outcome: 'deny',
    },
    {
      name: "a contact at 23:00 does not get the debtor's agreed window",
      context: context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false }, agreement: { ref: 'AGR-1', windows: [{ start: '22:30', end: '23:30' }] } }),
      action: toContactAt('2026-11-30T23:00:00+08:00'),
      violations: outside(shanghai('23:00')),
    },
  ],
} satisfies RuleTable;
