/** Helpers for the sidecar tests: a sidecar on an ephemeral loopback port, and JSON requests to it. */
import { connect, type Socket } from 'node:net';
import { createSidecar, type DecisionLogEntry, type Sidecar, type SidecarOptions } from '../../src/cli/sidecar/server.js';

export interface Running {
  readonly sidecar: Sidecar;
  readonly base: string;
  readonly logs: DecisionLogEntry[];
  readonly close: () => Promise<void>;
}

/** Starts a sidecar on 127.0.0.1 with a free port; its log entries are collected in `logs`. */
/** A fixed-offset zone where it is now about noon, so that the real clock's "now" is inside collection hours (the ledger judges actions near now). */
export function noonZone(): string {
  const offset = ((12 - new Date().getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

export async function start(options: Omit<SidecarOptions, 'host' | 'port'> = {}): Promise<Running> {
  const logs: DecisionLogEntry[] = [];
  const sidecar = createSidecar({ log: (entry) => logs.push(entry), ...options, host: '127.0.0.1', port: 0 });
  const { host, port } = await sidecar.listen();
  return { sidecar, base: `http://${host}:${port}`, logs, close: () => sidecar.close() };
}

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** POSTs a value as JSON (or a string as it is) and reads the JSON answer. */
export async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

export async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as unknown };
}

/** Sends raw bytes on a fresh connection and returns everything the server wrote before closing it. */
export async function rawExchange(base: string, write: (socket: Socket) => void): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => write(socket));
    let out = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => { out += chunk; });
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

/** An open keep-alive connection that sends one request at a time and reads each answer whole. */
export interface RawConnection {
  readonly socket: Socket;
  /** Writes `request` and resolves to the answer's status and body once its content-length is read. */
  exchange(request: string): Promise<{ status: number; head: string; body: string }>;
}

export async function rawConnection(base: string): Promise<RawConnection> {
  const url = new URL(base);
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s = connect(Number(url.port), url.hostname, () => resolve(s));
    s.once('error', reject);
  });
  socket.setEncoding('utf8');
  let buffer = '';
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    waiting?.();
  });
  socket.on('close', () => waiting?.());
  return {
    socket,
    exchange: (request) =>
      new Promise((resolve, reject) => {
        buffer = '';
        waiting = () => {
          const end = buffer.indexOf('\r\n\r\n');
          const length = /\r\ncontent-length: (\d+)\r\n/i.exec(buffer.slice(0, end + 2));
          if (end >= 0 && length !== null && Buffer.byteLength(buffer.slice(end + 4)) >= Number(length[1])) {
            waiting = null;
            resolve({ status: Number(buffer.slice(9, 12)), head: buffer.slice(0, end), body: buffer.slice(end + 4) });
          } else if (socket.destroyed) {
            waiting = null;
            reject(new Error(`connection closed; received ${JSON.stringify(buffer)}`));
          }
        };
        socket.write(request);
      }),
  };
}
