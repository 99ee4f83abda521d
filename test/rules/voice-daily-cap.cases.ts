/**
 * voice-daily-cap: at most N connected outbound voice calls to the debtor a local day (the debtor's zone),
 * every organisation together; an agreement may lower the cap, never raise it, unless a custom profile opts in.
 */
import { nationalProfile, type ContextInput, type GuardOptions } from '../../src/index.js';
import { action, aiActor, context, past } from '../support/fixtures.js';
import type { InvalidCase, RuleTable, ValidCase } from '../support/rule-tester.js';

type Entry = NonNullable<ContextInput['history']>[number];
type Agreement = NonNullable<ContextInput['agreement']>;

const connected = (...ats: string[]): Entry[] => ats.map((at) => past('voice', at, 'connected'));
const withHistory = (history: Entry[], overrides: Partial<ContextInput> = {}) => context({ history, ...overrides });
const byOrganization = (at: string, outcome: string, organizationId: string): Entry => ({ ...past('voice', at, outcome), organizationId }) as Entry;

// The action is at 10:00 Shanghai on 2026-11-30 (fixtures' AT).
const MORNING = ['2026-11-30T08:05:00+08:00', '2026-11-30T08:30:00+08:00', '2026-11-30T09:15:00+08:00'] as const;
const TWO = connected(MORNING[0], MORNING[1]);
const THREE = connected(...MORNING);
const SHANGHAI = { localDate: '2026-11-30', timeZone: 'Asia/Shanghai' };
const reached = (count: number, cap = 3, more: Record<string, unknown> = {}) => [{ code: 'cap-reached', facts: { count, cap, ...more } }];
const national = (count: number) => reached(count, 3, { capSource: 'profile', capReason: 'profile', ...SHANGHAI });

const EXPIRED: Agreement = { ref: 'AGR-1', voiceDailyCap: 2, validUntil: '2026-11-30T09:59:59+08:00' };
const NOT_YET: Agreement = { ref: 'AGR-1', voiceDailyCap: 2, validFrom: '2026-11-30T10:00:01+08:00' };
const AGREED_2: Agreement = { ref: 'AGR-1', voiceDailyCap: 2 };
const RAISING: GuardOptions = { profile: { ...nationalProfile, id: 'bank-x', title: 'Bank X', agreementMayRaiseVoiceCap: { upTo: 5 } } };

