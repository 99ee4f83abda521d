/**
 * The one composition root: the only place where the check pipeline (validate → facts → rules →
 * provenance → decision → locale) is assembled. `checkAction`, `prepareCase`, `scheduleAction`,
 * `nextAllowedAt`, `quota` (src/guard/doors.ts), the audit and the sidecar are thin doors over a guard, so the
 * same input gets the same decision through every door.
 */
import { INTERNAL_ERROR, invalidInputDecision } from '../core/decision.js';
import { GuardConfigError } from '../core/errors.js';
import { decide, internalError, runRules, type Evaluation } from '../core/evaluate.js';
import { explain } from '../core/explain.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../core/locale.js';
import { agreedTerms, deriveFacts, indexHistory, type AgreedTerms, type Facts, type HistoryIndex } from '../core/facts.js';
import { compileHouseRules, type CompiledHouseRules } from './house-rules.js';
import { compileProfile, nationalLimits, type CompiledLimits } from '../profiles/compile.js';
import { resolveProfile } from '../profiles/resolve.js';
import { applyOverlay } from '../profiles/tighten.js';
import { rules as builtInRules } from '../rules/index.js';
import { indexRules } from '../core/rule-scope.js';
import type { Action, ActionInput } from '../schema/action.js';
import type { Context, ContextInput } from '../schema/context.js';
import type { Decision, Finding, FindingSource, Message } from '../schema/decision.js';
import type { Limits, Profile } from '../schema/profile.js';
import { horizonOf, invalidSchedule, quotaOf, searchFrom, type QuotaResult, type ScheduleOptions, type ScheduleResult } from '../schedule/schedule.js';
import { Action as ActionSchema } from '../schema/action.js';
import { Context as ContextSchema } from '../schema/context.js';
import { validate } from '../core/validate.js';
import type { InputProblem } from '../core/decision.js';

export interface GuardOptions {
  /** A built-in profile id (`gb-t-45251-2025`, `cba-2026`) or a whole profile; default national. */
  readonly profile?: string | Profile;
  /** Limits to tighten on top of the profile; any loosening throws a GuardConfigError. */
  readonly overlay?: Partial<Limits>;
  /** The overlay's name in `ruleset.profile` and in findings' `source` (default `overlay`). */
  readonly overlayId?: string;
  /** json-rules-engine rules over the documented house facts (docs/house-rules.md). */
  readonly houseRules?: readonly unknown[];
  /** Message language listed first in decisions and used by `explain`: `en` (default) or `zh-CN`. */
  readonly locale?: Locale;
}

/** A case validated and indexed once, then checked against many actions (see `prepareCase`). */
export interface PreparedCase {
  /** Whether the context is valid; when not, every check denies with its problems. */
  readonly ok: boolean;
  /** The context's problems (empty when ok). */
  readonly issues: readonly InputProblem[];
  /** The guard's checkSync for this case: only the action is validated. Throws a GuardConfigError under house rules. */
  check(action: ActionInput): Decision;
  /** The guard's check for this case, house rules included. */
  checkAsync(action: ActionInput): Promise<Decision>;
}

export interface Guard {
  /** The profile in force, overlay applied. */
  readonly profile: Profile;
  readonly locale: Locale;
  /** The ids of the house rules, in order. */
  readonly houseRuleIds: readonly string[];
  /** Built-in rules, overlays and house rules. Async because json-rules-engine is. */
  check(context: ContextInput, action: ActionInput): Promise<Decision>;
  /** Built-in rules and overlays only; throws a GuardConfigError when house rules are configured. */
  checkSync(context: ContextInput, action: ActionInput): Decision;
  /** A case validated and indexed once under this guard, then checked against many actions. */
  prepareCase(context: ContextInput): PreparedCase;
  /** A decision as text in the guard's locale. */
  explain(decision: Decision): string;
  /** scheduleAction under this guard's profile and overlay (house rules are not considered: see docs/scheduling.md). */
  scheduleAction(context: ContextInput, action: ActionInput, options?: Pick<ScheduleOptions, 'horizonDays'>): ScheduleResult;
  /** nextAllowedAt under this guard's profile and overlay (house rules are not considered). */
  nextAllowedAt(context: ContextInput, action: ActionInput, options?: Pick<ScheduleOptions, 'horizonDays'>): string | null;
  /** quota under this guard's profile and overlay. */
  quota(context: ContextInput, at: string): QuotaResult;
}

