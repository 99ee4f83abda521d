/**
 * The HTTP sidecar: the guard's decisions over JSON for backends that are not written in TypeScript.
 * A thin face over createGuard with no rule logic of its own; what it adds is hardening (loopback by
 * default, an optional bearer token, a body size limit, request timeouts, a connection cap, graceful
 * shutdown) and one structured log line per decision that never carries input strings. See
 * docs/sidecar.md.
 *
 * This file only puts the parts together: the options and their defaults, the guard, the routes
 * (routes.ts, ledger-routes.ts) and the HTTP plumbing that serves them (http.ts).
 */
import type { Server } from 'node:http';
import { createGuard, type Guard, type GuardOptions } from '../../guard/guard.js';
import type { LedgerStore } from '../../ledger/index.js';
import { serveRoutes, type DecisionLogEntry } from './http.js';
import { ledgerRoutes } from './ledger-routes.js';
import { guardRoutes } from './routes.js';

export type { DecisionLogEntry } from './http.js';
export type { Endpoint, Reply, Route } from './reply.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8181;
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** A client must send its request headers within this time (slow-header connections are cut). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 5_000;
/** Open connections at most; the next ones are answered 503 and closed at once (below the usual `ulimit -n` of 1024). */
export const DEFAULT_MAX_CONNECTIONS = 512;
/** On close: how long requests already received may take to be answered before they are cut off. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
export const DEFAULT_BATCH_LIMIT = 1000;

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
  /** Open connections at most (default 512); a connection over the cap is answered 503 with `Retry-After: 1` and closed. */
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
  /** Requests answered so far, and connections refused (answered 503) by the connection cap (for tests and logs). */
  readonly counters: { readonly answered: number; readonly refusedConnections: number };
}

/** A sidecar over one guard. Validates the guard configuration at once (GuardConfigError). */
export function createSidecar(options: SidecarOptions = {}): Sidecar {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const batchLimit = options.batchLimit ?? DEFAULT_BATCH_LIMIT;
  const headersTimeoutMs = Math.min(options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS, requestTimeoutMs);
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  for (const [name, value, min] of [
    ['port', port, 0], ['bodyLimitBytes', bodyLimitBytes, 1], ['requestTimeoutMs', requestTimeoutMs, 1], ['batchLimit', batchLimit, 1],
    ['headersTimeoutMs', headersTimeoutMs, 1], ['maxConnections', maxConnections, 1], ['drainTimeoutMs', drainTimeoutMs, 0],
  ] as const) {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
  if (port > 65535) throw new RangeError(`port must be at most 65535, got ${port}`);
  if (options.token !== undefined && options.token.length === 0) throw new RangeError('token must not be empty');

  const guard = createGuard(options.guard);
  const ledger = options.ledger === undefined ? null : ledgerRoutes(options.ledger, guard);
  const http = serveRoutes(
    { ...ledger?.routes, ...guardRoutes(guard, { batchLimit }) },
    { bodyLimitBytes, requestTimeoutMs, headersTimeoutMs, maxConnections, drainTimeoutMs, token: options.token ?? null, log: options.log ?? null },
  );

  let closing: Promise<void> | null = null;
  return {
    server: http.server,
    guard,
    listen: () => http.listen(port, host),
    counters: http.counters,
    close: () => {
      closing ??= http.close().then(() => (ledger === null ? undefined : ledger.close()));
      return closing;
    },
  };
}
