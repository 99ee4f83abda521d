import { invalidInputDecision, ruleset } from './decision.js';
import { evaluate, internalError } from './evaluate.js';
import { deriveFacts, type Facts, type HistoryIndex } from './facts.js';
import { nationalLimits, type CompiledLimits } from './profiles/compile.js';
import { presetLimits } from './profiles/resolve.js';
import { rules as builtInRules } from './rules/index.js';
import type { Action } from './schema/action.js';
import type { Context } from './schema/context.js';
import type { Decision } from './schema/decision.js';
import { validateAction, validateContext } from './validate.js';

/** Options of `checkAction`. */
export interface CheckOptions {
  /** A built-in profile id: `gb-t-45251-2025` (default) or `cba-2026`. Overlays and custom profiles: `createGuard`. */
  readonly profile?: string;
  /** @internal Compiled limits, for tests; integrators use `createGuard`. */
  readonly limits?: CompiledLimits;
}

/** A validated input with its facts, or the deny that ends the check early. */
export type Prepared =
  | { readonly ok: true; readonly context: Context; readonly action: Action; readonly facts: Facts }
  | { readonly ok: false; readonly decision: Decision };

/**
 * Derives the facts of an input that is already valid; a failure is a deny naming `facts`. `history` is
 * the case's history index when the caller keeps one (the audit), else it is built from `context.history`.
 */
export function prepareValidated(context: Context, action: Action, limits: CompiledLimits, history?: HistoryIndex): Prepared {
  try {
    return { ok: true, context, action, facts: deriveFacts(context, action, limits, undefined, history) };
  } catch (error) {
    return { ok: false, decision: { outcome: 'deny', violations: [internalError('facts', error)], obligations: [], evaluated: [], ruleset: ruleset({ profile: limits.profileId }) } };
  }
}

/** Validates both inputs and derives the facts; never throws. */
export function prepare(context: unknown, action: unknown, limits: CompiledLimits): Prepared {
  const ctx = validateContext(context);
  const act = validateAction(action);
  if (!ctx.ok || !act.ok) {
    return { ok: false, decision: invalidInputDecision([...(ctx.ok ? [] : ctx.problems), ...(act.ok ? [] : act.problems)], limits.profileId) };
  }
  return prepareValidated(ctx.value, act.value, limits);
}

/** The built-in rules on a case and action under given limits. */
export function checkWithLimits(context: unknown, action: unknown, limits: CompiledLimits): Decision {
  const prepared = prepare(context, action, limits);
  return prepared.ok ? evaluate(builtInRules, prepared.facts, limits) : prepared.decision;
}

/**
 * Decides whether a proposed collection action is allowed under GB/T 45251—2025. Synchronous and pure:
 * the same input gives the same decision. Never throws for bad data: invalid input is a deny with one
 * `invalid-input` violation listing each problem's path and message. Throws a GuardConfigError only for
 * an unknown `options.profile`, which is a programming error, not data.
 */
export function checkAction(context: unknown, action: unknown, options: CheckOptions = {}): Decision {
  return checkWithLimits(context, action, options.limits ?? (options.profile === undefined ? nationalLimits : presetLimits(options.profile)));
}
