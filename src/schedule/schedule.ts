/**
 * When may the same action happen, and how much is left today. Built on the same facts and rules as
 * checkAction: a candidate instant is allowed exactly when checkAction would allow the action moved there.
 */
import { INVALID_INPUT } from '../core/decision.js';
import { datedFieldsOf, datedInstants } from '../core/define-rule.js';
import { unansweredNumberCap, voiceCap, type VoiceCapReason } from '../core/caps.js';
import { agreedTerms, dayCounts, debtorZones, indexHistory, termsInForceAt, type AgreedTerms, type CompiledWindow, type Facts, type HistoryIndex } from '../core/facts.js';
import { defaultWindowEdges, windowOpenAt } from '../core/limits-at.js';
import type { CompiledLimits } from '../profiles/compile.js';
import { rules as builtInRules } from '../rules/index.js';
import type { Action } from '../schema/action.js';
import type { Context } from '../schema/context.js';
import type { Decision, Finding } from '../schema/decision.js';
import { Instant } from '../schema/primitives.js';
import { DAY_MS, formatInstant, HOUR_MS, localParts, parseInstant, wallMidnight, wallToInstant, weekdayOfDays, zoneOffset } from '../core/time.js';
import { Context as ContextSchema } from '../schema/context.js';
import { validate } from '../core/validate.js';
import { governingAgreedWindows } from '../core/windows.js';

/**
 * Rules whose violations waiting cannot cure, read from each rule module's `timeDependent: false`, plus
 * invalid input. A property test checks that each of them, once it denies at an instant, denies at every
 * later one.
 */
export const TIME_INDEPENDENT_RULES: ReadonlySet<string> = new Set([INVALID_INPUT, ...builtInRules.filter((r) => !r.timeDependent).map((r) => r.id)]);

export interface ScheduleOptions {
  /** How far ahead to look, in days (default 14, at most 366). */
  readonly horizonDays?: number;
  /** A built-in profile id; for overlays use `guard.nextAllowedAt`. */
  readonly profile?: string;
}

/** How a search ended. */
export type ScheduleStatus = 'allowed' | 'permanent' | 'horizon-exhausted' | 'search-limit';

/** What a search cost: the candidate instants it considered and the full checks it ran. */
export interface ScheduleWork {
  /** Instants computed arithmetically: window edges per day and zone, midnights, validity bounds. */
  readonly candidates: number;
  /** Full checks run (the action's own instant included); at most MAX_SCHEDULE_CHECKS. */
  readonly checks: number;
}

export interface ScheduleResult {
  /** The earliest allowed instant ≥ action.at, in the debtor's offset; null when none. */
  readonly at: string | null;
  /** The decision at `at`, or at the action's own instant when `at` is null. */
  readonly decision: Decision;
  /** When `at` is null: the violations that stand in the way (every candidate instant had them). */
  readonly reasons: readonly Finding[];
  /** True when moving in time cannot help (settled debt, opted-out contact, flagged conduct, …). */
  readonly permanent: boolean;
  /** The end of the horizon searched, in the debtor's offset. */
  readonly horizonEnd: string | null;
  /**
   * Why the search ended: an allowed instant, a permanent reason, the horizon searched to its end with no
   * allowed instant, or the cap on work per call reached first (`search-limit`: `at` is null and says
   * nothing about the rest of the horizon; schedule again from `searchedUntil`).
   */
  readonly status: ScheduleStatus;
  /** Every instant before this one (in the debtor's offset) was searched; null for invalid input. */
  readonly searchedUntil: string | null;
  /** What the search cost. */
  readonly work: ScheduleWork;
}

const DEFAULT_HORIZON_DAYS = 14;
const MINUTE = 60_000;
/** Offsets change on quarter hours of UTC only (src/core/time.ts reads one offset per quarter hour). */
const QUARTER = 15 * MINUTE;

/**
 * The hard cap on full checks in one search. The candidate instants are computed arithmetically and only
 * those at which every window involved is open are checked in full, so a real case needs a handful; a
 * search that reaches the cap stops with `status: 'search-limit'`.
 */
export const MAX_SCHEDULE_CHECKS = 1_000;
/**
 * The hard cap on candidate instants computed in one search. The schema bounds make the worst case
 * (8 candidate zones with the same offsets, 50 distinct agreed windows, 366 days) stays under half of it
 * (test/hostile/scheduler.test.ts measures it); the cap sits above, as a guard against a future schema bound being raised without looking here.
 */