/** A third connected call at `at`, after two this morning: whether it falls on the debtor's local day. */
const shanghaiThird = (at: string, sameDay: boolean, note: string): ValidCase | InvalidCase => ({
  name: `Shanghai debtor: a third call at ${at} (${note}) ${sameDay ? 'counts' : 'does not count'}`,
  context: withHistory([...TWO, ...connected(at)]),
  action: action(),
  ...(sameDay ? { violations: national(3) } : {}),
});
const london = (history: Entry[]) => withHistory(history, { debtor: { id: 'D1', timeZone: 'Europe/London' } });
const londonSummer = (at: string, sameDay: boolean, note: string): ValidCase | InvalidCase => ({
  name: `London debtor in summer (BST): a third call at ${at} (${note}) ${sameDay ? 'counts' : 'does not count'}`,
  context: london([...connected('2026-07-15T08:10:00+01:00', '2026-07-15T09:10:00+01:00'), ...connected(at)]),
  action: action({ at: '2026-07-15T10:00:00+01:00' }),
  ...(sameDay ? { violations: reached(3, 3, { localDate: '2026-07-15', timeZone: 'Europe/London' }) } : {}),
});
const londonWinter = (at: string, sameDay: boolean, note: string): ValidCase | InvalidCase => ({
  name: `London debtor in winter (GMT): a third call at ${at} (${note}) ${sameDay ? 'counts' : 'does not count'}`,
  context: london([...connected('2026-11-30T08:10:00Z', '2026-11-30T09:10:00Z'), ...connected(at)]),
  action: action({ at: '2026-11-30T10:00:00Z' }),
  ...(sameDay ? { violations: reached(3, 3, { localDate: '2026-11-30', timeZone: 'Europe/London' }) } : {}),
});
/** A mainland debtor recorded in Urumqi (UTC+6) is judged at Beijing time (GUIDELINE: Beijing time for mainland debtors). */
const urumqi = (at: string, sameDay: boolean, note: string): ValidCase | InvalidCase => ({
  name: `Urumqi debtor, judged at Beijing time: a third call at ${at} (${note}) ${sameDay ? 'counts' : 'does not count'}`,
  context: withHistory([...TWO, ...connected(at)], { debtor: { id: 'D1', timeZone: 'Asia/Urumqi' } }),
  action: action(),
  ...(sameDay ? { violations: national(3) } : {}),
});
const EDGES = [
  shanghaiThird('2026-11-29T15:59:59Z', false, '23:59:59 the day before in Shanghai'),
  shanghaiThird('2026-11-29T16:00:00Z', true, '00:00:00 in Shanghai'),
  shanghaiThird('2026-11-29T16:30:00Z', true, '00:30 in Shanghai, though the day before in UTC'),
  shanghaiThird('2026-11-29T23:59:59+08:00', false, 'the last second of the day before'),
  shanghaiThird('2026-11-30T00:00:00+08:00', true, 'the first second of the day'),
  shanghaiThird('2026-12-01T00:00:00+08:00', false, 'the first second of the next day'),
  londonSummer('2026-07-14T22:59:59Z', false, '23:59:59 BST the day before'),
  londonSummer('2026-07-14T23:00:00Z', true, '00:00:00 BST, still the day before in UTC'),
  londonSummer('2026-07-14T23:30:00Z', true, '00:30 BST'),
  londonWinter('2026-11-29T23:59:59Z', false, 'GMT: the local day is the UTC day'),
  londonWinter('2026-11-30T00:00:00Z', true, 'GMT: midnight'),
  urumqi('2026-11-29T15:59:59Z', false, '23:59:59 the day before in Beijing'),
  urumqi('2026-11-29T16:30:00Z', true, '00:30 in Beijing, 22:30 the day before on the Urumqi clock'),
];
const isInvalid = (c: ValidCase | InvalidCase): c is InvalidCase => 'violations' in c;

