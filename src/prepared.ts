/**
 * A case validated and indexed once, then checked against many actions: the morning dial list screens
 * a million accounts, a dialer checks each dial of the same case. Same decisions as checkAction.
 */
import { invalidInputDecision, ruleset } from './decision.js';
import { evaluate, internalError } from './evaluate.js';
import { deriveFacts, indexHistory, type HistoryIndex } from './facts.js';
import { nationalLimits, type CompiledLimits } from './profiles/compile.js';
import { presetLimits } from './profiles/resolve.js';
import { rules as builtInRules } from './rules/index.js';
import type { Context } from './schema/context.js';
import type { Decision } from './schema/decision.js';
import { validateAction, validateContext } from './validate.js';
import type { InputProblem } from './decision.js';

export interface PreparedCase {
  /** Whether the context is valid; when not, every check denies with its problems. */
  readonly ok: boolean;
  /** The context's problems (empty when ok). */
  readonly issues: readonly InputProblem[];
  /** checkAction(context, action) for this case: only the action is validated. */
  check(action: unknown): Decision;
}

/** Validates and indexes a case once (history bucketed for counting); see PreparedCase. */
export function prepareCase(context: unknown, options: { readonly profile?: string; readonly limits?: CompiledLimits } = {}): PreparedCase {
  const limits = options.limits ?? (options.profile === undefined ? nationalLimits : presetLimits(options.profile));
  const ctx = validateContext(context);
  if (!ctx.ok) {
    const problems = ctx.problems;
    return Object.freeze({
      ok: false,
      issues: problems,
      check(action: unknown): Decision {
        const act = validateAction(action);
        return invalidInputDecision([...problems, ...(act.ok ? [] : act.problems)], limits.profileId);
      },
    });
  }
  const validated: Context = ctx.value;
  let history: HistoryIndex | undefined;
  return Object.freeze({
    ok: true,
    issues: [],
    check(action: unknown): Decision {
      const act = validateAction(action);
      if (!act.ok) return invalidInputDecision(act.problems, limits.profileId);
      try {
        history ??= indexHistory(validated);
        return evaluate(builtInRules, deriveFacts(validated, act.value, limits, undefined, history), limits);
      } catch (error) {
        return { outcome: 'deny', violations: [internalError('facts', error)], obligations: [], evaluated: [], ruleset: ruleset({ profile: limits.profileId }) };
      }
    },
  });
}
