/**
 * What the sidecar's HTTP plumbing (http.ts) and its routes (routes.ts, ledger-routes.ts) agree on: a
 * route is a path's method and a function from the parsed body to a Reply; the plumbing does the rest
 * (sockets, limits, auth, headers, the log). No Node API here, and no decision logic.
 */
import { INVALID_INPUT, type InputProblem } from '../../core/decision.js';

export type Endpoint = 'check' | 'check-batch' | 'next-allowed' | 'quota' | 'ruleset' | 'healthz' | 'reserve' | 'commit' | 'release' | 'other';

/** One decision log entry of a reply, before the plumbing adds time, requestId, endpoint and status. */
export interface LogDraft {
  readonly outcome: string;
  /** Rule ids (or error codes), each once: never a string taken from the input. */
  readonly rules: readonly string[];
  /** Only when the entry has its own duration (a batch item); otherwise the request's. */
  readonly latencyMs?: number;
  /** check-batch only: the item's position. */
  readonly index?: number;
}

export interface Reply {
  readonly status: number;
  /** The JSON answer. */
  readonly payload: unknown;
  /** Log entries, in order (none: the request is not logged). */
  readonly logs: readonly LogDraft[];
}

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly endpoint: Endpoint;
  /** The answer to a request whose body (POST) was read and parsed as JSON; GET routes get `undefined`. */
  readonly handle: (body: unknown) => Promise<Reply>;
  /** The answer to a POST body that is not UTF-8 JSON, in the route's own shape (default: `unreadableBody`). */
  readonly unreadable?: (problems: InputProblem[]) => Reply;
}

/** The routes of a sidecar, by path. */
export type Routes = Readonly<Record<string, Route>>;

/** The JSON body of every HTTP error: `{ error: { code, message, …extra } }`. */
export function errorBody(code: string, message: string, extra: Readonly<Record<string, unknown>> = {}): { error: Record<string, unknown> } {
  return { error: { code, message, ...extra } };
}

/** A 400 that lists the body's problems, logged as rejected. */
export function rejectedBody(message: string, problems: readonly InputProblem[]): Reply {
  return { status: 400, payload: errorBody(INVALID_INPUT, message, { issues: problems }), logs: [{ outcome: 'rejected', rules: [INVALID_INPUT] }] };
}

/** The answer to a body that is not JSON for a route without a shape of its own for it. */
export function unreadableBody(problems: InputProblem[]): Reply {
  return rejectedBody('the body is not valid JSON', problems);
}