export const MAX_SCHEDULE_CANDIDATES = 1_000_000;
/** The horizon is searched this many days at a time, so an early answer costs an early answer's work. */
const CHUNK_DAYS = 7;

type Interval = readonly [number, number];

interface Budget {
  candidates: number;
  checks: number;
}

class SearchLimit extends Error {}

/** Charges work to the search, or stops it (nothing charged) when that would pass a cap. */
function spend(budget: Budget, candidates: number, checks = 0): void {
  if (budget.candidates + candidates > MAX_SCHEDULE_CANDIDATES || budget.checks + checks > MAX_SCHEDULE_CHECKS) throw new SearchLimit();
  budget.candidates += candidates;
  budget.checks += checks;
}

const startsOn = (w: CompiledWindow, weekday: number): boolean => w.days === null || w.days.includes(weekday);

/**
 * The instants of [a, b) cut where the zone's offset changes: `[start, end, offset]` pieces. The offset is
 * sampled every 6 hours and each change found to its quarter hour, the unit in which the rules read it.
 */
function offsetSegments(a: number, b: number, zone: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  let start = a;
  let offset = zoneOffset(a, zone);
  for (let probe = a; probe < b;) {
    const next = Math.min(b, probe + 6 * HOUR_MS);
    const after = zoneOffset(next, zone);
    if (after !== offset) {
      let lo = Math.floor(probe / QUARTER);
      let hi = Math.floor(next / QUARTER);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (zoneOffset(mid * QUARTER, zone) === offset) lo = mid;
        else hi = mid;
      }
      out.push([start, hi * QUARTER, offset]);
      start = hi * QUARTER;
      offset = zoneOffset(start, zone);
    }
    probe = next;
  }
  out.push([start, b, offset]);
  return out;
}

/**
 * The instants at which the wall clock of `zone` is in [wallStart, wallEnd), cut to [from, to), given the
 * offset pieces around them: on the day clocks go back, a wall time that occurs twice yields both
 * occurrences; on the day they go forward, a wall time in the gap is reached when the gap ends.
 */
function wallSpanInstants(wallStart: number, wallEnd: number, segments: readonly (readonly [number, number, number])[], from: number, to: number): Interval[] {
  const out: Interval[] = [];
  for (const [a, b, offset] of segments) {
    const s = Math.max(a, from, wallStart - offset);
    const e = Math.min(b, to, wallEnd - offset);
    if (e > s) out.push([s, e]);
  }
  return out;
}

/**
 * Every instant at which the wall clock of `zone` reads `wallMs`: one, or two where clocks go back; for a
 * wall time in a gap (clocks going forward), the instant the gap ends, when that wall time is reached.
 */
function wallInstants(wallMs: number, zone: string): number[] {
  const out = new Set<number>();
  for (const offset of [zoneOffset(wallMs - DAY_MS, zone), zoneOffset(wallMs + DAY_MS, zone)]) {
    const t = wallMs - offset;
    if (t + zoneOffset(t, zone) === wallMs) out.add(t);
  }
  if (out.size === 0) out.add(wallToInstant(wallMs, zone));
  return [...out];
}

/**
 * The instants in [from, to) at which the wall clock of `zone` is inside one of `windows`, as sorted,
 * merged intervals: per local day and window, its start and end mapped through the zone (a window whose
 * end is not after its start runs into the next day, as in inWindow).
 */
