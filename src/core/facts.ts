import type { Action } from '../schema/action.js';
import type { Context } from '../schema/context.js';
import { DAY_MS, MINUTE_MS, formatMinuteOfDay, localDayBounds, parseClock, parseInstant, readInstant, wallDate, weekdayOfDays, zoneOffset } from './time.js';

/** A collection window compiled to minutes of the day. */
export interface CompiledWindow {
  readonly startMinute: number;
  readonly endMinute: number;
  /** ISO weekdays of the window's start; null = every day. */
  readonly days: readonly number[] | null;
}

/** A local reading of the action's instant in one zone. */
export interface LocalReading {
  readonly zone: string;
  /**
   * The wall clock as epoch ms read as if it were UTC. The date and time of day as text are made from it
   * only when a message or a house rule shows them (readingDate, readingTime): most checks show neither.
   */
  readonly wallMs: number;
  readonly minuteOfDay: number;
  /** ISO weekday 1–7. */
  readonly weekday: number;
}

/** `yyyy-MM-dd` of a reading. */
export function readingDate(reading: LocalReading): string {
  return wallDate(reading.wallMs);
}

/** `HH:mm` of a reading. */
export function readingTime(reading: LocalReading): string {
  return formatMinuteOfDay(reading.minuteOfDay);
}

/**
 * Everything the rules need, derived once per check: what the input says, and nothing that depends on a
 * profile's limits (those are computed from the facts by src/core/limits-at.ts). Instants are epoch milliseconds.
 */
export interface Facts {
  readonly atMs: number;
  readonly channel: Action['channel'];
  readonly targetRole: Action['target']['role'];
  readonly purpose: NonNullable<Action['purpose']> | null;
  readonly disclosures: Action['disclosures'];
  readonly conduct: Action['conduct'];
  readonly amountDemanded: number | null;
  readonly visit: NonNullable<Action['visit']> | null;

  /** The action's instant in the debtor's zone. */
  readonly debtorLocal: LocalReading;
  /** The action's instant in the target's zone (a contact's or guarantor's own zone, else the debtor's). */
  readonly targetLocal: LocalReading;
  /** The action's instant in every candidate zone of the debtor (`timeZone` first, then `timeZones`). */
  readonly debtorLocals: readonly LocalReading[];
  /** The readings a time window must hold in: the debtor's candidate zones, or the contact's/guarantor's zone. */
  readonly targetLocals: readonly LocalReading[];

  /** An agreement with the debtor is in force at the action's instant. */
  readonly agreementInForce: boolean;
  /** The agreed windows, when an agreement with windows is in force; else empty. */
  readonly agreedWindows: readonly CompiledWindow[];
  /** The agreement's voice cap, when one is in force and sets it. */
  readonly agreedVoiceDailyCap: number | null;

  /**
   * Connected outbound voice calls toward the debtor on the debtor's local day of the action, every organisation.
   * With several candidate zones, the largest count over their local days (the strictest reading).
   */
  readonly voiceConnectedToday: number;
  /** Visits to the debtor on the debtor's local day of the action, any outcome. */
  readonly visitsToday: number;
  /** The agreement's unanswered-attempts cap, when one is in force and sets it. */
  readonly agreedUnansweredAttemptsDailyCap: number | null;
  /**
   * How many outbound voice attempts toward the debtor, just before the action, went unanswered in a row
   * (counted up to MAX_TRAILING_ATTEMPTS). A profile's `debtorLostAfterFailedAttempts` reads it through
   * `debtorLostByHistory` (src/core/limits-at.ts).
   */
  readonly trailingUnansweredAttempts: number;
  /** Unanswered (`not_connected` or `failed`) outbound voice attempts toward the debtor on the action's phoneRef on the target's local day, any target; null without phoneRef. */
  readonly unansweredOnNumberToday: number | null;

  /** The debt was settled at or before the action's instant. */
  readonly settled: boolean;

  readonly debtorReachable: boolean;
  readonly debtorDeceased: boolean;
  readonly debtorLegalCapacity: Context['debtor']['legalCapacity'];