export default {
  valid: [
    { name: 'two connected calls earlier that day: the third is allowed', context: withHistory(TWO), action: action() },
    {
      name: 'two connected calls and one unanswered attempt, by the lender and an agency',
      doc: '2 connected calls and 1 unanswered attempt earlier that day',
      context: withHistory([
        byOrganization('2026-11-30T08:05:00+08:00', 'connected', 'ORG1'),
        byOrganization('2026-11-30T08:30:00+08:00', 'not_connected', 'AG1'),
        byOrganization('2026-11-30T09:15:00+08:00', 'completed', 'AG1'),
      ]),
      action: action(),
    },
    { name: 'an AI caller after two connected calls', context: withHistory(TWO), action: action({ actor: aiActor() }) },
    {
      name: 'not_connected calls do not count',
      context: withHistory([...TWO, past('voice', MORNING[2], 'not_connected'), past('voice', '2026-11-30T09:50:00+08:00', 'not_connected')]),
      action: action(),
    },
    {
      name: 'failed and delivered voice entries do not count',
      context: withHistory([...TWO, past('voice', MORNING[2], 'failed'), past('voice', '2026-11-30T09:50:00+08:00', 'delivered')]),
      action: action(),
    },
    {
      name: 'calls toward a contact or a guarantor do not count',
      context: withHistory([...TWO, past('voice', MORNING[2], 'connected', 'contact', 'C1'), past('voice', '2026-11-30T09:40:00+08:00', 'connected', 'guarantor', 'G1')]),
      action: action(),
    },
    {
      name: 'other channels do not count',
      context: withHistory([
        ...TWO,
        past('sms', MORNING[2], 'delivered'),
        past('im', '2026-11-30T09:40:00+08:00', 'connected'),
        past('visit', '2026-11-30T09:45:00+08:00', 'completed'),
      ]),
      action: action(),
    },
    {
      name: "the debtor's call-backs (inbound) do not count",
      context: withHistory([...TWO, { ...past('voice', MORNING[2], 'connected'), direction: 'inbound' } as Entry]),
      action: action(),
    },
    {
      name: 'entries naming another person as the debtor do not count',
      context: withHistory(MORNING.map((at) => past('voice', at, 'connected', 'debtor', 'D2'))),
      action: action(),
    },
    {
      name: 'calls on the previous local day do not count',
      context: withHistory(connected('2026-11-29T09:00:00+08:00', '2026-11-29T10:00:00+08:00', '2026-11-29T11:00:00+08:00', MORNING[0])),
      action: action(),
    },
    ...EDGES.filter((c) => !isInvalid(c)),
    { name: 'an agreed cap of 2: the second call is allowed', context: withHistory(connected(MORNING[0]), { agreement: AGREED_2 }), action: action() },
    { name: 'an agreed cap that has expired leaves the national 3', context: withHistory(TWO, { agreement: EXPIRED }), action: action() },
    { name: 'an agreed cap not yet in force leaves the national 3', context: withHistory(TWO, { agreement: NOT_YET }), action: action() },
    {
      name: 'an agreement without a voice cap leaves the national 3',
      context: withHistory(TWO, { agreement: { ref: 'AGR-1', windows: [{ start: '09:00', end: '18:00' }] } }),
      action: action(),
    },
    { name: 'cba-2026 keeps the national 3: the third call is allowed', guard: { profile: 'cba-2026' }, context: withHistory(TWO), action: action({ phoneRef: 'P1' }) },
    { name: 'an overlay tightening the cap to 2: the second call is allowed', guard: { overlay: { voiceDailyCap: 2 } }, context: withHistory(connected(MORNING[0])), action: action() },
    {
      name: 'a profile letting an agreement raise the cap up to 5: an agreed 4 allows the fourth call',
      guard: RAISING,
      context: withHistory(THREE, { agreement: { ref: 'AGR-1', voiceDailyCap: 4 } }),
      action: action(),
    },
    { name: 'an sms after three connected calls: the rule does not apply', context: withHistory(THREE), action: action({ channel: 'sms' }) },
    { name: 'a call to a guarantor after three connected calls to the debtor: the rule does not apply', context: withHistory(THREE), action: action({ target: { role: 'guarantor', partyId: 'G1' } }) },
  ],
  invalid: [
    { name: 'three connected calls earlier that day: the fourth is denied', context: withHistory(THREE), action: action(), violations: national(3) },
    {
      name: 'three connected calls by the lender and two agencies, the first at 00:30 Shanghai time',
      doc: '3 calls connected that local day, by the lender and two agencies; the first at 00:30 Shanghai time, which is still 29 November in UTC',
      context: withHistory([
        byOrganization('2026-11-29T16:30:00Z', 'connected', 'ORG1'),
        byOrganization('2026-11-30T08:30:00+08:00', 'connected', 'AG1'),
        byOrganization('2026-11-30T09:15:00+08:00', 'completed', 'AG2'),
      ]),
      action: action(),
      violations: reached(3, 3, { capSource: 'profile', capReason: 'profile', profileCap: 3, agreedCap: null, ...SHANGHAI }),
    },
    { name: 'four connected already: the count says four', context: withHistory([...THREE, ...connected('2026-11-30T09:45:00+08:00')]), action: action(), violations: national(4) },
    { name: 'an AI caller after three connected calls', context: withHistory(THREE), action: action({ actor: aiActor() }), violations: national(3) },
    { name: "a 'completed' voice call counts as connected", context: withHistory([...TWO, past('voice', MORNING[2], 'completed')]), action: action(), violations: national(3) },
    {
      name: 'calls of every organisation count together',
      context: withHistory([byOrganization(MORNING[0], 'connected', 'ORG1'), byOrganization(MORNING[1], 'connected', 'AG1'), byOrganization(MORNING[2], 'connected', 'AG2')]),
      action: action(),
      violations: national(3),
    },
    {
      name: 'entries naming no organisation count',
      context: withHistory(MORNING.map((at) => ({ channel: 'voice', at, outcome: 'connected', target: { role: 'debtor' } }) as Entry)),
      action: action(),
      violations: national(3),
    },
    {
      name: "entries naming the debtor's partyId count",
      context: withHistory(MORNING.map((at) => past('voice', at, 'connected', 'debtor', 'D1'))),
      action: action(),
      violations: national(3),
    },
    {
      name: 'calls marked outbound count',
      context: withHistory(THREE.map((e) => ({ ...e, direction: 'outbound' }) as Entry)),
      action: action(),
      violations: national(3),
    },
    {
      name: 'entries later the same local day count too',
      context: withHistory(connected(MORNING[0], MORNING[1], '2026-11-30T23:59:59+08:00')),
      action: action(),
      violations: national(3),
    },
    ...EDGES.filter(isInvalid),
    {
      name: 'an agreed cap of 2 in force: denied after two connected calls',
      context: withHistory(TWO, { agreement: AGREED_2 }),
      action: action(),
      violations: reached(2, 2, { capSource: 'agreement', capReason: 'agreement-lower', agreedCap: 2, profileCap: 3 }),
    },
    { name: 'an agreed cap that has expired: the national 3 applies', context: withHistory(THREE, { agreement: EXPIRED }), action: action(), violations: national(3) },
    { name: 'an agreed cap not yet in force: the national 3 applies', context: withHistory(THREE, { agreement: NOT_YET }), action: action(), violations: national(3) },
    {
      name: 'an agreed cap of 0 denies every voice call',
      context: withHistory([], { agreement: { ref: 'AGR-1', voiceDailyCap: 0 } }),
      action: action(),
      violations: reached(0, 0, { capSource: 'agreement' }),
    },
    {
      name: 'an agreed cap of 5 does not raise the national 3',
      context: withHistory(THREE, { agreement: { ref: 'AGR-1', voiceDailyCap: 5 } }),
      action: action(),
      violations: reached(3, 3, { capSource: 'profile', capReason: 'agreement-not-higher', agreedCap: 5 }),
    },
    {
      name: 'cba-2026 keeps the national 3: the fourth call is denied',
      guard: { profile: 'cba-2026' },
      context: withHistory(THREE),
      action: action({ phoneRef: 'P1' }),
      violations: national(3),
    },
    {
      name: 'an overlay tightening the cap to 2: the third call is denied',
      guard: { overlay: { voiceDailyCap: 2 } },
      context: withHistory(TWO),
      action: action(),
      violations: reached(2, 2, { capSource: 'profile', profileCap: 2 }),
    },
    {
      name: 'a profile letting an agreement raise the cap up to 5: an agreed 4 denies the fifth call',
      guard: RAISING,
      context: withHistory([...THREE, ...connected('2026-11-30T09:45:00+08:00')], { agreement: { ref: 'AGR-1', voiceDailyCap: 4 } }),
      action: action(),
      violations: reached(4, 4, { capSource: 'agreement', capReason: 'agreement-raised' }),
    },
    {
      name: 'a profile letting an agreement raise the cap up to 5: an agreed 8 stops at the ceiling',
      guard: RAISING,
      context: withHistory(connected('2026-11-30T08:05:00+08:00', '2026-11-30T08:30:00+08:00', '2026-11-30T09:00:00+08:00', '2026-11-30T09:15:00+08:00', '2026-11-30T09:45:00+08:00'), {
        agreement: { ref: 'AGR-1', voiceDailyCap: 8 },
      }),
      action: action(),
      violations: reached(5, 5, { capSource: 'profile', capReason: 'agreement-raised-to-ceiling', agreedCap: 8 }),
    },
  ],
} satisfies RuleTable;