function openIntervals(zone: string, windows: readonly CompiledWindow[], from: number, to: number, budget: Budget): Interval[] {
  const raw: Interval[] = [];
  const firstWall = localParts(from - DAY_MS, zone).wallMs;
  const firstMidnight = wallMidnight(firstWall);
  const days = Math.ceil((to - from) / DAY_MS) + 3;
  spend(budget, days * windows.length * 2);
  for (let day = 0; day < days; day += 1) {
    const midnight = firstMidnight + day * DAY_MS;
    const weekday = weekdayOfDays(Math.floor(midnight / DAY_MS));
    // A window may run into the next day: when the offset is the same at this midnight, the next and the
    // one after (nearly every day of every zone), every wall time of the two days maps through it, with no
    // lookup per window; on a day the clocks change, each window is mapped through every offset in force
    // during those two days (a wall time repeated when clocks go back is open twice).
    const offset = midnight - wallToInstant(midnight, zone);
    const steady = midnight + DAY_MS - wallToInstant(midnight + DAY_MS, zone) === offset && midnight + 2 * DAY_MS - wallToInstant(midnight + 2 * DAY_MS, zone) === offset;
    // Every instant whose wall time falls in these two days, whatever the offset (−12 h … +14 h).
    const segments = steady ? null : offsetSegments(midnight - 15 * HOUR_MS, midnight + 2 * DAY_MS + 15 * HOUR_MS, zone);
    for (const w of windows) {
      if (!startsOn(w, weekday)) continue;
      const endMinute = w.endMinute > w.startMinute ? w.endMinute : w.endMinute + 1440;
      const wallStart = midnight + w.startMinute * MINUTE;
      const wallEnd = midnight + endMinute * MINUTE;
      if (segments !== null) {
        raw.push(...wallSpanInstants(wallStart, wallEnd, segments, from, to));
        continue;
      }
      const s = Math.max(from, wallStart - offset);
      const e = Math.min(to, wallEnd - offset);
      if (e > s) raw.push([s, e]);
    }
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** The intersection of two sorted lists of disjoint intervals. */
function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [as, ae] = a[i] as Interval;
    const [bs, be] = b[j] as Interval;
    const s = Math.max(as, bs);
    const e = Math.min(ae, be);
    if (e > s) out.push([s, e]);
    if (ae < be) i += 1;
    else j += 1;
  }
  return out;
}

/** The instants in [from, to) at which a window is open in every one of `zones`. */
function openEverywhere(zones: readonly string[], windows: readonly CompiledWindow[], from: number, to: number, budget: Budget): Interval[] {
  let open: Interval[] | null = null;
  for (const zone of zones) {
    const own = openIntervals(zone, windows, from, to, budget);
    open = open === null ? own : intersect(open, own);
    if (open.length === 0) break;
  }
  return open ?? [];
}

/**
 * The window test of collection-hours and agreed-hours at one instant, without deriving the other facts:
 * when it fails, one of those rules denies, so the instant needs no full check.
 */
interface WindowGate {
  readonly open: (ms: number) => boolean;
  /**
   * The starts of the intervals in [from, to) in which the governing window is open in every zone
   * concerned (the agreed windows while the agreement is in force, else the default window). Open by
   * construction, so they need no test of their own; the full check decides in any case.
   */
  readonly starts: (from: number, to: number, budget: Budget) => number[];
}

function distinct(windows: readonly CompiledWindow[]): CompiledWindow[] {
  const seen = new Map<string, CompiledWindow>();
  for (const w of windows) seen.set(`${w.startMinute}/${w.endMinute}/${w.days?.join(',') ?? '*'}`, w);
  return [...seen.values()];
}

function windowGate(context: Context, facts: Facts, limits: CompiledLimits): WindowGate {
  const terms = agreedTerms(context.agreement);
  // The zones of the person approached: the debtor's candidate zones toward the debtor (whom alone agreed
  // windows govern), else the contact's or guarantor's own, as the hour rules read them.
  const zones = [...new Set(facts.targetLocals.map((r) => r.zone))];
  // The window that governs at an instant, asked of the core as the rules' facts ask it: the agreed windows
  // while the agreement is in force (toward the debtor), else null for the default window.
  const governing = (ms: number): readonly CompiledWindow[] | null => governingAgreedWindows(facts.targetRole, termsInForceAt(terms, ms)?.windows ?? []);
  const agreed = terms === null || governingAgreedWindows(facts.targetRole, terms.windows) === null ? null : distinct(terms.windows);
  const defaultWindow: CompiledWindow[] = limits.windowStartMinute < limits.windowEndMinute ? [{ startMinute: limits.windowStartMinute, endMinute: limits.windowEndMinute, days: null }] : [];
  return {
    open: (ms) => windowOpenAt(zones.map((zone) => localParts(ms, zone)), governing(ms), limits),
    starts: (from, to, budget) => {
      const out: number[] = [];
      for (const [start] of openEverywhere(zones, defaultWindow, from, to, budget)) if (governing(start) === null) out.push(start);
      if (agreed !== null) for (const [start] of openEverywhere(zones, agreed, from, to, budget)) if (governing(start) !== null) out.push(start);
      return out;
    },
  };
}

/**
 * The instants in (from, to] at which the action may become allowed, in order: the start of an interval
 * in which the window is open in every zone concerned, a local midnight (daily caps reset) or a validity
 * bound inside such an interval. Between two of them nothing the rules read changes for the better.
 */