  /** The target is the debtor (no partyId, or the debtor's id) or a registered contact or guarantor. */
  readonly targetRegistered: boolean;
  /** The target contact's record, when the target is a registered contact. */
  readonly contact: {
    readonly optedOutAtMs: number | null;
    readonly volunteeredToRepayAtMs: number | null;
  } | null;
  /** The target guarantor's record, when the target is a registered guarantor. */
  readonly guarantor: {
    readonly coversDebt: boolean;
    readonly validFromMs: number | null;
    readonly validUntilMs: number | null;
    readonly liabilityCap: number | null;
  } | null;

  readonly actorKind: Action['actor']['kind'];
  readonly collector: {
    readonly violentCrimeRecord: boolean | null;
    readonly seriousBadCredit: boolean | null;
    readonly preJobTrainingPassedAtMs: number | null;
    readonly lastTrainingAssessedAtMs: number | null;
    readonly confidentialityPledgeSignedAtMs: number | null;
    readonly standing: 'active' | 'suspended' | 'reassigned' | 'dismissed' | null;
  } | null;
  readonly ai: {
    readonly fairnessReviewedAtMs: number | null;
    readonly usesProtectedAttributes: boolean | null;
    readonly reliabilityValidatedAtMs: number | null;
    readonly humanHandoff: boolean | null;
    readonly securityAssessedAtMs: number | null;
  } | null;
  readonly organizationKind: 'lender' | 'agency';
  readonly outsourcing: { readonly validFromMs: number | null; readonly validUntilMs: number | null } | null;
  readonly agencyLastEvaluatedAtMs: number | null;
  readonly system: NonNullable<Action['actor']['system']> | null;
}

function instantOrNull(text: string | undefined): number | null {
  return text === undefined ? null : parseInstant(text);
}

function read(ms: number, zone: string): LocalReading {
  const wallMs = ms + zoneOffset(ms, zone);
  const days = Math.floor(wallMs / DAY_MS);
  // Milliseconds into the day, 0–86 399 999: an integer division by a constant (see time.ts).
  return { zone, wallMs, minuteOfDay: ((wallMs - days * DAY_MS) / MINUTE_MS) | 0, weekday: weekdayOfDays(days) };
}

export function compileWindows(windows: readonly { start: string; end: string; days?: number[] | undefined }[]): CompiledWindow[] {
  return windows.map((w) => ({ startMinute: parseClock(w.start), endMinute: parseClock(w.end), days: w.days ?? null }));
}

const NO_WINDOWS: readonly CompiledWindow[] = Object.freeze([]);

/** The terms agreed with the debtor, compiled once: the validity period as epoch ms (each bound optional), windows in minutes. */
export interface AgreedTerms {
  readonly validFromMs: number | null;
  readonly validUntilMs: number | null;
  /** The agreed windows; empty when the agreement sets none. */
  readonly windows: readonly CompiledWindow[];
  readonly voiceDailyCap: number | null;
  readonly unansweredAttemptsDailyCap: number | null;
}

/** The agreement of a case compiled, or null without one. */
export function agreedTerms(agreement: Context['agreement']): AgreedTerms | null {
  if (agreement === undefined) return null;
  return {
    validFromMs: instantOrNull(agreement.validFrom),
    validUntilMs: instantOrNull(agreement.validUntil),
    windows: agreement.windows === undefined ? [] : compileWindows(agreement.windows),
    voiceDailyCap: agreement.voiceDailyCap ?? null,
    unansweredAttemptsDailyCap: agreement.unansweredAttemptsDailyCap ?? null,
  };
}

/**
 * The agreement in force at an instant (both validity bounds inclusive), or null. The one answer to "is an
 * agreement in force then?": deriveFacts reads it for the rules, and `quota` and the schedule search read
 * it for every instant they look at, so the three cannot disagree.
 */
export function termsInForceAt(terms: AgreedTerms | null, atMs: number): AgreedTerms | null {
  if (terms === null) return null;
  return (terms.validFromMs === null || terms.validFromMs <= atMs) && (terms.validUntilMs === null || atMs <= terms.validUntilMs) ? terms : null;
}

const VOICE_CONNECTED_OUTCOMES: ReadonlySet<string> = new Set(['connected', 'completed']);
const UNANSWERED: ReadonlySet<string> = new Set(['not_connected', 'failed']);