const byId = new Map(builtInRules.map((r) => [r.id, r]));
/** The built-in rules by scope: a check asks `appliesTo` only of the rules that can concern its action. */
const byScope = indexRules(builtInRules);

/**
 * Marks the violations that the national profile alone would not have found: they come from a limit the
 * profile or overlay tightened, and say which (with the national value), beside the national clause.
 * Only runs on a deny under a tightened profile. Facts do not depend on limits, so the rule is asked
 * again on the same facts under the national limits.
 */
function withProvenance(evaluation: Evaluation, facts: Facts, limits: CompiledLimits, base: Profile): Evaluation {
  if (limits.tightened.length === 0 || evaluation.violations.length === 0) return evaluation;
  const violations = evaluation.violations.map((v) => {
    const rule = byId.get(v.rule);
    if (rule === undefined || v.code === INTERNAL_ERROR) return v;
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

/** Lists the guard's language first in a house rule's message (built-in messages are rendered in order). */
function localized(finding: Finding, locale: Locale): Finding {
  return { ...finding, message: ordered(finding.message, locale) };
}

function houseFailure(error: unknown): Finding {
  const name = error instanceof Error ? error.name : typeof error;
  return {
    rule: 'house-rules',
    clause: { standard: 'house', clause: 'house-rules', topic: 'house rules' },
    code: INTERNAL_ERROR,
    message: { zh: `内部规则执行出错（${name}），无法核验，依规拒绝。`, en: `House rules failed (${name}); the action cannot be verified, so it is denied.` },
    facts: { error: name },
  };
}

const KNOWN_OPTIONS = new Set(['profile', 'overlay', 'overlayId', 'houseRules', 'locale']);

/** A guard, and what the audit needs of it: checks of input that an outer schema already validated. */
export interface CompiledGuard {
  readonly guard: Guard;
  /**
   * guard.checkSync for a validated case and action (the audit validates each record once), with the
   * case's history index when kept, and the action's instant when the caller has parsed it already. With
   * `obligations` false the decision's obligations are left empty, unrendered (the audit keeps none);
   * everything else is the same.
   */
  readonly checkValidatedSync: (context: Context, action: Action, history?: HistoryIndex, atMs?: number, obligations?: boolean) => Decision;
  /** guard.check for a validated case and action. */
  readonly checkValidated: (context: Context, action: Action, history?: HistoryIndex, atMs?: number, obligations?: boolean) => Promise<Decision>;
}

/**
 * A configured checker: a profile, a stricter overlay, house rules and a locale, validated once. Throws a
 * GuardConfigError naming every offending setting when the configuration would loosen GB/T 45251 or
 * cannot be read.
 */
export function createGuard(options: GuardOptions = {}): Guard {
  return compileGuard(options).guard;
}

/** A validated case and action, or the deny that ends the check early. */
type Prepared =
  | {
      readonly ok: true;
      readonly context: Context;
      readonly action: Action;
      readonly history?: HistoryIndex;
      readonly atMs?: number;
      readonly obligations?: boolean;
      /** The case's agreement compiled once (a prepared case); undefined: compiled for this check. */
      readonly terms?: AgreedTerms | null;
    }
  | { readonly ok: false; readonly decision: Decision };

/** createGuard, plus the entry points for already validated input (internal: used by the audit). */
export function compileGuard(options: GuardOptions = {}): CompiledGuard {
  const unknown = Object.keys(options).filter((k) => !KNOWN_OPTIONS.has(k));
  if (unknown.length > 0) throw new GuardConfigError('Unknown guard options', unknown.map((k) => ({ path: k, message: `unknown option; known: ${[...KNOWN_OPTIONS].join(', ')}` })));
  const locale = options.locale ?? DEFAULT_LOCALE;
  if (!isLocale(locale)) throw new GuardConfigError('Unknown locale', [{ path: 'locale', message: `${JSON.stringify(locale)}: expected "zh-CN" or "en"` }]);

  const base = resolveProfile(options.profile);
  const profile = options.overlay === undefined ? base : applyOverlay(base, options.overlay, options.overlayId ?? 'overlay');
  const limits = compileProfile(profile);
  const house: CompiledHouseRules | null =
    options.houseRules === undefined || options.houseRules.length === 0 ? null : compileHouseRules(options.houseRules, builtInRules.map((r) => r.id));

  // --- the pipeline, in order: each step is used by every door below ---

  /** 1. Validation: both inputs, every problem of both listed. */
  const enFirst = locale === 'en';
  const invalid = (problems: readonly InputProblem[]): Decision => invalidInputDecision(problems, limits.profileId, enFirst);
  const validateBoth = (context: unknown, action: unknown): Prepared => {
    const ctx = validate(ContextSchema, context, 'context');
    const act = validate(ActionSchema, action, 'action');
    if (!ctx.ok || !act.ok) return { ok: false, decision: invalid([...(ctx.ok ? [] : ctx.problems), ...(act.ok ? [] : act.problems)]) };
    return { ok: true, context: ctx.value, action: act.value };
  };

  /** 2–4. Facts, built-in rules, provenance; a throwing fact derivation is a deny naming `facts`. `atMs` moves the action for scheduling. */
  const evaluateBuiltIn = (context: Context, action: Action, history: HistoryIndex | undefined, atMs?: number, obligations = true, terms?: AgreedTerms | null): { evaluation: Evaluation; facts: Facts | null } => {
    let facts: Facts;
    try {
      facts = deriveFacts(context, action, atMs, history, terms);
    } catch (error) {
      return { evaluation: { violations: [internalError('facts', error, enFirst)], obligations: [], evaluated: [] }, facts: null };
    }
    const evaluation = withProvenance(runRules(byScope.select(facts), facts, limits, enFirst, obligations), facts, limits, base);
    return { evaluation, facts };
  };

  /** 5. The decision, in the guard's locale. */
  const settle = (evaluation: Evaluation): Decision => decide(evaluation, limits.profileId);

  const noHouseRules = (): void => {
    if (house !== null) throw new GuardConfigError('checkSync cannot run house rules', [{ path: 'houseRules', message: 'json-rules-engine is asynchronous: use guard.check()' }]);
  };

  const decideSync = (prepared: Prepared): Decision => {
    if (!prepared.ok) return prepared.decision;
    return settle(evaluateBuiltIn(prepared.context, prepared.action, prepared.history, prepared.atMs, prepared.obligations, prepared.terms).evaluation);
  };

  const decideAsync = async (prepared: Prepared): Promise<Decision> => {
    if (!prepared.ok) return prepared.decision;
    const built = evaluateBuiltIn(prepared.context, prepared.action, prepared.history, prepared.atMs, prepared.obligations, prepared.terms);
    let evaluation = built.evaluation;
    const facts = built.facts;
    if (house !== null && facts !== null) {
      let fired: Finding[];
      try {
        fired = await house.run(facts, limits.profileId);
      } catch (error) {
        fired = [houseFailure(error)];
      }
      evaluation = { ...evaluation, violations: [...evaluation.violations, ...fired.map((f) => localized(f, locale))], evaluated: [...evaluation.evaluated, ...house.ids] };
    }
    return settle(evaluation);
  };

  const prepareCase = (context: unknown): PreparedCase => {
    const ctx = validate(ContextSchema, context, 'context');
    if (!ctx.ok) {
      const problems = ctx.problems;
      const denied = (action: unknown): Decision => {
        const act = validate(ActionSchema, action, 'action');
        return invalid([...problems, ...(act.ok ? [] : act.problems)]);
      };
      return Object.freeze({
        ok: false,
        issues: problems,
        check(action: unknown): Decision {
          noHouseRules();
          return denied(action);
        },
        checkAsync: (action: unknown) => Promise.resolve(denied(action)),
      });
    }
    const validated: Context = ctx.value;
    // What the case alone gives every check, derived at its first check: the history indexed, the agreement compiled.
    let history: HistoryIndex | null = null;
    let terms: AgreedTerms | null = null;
    const withAction = (action: unknown): Prepared => {
      const act = validate(ActionSchema, action, 'action');
      if (!act.ok) return { ok: false, decision: invalid(act.problems) };
      try {
        if (history === null) {
          terms = agreedTerms(validated.agreement);
          history = indexHistory(validated);
        }
      } catch (error) {
        return { ok: false, decision: settle({ violations: [internalError('facts', error, enFirst)], obligations: [], evaluated: [] }) };
      }
      return { ok: true, context: validated, action: act.value, history, terms };
    };
    return Object.freeze({
      ok: true,
      issues: [],
      check(action: unknown): Decision {
        noHouseRules();
        return decideSync(withAction(action));
      },
      checkAsync: (action: unknown) => decideAsync(withAction(action)),
    });
  };

  const scheduleAction = (context: unknown, action: unknown, options: Pick<ScheduleOptions, 'horizonDays'> = {}): ScheduleResult => {
    const horizonDays = horizonOf(options);
    const prepared = validateBoth(context, action);
    if (!prepared.ok) return invalidSchedule(prepared.decision);
    const { context: c, action: a } = prepared;
    let history: HistoryIndex;
    let terms: AgreedTerms | null;
    try {
      history = indexHistory(c);
      terms = agreedTerms(c.agreement);
    } catch (error) {
      return invalidSchedule(settle({ violations: [internalError('facts', error, enFirst)], obligations: [], evaluated: [] }));
    }
    const decideAt = (atMs: number): { decision: Decision; facts: Facts | null } => {
      const { evaluation, facts } = evaluateBuiltIn(c, a, history, atMs, true, terms);
      return { decision: settle(evaluation), facts };
    };
    return searchFrom({ context: c, action: a, limits, history, decide: decideAt }, horizonDays);
  };

  const guard: Guard = Object.freeze({
    profile,
    locale,
    houseRuleIds: house?.ids ?? [],
    checkSync(context: unknown, action: unknown): Decision {
      noHouseRules();
      return decideSync(validateBoth(context, action));
    },
    check: (context: unknown, action: unknown): Promise<Decision> => decideAsync(validateBoth(context, action)),
    prepareCase,
    explain: (decision: Decision) => explain(decision, locale),
    scheduleAction,
    nextAllowedAt: (context: unknown, action: unknown, options?: Pick<ScheduleOptions, 'horizonDays'>) => scheduleAction(context, action, options).at,
    quota: (context: unknown, at: unknown) => quotaOf(context, at, limits),
  });

  return {
    guard,
    checkValidatedSync(context: Context, action: Action, history?: HistoryIndex, atMs?: number, obligations = true): Decision {
      noHouseRules();
      return decideSync({ ok: true, context, action, history, atMs, obligations });
    },
    checkValidated: (context: Context, action: Action, history?: HistoryIndex, atMs?: number, obligations = true) => decideAsync({ ok: true, context, action, history, atMs, obligations }),
  };
}

/** The guards of the built-in profiles, one each, made on first use (bounded by the number of presets). */
const builtIn = new Map<string, Guard>();

/** The guard of a built-in profile (national when `profile` is undefined); throws a GuardConfigError for an unknown id. */
export function builtInGuard(profile: string | undefined): Guard {
  const id = profile ?? nationalLimits.profileId;
  let guard = builtIn.get(id);
  if (guard === undefined) {
    guard = createGuard({ profile: id });
    builtIn.set(id, guard);
  }
  return guard;
}
