/** fast-check arbitraries for valid cases and actions across the whole domain. */
import fc from 'fast-check';
import type { ActionInput, ContextInput } from '../../src/index.js';
import { parseInstant } from '../../src/core/time.js';
import { aiActor, agencyOrganization, humanActor } from './fixtures.js';

/** Zones of the generated cases: mainland China zones and aliases (judged at Beijing time) among others. */
export const MAINLAND_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'PRC', 'Asia/Kashgar', 'Asia/Chongqing', 'asia/shanghai'] as const;
export const ZONES = [...MAINLAND_ZONES, 'UTC', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Hong_Kong'] as const;
const CHANNELS = ['voice', 'sms', 'im', 'email', 'letter', 'visit'] as const;
const OUTCOMES = ['connected', 'not_connected', 'delivered', 'failed', 'completed'] as const;
const PURPOSES = ['demand_payment', 'reminder', 'locate_debtor', 'relay_message', 'repayment_info'] as const;
const DISCLOSURES = ['debt_amount', 'overdue_duration', 'debt_details', 'repayment_info'] as const;
const CONDUCT = ['threat', 'insult', 'violence', 'harassment', 'impersonation', 'forged_document', 'false_statement', 'public_shaming'] as const;

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant in late 2026, as ISO text with Z or an offset. */
export const instantMs = fc.integer({ min: Date.UTC(2026, 9, 1), max: Date.UTC(2027, 1, 1) });
export function iso(ms: number, offsetMinutes = 0): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const off = offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  // Milliseconds only when there are any: a schedule can answer "one millisecond after validUntil".
  const millis = d.getUTCMilliseconds() === 0 ? '' : `.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${millis}${off}`;
}
const offset = fc.constantFrom(0, 480, -300, 330, 345);
export const instant = fc.tuple(instantMs, offset).map(([ms, off]) => iso(ms, off));

const clock = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 59)).map(([h, m]) => `${pad(h)}:${pad(m)}`);
const window = fc
  .record({ start: clock, end: clock, days: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), { nil: undefined }) })
  .filter((w) => w.start !== w.end)
  .map((w) => (w.days === undefined ? { start: w.start, end: w.end } : w));

export const historyEntry = fc.record(
  {
    channel: fc.constantFrom(...CHANNELS),
    at: instant,
    target: fc.constantFrom({ role: 'debtor' as const, partyId: 'D1' }, { role: 'debtor' as const }, { role: 'contact' as const, partyId: 'C1' }),
    outcome: fc.constantFrom(...OUTCOMES),
    // Absent means outbound; an inbound call (the debtor calling back) counts toward no cap on our calls.
    direction: fc.constantFrom('outbound' as const, 'inbound' as const),
    organizationId: fc.constantFrom('ORG1', 'AG1'),
  },
  { requiredKeys: ['channel', 'at', 'target', 'outcome', 'organizationId'] },
);

/** An agreed voice cap: mostly small, sometimes far above the national 3 (which may only lower it). */
export const agreedVoiceCap = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100 }));

export const context: fc.Arbitrary<ContextInput> = fc.record({
  debtor: fc.record({
    id: fc.constant('D1'),
    timeZone: fc.constantFrom(...ZONES),
    reachable: fc.boolean(),
    deceased: fc.boolean(),
    legalCapacity: fc.constantFrom('full' as const, 'limited' as const, 'none' as const),
  }),
  debt: fc.oneof(
    fc.constant({ id: 'L1', status: 'overdue' as const }),
    instant.map((settledAt) => ({ id: 'L1', status: 'settled' as const, settledAt })),
  ),
  agreement: fc.option(
    fc.record(
      { ref: fc.constant('AGR-1'), windows: fc.array(window, { maxLength: 3 }), voiceDailyCap: agreedVoiceCap, validFrom: instant, validUntil: instant },
      { requiredKeys: ['ref'] },
    ).map((a) => (a.validFrom !== undefined && a.validUntil !== undefined && parseInstant(a.validFrom) > parseInstant(a.validUntil) ? { ...a, validUntil: undefined } : a))
      .map((a) => Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as NonNullable<ContextInput['agreement']>),
    { nil: undefined },
  ),
  contacts: fc.constant([{ partyId: 'C1' }]).map((c) => [...c]),
  guarantors: fc.constant([{ partyId: 'G1', coversDebt: true, liabilityCap: 5000 }]).map((g) => [...g]),
  history: fc.array(historyEntry, { maxLength: 12 }),
}).map((c) => (c.agreement === undefined ? (({ agreement: _a, ...rest }) => rest)(c) : c));

export const action: fc.Arbitrary<ActionInput> = fc
  .record({
    channel: fc.constantFrom(...CHANNELS),
    at: instant,
    target: fc.constantFrom({ role: 'debtor' as const, partyId: 'D1' }, { role: 'contact' as const, partyId: 'C1' }, { role: 'guarantor' as const, partyId: 'G1' }, { role: 'third_party' as const }),
    purpose: fc.constantFrom(...PURPOSES),
    disclosures: fc.uniqueArray(fc.constantFrom(...DISCLOSURES), { maxLength: 2 }),
    conduct: fc.oneof({ weight: 4, arbitrary: fc.constant<(typeof CONDUCT)[number][]>([]) }, { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...CONDUCT), { maxLength: 2 }) }).map((c) => [...c]),
    staffCount: fc.integer({ min: 1, max: 4 }),
    entersPrivateResidence: fc.boolean(),
    actorKind: fc.constantFrom('human', 'ai', 'agency'),
  })
  .map(({ staffCount, entersPrivateResidence, actorKind, ...a }) => ({
    ...a,
    ...(a.channel === 'visit' ? { visit: { staffCount, entersPrivateResidence, entersOfficeArea: false } } : {}),
    actor: actorKind === 'ai' ? aiActor() : actorKind === 'agency' ? humanActor({ organization: agencyOrganization() }) : humanActor(),
  }));