/** The debtor's candidate zones: `timeZone` first, then any other `timeZones`, without repeats. */
export function debtorZones(debtor: Context['debtor']): string[] {
  if (debtor.timeZones === undefined) return [debtor.timeZone];
  return [...new Set([debtor.timeZone, ...debtor.timeZones])];
}

/**
 * The history, classified and sorted once: the instants of connected voice calls and of visits toward the
 * debtor, and of unanswered voice attempts per phone number. A day's count is then two binary searches,
 * so a prepared case checks in time independent of its history's length.
 */
export interface HistoryIndex {
  readonly voiceConnected: readonly number[];
  /** Outbound voice attempts toward the debtor, in time order, and whether each went unanswered. */
  readonly debtorAttempts: readonly number[];
  readonly debtorAttemptUnanswered: readonly boolean[];
  readonly visits: readonly number[];
  readonly unansweredByPhone: ReadonlyMap<string, readonly number[]>;
}

/** The part of a history entry the index reads. */
type Indexed = Pick<NonNullable<Context['history']>[number], 'channel' | 'target' | 'outcome' | 'phoneRef' | 'direction'>;

// What an entry counts as (kindOf): small integers, so that indexing allocates nothing per entry.
const NOT_COUNTED = 0;
const VOICE_OTHER = 1; // a voice attempt neither connected nor unanswered (e.g. `delivered`)
const VOICE_UNANSWERED = 2;
const VOICE_CONNECTED = 3;
const VISIT = 4;

/**
 * What an entry counts as, one rule for both forms of the index: nothing, unless it is toward the debtor;
 * a voice attempt (connected, unanswered, or neither), or a visit.
 */
function kindOf(entry: Indexed, debtorId: string): number {
  // The debtor's call-backs are not our calls (主动有效通话): they count toward no cap on calls.
  if (entry.direction === 'inbound' && entry.channel === 'voice') return NOT_COUNTED;
  if (entry.target.role !== 'debtor' || (entry.target.partyId !== undefined && entry.target.partyId !== debtorId)) return NOT_COUNTED;
  if (entry.channel === 'voice') return UNANSWERED.has(entry.outcome) ? VOICE_UNANSWERED : VOICE_CONNECTED_OUTCOMES.has(entry.outcome) ? VOICE_CONNECTED : VOICE_OTHER;
  return entry.channel === 'visit' ? VISIT : NOT_COUNTED;
}

/** 1 when `list` is in ascending order (ties allowed), -1 when in descending order (not ascending), 0 otherwise. */
function direction(list: readonly number[]): number {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < list.length && (ascending || descending); i += 1) {
    const d = (list[i] as number) - (list[i - 1] as number);
    if (d < 0) ascending = false;
    else if (d > 0) descending = false;
  }
  return ascending ? 1 : descending ? -1 : 0;
}

const ascending = (a: number, b: number): number => a - b;

/** Sorts instants in place; a history in either time order (the usual cases) is only checked, or reversed. */
function sortInstants(list: number[]): void {
  const order = direction(list);
  if (order === 1) return;
  if (order === -1) list.reverse(); // equal instants are interchangeable
  else list.sort(ascending);
}

/**
 * The longest history whose instants enter the cache of instants (time.ts) when indexed. A longer one's
 * are read without entering it: 10 000 instants a check turned the cache's generations over on every
 * call (a check took 8 ms instead of 2), and would push out the instants of every other case.
 */
export const CACHED_HISTORY_INSTANTS = 1000;

