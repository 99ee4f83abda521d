/**
 * When may the same action happen, and how much is left today. Built on the same facts and rules as
 * checkAction: a candidate instant is allowed exactly when checkAction would allow the action moved there.
 */
import { prepare } from './check.js';
import { decide, runRules } from './evaluate.js';
import { voiceCap, type VoiceCapReason } from './caps.js';
import { compileWindows, dayCounts, debtorZones, deriveFacts, indexHistory, inForce, type Facts, type HistoryIndex } from './facts.js';
import { nationalLimits, type CompiledLimits } from './profiles/compile.js';
import { presetLimits } from './profiles/resolve.js';
import { rules as builtInRules } from './rules/index.js';
import type { Action } from './schema/action.js';
import type { Context } from './schema/context.js';
import type { Decision, Finding } from './schema/decision.js';
import { Instant } from './schema/primitives.js';
import { DAY_MS, formatInstant, localParts, parseInstant, wallToInstant } from './time.js';
import { validate, validateContext } from './validate.js';
import { inAnyWindow } from './windows.js';

/**
 * Rules whose violations waiting cannot cure: they depend on who, what and how, not on when, or they only
 * get worse with time (a settled debt stays settled, an opted-out contact stays opted out). A property test
 * checks that each of them, once it denies at an instant, denies at every later one.
 */
export const TIME_INDEPENDENT_RULES: ReadonlySet<string> = new Set([
  'invalid-input', 'visit-staffing', 'visit-premises', 'debtor-only', 'contact-precondition', 'contact-purpose',
  'contact-disclosure', 'contact-opt-out', 'settled-debt', 'lawful-conduct', 'collector-eligibility',
  'collector-standing', 'system-security',
]);

export interface ScheduleOptions {
  /** How far ahead to look, in days (default 14, at most 366). */
  readonly horizonDays?: number;
  /** A built-in profile id; for overlays use `guard.nextAllowedAt`. */
  readonly profile?: string;
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
}

const DEFAULT_HORIZON_DAYS = 14;
const MINUTE = 60_000;

/** Every instant in (from, to] at which some time-dependent fact of this case can change. */
function boundaries(context: Context, action: Action, facts: Facts, limits: CompiledLimits, from: number, to: number): number[] {
  const out = new Set<number>();
  const add = (ms: number): void => {
    if (ms > from && ms <= to) out.add(ms);
  };
  const windowStarts = new Set<number>([limits.windowStartMinute]);
  for (const w of context.agreement?.windows ?? []) windowStarts.add(compileWindows([w])[0]?.startMinute ?? 0);
  const zones = new Set([...debtorZones(context.debtor), ...facts.targetLocals.map((r) => r.zone)]);
  for (const zone of zones) {
    const firstWall = localParts(from, zone).wallMs;
    const firstMidnight = firstWall - (((firstWall % DAY_MS) + DAY_MS) % DAY_MS);
    for (let wall = firstMidnight; wall <= firstMidnight + Math.ceil((to - from) / DAY_MS + 1) * DAY_MS; wall += DAY_MS) {
      add(wallToInstant(wall, zone)); // daily caps reset
      for (const minute of windowStarts) add(wallToInstant(wall + minute * MINUTE, zone)); // a window opens
    }
  }
  // Validity periods and attestations that start later: from that instant, or just after an inclusive end.
  const instants = [
    context.agreement?.validFrom, context.agreement?.validUntil,
    ...(context.guarantors ?? []).flatMap((g) => [g.validFrom, g.validUntil]),
    ...(context.contacts ?? []).map((c) => c.volunteeredToRepayAt),
    action.actor.organization.outsourcingAgreement?.validFrom, action.actor.organization.outsourcingAgreement?.validUntil,
    action.actor.organization.lastEvaluatedAt,
    action.actor.collector?.preJobTrainingPassedAt, action.actor.collector?.lastTrainingAssessedAt, action.actor.collector?.confidentialityPledgeSignedAt,
    action.actor.ai?.fairnessReviewedAt, action.actor.ai?.reliabilityValidatedAt, action.actor.ai?.securityAssessedAt,
  ];
  for (const text of instants) {
    if (text === undefined) continue;
    const ms = parseInstant(text);
    add(ms);
    add(ms + 1);
  }
  return [...out].sort((a, b) => a - b);
}

