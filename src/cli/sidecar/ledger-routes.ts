/**
 * The sidecar's ledger endpoints (`serve --ledger …`): POST /v1/reserve, /v1/commit, /v1/release, so that
 * dialers in any language share one ledger through the sidecar. No rule logic here: the ledger decides.
 */
import { z } from 'zod';
import { INVALID_INPUT, isInvalidInput, type InputProblem } from '../../core/decision.js';
import { validate } from '../../core/validate.js';
import type { Guard } from '../../guard/guard.js';
import { createLedger, LedgerInputError, LedgerUnavailableError, type LedgerStore } from '../../ledger/index.js';
import { HistoryOutcome } from '../../schema/context.js';
import { errorBody, rejectedBody, type Reply, type Routes } from './reply.js';
import { decisionLog, invalidBody, present } from './routes.js';

const ReserveBody = z.strictObject({ context: present(), action: present() });
const ReservationId = z.string().min(1).max(400);
const CommitBody = z.strictObject({ reservationId: ReservationId, outcome: HistoryOutcome });
const ReleaseBody = z.strictObject({ reservationId: ReservationId });

const invalid = (problems: readonly InputProblem[]): Reply => rejectedBody('the body does not match the endpoint', problems);

/** A library error as an HTTP reply: a bad id is the caller's (400); a store outage is ours (503, retry). */
function failure(error: unknown): Reply {
  if (error instanceof LedgerInputError) return invalid([{ path: `body.${error.field}`, message: error.message.replace(/^[^:]*: /, ''), zh: `输入无效：${error.message.replace(/^[^:]*: /, '')}` }]);
  if (error instanceof LedgerUnavailableError) {
    return { status: 503, payload: errorBody('ledger-unavailable', `the ledger store (${error.store}) is unavailable: retry (commit and release are idempotent)`), logs: [{ outcome: 'unavailable', rules: ['ledger-unavailable'] }] };
  }
  throw error;
}

export interface LedgerRoutes {
  readonly routes: Routes;
  close(): Promise<void>;
}

/** The three routes over a ledger on `store`, deciding with the sidecar's guard. */
export function ledgerRoutes(store: LedgerStore, guard: Guard): LedgerRoutes {
  const ledger = createLedger({ store, guard });

  const reserve = async (body: unknown): Promise<Reply> => {
    const parsed = validate(ReserveBody, body, 'body');
    if (!parsed.ok) {
      const decision = invalidBody(guard, parsed.problems);
      return { status: 400, payload: { decision, reservationId: null, expiresAt: null }, logs: [{ outcome: 'deny', rules: [INVALID_INPUT] }] };
    }
    const result = await ledger.reserve(parsed.value.context, parsed.value.action);
    const log = decisionLog(result.decision);
    // 503 when the store is down, so that callers' monitoring sees the outage; the answer is still a deny.
    const status = isInvalidInput(result.decision) ? 400 : log.rules.includes('ledger-unavailable') ? 503 : 200;
    return { status, payload: result, logs: [log] };
  };

  const commit = async (body: unknown): Promise<Reply> => {
    const parsed = validate(CommitBody, body, 'body');
    if (!parsed.ok) return invalid(parsed.problems);
    try {
      const result = await ledger.commit(parsed.value.reservationId, { outcome: parsed.value.outcome });
      return { status: 200, payload: result, logs: [{ outcome: result.status, rules: [] }] };
    } catch (error) {
      return failure(error);
    }
  };

  const release = async (body: unknown): Promise<Reply> => {
    const parsed = validate(ReleaseBody, body, 'body');
    if (!parsed.ok) return invalid(parsed.problems);
    try {
      const result = await ledger.release(parsed.value.reservationId);
      return { status: 200, payload: result, logs: [{ outcome: result.status, rules: [] }] };
    } catch (error) {
      return failure(error);
    }
  };

  return {
    routes: {
      '/v1/reserve': { method: 'POST', endpoint: 'reserve', handle: reserve },
      '/v1/commit': { method: 'POST', endpoint: 'commit', handle: commit },
      '/v1/release': { method: 'POST', endpoint: 'release', handle: release },
    },
    close: () => ledger.close(),
  };
}