export function indexHistory(context: Context): HistoryIndex {
  const voiceConnected: number[] = [];
  const visits: number[] = [];
  const unansweredByPhone = new Map<string, number[]>();
  let attempts: number[] = [];
  let unanswered: boolean[] = [];
  const debtorId = context.debtor.id;
  const history = context.history ?? [];
  const cached = history.length <= CACHED_HISTORY_INSTANTS;
  for (let i = 0; i < history.length; i += 1) {
    const entry = history[i] as Indexed & { readonly at: string };
    const kind = kindOf(entry, debtorId);
    if (kind === NOT_COUNTED) continue;
    const ms = cached ? parseInstant(entry.at) : readInstant(entry.at);
    if (kind === VISIT) {
      visits.push(ms);
      continue;
    }
    attempts.push(ms);
    unanswered.push(kind === VOICE_UNANSWERED);
    if (kind === VOICE_UNANSWERED && entry.phoneRef !== undefined) {
      const list = unansweredByPhone.get(entry.phoneRef);
      if (list === undefined) unansweredByPhone.set(entry.phoneRef, [ms]);
      else list.push(ms);
    } else if (kind === VOICE_CONNECTED) voiceConnected.push(ms);
  }
  // The attempts carry whether each went unanswered: sorted stably, as a sort of the pairs by instant would.
  const order = direction(attempts);
  if (order === -1) {
    attempts.reverse();
    unanswered.reverse();
    // Equal instants keep the history's order: reversed back within each run of them.
    for (let i = 0; i < attempts.length; ) {
      let j = i + 1;
      while (j < attempts.length && attempts[j] === attempts[i]) j += 1;
      if (j - i > 1) {
        const run = unanswered.slice(i, j).reverse();
        for (let k = i; k < j; k += 1) unanswered[k] = run[k - i] as boolean;
      }
      i = j;
    }
  } else if (order === 0) {
    const positions = attempts.map((_, i) => i).sort((a, b) => (attempts[a] as number) - (attempts[b] as number));
    const sortedUnanswered = positions.map((i) => unanswered[i] as boolean);
    attempts = positions.map((i) => attempts[i] as number);
    unanswered = sortedUnanswered;
  }
  sortInstants(voiceConnected);
  sortInstants(visits);
  for (const list of unansweredByPhone.values()) sortInstants(list);
  return { voiceConnected, visits, unansweredByPhone, debtorAttempts: attempts, debtorAttemptUnanswered: unanswered };
}

/**
 * A history index grown one entry at a time (the audit keeps one per debtor): the same lists as
 * indexHistory over the same entries, without rebuilding them for every record. Adding is O(1) for
 * entries in time order (a binary search otherwise); counting stays two binary searches.
 */
export interface GrowingHistoryIndex extends HistoryIndex {
  readonly voiceConnected: number[];
  readonly debtorAttempts: number[];
  readonly debtorAttemptUnanswered: boolean[];
  readonly visits: number[];
  readonly unansweredByPhone: Map<string, number[]>;
}

export function emptyHistoryIndex(): GrowingHistoryIndex {
  return { voiceConnected: [], debtorAttempts: [], debtorAttemptUnanswered: [], visits: [], unansweredByPhone: new Map() };
}

/** The first index of `sorted` whose value is > `value`: where a stable sort puts a new equal value. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `ms` in a sorted list where indexHistory's stable sort would put it; its position. A push for a log in time order. */
function insertSorted(list: number[], ms: number): number {
  if (list.length === 0 || (list[list.length - 1] as number) <= ms) {
    list.push(ms);
    return list.length - 1;
  }
  const at = upperBound(list, ms);
  list.splice(at, 0, ms);
  return at;
}

/** Adds one entry at instant `ms` to the index of debtor `debtorId`, as indexHistory would have counted it. */
export function addToHistoryIndex(index: GrowingHistoryIndex, debtorId: string, entry: Indexed, ms: number): void {
  const kind = kindOf(entry, debtorId);
  if (kind === NOT_COUNTED) return;
  if (kind === VISIT) {
    insertSorted(index.visits, ms);
    return;
  }
  const at = insertSorted(index.debtorAttempts, ms);
  if (at === index.debtorAttemptUnanswered.length) index.debtorAttemptUnanswered.push(kind === VOICE_UNANSWERED);
  else index.debtorAttemptUnanswered.splice(at, 0, kind === VOICE_UNANSWERED);
  if (kind === VOICE_UNANSWERED && entry.phoneRef !== undefined) {
    const list = index.unansweredByPhone.get(entry.phoneRef);
    if (list === undefined) index.unansweredByPhone.set(entry.phoneRef, [ms]);
    else insertSorted(list, ms);
  } else if (kind === VOICE_CONNECTED) insertSorted(index.voiceConnected, ms);
}

/** How many instants at the front of a sorted list are before `cutoffMs`; they are dropped. */
function dropBefore(list: number[], cutoffMs: number): number {
  if (list.length === 0 || (list[0] as number) >= cutoffMs) return 0;
  const stale = lowerBound(list, cutoffMs);
  list.splice(0, stale);
  return stale;
}

