/**
 * Writes examples/data/collection-log.jsonl: two days of a lender's and its agencies' collection work on
 * 380 debtors in three zones, with a known number of violations planted per rule. Deterministic (a seeded
 * PRNG, no Math.random): `npx tsx scripts/generate-example-log.ts` rewrites the same bytes, and
 * test/audit/example-log.test.ts checks both that and the planted counts against `audit`.
 */
import { writeFileSync } from 'node:fs';
import type { AuditRecordInput } from '../src/index.js';
import { formatInstant, judgingTimeZone, wallToInstant } from '../src/core/time.js';

export const LOG_URL = new URL('../examples/data/collection-log.jsonl', import.meta.url);

/** mulberry32: a small seeded PRNG, good enough for example data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Actor = AuditRecordInput['action']['actor'];
type Action = AuditRecordInput['action'];
type Outcome = AuditRecordInput['outcome'];

const SYSTEM = { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true };
const DAYS = [[2026, 11, 30], [2026, 12, 1]] as const;
const ZONES = [
  { zone: 'Asia/Shanghai', weight: 0.6 },
  { zone: 'Asia/Urumqi', weight: 0.25 },
  { zone: 'Europe/London', weight: 0.15 },
] as const;
const DEBTORS = 380;

interface Organization {
  readonly id: string;
  readonly record: Actor['organization'];
  readonly collectors: readonly string[];
  readonly bot: string | null;
  readonly share: number;
}

const agency = (id: string, lastEvaluatedAt: string): Actor['organization'] => ({
  id, kind: 'agency', outsourcingAgreement: { ref: `OA-${id}`, validUntil: '2027-12-31T15:59:59Z' }, lastEvaluatedAt,
});

const ORGANIZATIONS: readonly Organization[] = [
  { id: 'BANK1', record: { id: 'BANK1', kind: 'lender' }, collectors: ['E101', 'E102', 'E103', 'E104', 'E105', 'E106'], bot: 'BOT1', share: 0.45 },
  { id: 'AGY-A', record: agency('AGY-A', '2026-05-01T01:00:00Z'), collectors: ['E201', 'E202', 'E203', 'E204', 'E205', 'E206'], bot: null, share: 0.25 },
  { id: 'AGY-B', record: agency('AGY-B', '2026-06-15T01:00:00Z'), collectors: ['E301', 'E302', 'E303', 'E304'], bot: 'BOT2', share: 0.18 },
  // Last evaluated more than 12 months before the log: every action of AGY-C violates agency-authorization.
  { id: 'AGY-C', record: agency('AGY-C', '2025-09-30T01:00:00Z'), collectors: ['E401', 'E402', 'E403'], bot: null, share: 0.12 },
];
/** Last trained and assessed more than 12 months before the log: collector-training. */
const LAPSED_TRAINING = 'E205';
/** Suspended by conduct monitoring: collector-standing. */
const SUSPENDED = 'E303';
/** An AI system without a hand-off to a human: ai-fairness. */
const NO_HANDOFF_BOT = 'BOT2';

function actorFor(org: Organization, kind: 'human' | 'ai', id: string): Actor {
  if (kind === 'ai') {
    return {
      kind: 'ai',
      ai: {
        id, fairnessReviewedAt: '2026-06-01T01:00:00Z', usesProtectedAttributes: false, reliabilityValidatedAt: '2026-06-01T01:00:00Z',
        humanHandoff: id !== NO_HANDOFF_BOT, securityAssessedAt: '2026-06-01T01:00:00Z',
      },
      organization: org.record,
      system: SYSTEM,
    };
  }
  return {
    kind: 'human',
    collector: {
      id, violentCrimeRecord: false, seriousBadCredit: false, preJobTrainingPassedAt: '2025-03-03T01:00:00Z',
      lastTrainingAssessedAt: id === LAPSED_TRAINING ? '2025-08-20T01:00:00Z' : '2026-06-01T01:00:00Z',
      confidentialityPledgeSignedAt: '2025-03-03T01:00:00Z', standing: id === SUSPENDED ? 'suspended' : 'active',
    },
    organization: org.record,
    system: SYSTEM,
  };
}

interface Debtor {
  readonly id: string;
  readonly zone: string;
  readonly reachable: boolean;
  readonly settled: boolean;
  readonly contactOptedOut: boolean;
  readonly hasContact: boolean;
  readonly org: Organization;
}

/** One planned event of a debtor's day, before it becomes a record. */
interface Event {
  minute: number;
  channel: Action['channel'];
  outcome: Outcome;
  target?: 'contact' | 'third_party';
  purpose?: Action['purpose'];
  conduct?: Action['conduct'];
  visit?: Action['visit'];
  /** Rules this event was planned to violate, beside those of its debtor and actor. */
  plants: string[];
}

export interface ExampleLog {
  /** The JSON Lines text. */
  readonly text: string;
  readonly records: number;
  /** Violations planted per rule: what `audit` must find. */
  readonly planted: Readonly<Record<string, number>>;
  /** Every planted violation by record id and rule, in log order: what `audit --findings` must list. */
  readonly plantedFindings: readonly { readonly recordId: string; readonly rule: string }[];
}