function candidates(gate: WindowGate, zones: readonly string[], validity: readonly number[], from: number, to: number, budget: Budget): number[] {
  const out = new Set<number>();
  for (const ms of gate.starts(from, to + 1, budget)) if (ms > from && ms <= to) out.add(ms);
  // Midnights and validity bounds matter only where the window is open: tested one by one.
  const others = new Set<number>();
  const add = (ms: number): void => {
    if (ms > from && ms <= to && !out.has(ms)) others.add(ms);
  };
  const days = Math.ceil((to - from) / DAY_MS) + 2;
  spend(budget, zones.length * days + validity.length);
  for (const zone of zones) {
    const firstWall = localParts(from, zone).wallMs;
    const firstMidnight = wallMidnight(firstWall);
    for (let day = 0; day < days; day += 1) add(wallToInstant(firstMidnight + day * DAY_MS, zone));
  }
  for (const ms of validity) add(ms);
  for (const ms of others) if (gate.open(ms)) out.add(ms);
  spend(budget, out.size);
  return [...out].sort((a, b) => a - b);
}

/**
 * Rules whose violation lasts until a local midnight and no longer depends on the instant within the day:
 * the daily caps, counted on the local days containing the instant.
 */
const DAILY_RULES: ReadonlySet<string> = new Set(['voice-daily-cap', 'visit-daily-cap', 'unanswered-attempts-cap']);