/** Forgets the entries before `cutoffMs`: the index is then indexHistory's of the entries kept. */
export function forgetHistoryBefore(index: GrowingHistoryIndex, cutoffMs: number): void {
  dropBefore(index.voiceConnected, cutoffMs);
  index.debtorAttemptUnanswered.splice(0, dropBefore(index.debtorAttempts, cutoffMs));
  dropBefore(index.visits, cutoffMs);
  for (const [phoneRef, list] of index.unansweredByPhone) {
    dropBefore(list, cutoffMs);
    if (list.length === 0) index.unansweredByPhone.delete(phoneRef);
  }
}

/** The first index of `sorted` whose value is ≥ `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many instants of `sorted` fall in [start, end). */
function countIn(sorted: readonly number[], start: number, end: number): number {
  return sorted.length === 0 ? 0 : lowerBound(sorted, end) - lowerBound(sorted, start);
}

/** The most unanswered attempts in a row that are counted: far above any profile's limit (docs/profiles.md). */
export const MAX_TRAILING_ATTEMPTS = 1000;

/** How many of the debtor's attempts just before `atMs` went unanswered in a row (at most MAX_TRAILING_ATTEMPTS). */
export function trailingUnanswered(index: HistoryIndex, atMs: number): number {
  const before = lowerBound(index.debtorAttempts, atMs);
  let n = 0;
  while (n < MAX_TRAILING_ATTEMPTS && before - n - 1 >= 0 && index.debtorAttemptUnanswered[before - n - 1] === true) n += 1;
  return n;
}

/** The counts of the debtor's local day (the largest over candidate zones) and of a phone number's. */
export function dayCounts(index: HistoryIndex, atMs: number, zones: { debtor: readonly string[]; target: readonly string[] }, phoneRef: string | undefined): {
  voiceConnected: number;
  visits: number;
  unansweredOnNumber: number;
} {
  // Each zone's local day once, for every list counted in it: no arrays of days per check.
  const onNumber = phoneRef === undefined ? undefined : index.unansweredByPhone.get(phoneRef);
  const sameZones = zones.target === zones.debtor;
  let voiceConnected = 0;
  let visits = 0;
  let unansweredOnNumber = 0;
  for (let i = 0; i < zones.debtor.length; i += 1) {
    const day = localDayBounds(atMs, zones.debtor[i] as string);
    voiceConnected = Math.max(voiceConnected, countIn(index.voiceConnected, day.start, day.end));
    visits = Math.max(visits, countIn(index.visits, day.start, day.end));
    if (sameZones && onNumber !== undefined) unansweredOnNumber = Math.max(unansweredOnNumber, countIn(onNumber, day.start, day.end));
  }
  for (let i = 0; !sameZones && onNumber !== undefined && i < zones.target.length; i += 1) {
    const day = localDayBounds(atMs, zones.target[i] as string);
    unansweredOnNumber = Math.max(unansweredOnNumber, countIn(onNumber, day.start, day.end));
  }
  return { voiceConnected, visits, unansweredOnNumber };
}

/**
 * Derives the facts of one check from a validated context and action. `atMs` moves the action in time
 * (scheduling asks "what if the same action happened then?") without rewriting its text; `history` is
 * the context's history index and `terms` its agreement compiled (agreedTerms), both built once by a
 * prepared case or a schedule search.
 */
