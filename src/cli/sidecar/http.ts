/**
 * The sidecar's HTTP plumbing, knowing nothing of decisions: the server's lifecycle (listen, drain,
 * close) and limits (body size, timeouts, the connection cap: connection-cap.ts), the body as UTF-8
 * JSON (request-body.ts), the bearer token, security headers, error bodies, and the log hook. A request
 * is handed to its route (reply.ts) as a parsed body and the route's Reply is sent; routes never see a
 * socket.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { INTERNAL_ERROR } from '../../core/decision.js';
import { capConnections } from './connection-cap.js';
import { isJson, parseJson, readBody, RequestAborted } from './request-body.js';
import { errorBody, unreadableBody, type Endpoint, type LogDraft, type Routes } from './reply.js';

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

export interface HttpSettings {
  readonly bodyLimitBytes: number;
  readonly requestTimeoutMs: number;
  /** At most requestTimeoutMs. */
  readonly headersTimeoutMs: number;
  readonly maxConnections: number;
  readonly drainTimeoutMs: number;
  /** When not null, every route but `healthz` needs `Authorization: Bearer <token>`. */
  readonly token: string | null;
  /** Receives one entry per logged reply and per rejected request; null: no logs. */
  readonly log: ((entry: DecisionLogEntry) => void) | null;
}

export interface HttpService {
  readonly server: Server;
  /** Starts listening; resolves to the bound address (the real port when `port` was 0). */
  listen(port: number, host: string): Promise<{ host: string; port: number }>;
  /** Drains, then resolves (see Sidecar.close). Idempotent. */
  close(): Promise<void>;
  /** Requests answered so far, and connections refused by the connection cap. */
  readonly counters: { readonly answered: number; readonly refusedConnections: number };
}

/** A request refused by the plumbing (auth, path, method, content type, size), answered `{ error }`. */
class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, unknown> = {}, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error', 503: 'Service Unavailable' };

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;

/** A complete HTTP response written straight to a socket, for answers given before a request exists. */
function rawResponse(status: number, code: string, message: string, extraHeaders: Record<string, string> = {}): string {
  const body = JSON.stringify(errorBody(code, message));
  const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), ...SECURITY_HEADERS, ...extraHeaders, connection: 'close' };
  return `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

/** The answer to a connection over the cap (the same bytes every time: nothing of the request is read). */
export const TOO_MANY_CONNECTIONS = rawResponse(503, 'too-many-connections', 'the sidecar has too many open connections; retry shortly', { 'retry-after': '1' });

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Constant-time bearer token check: both sides are hashed first so the compared buffers have equal length. */
function authorised(header: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return timingSafeEqual(digest(match?.[1] ?? ''), expected) && match !== null;
}

// Node's http close would also drop connections whose request is not yet parsed: the drain uses net's.
const netClose = NetServer.prototype.close as (this: Server, callback?: (error?: Error) => void) => Server;

/** An HTTP server for `routes` with the settings' limits. It does not listen until `listen`. */
export function serveRoutes(routes: Routes, settings: HttpSettings): HttpService {
  const { bodyLimitBytes: bodyLimit, requestTimeoutMs, headersTimeoutMs, maxConnections, drainTimeoutMs, log } = settings;
  const expectedToken = settings.token === null ? null : digest(settings.token);

  let stopping = false;
  let answered = 0;

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
    answered += 1;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const requestId = randomUUID();
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    const endpoint: Endpoint = route?.endpoint ?? 'other';
    /** The log hook: one line per draft, completed with what only the plumbing knows. */
    const emit = (status: number, drafts: readonly LogDraft[]): void => {
      if (log === null) return;
      const time = new Date().toISOString();
      const total = performance.now() - started;
      for (const e of drafts) {
        log({ time, requestId, endpoint, outcome: e.outcome, rules: e.rules, status, latencyMs: Math.round((e.latencyMs ?? total) * 1000) / 1000, ...(e.index === undefined ? {} : { index: e.index }) });
      }
    };
    try {
      if (route?.endpoint !== 'healthz' && expectedToken !== null && !authorised(req.headers.authorization, expectedToken)) {
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
          const reply = (route.unreadable ?? unreadableBody)(json.problems);
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

  const server = createServer({
    requestTimeout: requestTimeoutMs,
    headersTimeout: headersTimeoutMs,
    // How often Node looks for requests past their timeout (its default, 30 s, is coarser than the timeout).
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
  });
  // Activity while draining: a connection accepted or a request read means there may be more to come.
  let activity = 0;
  // Past the cap a new connection is answered 503 and closed at once: a flood of slow connections cannot
  // take every file descriptor of the process (legitimate requests then fail fast and can be retried).
  const cap = capConnections(server, maxConnections, TOO_MANY_CONNECTIONS, () => {
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

  const turn = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
    //    every connection is cut off. Connections refused by the cap have had their answer.
    cap.dispose();
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

  let closing: Promise<void> | null = null;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error): void => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address();
          resolve(typeof address === 'object' && address !== null ? { host: address.address, port: address.port } : { host, port });
        });
      }),
    close: () => {
      closing ??= drain();
      return closing;
    },
    counters: {
      get answered() {
        return answered;
      },
      get refusedConnections() {
        return cap.refused();
      },
    },
  };
}
