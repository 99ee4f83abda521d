/**
 * The sidecar's decision routes: check, check-batch, next-allowed, quota, ruleset and healthz. Each is a
 * small function from a parsed body to a Reply over one guard; none knows about sockets, headers or
 * limits other than the batch size (http.ts does the HTTP). No rule logic: the guard decides.
 */
import type { ActionInput } from '../../schema/action.js';
import type { ContextInput } from '../../schema/context.js';
import { z } from 'zod';
import { STANDARD } from '../../core/clauses.js';
import { INVALID_INPUT, invalidInputDecision, isInvalidInput, type InputProblem } from '../../core/decision.js';
import { validate } from '../../core/validate.js';
import { VERSION } from '../../core/version.js';
import type { Guard } from '../../guard/guard.js';
import { rules as builtInRules } from '../../rules/index.js';
import type { Decision } from '../../schema/decision.js';
import { invalidSchedule } from '../../schedule/schedule.js';
import { errorBody, rejectedBody, type LogDraft, type Reply, type Routes } from './reply.js';

// Request bodies. Strict like the library's own schemas: an unknown key is an error, not ignored. The
// guard validates the context and the action itself (fail closed); here they only need to be present.
export const present = <T>() => z.custom<T>((value) => value !== undefined, { error: 'required field is missing', params: { zh: '缺少必填字段' } });
const CheckBody = z.strictObject({ context: present<ContextInput>(), action: present<ActionInput>() });
const NextAllowedBody = z.strictObject({ context: present<ContextInput>(), action: present<ActionInput>(), horizonDays: z.number().min(0).max(366).optional() });
const QuotaBody = z.strictObject({ context: present<ContextInput>(), at: present<string>() });
const BatchBody = z.strictObject({ items: z.array(z.unknown()) });

/**
 * The deny for a request body that is not what the endpoint takes: the engine's invalid-input decision,
 * under the guard's profile and with the guard's language first, exactly as the guard builds it for an
 * invalid context or action.
 */
export function invalidBody(guard: Guard, problems: readonly InputProblem[]): Decision {
  return invalidInputDecision(problems, guard.profile.id, guard.locale === 'en');
}

/** A decision's log entry: its outcome and the violated rule ids, each once, in decision order. */
export function decisionLog(decision: Decision): LogDraft {
  return { outcome: decision.outcome, rules: unique(decision.violations.map((v) => v.rule)) };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

export interface RouteOptions {
  /** Most items in one check-batch. */
  readonly batchLimit: number;
}

/** The decision routes over `guard`, by path. */
export function guardRoutes(guard: Guard, options: RouteOptions): Routes {
  const { batchLimit } = options;
  const denyBody = (problems: readonly InputProblem[]): Decision => invalidBody(guard, problems);

  const checkReply = (decision: Decision): Reply => ({ status: isInvalidInput(decision) ? 400 : 200, payload: decision, logs: [decisionLog(decision)] });
  const invalidScheduleReply = (problems: readonly InputProblem[]): Reply => ({ status: 400, payload: invalidSchedule(denyBody(problems)), logs: [{ outcome: 'never', rules: [INVALID_INPUT] }] });
  const invalidQuotaReply = (problems: readonly InputProblem[]): Reply => ({ status: 400, payload: { ok: false, quota: null, issues: problems }, logs: [{ outcome: INVALID_INPUT, rules: [INVALID_INPUT] }] });

  const check = async (body: unknown): Promise<Reply> => {
    const parsed = validate(CheckBody, body, 'body');
    return checkReply(parsed.ok ? await guard.check(parsed.value.context, parsed.value.action) : denyBody(parsed.problems));
  };

  const checkBatch = async (body: unknown): Promise<Reply> => {
    const parsed = validate(BatchBody, body, 'body');
    if (!parsed.ok) return rejectedBody('expected { "items": [{ "context", "action" }, …] }', parsed.problems);
    const items = parsed.value.items;
    if (items.length > batchLimit) {
      return { status: 413, payload: errorBody('batch-too-large', `at most ${batchLimit} items per batch; got ${items.length}`, { limit: batchLimit, items: items.length }), logs: [{ outcome: 'rejected', rules: [] }] };
    }
    const decisions: Decision[] = [];
    const logs: LogDraft[] = [];
    for (const [index, item] of items.entries()) {
      const started = performance.now();
      const one = validate(CheckBody, item, `body.items[${index}]`);
      const decision = one.ok ? await guard.check(one.value.context, one.value.action) : denyBody(one.problems);
      decisions.push(decision);
      logs.push({ ...decisionLog(decision), index, latencyMs: performance.now() - started });
    }
    return { status: 200, payload: { decisions }, logs };
  };

  const nextAllowed = async (body: unknown): Promise<Reply> => {
    const parsed = validate(NextAllowedBody, body, 'body');
    if (!parsed.ok) return invalidScheduleReply(parsed.problems);
    const { context, action, horizonDays } = parsed.value;
    const result = guard.scheduleAction(context, action, horizonDays === undefined ? {} : { horizonDays });
    const outcome = result.at !== null ? 'scheduled' : result.permanent ? 'never' : result.status === 'search-limit' ? 'search-limit' : 'not-in-horizon';
    return { status: isInvalidInput(result.decision) ? 400 : 200, payload: result, logs: [{ outcome, rules: unique(result.reasons.map((r) => r.rule)) }] };
  };

  const quota = async (body: unknown): Promise<Reply> => {
    const parsed = validate(QuotaBody, body, 'body');
    if (!parsed.ok) return invalidQuotaReply(parsed.problems);
    const result = guard.quota(parsed.value.context, parsed.value.at);
    return result.ok ? { status: 200, payload: result, logs: [{ outcome: 'ok', rules: [] }] } : { status: 400, payload: result, logs: [{ outcome: INVALID_INPUT, rules: [INVALID_INPUT] }] };
  };

  const ruleset = {
    standard: STANDARD,
    version: VERSION,
    profile: guard.profile.id,
    limits: guard.profile.limits,
    rules: builtInRules.map((r) => ({ id: r.id, clause: r.clause })),
    houseRules: [...guard.houseRuleIds],
  };

  return {
    // A body that is not JSON gets the endpoint's own invalid-input shape, naming `body`.
    '/v1/check': { method: 'POST', endpoint: 'check', handle: check, unreadable: (problems) => checkReply(denyBody(problems)) },
    '/v1/check-batch': { method: 'POST', endpoint: 'check-batch', handle: checkBatch },
    '/v1/next-allowed': { method: 'POST', endpoint: 'next-allowed', handle: nextAllowed, unreadable: invalidScheduleReply },
    '/v1/quota': { method: 'POST', endpoint: 'quota', handle: quota, unreadable: invalidQuotaReply },
    '/v1/ruleset': { method: 'GET', endpoint: 'ruleset', handle: async () => ({ status: 200, payload: ruleset, logs: [] }) },
    '/healthz': { method: 'GET', endpoint: 'healthz', handle: async () => ({ status: 200, payload: { status: 'ok' }, logs: [] }) },
  };
}
