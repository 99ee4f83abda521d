/**
 * unanswered-attempts-cap: under profiles that set it (cba-2026: 6), unanswered voice attempts on the
 * action's number on the local day; a voice action without phoneRef cannot be counted and is denied.
 */
import type { ContextInput } from '../../src/index.js';
import { action, context, past } from '../support/fixtures.js';
import type { RuleTable } from '../support/rule-tester.js';

type Entry = NonNullable<ContextInput['history']>[number];

/** n attempts on one number, hourly from 08:15 that day. */
const attempts = (n: number, phoneRef = 'P1', outcome = 'not_connected', day = '2026-11-30'): Entry[] =>
  Array.from({ length: n }, (_, i) => ({ ...past('voice', `${day}T${String(8 + i).padStart(2, '0')}:15:00+08:00`, outcome), phoneRef }) as Entry);
const at = (when: string, phoneRef = 'P1', outcome = 'not_connected'): Entry => ({ ...past('voice', when, outcome), phoneRef }) as Entry;
const withHistory = (history: Entry[]) => context({ history });
const call = action({ phoneRef: 'P1' });
const reached = (count: number, cap: number, capSource: 'profile' | 'agreement' = 'profile') => [
  { code: 'cap-reached', facts: { count, cap, capSource, localDate: '2026-11-30', timeZone: 'Asia/Shanghai' } },
];
const OVERLAY_4 = { profile: 'cba-2026', overlay: { unansweredAttemptsPerNumberDailyCap: 4 } } as const;
const AGREED_3 = { ref: 'AGR-1', unansweredAttemptsDailyCap: 3 };

export default {
  guard: { profile: 'cba-2026' },
  valid: [
    { name: 'the national profile sets no such cap: the rule does not apply', guard: {}, context: withHistory(attempts(10)), action: call },
    {
      name: 'five unanswered attempts on P1 today: the sixth is allowed',
      doc: 'five unanswered attempts on P1 today',
      context: withHistory(attempts(5)),
      action: action({ phoneRef: 'P1', at: '2026-11-30T14:00:00+08:00' }),
    },
    { name: 'five unanswered attempts that day, some after the action: allowed', context: withHistory(attempts(5)), action: call },
    {
      name: 'connected calls and other numbers do not count',
      context: withHistory([...attempts(5), at('2026-11-30T20:15:00+08:00', 'P1', 'connected'), at('2026-11-30T21:15:00+08:00', 'P1', 'connected'), ...attempts(6, 'P2')]),
      action: call,
    },
    {
      name: "the debtor's missed call-back (inbound) on the number does not count",
      context: withHistory([...attempts(5), { ...at('2026-11-30T14:15:00+08:00'), direction: 'inbound' } as Entry]),
      action: call,
    },
    {
      name: 'an attempt toward a contact on the same number does not count',
      context: withHistory([...attempts(5), { ...past('voice', '2026-11-30T14:15:00+08:00', 'not_connected', 'contact', 'C1'), phoneRef: 'P1' } as Entry]),
      action: call,
    },
    {
      name: 'the sixth attempt yesterday at 23:59:59 is another local day',
      context: withHistory([...attempts(5), at('2026-11-29T23:59:59+08:00')]),
      action: call,
    },
    { name: 'an sms is not concerned, even after eight attempts on its number', context: withHistory(attempts(8)), action: action({ channel: 'sms', phoneRef: 'P1' }) },
    { name: 'an overlay tightening the cap to 4: the fourth attempt is allowed', guard: OVERLAY_4, context: withHistory(attempts(3)), action: call },
    { name: 'an agreed cap of 3: the third attempt is allowed', context: context({ history: attempts(2), agreement: AGREED_3 }), action: call },
  ],
  invalid: [
    {
      name: 'six unanswered attempts on P1 today: the seventh is denied',
      doc: 'six unanswered attempts on P1 that day',
      context: withHistory(attempts(6)),
      action: action({ phoneRef: 'P1', at: '2026-11-30T14:00:00+08:00' }),
      violations: reached(6, 6),
    },
    { name: 'six unanswered attempts that day, some after the action: denied', context: withHistory(attempts(6)), action: call, violations: reached(6, 6) },
    {
      name: 'failed attempts count too; connected calls, other numbers and other days do not',
      context: withHistory([...attempts(3), ...attempts(3, 'P1', 'failed'), ...attempts(2, 'P2'), ...attempts(4, 'P1', 'not_connected', '2026-11-29')]),
      action: call,
      violations: reached(6, 6),
    },
    {
      name: 'the sixth attempt at 00:00:00 today counts',
      context: withHistory([...attempts(5), at('2026-11-30T00:00:00+08:00')]),
      action: call,
      violations: reached(6, 6),
    },
    { name: 'a voice action without phoneRef cannot be counted', context: context(), action: action(), violations: [{ code: 'phone-ref-missing', facts: {} }] },
    { name: 'an overlay tightening the cap to 4: the fifth attempt is denied', guard: OVERLAY_4, context: withHistory(attempts(4)), action: call, violations: reached(4, 4) },
    {
      name: 'an agreed cap of 3 lowers the cap: the fourth attempt is denied',
      context: context({ history: attempts(3), agreement: AGREED_3 }),
      action: call,
      violations: reached(3, 3, 'agreement'),
    },
    {
      name: "an agreed cap of 8 does not raise the preset's 6",
      context: context({ history: attempts(6), agreement: { ref: 'AGR-1', unansweredAttemptsDailyCap: 8 } }),
      action: call,
      violations: reached(6, 6, 'profile'),
    },
  ],
} satisfies RuleTable;
