/**
 * agreed-hours: windows agreed with the debtor replace the default window toward the debtor, in daytime
 * too. Plain data for the RuleTester (agreed-hours.test.ts) and docs/rules/agreed-hours.md (npm run docs:rules).
 */
import type { ContextInput } from '../../src/index.js';
import { action, context } from '../support/fixtures.js';
import type { ExpectedFinding, InvalidCase, RuleTable, ValidCase } from '../support/rule-tester.js';

type Agreement = NonNullable<ContextInput['agreement']>;
type Windows = NonNullable<Agreement['windows']>;

const agreed = (windows: Windows, extra: Partial<Agreement> = {}) => context({ agreement: { ref: 'AGR-1', windows, ...extra } });
// 2026-11-30 is a Monday; 2026-12-04 a Friday; 2026-12-05 a Saturday.
const shanghai = (date: string, local: string) => action({ at: `${date}T${local}+08:00` });
const outside = (facts?: Record<string, unknown>, exact = false): ExpectedFinding[] => [{ code: 'outside-agreed-window', ...(facts === undefined ? {} : { facts, exact }) }];

const lunch = agreed([{ start: '12:00', end: '13:30' }]);
const twoWindows = agreed([{ start: '12:00', end: '13:30' }, { start: '18:00', end: '19:00' }]);
const night = agreed([{ start: '22:00', end: '02:00' }]);
const weekdays = agreed([{ start: '12:00', end: '13:30', days: [1, 2, 3, 4, 5] }]);
const fridayNight = agreed([{ start: '22:00', end: '02:00', days: [5] }]);
const bounded = agreed([{ start: '21:00', end: '23:30' }], { validFrom: '2026-11-30T23:00:00+08:00', validUntil: '2026-12-01T23:00:00+08:00' });
const lateWindow = agreed([{ start: '22:30', end: '23:30' }]);
const newYork = context({ debtor: { id: 'D1', timeZone: 'America/New_York' }, agreement: { ref: 'AGR-1', windows: [{ start: '12:00', end: '13:30', days: [1, 2, 3, 4, 5] }] } });

/** A case at a Shanghai wall time: allowed inside the window, denied outside it. */
function at(name: string, ctx: ContextInput, date: string, local: string, allowed: boolean): ValidCase | InvalidCase {
  const base = { name, context: ctx, action: shanghai(date, local), outcome: allowed ? ('allow' as const) : ('deny' as const), evaluated: true };
  return allowed ? base : { ...base, violations: outside() };
}

const cases = [
  at('lunch window, Monday 11:59:59', lunch, '2026-11-30', '11:59:59', false),
  at('lunch window, Monday 12:00:00', lunch, '2026-11-30', '12:00:00', true),
  at('lunch window, Monday 13:29:59', lunch, '2026-11-30', '13:29:59', true),
  at('lunch window, Monday 13:30:00 (the end is exclusive)', lunch, '2026-11-30', '13:30:00', false),
  at('lunch window, Monday 16:00', lunch, '2026-11-30', '16:00:00', false),
  at('lunch window, Monday 23:00', lunch, '2026-11-30', '23:00:00', false),
  at('two windows, 18:30 in the second', twoWindows, '2026-11-30', '18:30:00', true),
  at('two windows, 12:30 in the first', twoWindows, '2026-11-30', '12:30:00', true),
  at('two windows, 15:00 in neither', twoWindows, '2026-11-30', '15:00:00', false),
  at('22:00–02:00, 21:59:59', night, '2026-11-30', '21:59:59', false),
  at('22:00–02:00, 22:00:00: night collection inside an agreed window', night, '2026-11-30', '22:00:00', true),
  at('22:00–02:00, 23:00', night, '2026-11-30', '23:00:00', true),
  at('22:00–02:00, 00:00', night, '2026-11-30', '00:00:00', true),
  at('22:00–02:00, 01:59:59', night, '2026-11-30', '01:59:59', true),
  at('22:00–02:00, 02:00:00', night, '2026-11-30', '02:00:00', false),
  at('22:00–02:00, 10:00', night, '2026-11-30', '10:00:00', false),
  at('weekday lunch window, Friday 12:00', weekdays, '2026-12-04', '12:00:00', true),
  at('Friday-night window 22:00–02:00, Friday 23:00', fridayNight, '2026-12-04', '23:00:00', true),
  at('Friday-night window 22:00–02:00, Saturday 00:00', fridayNight, '2026-12-05', '00:00:00', true),
  at('Friday-night window 22:00–02:00, Saturday 01:00', fridayNight, '2026-12-05', '01:00:00', true),
  at('Friday-night window 22:00–02:00, Saturday 01:59:59', fridayNight, '2026-12-05', '01:59:59', true),
  at('Friday-night window 22:00–02:00, Saturday 02:00', fridayNight, '2026-12-05', '02:00:00', false),
  at('Friday-night window 22:00–02:00, Friday 01:00 (the Thursday-night part)', fridayNight, '2026-12-04', '01:00:00', false),
  at('Friday-night window 22:00–02:00, Saturday 23:00 (a window starting on Saturday)', fridayNight, '2026-12-05', '23:00:00', false),
  at('Friday-night window 22:00–02:00, Thursday 23:00', fridayNight, '2026-12-03', '23:00:00', false),
  at('bounded agreement, exactly at validFrom', bounded, '2026-11-30', '23:00:00', true),
  at('bounded agreement, exactly at validUntil', bounded, '2026-12-01', '23:00:00', true),
  at('bounded agreement, daytime while in force', bounded, '2026-12-01', '10:00:00', false),
  at('a late window 22:30–23:30, the debtor at 23:00', lateWindow, '2026-11-30', '23:00:00', true),
];