/** "The same action at another instant" for one validated case. */
export interface Mover {
  readonly context: Context;
  readonly action: Action;
  readonly limits: CompiledLimits;
  /** The case's history index, built once for every candidate. */
  readonly history: HistoryIndex;
  /** The decision on the facts of one candidate instant (a guard adds provenance and locale). */
  readonly decide: (facts: Facts, atMs: number) => Decision;
}

function decisionAt(m: Mover, atMs: number): { decision: Decision; facts: Facts } {
  const facts = deriveFacts(m.context, m.action, m.limits, atMs, m.history);
  return { decision: m.decide(facts, atMs), facts };
}

/** The search behind nextAllowedAt, for a validated case (shared with guards). */
export function searchFrom(m: Mover, horizonDays: number): ScheduleResult {
  const zone = m.context.debtor.timeZone;
  const start = parseInstant(m.action.at);
  const end = start + horizonDays * DAY_MS;
  const first = decisionAt(m, start);
  if (first.decision.outcome === 'allow') return { at: formatInstant(start, zone), decision: first.decision, reasons: [], permanent: false, horizonEnd: formatInstant(end, zone) };
  const permanent = first.decision.violations.filter((v) => TIME_INDEPENDENT_RULES.has(v.rule));
  if (permanent.length > 0) return { at: null, decision: first.decision, reasons: permanent, permanent: true, horizonEnd: formatInstant(end, zone) };

  let persistent = new Map(first.decision.violations.map((v) => [`${v.rule}/${v.code}`, v]));
  for (const t of boundaries(m.context, m.action, first.facts, m.limits, start, end)) {
    const { decision } = decisionAt(m, t);
    if (decision.outcome === 'allow') return { at: formatInstant(t, zone), decision, reasons: [], permanent: false, horizonEnd: formatInstant(end, zone) };
    const seen = new Set(decision.violations.map((v) => `${v.rule}/${v.code}`));
    persistent = new Map([...persistent].filter(([key]) => seen.has(key)));
  }
  return { at: null, decision: first.decision, reasons: [...persistent.values()], permanent: false, horizonEnd: formatInstant(end, zone) };
}

export function horizonOf(options: ScheduleOptions): number {
  const days = options.horizonDays ?? DEFAULT_HORIZON_DAYS;
  if (!Number.isFinite(days) || days < 0 || days > 366) throw new RangeError(`horizonDays must be between 0 and 366, got ${days}`);
  return days;
}

/**
 * The earliest instant ≥ action.at at which the same action (moved in time, nothing else changed) is
 * allowed, with the decision there — or null with the reasons: permanent ones (nothing waiting can cure)
 * or those that last through the whole horizon. Never throws for bad data (invalid input: null, permanent).
 */
export function scheduleAction(context: unknown, action: unknown, options: ScheduleOptions = {}): ScheduleResult {
  const limits = options.profile === undefined ? nationalLimits : presetLimits(options.profile);
  const horizonDays = horizonOf(options);
  const prepared = prepare(context, action, limits);
  if (!prepared.ok) return { at: null, decision: prepared.decision, reasons: prepared.decision.violations, permanent: true, horizonEnd: null };
  const decideAt = (facts: Facts): Decision => decide(runRules(builtInRules, facts, limits), limits.profileId);
  return searchFrom({ context: prepared.context, action: prepared.action, limits, history: indexHistory(prepared.context), decide: decideAt }, horizonDays);
}

/** The earliest allowed instant ≥ action.at as ISO text in the debtor's offset, or null (see scheduleAction). */
export function nextAllowedAt(context: unknown, action: unknown, options: ScheduleOptions = {}): string | null {
  return scheduleAction(context, action, options).at;
}

