import { prepare, prepareValidated, type Prepared } from './check.js';
import { GuardConfigError } from './errors.js';
import { decide, runRules, type Evaluation } from './evaluate.js';
import { explain, type Locale } from './explain.js';
import { deriveFacts, indexHistory, type Facts, type HistoryIndex } from './facts.js';
import type { Action } from './schema/action.js';
import type { Context } from './schema/context.js';
import { compileHouseRules, type CompiledHouseRules } from './house-rules.js';
import { compileProfile, nationalLimits, type CompiledLimits } from './profiles/compile.js';
import { resolveProfile } from './profiles/resolve.js';
import { applyOverlay } from './profiles/tighten.js';
import { rules as builtInRules } from './rules/index.js';
import type { Decision, Finding, FindingSource, Message } from './schema/decision.js';
import type { Limits, Profile } from './schema/profile.js';
import { horizonOf, invalidSchedule, quota, searchFrom, type QuotaResult, type ScheduleOptions, type ScheduleResult } from './schedule.js';

export interface GuardOptions {
  /** A built-in profile id (`gb-t-45251-2025`, `cba-2026`) or a whole profile; default national. */
  readonly profile?: string | Profile;
  /** Limits to tighten on top of the profile; any loosening throws a GuardConfigError. */
  readonly overlay?: Partial<Limits>;
  /** The overlay's name in `ruleset.profile` and in findings' `source` (default `overlay`). */
  readonly overlayId?: string;
  /** json-rules-engine rules over the documented house facts (docs/house-rules.md). */
  readonly houseRules?: readonly unknown[];
  /** Message language listed first in decisions and used by `explain`: `zh-CN` (default) or `en`. */
  readonly locale?: Locale;
}

export interface Guard {
  /** The profile in force, overlay applied. */
  readonly profile: Profile;
  readonly locale: Locale;
  /** The ids of the house rules, in order. */
  readonly houseRuleIds: readonly string[];
  /** Built-in rules, overlays and house rules. Async because json-rules-engine is. */
  check(context: unknown, action: unknown): Promise<Decision>;
  /** Built-in rules and overlays only; throws a GuardConfigError when house rules are configured. */
  checkSync(context: unknown, action: unknown): Decision;
  /** A decision as text in the guard's locale. */
  explain(decision: Decision): string;
  /** scheduleAction under this guard's profile and overlay (house rules are not considered: see docs/scheduling.md). */
  scheduleAction(context: unknown, action: unknown, options?: Pick<ScheduleOptions, 'horizonDays'>): ScheduleResult;
  /** nextAllowedAt under this guard's profile and overlay (house rules are not considered). */
  nextAllowedAt(context: unknown, action: unknown, options?: Pick<ScheduleOptions, 'horizonDays'>): string | null;
  /** quota under this guard's profile and overlay. */
  quota(context: unknown, at: unknown): QuotaResult;
}

const byId = new Map(builtInRules.map((r) => [r.id, r]));

/**
 * Marks the violations that the national profile alone would not have found: they come from a limit the
 * profile or overlay tightened, and say which (with the national value), beside the national clause.
 * Only runs on a deny under a tightened profile; the national facts are derived at most once.
 */
function withProvenance(evaluation: Evaluation, nationalFacts: () => Facts, limits: CompiledLimits, base: Profile): Evaluation {
  if (limits.tightened.length === 0 || evaluation.violations.length === 0) return evaluation;
  let facts: Facts | undefined;
  const violations = evaluation.violations.map((v) => {
    const rule = byId.get(v.rule);
    if (rule === undefined || v.code === 'internal-error') return v;
    facts ??= nationalFacts();
    const nationalToo = rule.appliesTo(facts, nationalLimits) && rule.check(facts, nationalLimits).some((r) => r.kind === 'violation' && r.code === v.code);
    if (nationalToo) return v;
    const used = (rule.limits ?? limits.tightened).filter((name) => limits.tightened.includes(name));
    const source: FindingSource = {
      kind: used.some((name) => limits[name] !== base.limits[name]) ? 'overlay' : 'profile',
      profile: limits.profileId,
      limits: Object.fromEntries(used.map((name) => [name, { value: limits[name], national: nationalLimits[name] }])),
      ...(rule.basis === undefined ? {} : { basis: rule.basis }),
    };
    return { ...v, source };
  });
  return { ...evaluation, violations };
}

function ordered(message: Message, locale: Locale): Message {
  return locale === 'en' ? { en: message.en, zh: message.zh } : { zh: message.zh, en: message.en };
}

function localized(decision: Decision, locale: Locale): Decision {
  const relabel = (f: Finding): Finding => ({ ...f, message: ordered(f.message, locale) });
  return { ...decision, violations: decision.violations.map(relabel), obligations: decision.obligations.map(relabel) };
}

function houseFailure(error: unknown): Finding {
  const name = error instanceof Error ? error.name : typeof error;
  return {
    rule: 'house-rules',
    clause: { standard: 'house', clause: 'house-rules', topic: 'house rules' },
    code: 'internal-error',
    message: { zh: `内部规则执行出错（${name}），无法核验，依规拒绝。`, en: `House rules failed (${name}); the action cannot be verified, so it is denied.` },
    facts: { error: name },
  };
}