export default {
  valid: [
    ...cases.filter((c) => !('violations' in c)),
    {
      name: 'weekday lunch window, Monday 12:00',
      context: weekdays,
      action: shanghai('2026-11-30', '12:00:00'),
      outcome: 'allow',
      evaluated: true,
      doc: '12:00 on Monday 2026-11-30 is inside the agreed 12:00–13:30 weekday window',
    },
    { name: 'bounded agreement, validFrom written in UTC (15:00Z)', context: bounded, action: action({ at: '2026-11-30T15:00:00Z' }), outcome: 'allow', evaluated: true },
    { name: 'bounded agreement, one second before validFrom: not in force', context: bounded, action: shanghai('2026-11-30', '22:59:59'), evaluated: false },
    { name: 'bounded agreement, one second after validUntil: not in force', context: bounded, action: shanghai('2026-12-01', '23:00:01'), evaluated: false },
    { name: 'bounded agreement, expired: daytime outside the old window is allowed', context: bounded, action: shanghai('2026-12-02', '10:00:00'), outcome: 'allow', evaluated: false },
    { name: 'an agreement without a windows key, at night', context: context({ agreement: { ref: 'AGR-1', voiceDailyCap: 2 } }), action: shanghai('2026-11-30', '23:00:00'), evaluated: false },
    { name: 'an agreement without a windows key, in daytime', context: context({ agreement: { ref: 'AGR-1', voiceDailyCap: 2 } }), action: shanghai('2026-11-30', '10:00:00'), outcome: 'allow', evaluated: false },
    { name: 'an empty windows list, at night', context: context({ agreement: { ref: 'AGR-1', windows: [] } }), action: shanghai('2026-11-30', '23:00:00'), evaluated: false },
    { name: 'an empty windows list, in daytime', context: context({ agreement: { ref: 'AGR-1', windows: [] } }), action: shanghai('2026-11-30', '10:00:00'), outcome: 'allow', evaluated: false },
    {
      name: 'a guarantor at 23:00 is held to the default window, not the late window',
      context: lateWindow,
      action: action({ target: { role: 'guarantor', partyId: 'G1' }, at: '2026-11-30T23:00:00+08:00' }),
      outcome: 'deny',
      evaluated: false,
    },
    { name: 'a guarantor in daytime outside the agreed windows', context: lateWindow, action: action({ target: { role: 'guarantor', partyId: 'G1' }, at: '2026-11-30T10:00:00+08:00' }), evaluated: false },
    {
      name: 'a contact at 23:00 is held to the default window',
      context: context({ debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false }, agreement: { ref: 'AGR-1', windows: [{ start: '22:30', end: '23:30' }] } }),
      action: action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor', at: '2026-11-30T23:00:00+08:00' }),
      outcome: 'deny',
      evaluated: false,
    },
    { name: 'New York debtor, 12:30 New York time on a Monday', context: newYork, action: action({ at: '2026-11-30T12:30:00-05:00' }), outcome: 'allow', evaluated: true },
    { name: 'New York debtor, the same instant written with Z (17:30Z)', context: newYork, action: action({ at: '2026-11-30T17:30:00Z' }), outcome: 'allow', evaluated: true },
  ],
  invalid: [
    ...cases.filter((c): c is InvalidCase => 'violations' in c),
    {
      name: 'lunch window, Monday 10:00: daytime outside the window',
      context: lunch,
      action: shanghai('2026-11-30', '10:00:00'),
      violations: outside({ localTime: '10:00', localDate: '2026-11-30', weekday: 1, timeZone: 'Asia/Shanghai', windows: ['12:00–13:30'] }, true),
      outcome: 'deny',
    },
    ...(['sms', 'im', 'email', 'letter'] as const).map((channel) => ({ name: `lunch window, 10:00 by ${channel}: every channel`, context: lunch, action: action({ channel, at: '2026-11-30T10:00:00+08:00' }), violations: outside() })),
    {
      name: 'weekday window, Monday 10:00',
      context: weekdays,
      action: shanghai('2026-11-30', '10:00:00'),
      violations: outside({ localTime: '10:00', localDate: '2026-11-30', weekday: 1, timeZone: 'Asia/Shanghai', windows: ['12:00–13:30 [1,2,3,4,5]'] }, true),
      doc: '10:00 is daytime, but outside the agreed window',
    },
    {
      name: 'weekday window, Saturday 12:00',
      context: weekdays,
      action: shanghai('2026-12-05', '12:00:00'),
      violations: outside({ localTime: '12:00', localDate: '2026-12-05', weekday: 6, timeZone: 'Asia/Shanghai', windows: ['12:00–13:30 [1,2,3,4,5]'] }, true),
      outcome: 'deny',
    },
    {
      name: 'New York debtor, 12:30 in Shanghai is 23:30 on Sunday in New York',
      context: newYork,
      action: action({ at: '2026-11-30T12:30:00+08:00' }),
      violations: outside({ localTime: '23:30', localDate: '2026-11-29', weekday: 7, timeZone: 'America/New_York' }),
    },
    { name: 'New York debtor, 18:30Z is 13:30 New York time', context: newYork, action: action({ at: '2026-11-30T18:30:00Z' }), violations: outside() },
  ],
} satisfies RuleTable;