export interface Quota {
  /** The debtor's local date containing `at`, and the zone it is read in. */
  readonly localDate: string;
  readonly timeZone: string;
  /**
   * `capSource` is whose number the cap is; `capReason` says why it applies (src/caps.ts: an agreed cap
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
function windowOpen(context: Context, limits: CompiledLimits, ms: number): { open: boolean; source: 'default' | 'agreement' } {
  const agreement = context.agreement;
  const windows = agreement !== undefined && inForce(ms, agreement.validFrom, agreement.validUntil) && agreement.windows !== undefined && agreement.windows.length > 0 ? compileWindows(agreement.windows) : null;
  const readings = debtorZones(context.debtor).map((zone) => localParts(ms, zone));
  if (windows !== null) return { source: 'agreement', open: readings.every((r) => inAnyWindow(windows, r.weekday, r.minuteOfDay)) };
  return { source: 'default', open: readings.every((r) => r.minuteOfDay >= limits.windowStartMinute && r.minuteOfDay < limits.windowEndMinute) };
}

/** The instants in (ms, ms + days] at which a window may open or close, in each of the debtor's zones. */
function windowEdges(context: Context, limits: CompiledLimits, ms: number, days: number): number[] {
  const minutes = new Set([limits.windowStartMinute, limits.windowEndMinute]);
  for (const w of compileWindows(context.agreement?.windows ?? [])) {
    minutes.add(w.startMinute);
    minutes.add(w.endMinute);
  }
  const edges = new Set<number>();
  for (const zone of debtorZones(context.debtor)) {
    const wall = localParts(ms, zone).wallMs;
    const midnight = wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
    for (let day = 0; day <= days; day += 1) {
      for (const minute of minutes) {
        const t = wallToInstant(midnight + day * DAY_MS + minute * MINUTE, zone);
        if (t > ms && t <= ms + days * DAY_MS) edges.add(t);
      }
    }
  }
  for (const text of [context.agreement?.validFrom, context.agreement?.validUntil]) {
    if (text === undefined) continue;
    const t = parseInstant(text);
    for (const edge of [t, t + 1]) if (edge > ms) edges.add(edge);
  }
  return [...edges].sort((a, b) => a - b);
}

/** The next instant after `ms`, within 8 days, at which the window's state differs from `open`. */
function nextFlip(context: Context, limits: CompiledLimits, ms: number, open: boolean): number | null {
  for (const t of windowEdges(context, limits, ms, 8)) if (windowOpen(context, limits, t).open !== open) return t;
  return null;
}

/** What is left today for the debtor: calls, visits, the window, and per-number attempts. */
export function quota(context: unknown, at: unknown, options: { readonly profile?: string; readonly limits?: CompiledLimits } = {}): QuotaResult {
  const limits = options.limits ?? (options.profile === undefined ? nationalLimits : presetLimits(options.profile));
  const ctx = validateContext(context);
  const instant = validate(Instant, at, 'at');
  if (!ctx.ok || !instant.ok) return { ok: false, quota: null, issues: [...(ctx.ok ? [] : ctx.problems), ...(instant.ok ? [] : instant.problems)] };
  const c = ctx.value;
  const ms = parseInstant(instant.value);
  const zones = debtorZones(c.debtor);
  const history = indexHistory(c);
  const counts = dayCounts(history, ms, { debtor: zones, target: zones }, undefined);
  const agreement = c.agreement;
  const agreed = agreement !== undefined && inForce(ms, agreement.validFrom, agreement.validUntil) ? (agreement.voiceDailyCap ?? null) : null;
  const voice = voiceCap(agreed, limits);
  const state = windowOpen(c, limits, ms);
  const flip = nextFlip(c, limits, ms, state.open);
  const zone = c.debtor.timeZone;

  let unansweredByNumber: Record<string, { used: number; cap: number; left: number }> | null = null;
  const profileNumberCap = limits.unansweredAttemptsPerNumberDailyCap;
  // An agreed unanswered-attempts cap only lowers the profile's (as in unanswered-attempts-cap).
  const agreedNumberCap = agreement !== undefined && inForce(ms, agreement.validFrom, agreement.validUntil) ? (agreement.unansweredAttemptsDailyCap ?? null) : null;
  const numberCap = profileNumberCap === null ? null : agreedNumberCap !== null && agreedNumberCap < profileNumberCap ? agreedNumberCap : profileNumberCap;
  if (numberCap !== null) {
    unansweredByNumber = {};
    for (const ref of [...history.unansweredByPhone.keys()].sort()) {
      const used = dayCounts(history, ms, { debtor: zones, target: zones }, ref).unansweredOnNumber;
      unansweredByNumber[ref] = { used, cap: numberCap, left: Math.max(0, numberCap - used) };
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
