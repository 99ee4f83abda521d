/**
 * The HTTP sidecar: the guard's decisions over JSON for backends that are not written in TypeScript.
 * A thin face over createGuard with no rule logic of its own; what it adds is hardening (loopback by
 * default, an optional bearer token, a body size limit, request timeouts, graceful shutdown) and one
 * structured log line per decision that never carries input strings. See docs/sidecar.md.
 */
import type { ActionInput } from '../../schema/action.js';
import type { ContextInput } from '../../schema/context.js';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { z } from 'zod';
import { STANDARD } from '../../core/clauses.js';
import { INTERNAL_ERROR, INVALID_INPUT, invalidInputDecision, isInvalidInput, type InputProblem } from '../../core/decision.js';
import type { Locale } from '../../core/locale.js';
import { createGuard, type Guard, type GuardOptions } from '../../guard/guard.js';
import { rules as builtInRules } from '../../rules/index.js';
import type { Decision } from '../../schema/decision.js';
import { invalidSchedule } from '../../schedule/schedule.js';
import { validate } from '../../core/validate.js';
import { VERSION } from '../../core/version.js';
import type { LedgerStore } from '../../ledger/index.js';
import { jsonErrorSummary } from '../io.js';
import { ledgerRoutes } from './ledger-routes.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8181;
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** A client must send its request headers within this time (slow-header connections are cut). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 5_000;
/** Open connections at most; the next ones are closed at once (below the usual `ulimit -n` of 1024). */
export const DEFAULT_MAX_CONNECTIONS = 512;
/** On close: how long requests already received may take to be answered before they are cut off. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
export const DEFAULT_BATCH_LIMIT = 1000;

const netClose = NetServer.prototype.close as (this: Server, callback?: (error?: Error) => void) => Server;

export type Endpoint = 'check' | 'check-batch' | 'next-allowed' | 'quota' | 'ruleset' | 'healthz' | 'reserve' | 'commit' | 'release' | 'other';

/**
 * One log line. Only enumerated values, rule ids, numbers and ids the sidecar made itself: never a
 * party id, phone ref, message, path of the request or any other string taken from the input.
 */
export interface DecisionLogEntry {
  readonly time: string;
  readonly requestId: string;
  readonly endpoint: Endpoint;
  /** `allow` | `deny` (check), `scheduled` | `never` | `not-in-horizon` | `search-limit` (next-allowed), `ok` | `invalid-input` (quota), `rejected` (an HTTP error). */
  readonly outcome: string;
  /** The violated rule ids (next-allowed: the reasons), each once, in decision order. */
  readonly rules: readonly string[];
  readonly status: number;
  readonly latencyMs: number;
  /** check-batch only: the item's position. */
  readonly index?: number;
}

export interface SidecarOptions {
  /** Default 127.0.0.1: reachable from this machine only. */
  readonly host?: string;
  /** Default 8181; 0 picks a free port. */
  readonly port?: number;
  /** createGuard options: profile, overlay, overlayId, houseRules, locale. A bad configuration throws GuardConfigError. */
  readonly guard?: GuardOptions;
  /** When set, every request but GET /healthz needs `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  readonly bodyLimitBytes?: number;
  readonly requestTimeoutMs?: number;
  /** Time to receive the request headers (default 5 s, at most requestTimeoutMs). */
  readonly headersTimeoutMs?: number;
  /** Open connections at most (default 512): `server.maxConnections`. */
  readonly maxConnections?: number;
  /** On close, how long to let requests already received finish (default 10 s). */
  readonly drainTimeoutMs?: number;
  readonly batchLimit?: number;
  /** Receives one entry per decision (and per rejected request); null or absent: no logs. */
  readonly log?: ((entry: DecisionLogEntry) => void) | null;
  /** A shared ledger store: adds POST /v1/reserve, /v1/commit, /v1/release (src/cli/sidecar/ledger-routes.ts); closed by close(). */
  readonly ledger?: LedgerStore;
}