/** Every local midnight in (from, to], in any of the zones, sorted. */
function nextMidnights(zones: readonly string[], from: number, to: number): number[] {
  const out: number[] = [];
  const days = Math.ceil((to - from) / DAY_MS) + 2;
  for (const zone of zones) {
    const firstWall = localParts(from, zone).wallMs;
    const firstMidnight = wallMidnight(firstWall);
    for (let day = 0; day < days; day += 1) {
      const ms = wallToInstant(firstMidnight + day * DAY_MS, zone);
      if (ms > from && ms <= to) out.push(ms);
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * The dated fields the rules read (each rule declares them in `dated`): their instants are candidates,
 * since a validity period or an attestation may start there (test/schedule/dated-fields.test.ts checks
 * that a rule whose answer a dated field changes declares it).
 */
const DATED_FIELDS_READ = datedFieldsOf(builtInRules);

/** The instants at which a validity period or an attestation starts, or the instant after one ends. */
function validityInstants(context: Context, action: Action): number[] {
  const instants = datedInstants(DATED_FIELDS_READ, context, action);
  const out: number[] = [];
  for (const text of instants) {
    if (text === undefined) continue;
    const ms = parseInstant(text);
    out.push(ms, ms + 1);
  }
  return out;
}

/** "The same action at another instant" for one validated case. */
export interface Mover {
  readonly context: Context;
  readonly action: Action;
  readonly limits: CompiledLimits;
  /** The case's history index, built once for every candidate. */
  readonly history: HistoryIndex;
  /** The guard's decision on the action moved to one candidate instant, with its facts (null when they could not be derived). */
  readonly decide: (atMs: number) => { readonly decision: Decision; readonly facts: Facts | null };
}

const decisionAt = (m: Mover, atMs: number): { readonly decision: Decision; readonly facts: Facts | null } => m.decide(atMs);

/** The search behind nextAllowedAt, for a validated case (shared with guards). Its cost is capped: see MAX_SCHEDULE_CHECKS. */
export function searchFrom(m: Mover, horizonDays: number): ScheduleResult {
  const zone = m.context.debtor.timeZone;
  const start = parseInstant(m.action.at);
  const end = start + horizonDays * DAY_MS;
  const budget: Budget = { candidates: 0, checks: 1 };
  const first = decisionAt(m, start);
  const horizonEnd = formatInstant(end, zone);
  const result = (status: ScheduleStatus, at: number | null, decision: Decision, reasons: readonly Finding[], searchedUntil: number): ScheduleResult => ({
    at: at === null ? null : formatInstant(at, zone),
    decision,
    reasons,
    permanent: status === 'permanent',
    horizonEnd,
    status,
    searchedUntil: formatInstant(searchedUntil, zone),
    work: { candidates: budget.candidates, checks: budget.checks },
  });
  if (first.decision.outcome === 'allow') return result('allowed', start, first.decision, [], start);
  // Facts that cannot be derived (an internal error) cannot be searched: fail closed, as a permanent reason.
  if (first.facts === null) return result('permanent', null, first.decision, first.decision.violations, end);
  const firstFacts = first.facts;
  const permanent = first.decision.violations.filter((v) => TIME_INDEPENDENT_RULES.has(v.rule));
  if (permanent.length > 0) return result('permanent', null, first.decision, permanent, end);

  let persistent = new Map(first.decision.violations.map((v) => [`${v.rule}/${v.code}`, v]));
  const gate = windowGate(m.context, firstFacts, m.limits);
  const zones = [...new Set([...debtorZones(m.context.debtor), ...firstFacts.targetLocals.map((r) => r.zone)])];
  const validity = validityInstants(m.context, m.action);
  let searched = start;
  try {
    for (let from = start; from < end; from += CHUNK_DAYS * DAY_MS) {
      const to = Math.min(end, from + CHUNK_DAYS * DAY_MS);
      const list = candidates(gate, zones, validity, from, to, budget);
      const midnights = list.length === 0 ? [] : nextMidnights(zones, from, to);
      let skipUntil = -Infinity;
      for (const t of list) {
        if (t < skipUntil) continue;
        spend(budget, 0, 1);
        const { decision } = decisionAt(m, t);
        if (decision.outcome === 'allow') return result('allowed', t, decision, [], t);
        const seen = new Set(decision.violations.map((v) => `${v.rule}/${v.code}`));
        persistent = new Map([...persistent].filter(([key]) => seen.has(key)));
        searched = t;
        // Denied by daily caps alone: nothing changes for the better before the next local midnight.
        if (decision.violations.every((v) => DAILY_RULES.has(v.rule))) skipUntil = midnights.find((ms) => ms > t) ?? Infinity;
      }
      searched = to;
    }
  } catch (error) {
    if (!(error instanceof SearchLimit)) throw error;
    return result('search-limit', null, first.decision, [...persistent.values()], searched);
  }
  return result('horizon-exhausted', null, first.decision, [...persistent.values()], end);
}

/** The answer for invalid input: null, permanent, no search. */
export function invalidSchedule(decision: Decision): ScheduleResult {
  return { at: null, decision, reasons: decision.violations, permanent: true, horizonEnd: null, status: 'permanent', searchedUntil: null, work: { candidates: 0, checks: 0 } };
}

export function horizonOf(options: ScheduleOptions): number {
  const days = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isFinite(days) || days < 0 || days > 366) throw new RangeError(`horizonDays must be between 0 and 366, got ${days}`);
  return days;
}

export interface Quota {
  /** The debtor's local date containing `at`, and the zone it is read in. */
  readonly localDate: string;
  readonly timeZone: string;
  /**
   * `capSource` is whose number the cap is; `capReason` says why it applies (src/core/caps.ts: an agreed cap
   * only lowers it unless a custom profile opted in to raising), with the profile's and the agreed caps.
   */
  readonly voice: {
    readonly used: number; readonly cap: number; readonly left: number; readonly capSource: 'profile' | 'agreement';
    readonly capReason: VoiceCapReason; readonly profileCap: number; readonly agreedCap: number | null;
  };
  readonly visits: { readonly used: number; readonly cap: number; readonly left: number };
  /** The window for actions toward the debtor: agreed windows when in force, else the default window. */
  readonly window: { readonly source: 'default' | 'agreement'; readonly open: boolean; readonly opensAt: string | null; readonly closesAt: string | null };
  /** Under a profile capping unanswered attempts per number: per `phoneRef` seen in today's history. */
  readonly unansweredByNumber: Readonly<Record<string, { used: number; cap: number; left: number }>> | null;
}

export interface QuotaResult {
  readonly ok: boolean;
  readonly quota: Quota | null;
  /** When the input is invalid: each problem's path and message. */
  readonly issues: readonly { path: string; message: string }[];
}

/** Whether the window for actions toward the debtor is open at an instant, in every candidate zone. */
function windowOpen(zones: readonly string[], terms: AgreedTerms | null, limits: CompiledLimits, ms: number): { open: boolean; source: 'default' | 'agreement' } {
  // The same question the hour rules ask through the facts (governingWindowsOf, readingsOutsideWindow).
  const agreed = governingAgreedWindows('debtor', termsInForceAt(terms, ms)?.windows ?? []);
  return { source: agreed === null ? 'default' : 'agreement', open: windowOpenAt(zones.map((zone) => localParts(ms, zone)), agreed, limits) };
}

/** The instants in (ms, ms + days] at which a window may open or close, in each of the debtor's zones. */
function windowEdges(zones: readonly string[], terms: AgreedTerms | null, limits: CompiledLimits, ms: number, days: number): number[] {
  const minutes = new Set(defaultWindowEdges(limits));
  for (const w of terms?.windows ?? []) {
    minutes.add(w.startMinute);
    minutes.add(w.endMinute);
  }
  const end = ms + days * DAY_MS;
  const edges = new Set<number>();
  for (const zone of zones) {
    // Where the zone's offset changes the wall clock jumps, and the window can open or close right there,
    // at no edge minute: clocks going back from 01:59 to 01:00 re-enter an agreed window that ends at 01:15.
    const segments = offsetSegments(ms, end, zone);
    for (let k = 1; k < segments.length; k += 1) {
      const t = (segments[k] as [number, number, number])[0];
      if (t > ms && t <= end) edges.add(t);
    }
    const wall = localParts(ms, zone).wallMs;
    const midnight = wallMidnight(wall);
    for (let day = 0; day <= days; day += 1) {
      for (const minute of minutes) {
        // Both occurrences of a wall time repeated when clocks go back: the window flips at each.
        for (const t of wallInstants(midnight + day * DAY_MS + minute * MINUTE, zone)) if (t > ms && t <= end) edges.add(t);
      }
    }
  }
  // The agreement's validity bounds, within the same span only: a bound beyond it would be reported as
  // the next flip while the window edges before it were never looked at.
  for (const t of [terms?.validFromMs ?? null, terms?.validUntilMs ?? null]) {
    if (t === null) continue;
    for (const edge of [t, t + 1]) if (edge > ms && edge <= end) edges.add(edge);
  }
  return [...edges].sort((a, b) => a - b);
}

/** The next instant after `ms`, within 8 days, at which the window's state differs from `open`. */
function nextFlip(zones: readonly string[], terms: AgreedTerms | null, limits: CompiledLimits, ms: number, open: boolean): number | null {
  for (const t of windowEdges(zones, terms, limits, ms, 8)) if (windowOpen(zones, terms, limits, t).open !== open) return t;
  return null;
}

/** What is left today for the debtor: calls, visits, the window, and per-number attempts. */
export function quotaOf(context: unknown, at: unknown, limits: CompiledLimits): QuotaResult {
  const ctx = validate(ContextSchema, context, 'context');
  const instant = validate(Instant, at, 'at');
  if (!ctx.ok || !instant.ok) return { ok: false, quota: null, issues: [...(ctx.ok ? [] : ctx.problems), ...(instant.ok ? [] : instant.problems)] };
  const c = ctx.value;
  const ms = parseInstant(instant.value);
  const zones = debtorZones(c.debtor);
  const history = indexHistory(c);
  const counts = dayCounts(history, ms, { debtor: zones, target: zones }, undefined);
  const terms = agreedTerms(c.agreement);
  // The agreement in force now, as deriveFacts reads it for the rules: its caps only lower the profile's.
  const inForce = termsInForceAt(terms, ms);
  const voice = voiceCap(inForce?.voiceDailyCap ?? null, limits);
  const state = windowOpen(zones, terms, limits, ms);
  const flip = nextFlip(zones, terms, limits, ms, state.open);
  const zone = c.debtor.timeZone;

  let unansweredByNumber: Record<string, { used: number; cap: number; left: number }> | null = null;
  const numberCap = unansweredNumberCap(inForce?.unansweredAttemptsDailyCap ?? null, limits);
  if (numberCap !== null) {
    unansweredByNumber = {};
    for (const ref of [...history.unansweredByPhone.keys()].sort()) {
      const used = dayCounts(history, ms, { debtor: zones, target: zones }, ref).unansweredOnNumber;
      unansweredByNumber[ref] = { used, cap: numberCap.cap, left: Math.max(0, numberCap.cap - used) };
    }
  }
  return {
    ok: true,
    issues: [],
    quota: {
      localDate: localParts(ms, zone).date,
      timeZone: zone,
      voice: {
        used: counts.voiceConnected, cap: voice.cap, left: Math.max(0, voice.cap - counts.voiceConnected), capSource: voice.source,
        capReason: voice.reason, profileCap: voice.profileCap, agreedCap: voice.agreedCap,
      },
      visits: { used: counts.visits, cap: limits.visitDailyCap, left: Math.max(0, limits.visitDailyCap - counts.visits) },
      window: {
        source: state.source,
        open: state.open,
        opensAt: state.open ? null : flip === null ? null : formatInstant(flip, zone),
        closesAt: state.open ? (flip === null ? null : formatInstant(flip, zone)) : null,
      },
      unansweredByNumber,
    },
  };
}