const KNOWN_OPTIONS = new Set(['profile', 'overlay', 'overlayId', 'houseRules', 'locale']);

/** A guard, and what the audit needs of it: checks of input that an outer schema already validated. */
export interface CompiledGuard {
  readonly guard: Guard;
  /** guard.checkSync for a validated case and action (the audit validates each record once), with the case's history index when kept. */
  readonly checkValidatedSync: (context: Context, action: Action, history?: HistoryIndex) => Decision;
  /** guard.check for a validated case and action. */
  readonly checkValidated: (context: Context, action: Action, history?: HistoryIndex) => Promise<Decision>;
}

/**
 * A configured checker: a profile, a stricter overlay, house rules and a locale, validated once. Throws a
 * GuardConfigError naming every offending setting when the configuration would loosen GB/T 45251 or
 * cannot be read.
 */
export function createGuard(options: GuardOptions = {}): Guard {
  return compileGuard(options).guard;
}

/** createGuard, plus the entry points for already validated input (internal: used by the audit). */
export function compileGuard(options: GuardOptions = {}): CompiledGuard {
  const unknown = Object.keys(options).filter((k) => !KNOWN_OPTIONS.has(k));
  if (unknown.length > 0) throw new GuardConfigError('Unknown guard options', unknown.map((k) => ({ path: k, message: `unknown option; known: ${[...KNOWN_OPTIONS].join(', ')}` })));
  const locale = options.locale ?? 'zh-CN';
  if (locale !== 'zh-CN' && locale !== 'en') throw new GuardConfigError('Unknown locale', [{ path: 'locale', message: `${JSON.stringify(locale)}: expected "zh-CN" or "en"` }]);

  const base = resolveProfile(options.profile);
  const profile = options.overlay === undefined ? base : applyOverlay(base, options.overlay, options.overlayId ?? 'overlay');
  const limits = compileProfile(profile);
  const house: CompiledHouseRules | null =
    options.houseRules === undefined || options.houseRules.length === 0 ? null : compileHouseRules(options.houseRules, builtInRules.map((r) => r.id));

  /** The built-in rules on one set of facts, with provenance; `atMs` moves the action for scheduling. */
  const evaluateBuiltIn = (facts: Facts, context: Context, action: Action, atMs?: number, history?: HistoryIndex): Evaluation =>
    withProvenance(runRules(builtInRules, facts, limits), () => deriveFacts(context, action, nationalLimits, atMs, history), limits, base);

  const noHouseRules = (): void => {
    if (house !== null) throw new GuardConfigError('checkSync cannot run house rules', [{ path: 'houseRules', message: 'json-rules-engine is asynchronous: use guard.check()' }]);
  };

  const decideSync = (prepared: Prepared, history?: HistoryIndex): Decision => {
    if (!prepared.ok) return localized(prepared.decision, locale);
    return localized(decide(evaluateBuiltIn(prepared.facts, prepared.context, prepared.action, undefined, history), limits.profileId), locale);
  };

  const decideAsync = async (prepared: Prepared, history?: HistoryIndex): Promise<Decision> => {
    if (!prepared.ok) return localized(prepared.decision, locale);
    let evaluation = evaluateBuiltIn(prepared.facts, prepared.context, prepared.action, undefined, history);
    if (house !== null) {
      let fired: Finding[];
      try {
        fired = await house.run(prepared.facts, limits.profileId);
      } catch (error) {
        fired = [houseFailure(error)];
      }
      evaluation = { ...evaluation, violations: [...evaluation.violations, ...fired], evaluated: [...evaluation.evaluated, ...house.ids] };
    }
    return localized(decide(evaluation, limits.profileId), locale);
  };

  const scheduleAction = (context: unknown, action: unknown, options: Pick<ScheduleOptions, 'horizonDays'> = {}): ScheduleResult => {
    const horizonDays = horizonOf(options);
    const prepared = prepare(context, action, limits);
    if (!prepared.ok) {
      return invalidSchedule(localized(prepared.decision, locale));
    }
    const { context: c, action: a } = prepared;
    return searchFrom({ context: c, action: a, limits, history: indexHistory(c), decide: (facts, atMs) => localized(decide(evaluateBuiltIn(facts, c, a, atMs), limits.profileId), locale) }, horizonDays);
  };

  const guard: Guard = Object.freeze({
    profile,
    locale,
    houseRuleIds: house?.ids ?? [],
    checkSync(context: unknown, action: unknown): Decision {
      noHouseRules();
      return decideSync(prepare(context, action, limits));
    },
    check: (context: unknown, action: unknown): Promise<Decision> => decideAsync(prepare(context, action, limits)),
    explain: (decision: Decision) => explain(decision, locale),
    scheduleAction,
    nextAllowedAt: (context: unknown, action: unknown, options?: Pick<ScheduleOptions, 'horizonDays'>) => scheduleAction(context, action, options).at,
    quota: (context: unknown, at: unknown) => quota(context, at, { limits }),
  });

  return {
    guard,
    checkValidatedSync(context: Context, action: Action, history?: HistoryIndex): Decision {
      noHouseRules();
      return decideSync(prepareValidated(context, action, limits, history), history);
    },
    checkValidated: (context: Context, action: Action, history?: HistoryIndex) => decideAsync(prepareValidated(context, action, limits, history), history),
  };
}