export interface Sidecar {
  readonly server: Server;
  readonly guard: Guard;
  /** Starts listening; resolves to the bound address (the real port when `port` was 0). */
  listen(): Promise<{ host: string; port: number }>;
  /**
   * Drains, then resolves: accepts the connections the system already holds and reads the requests they
   * already sent, stops accepting, answers every request received (each with `connection: close`), closes
   * idle connections, and cuts off whatever is still running after the drain timeout. Idempotent.
   */
  close(): Promise<void>;
  /** Requests answered so far, and connections refused by the connection cap (for tests and logs). */
  readonly counters: { readonly answered: number; readonly refusedConnections: number };
}

// ---------------------------------------------------------------------------------------------------
// Request bodies. Strict like the library's own schemas: an unknown key is an error, not ignored.

// The guard validates the context and the action itself (fail closed); here they only need to be present.
const present = <T>() => z.custom<T>((value) => value !== undefined, { error: 'required field is missing', params: { zh: '缺少必填字段' } });
const CheckBody = z.strictObject({ context: present<ContextInput>(), action: present<ActionInput>() });
const NextAllowedBody = z.strictObject({ context: present<ContextInput>(), action: present<ActionInput>(), horizonDays: z.number().min(0).max(366).optional() });
const QuotaBody = z.strictObject({ context: present<ContextInput>(), at: present<string>() });
const BatchBody = z.strictObject({ items: z.array(z.unknown()) });

type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

function parseWith<T>(schema: z.ZodType<T>, input: unknown, root: string): Parsed<T> {
  return validate(schema, input, root);
}

// ---------------------------------------------------------------------------------------------------
// HTTP plumbing.

/** The client went away (or Node timed the request out) before its body was complete: nothing to answer. */
class RequestAborted extends Error {}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, unknown> = {}, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error' };

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;

function errorBody(code: string, message: string, extra: Record<string, unknown> = {}): { error: Record<string, unknown> } {
  return { error: { code, message, ...extra } };
}