export function deriveFacts(
  context: Context,
  action: Action,
  atMs: number = parseInstant(action.at),
  history: HistoryIndex = indexHistory(context),
  terms: AgreedTerms | null = agreedTerms(context.agreement),
): Facts {
  const { debtor, debt } = context;
  const target = action.target;

  const contactRecord = target.role === 'contact' ? context.contacts?.find((c) => c.partyId === target.partyId) : undefined;
  const guarantorRecord = target.role === 'guarantor' ? context.guarantors?.find((g) => g.partyId === target.partyId) : undefined;

  const zones = debtorZones(debtor);
  const debtorLocals = zones.map((zone) => read(atMs, zone));
  const debtorLocal = debtorLocals[0] as LocalReading;
  const ownZone = contactRecord?.timeZone ?? guarantorRecord?.timeZone;
  const targetLocals = ownZone === undefined ? debtorLocals : [read(atMs, ownZone)];
  const targetLocal = targetLocals[0] as LocalReading;

  const agreed = termsInForceAt(terms, atMs);

  const phoneRef = action.phoneRef;
  const counts = dayCounts(history, atMs, { debtor: zones, target: ownZone === undefined ? zones : [ownZone] }, phoneRef);

  const settledAtMs = debt.status === 'settled' && debt.settledAt !== undefined ? parseInstant(debt.settledAt) : null;

  let targetRegistered: boolean;
  switch (target.role) {
    case 'debtor': targetRegistered = target.partyId === undefined || target.partyId === debtor.id; break;
    case 'contact': targetRegistered = contactRecord !== undefined; break;
    case 'guarantor': targetRegistered = guarantorRecord !== undefined; break;
    default: targetRegistered = false;
  }

  const { actor } = action;
  const collector = actor.kind === 'human' && actor.collector !== undefined ? actor.collector : undefined;
  const ai = actor.kind === 'ai' && actor.ai !== undefined ? actor.ai : undefined;
  const org = actor.organization;

  return {
    atMs,
    channel: action.channel,
    targetRole: target.role,
    purpose: action.purpose ?? null,
    disclosures: action.disclosures,
    conduct: action.conduct,
    amountDemanded: action.amountDemanded ?? null,
    visit: action.visit ?? null,
    debtorLocal,
    targetLocal,
    debtorLocals,
    targetLocals,
    agreementInForce: agreed !== null,
    agreedWindows: agreed === null ? NO_WINDOWS : agreed.windows,
    agreedVoiceDailyCap: agreed === null ? null : agreed.voiceDailyCap,
    agreedUnansweredAttemptsDailyCap: agreed === null ? null : agreed.unansweredAttemptsDailyCap,
    trailingUnansweredAttempts: trailingUnanswered(history, atMs),
    voiceConnectedToday: counts.voiceConnected,
    visitsToday: counts.visits,
    unansweredOnNumberToday: phoneRef === undefined ? null : counts.unansweredOnNumber,
    settled: settledAtMs !== null && settledAtMs <= atMs,
    debtorReachable: debtor.reachable,
    debtorDeceased: debtor.deceased,
    debtorLegalCapacity: debtor.legalCapacity,
    targetRegistered,
    contact: contactRecord === undefined ? null : {
      optedOutAtMs: instantOrNull(contactRecord.optedOutAt),
      volunteeredToRepayAtMs: instantOrNull(contactRecord.volunteeredToRepayAt),
    },
    guarantor: guarantorRecord === undefined ? null : {
      coversDebt: guarantorRecord.coversDebt,
      validFromMs: instantOrNull(guarantorRecord.validFrom),
      validUntilMs: instantOrNull(guarantorRecord.validUntil),
      liabilityCap: guarantorRecord.liabilityCap ?? null,
    },
    actorKind: actor.kind,
    collector: collector === undefined ? null : {
      violentCrimeRecord: collector.violentCrimeRecord ?? null,
      seriousBadCredit: collector.seriousBadCredit ?? null,
      preJobTrainingPassedAtMs: instantOrNull(collector.preJobTrainingPassedAt),
      lastTrainingAssessedAtMs: instantOrNull(collector.lastTrainingAssessedAt),
      confidentialityPledgeSignedAtMs: instantOrNull(collector.confidentialityPledgeSignedAt),
      standing: collector.standing ?? null,
    },
    ai: ai === undefined ? null : {
      fairnessReviewedAtMs: instantOrNull(ai.fairnessReviewedAt),
      usesProtectedAttributes: ai.usesProtectedAttributes ?? null,
      reliabilityValidatedAtMs: instantOrNull(ai.reliabilityValidatedAt),
      humanHandoff: ai.humanHandoff ?? null,
      securityAssessedAtMs: instantOrNull(ai.securityAssessedAt),
    },
    organizationKind: org.kind,
    outsourcing: org.outsourcingAgreement === undefined ? null : {
      validFromMs: instantOrNull(org.outsourcingAgreement.validFrom),
      validUntilMs: instantOrNull(org.outsourcingAgreement.validUntil),
    },
    agencyLastEvaluatedAtMs: instantOrNull(org.lastEvaluatedAt),
    system: actor.system ?? null,
  };
}