export function generateExampleLog(seed = 45251): ExampleLog {
  const random = prng(seed);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number): boolean => random() < p;
  function pick<T>(items: readonly T[]): T {
    return items[Math.floor(random() * items.length)] as T;
  }
  function weighted<T extends { weight?: number; share?: number }>(items: readonly T[]): T {
    let r = random();
    for (const item of items) {
      r -= item.weight ?? item.share ?? 0;
      if (r < 0) return item;
    }
    return items[items.length - 1] as T;
  }

  const debtors: Debtor[] = Array.from({ length: DEBTORS }, (_, i) => {
    const reachable = chance(0.85);
    return {
      id: `D${String(i + 1).padStart(4, '0')}`,
      zone: weighted(ZONES).zone,
      reachable,
      settled: i % 40 === 39, // 10 debtors repaid before the log starts: every action on them is too late
      contactOptedOut: !reachable && chance(0.25),
      hasContact: !reachable || chance(0.2),
      org: weighted(ORGANIZATIONS),
    };
  });

  const planted = new Map<string, number>();
  let recordPlants: string[] = [];
  const plant = (rule: string): void => {
    planted.set(rule, (planted.get(rule) ?? 0) + 1);
    recordPlants.push(rule);
  };
  const rows: { ms: number; debtor: number; seq: number; record: AuditRecordInput; plants: string[] }[] = [];

  debtors.forEach((debtor, debtorIndex) => {
    for (const [year, month, day] of DAYS) {
      const events: Event[] = [];
      const used = new Set<number>();
      const slot = (from = 8 * 60 + 30, to = 21 * 60 + 30): number => {
        let m = int(from, to);
        while (used.has(m)) m = m >= to ? from : m + 1;
        used.add(m);
        return m;
      };
      if (debtor.settled) {
        events.push({ minute: slot(), channel: 'sms', outcome: 'delivered', purpose: 'reminder', plants: [] });
      } else {
        // Ordinary work: a few calls and messages. Connected calls are counted: a call to the debtor after a
        // third connected one that day is a violation, so only the planted fourth call may come after three.
        let connected = 0;
        const fourthCall = debtor.reachable && chance(0.03);
        if (fourthCall) {
          for (; connected < 3; connected += 1) events.push({ minute: slot(8 * 60 + 30, 20 * 60), channel: 'voice', outcome: 'connected', purpose: 'demand_payment', plants: [] });
          events.push({ minute: slot(20 * 60 + 1, 21 * 60 + 55), channel: 'voice', outcome: 'not_connected', purpose: 'demand_payment', plants: ['voice-daily-cap'] });
        } else {
          for (let n = int(1, 3); n > 0; n -= 1) {
            const outcome: Outcome = debtor.reachable && chance(0.55) ? 'connected' : 'not_connected';
            if (outcome === 'connected') connected += 1;
            events.push({ minute: slot(), channel: 'voice', outcome, purpose: 'demand_payment', plants: [] });
          }
        }
        for (let n = int(0, 2); n > 0; n -= 1) {
          events.push({ minute: slot(), channel: pick(['sms', 'sms', 'im', 'email'] as const), outcome: chance(0.9) ? 'delivered' : 'failed', purpose: 'reminder', plants: [] });
        }
        if (chance(0.03)) events.push({ minute: slot(), channel: 'letter', outcome: 'delivered', purpose: 'reminder', plants: [] });
        if (!debtor.reachable && debtor.hasContact) {
          const plants = debtor.contactOptedOut ? ['contact-opt-out'] : [];
          events.push({ minute: slot(), channel: 'voice', outcome: 'connected', target: 'contact', purpose: 'locate_debtor', plants });
        }
        // A field visit now and then, sometimes wrong.
        const visit = { staffCount: 2, entersPrivateResidence: false, entersOfficeArea: false };
        const r = random();
        if (r < 0.05) events.push({ minute: slot(), channel: 'visit', outcome: 'completed', purpose: 'demand_payment', visit, plants: [] });
        else if (r < 0.065) events.push({ minute: slot(), channel: 'visit', outcome: 'completed', purpose: 'demand_payment', visit: { ...visit, staffCount: 4 }, plants: ['visit-staffing'] });
        else if (r < 0.075) events.push({ minute: slot(), channel: 'visit', outcome: 'completed', purpose: 'demand_payment', visit: { ...visit, entersPrivateResidence: true }, plants: ['visit-premises'] });
        else if (r < 0.085) {
          const first = slot(8 * 60 + 30, 14 * 60);
          events.push({ minute: first, channel: 'visit', outcome: 'completed', purpose: 'demand_payment', visit, plants: [] });
          events.push({ minute: slot(14 * 60 + 1, 21 * 60 + 30), channel: 'visit', outcome: 'not_connected', purpose: 'demand_payment', visit, plants: ['visit-daily-cap'] });
        }
        if (debtor.reachable && chance(0.015)) events.push({ minute: slot(), channel: 'voice', outcome: 'connected', target: 'third_party', purpose: 'locate_debtor', plants: ['debtor-only'] });
        if (debtor.reachable && debtor.hasContact && chance(0.12)) events.push({ minute: slot(), channel: 'voice', outcome: 'connected', target: 'contact', purpose: 'locate_debtor', plants: ['contact-precondition'] });
        // At most two connected calls with it, so that no later call of the day meets the cap.
        if (debtor.reachable && connected <= 1 && chance(0.015)) {
          connected += 1;
          events.push({ minute: slot(), channel: 'voice', outcome: 'connected', purpose: 'demand_payment', conduct: ['threat'], plants: ['lawful-conduct'] });
        }
        if (!fourthCall && connected < 3 && chance(0.03)) {
          // Outside 08:00–22:00, before the day's other calls or after them; never connected.
          const late = chance(0.7);
          events.push({ minute: late ? slot(22 * 60, 22 * 60 + 59) : slot(7 * 60, 7 * 60 + 59), channel: 'voice', outcome: 'not_connected', purpose: 'demand_payment', plants: ['collection-hours'] });
        }
      }

      for (const event of events) {
        const org = debtor.org;
        const bot = org.bot !== null && ((event.channel === 'sms' || event.channel === 'im') ? chance(0.6) : event.channel === 'voice' && event.target === undefined && chance(0.2));
        const actor = bot ? actorFor(org, 'ai', org.bot as string) : actorFor(org, 'human', pick(org.collectors));
        // Planned on the clock the debtor is judged by: Beijing time for Asia/Urumqi, as for every mainland zone.
        const clockZone = judgingTimeZone(debtor.zone) ?? debtor.zone;
        const ms = wallToInstant(Date.UTC(year, month - 1, day, Math.floor(event.minute / 60), event.minute % 60, int(0, 59)), clockZone);
        const contactId = `C${debtor.id.slice(1)}`;
        const target = event.target === 'contact' ? { role: 'contact' as const, partyId: contactId } : event.target === 'third_party' ? { role: 'third_party' as const } : { role: 'debtor' as const, partyId: debtor.id };
        const action: Action = {
          channel: event.channel,
          at: formatInstant(ms, clockZone),
          target,
          ...(event.purpose === undefined ? {} : { purpose: event.purpose }),
          ...(event.conduct === undefined ? {} : { conduct: event.conduct }),
          ...(event.channel === 'voice' && event.target === undefined ? { phoneRef: `P${debtor.id.slice(1)}` } : {}),
          ...(event.visit === undefined ? {} : { visit: event.visit }),
          actor,
        };
        const record: AuditRecordInput = {
          debtor: { id: debtor.id, timeZone: debtor.zone, ...(debtor.reachable ? {} : { reachable: false }) },
          debt: debtor.settled ? { id: `L${debtor.id.slice(1)}`, status: 'settled', settledAt: '2026-11-29T12:00:00+08:00' } : { id: `L${debtor.id.slice(1)}`, status: 'overdue' },
          ...(debtor.hasContact ? { contacts: [{ partyId: contactId, ...(debtor.contactOptedOut ? { optedOutAt: '2026-11-20T10:00:00+08:00' } : {}) }] } : {}),
          action,
          outcome: event.outcome,
        };
        recordPlants = [];
        for (const rule of event.plants) plant(rule);
        if (debtor.settled) plant('settled-debt');
        if (org.id === 'AGY-C') plant('agency-authorization');
        if (actor.kind === 'human' && actor.collector?.id === LAPSED_TRAINING) plant('collector-training');
        if (actor.kind === 'human' && actor.collector?.id === SUSPENDED) plant('collector-standing');
        if (actor.kind === 'ai' && actor.ai?.id === NO_HANDOFF_BOT) plant('ai-fairness');
        rows.push({ ms, debtor: debtorIndex, seq: rows.length, record, plants: recordPlants });
      }
    }
  });

  // A log in time order, as a dialer or case system exports it.
  rows.sort((a, b) => a.ms - b.ms || a.debtor - b.debtor || a.seq - b.seq);
  const idOf = (i: number): string => `R${String(i + 1).padStart(5, '0')}`;
  const lines = rows.map((row, i) => JSON.stringify({ id: idOf(i), ...row.record }));
  return {
    text: `${lines.join('\n')}\n`,
    records: rows.length,
    planted: Object.fromEntries([...planted].sort(([a], [b]) => (a < b ? -1 : 1))),
    plantedFindings: rows.flatMap((row, i) => row.plants.map((rule) => ({ recordId: idOf(i), rule }))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = generateExampleLog();
  writeFileSync(LOG_URL, log.text);
  console.log(`wrote ${log.records} records (${log.text.length} characters) to examples/data/collection-log.jsonl`);
  console.log('planted violations by rule:', log.planted);
}