/** A complete HTTP response written straight to a socket, for errors Node reports before a request exists. */
function rawResponse(status: number, code: string, message: string): string {
  const body = JSON.stringify(errorBody(code, message));
  const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...SECURITY_HEADERS, connection: 'close' };
  return `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

/** `application/json`, with no charset or charset utf-8 (RFC 8259 JSON is UTF-8). */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type, ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p.replace(/^charset=/, '').replace(/"/g, '') === 'utf-8');
}

/**
 * Reads the body up to `limit` bytes. Past the limit it stops reading at once (the stream is paused and
 * nothing more is buffered) and reports `too-large`; a declared Content-Length over the limit is refused
 * before a byte is read.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new RequestAborted(error.message));
    };
    const onClose = (): void => {
      cleanup();
      reject(new RequestAborted('request closed before its body was complete'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as JSON, or the problem naming `body`. */
function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; problems: InputProblem[] } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problems: [{ path: 'body', message: 'not valid UTF-8', zh: '不是有效的 UTF-8' }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ path: 'body', message: jsonErrorSummary(error), zh: '不是有效的 JSON' }] };
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time bearer token check: both sides are hashed first so the compared buffers have equal length. */
function authorised(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return timingSafeEqual(digest(match?.[1] ?? ''), expected) && match !== null;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function relabel(decision: Decision, locale: Locale): Decision {
  if (locale !== 'en') return decision;
  return { ...decision, violations: decision.violations.map((v) => ({ ...v, message: { en: v.message.en, zh: v.message.zh } })) };
}

// ---------------------------------------------------------------------------------------------------

export interface Reply {
  readonly status: number;
  readonly payload: unknown;
  /** Log entries (without time, requestId, endpoint, status, latency: added when sent). */
  readonly logs: readonly { outcome: string; rules: readonly string[]; latencyMs?: number; index?: number }[];
}

export interface Route {
  readonly method: 'GET' | 'POST';
  readonly endpoint: Endpoint;
  readonly handle: (body: unknown) => Promise<Reply>;
}

/** A sidecar over one guard. Validates the guard configuration at once (GuardConfigError). */
export function createSidecar(options: SidecarOptions = {}): Sidecar {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const bodyLimit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const batchLimit = options.batchLimit ?? DEFAULT_BATCH_LIMIT;
  const headersTimeoutMs = Math.min(options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, requestTimeoutMs);
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  const log = options.log ?? null;
  for (const [name, value, min] of [
    ['port', port, 0], ['bodyLimitBytes', bodyLimit, 1], ['requestTimeoutMs', requestTimeoutMs, 1], ['batchLimit', batchLimit, 1],
    ['headersTimeoutMs', headersTimeoutMs, 1], ['maxConnections', maxConnections, 1], ['drainTimeoutMs', drainTimeoutMs, 0],
  ] as const) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  if (port > 65535) throw new RangeError(`port must be at most 65535, got ${port}`);
  if (options.token !== undefined && options.token.length === 0) throw new RangeError('token must not be empty');
  const expectedToken = options.token === undefined ? null : digest(options.token);

  const guard = createGuard(options.guard);
  const profileId = guard.profile.id;
  const invalidBody = (problems: InputProblem[]): Decision => relabel(invalidInputDecision(problems, profileId), guard.locale);
  const decisionLog = (d: Decision): { outcome: string; rules: string[] } => ({ outcome: d.outcome, rules: unique(d.violations.map((v) => v.rule)) });

  const ruleset = {
    standard: STANDARD,
    version: VERSION,
    profile: profileId,
    limits: guard.profile.limits,
    rules: builtInRules.map((r) => ({ id: r.id, clause: r.clause })),
    houseRules: [...guard.houseRuleIds],
  };

  const check = async (body: unknown): Promise<Reply> => {
    const parsed = parseWith(CheckBody, body, 'body');
    const decision = parsed.ok ? await guard.check(parsed.value.context, parsed.value.action) : invalidBody(parsed.problems);
    return { status: isInvalidInput(decision) ? 400 : 200, payload: decision, logs: [decisionLog(decision)] };
  };

  const checkBatch = async (body: unknown): Promise<Reply> => {
    const parsed = parseWith(BatchBody, body, 'body');
    if (!parsed.ok) {
      return { status: 400, payload: errorBody(INVALID_INPUT, 'expected { "items": [{ "context", "action" }, …] }', { issues: parsed.problems }), logs: [{ outcome: 'rejected', rules: [INVALID_INPUT] }] };
    }
    const items = parsed.value.items;
    if (items.length > batchLimit) {
      throw new HttpError(413, 'batch-too-large', `at most ${batchLimit} items per batch; got ${items.length}`, { limit: batchLimit, items: items.length });
    }
    const decisions: Decision[] = [];
    const logs: Reply['logs'][number][] = [];
    for (const [index, item] of items.entries()) {
      const started = performance.now();
      const one = parseWith(CheckBody, item, `body.items[${index}]`);
      const decision = one.ok ? await guard.check(one.value.context, one.value.action) : invalidBody(one.problems);
      decisions.push(decision);
      logs.push({ ...decisionLog(decision), index, latencyMs: performance.now() - started });
    }
    return { status: 200, payload: { decisions }, logs };
  };

  const nextAllowed = async (body: unknown): Promise<Reply> => {
    const parsed = parseWith(NextAllowedBody, body, 'body');
    if (!parsed.ok) {
      const decision = invalidBody(parsed.problems);
      return { status: 400, payload: invalidSchedule(decision), logs: [{ outcome: 'never', rules: [INVALID_INPUT] }] };
    }
    const { context, action, horizonDays } = parsed.value;
    const result = guard.scheduleAction(context, action, horizonDays === undefined ? {} : { horizonDays });
    const outcome = result.at !== null ? 'scheduled' : result.permanent ? 'never' : result.status === 'search-limit' ? 'search-limit' : 'not-in-horizon';
    return { status: isInvalidInput(result.decision) ? 400 : 200, payload: result, logs: [{ outcome, rules: unique(result.reasons.map((r) => r.rule)) }] };
  };

  const quota = async (body: unknown): Promise<Reply> => {
    const parsed = parseWith(QuotaBody, body, 'body');
    const result = parsed.ok ? guard.quota(parsed.value.context, parsed.value.at) : { ok: false, quota: null, issues: parsed.problems };
    return { status: result.ok ? 200 : 400, payload: result, logs: [result.ok ? { outcome: 'ok', rules: [] } : { outcome: INVALID_INPUT, rules: [INVALID_INPUT] }] };
  };

  const ledger = options.ledger === undefined ? null : ledgerRoutes(options.ledger, guard, invalidBody);
  const routes: Readonly<Record<string, Route>> = {
    ...ledger?.routes,
    '/v1/check': { method: 'POST', endpoint: 'check', handle: check },
    '/v1/check-batch': { method: 'POST', endpoint: 'check-batch', handle: checkBatch },
    '/v1/next-allowed': { method: 'POST', endpoint: 'next-allowed', handle: nextAllowed },
    '/v1/quota': { method: 'POST', endpoint: 'quota', handle: quota },
    '/v1/ruleset': { method: 'GET', endpoint: 'ruleset', handle: async () => ({ status: 200, payload: ruleset, logs: [] }) },
    '/healthz': { method: 'GET', endpoint: 'healthz', handle: async () => ({ status: 200, payload: { status: 'ok' }, logs: [] }) },
  };

  let stopping = false;
  const counters = { answered: 0, refusedConnections: 0 };

  const send = (res: ServerResponse, requestId: string, status: number, payload: unknown, headers: Record<string, string> = {}): void => {
    if (res.headersSent || res.writableEnded || res.destroyed) return;
    const body = JSON.stringify(payload);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      ...SECURITY_HEADERS,
      'x-request-id': requestId,
      ...(stopping ? { connection: 'close' } : {}),
      ...headers,
    });
    res.end(body);
    counters.answered += 1;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = randomUUID();
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    const endpoint: Endpoint = route?.endpoint ?? 'other';
    const emit = (status: number, entries: Reply['logs']): void => {
      if (log === null) return;
      const time = new Date().toISOString();
      const total = performance.now() - started;
      for (const e of entries) {
        log({ time, requestId, endpoint, outcome: e.outcome, rules: e.rules, status, latencyMs: Math.round((e.latencyMs ?? total) * 1000) / 1000, ...(e.index === undefined ? {} : { index: e.index }) });
      }
    };
    try {
      if (!(route?.endpoint === 'healthz') && expectedToken !== null && !authorised(req.headers.authorization, expectedToken)) {
        throw new HttpError(401, 'unauthorized', 'a valid Authorization: Bearer token is required', {}, { 'www-authenticate': 'Bearer realm="cuishou-guard"' });
      }
      if (route === undefined) throw new HttpError(404, 'not-found', 'no such endpoint; see GET /v1/ruleset and docs/sidecar.md');
      if (req.method !== route.method && !(req.method === 'HEAD' && route.method === 'GET')) throw new HttpError(405, 'method-not-allowed', `use ${route.method}`, {}, { allow: route.method === 'GET' ? 'GET, HEAD' : 'POST' });
      let body: unknown = undefined;
      if (route.method === 'POST') {
        if (!isJson(req.headers['content-type'])) throw new HttpError(415, 'unsupported-media-type', 'send content-type: application/json (UTF-8)');
        const bytes = await readBody(req, bodyLimit);
        if (bytes === 'too-large') throw new HttpError(413, 'payload-too-large', `the body exceeds ${bodyLimit} bytes`, { limit: bodyLimit });
        const json = parseJson(bytes);
        if (!json.ok) {
          // Each endpoint answers a body it cannot read in its own shape, naming `body`.
          const reply = await unreadable(route.endpoint, json.problems);
          send(res, requestId, reply.status, reply.payload);
          emit(reply.status, reply.logs);
          return;
        }
        body = json.value;
      }
      const reply = await route.handle(body);
      send(res, requestId, reply.status, reply.payload);
      emit(reply.status, reply.logs);
    } catch (error) {
      if (error instanceof HttpError) {
        // A refused request whose body was not read: close rather than read the rest to reuse the connection.
        const unread = !req.complete && (Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined);
        send(res, requestId, error.status, errorBody(error.code, error.message, error.extra), { ...(unread ? { connection: 'close' } : {}), ...error.headers });
        emit(error.status, [{ outcome: 'rejected', rules: [] }]);
      } else if (!(error instanceof RequestAborted)) {
        // Never echo the error: it may quote the input.
        send(res, requestId, 500, errorBody(INTERNAL_ERROR, 'the request could not be handled'), { connection: 'close' });
        emit(500, [{ outcome: 'error', rules: [] }]);
      }
    }
  };

  /** The reply to a body that is not JSON, in the endpoint's own shape. */
  const unreadable = async (endpoint: Endpoint, problems: InputProblem[]): Promise<Reply> => {
    if (endpoint === 'check') {
      const decision = invalidBody(problems);
      return { status: 400, payload: decision, logs: [decisionLog(decision)] };
    }
    if (endpoint === 'next-allowed') {
      const decision = invalidBody(problems);
      return { status: 400, payload: invalidSchedule(decision), logs: [{ outcome: 'never', rules: [INVALID_INPUT] }] };
    }
    if (endpoint === 'quota') return { status: 400, payload: { ok: false, quota: null, issues: problems }, logs: [{ outcome: INVALID_INPUT, rules: [INVALID_INPUT] }] };
    return { status: 400, payload: errorBody(INVALID_INPUT, 'the body is not valid JSON', { issues: problems }), logs: [{ outcome: 'rejected', rules: [INVALID_INPUT] }] };
  };

  const server = createServer({
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    // How often Node looks for requests past their timeout (its default, 30 s, is coarser than the timeout).
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
  });
  // Past the cap Node closes a new connection at once: a flood of slow connections cannot take every
  // file descriptor of the process (legitimate requests then fail fast and can be retried).
  server.maxConnections = maxConnections;
  server.on('drop', () => {
    counters.refusedConnections += 1;
  });
  // Activity while draining: a connection accepted or a request read means there may be more to come.
  let activity = 0;
  server.on('connection', () => {
    activity += 1;
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    activity += 1;
    void handle(req, res);
  });
  // Errors Node finds before a request reaches the handler (or a body that never completes): a JSON
  // answer when nothing has been written on the connection yet, then the connection is closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code !== 'ECONNRESET' && socket.writable && socket.bytesWritten === 0) {
      const [status, code, message] =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request-timeout', `the request was not received within ${requestTimeoutMs} ms`] as const
        : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers-too-large', 'the request headers are too large'] as const
        : [400, 'bad-request', 'malformed HTTP request'] as const;
      socket.end(rawResponse(status, code, message));
      if (log !== null) log({ time: new Date().toISOString(), requestId: randomUUID(), endpoint: 'other', outcome: 'rejected', rules: [], status, latencyMs: 0 });
    }
    socket.destroySoon();
  });

  let closing: Promise<void> | null = null;

  const turn = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  /** The shutdown of `close()`: see the Sidecar interface. */
  const drain = async (): Promise<void> => {
    stopping = true;
    if (!server.listening) return;
    const deadline = performance.now() + drainTimeoutMs;
    // 1. Connections the client finished opening before the signal wait in the system's backlog, and
    //    their requests in socket buffers: give the event loop turns to accept and read them, until a
    //    turn brings nothing new (bounded by the drain timeout).
    for (let seen = -1; seen !== activity && performance.now() < deadline; ) {
      seen = activity;
      await turn(20);
    }
    // 2. Stop accepting, without Node's http close (which would also drop connections whose request is
    //    not yet parsed); resolve once every connection has ended.
    const closed = new Promise<void>((resolve, reject) => {
      netClose.call(server, (error?: Error) => (error === undefined ? resolve() : reject(error)));
    });
    // 3. Idle connections close now and whenever a connection becomes idle; past the drain timeout,
    //    every connection is cut off.
    const sweep = setInterval(() => {
      if (performance.now() >= deadline) server.closeAllConnections();
      else server.closeIdleConnections();
    }, 25);
    server.closeIdleConnections();
    try {
      await closed;
    } finally {
      clearInterval(sweep);
    }
  };

  return {
    server,
    guard,
    listen: () =>
      new Promise((resolve, reject) => {
        const onError = (error: Error): void => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address();
          resolve(typeof address === 'object' && address !== null ? { host: address.address, port: address.port } : { host, port });
        });
      }),
    counters,
    close: () => {
      closing ??= drain().then(() => (ledger === null ? undefined : ledger.close()));
      return closing;
    },
  };
}
