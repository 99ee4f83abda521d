/**
 * Issue 15, breakages 1 (responsiveness), 5 and 6 at the sidecar: the worst scheduling request costs a
 * bounded amount of work and /healthz is answered beside it; a shutdown answers every request already
 * received; a flood of slow-header connections is capped and cut, and legitimate checks are answered.
 * Every assertion counts requests answered, connections refused or work done — never a time.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_SCHEDULE_CHECKS } from '../../src/index.js';
import { action, context } from '../support/fixtures.js';
import { start } from '../sidecar/support.js';
import { ODD_ZONES, SAME_OFFSET_ZONES, worstScheduleCase } from './cases.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function requestText(method: string, path: string, body?: unknown): string {
  const text = body === undefined ? '' : JSON.stringify(body);
  return `${method} ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`;
}

/** An open connection and the status line of whatever it gets back (null: closed or reset without an answer). */
function open(port: number, tolerant = false): Promise<{ socket: Socket; answer: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const answer = new Promise<number | null>((done) => {
      socket.setEncoding('utf8').on('data', (chunk: string) => { data += chunk; });
      socket.on('error', () => undefined);
      socket.on('close', () => done(/^HTTP\/1\.1 (\d{3})/.exec(data) === null ? null : Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1])));
    });
    socket.once('connect', () => resolve({ socket, answer }));
    socket.once('error', (error) => (tolerant ? resolve({ socket, answer }) : reject(error)));
  });
}

const CHECK = { context: context(), action: action() };

describe('responsiveness: the worst scheduling request of issue 15', () => {
  it('four at once and twenty /healthz beside them: all answered, each search within its cap', async () => {
    const s = await start({ log: null });
    try {
      const [c, a] = worstScheduleCase(ODD_ZONES);
      const [c2, a2] = worstScheduleCase(SAME_OFFSET_ZONES);
      const body = (cc: unknown, aa: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ context: cc, action: aa, horizonDays: 366 }) });
      const schedules = [body(c, a), body(c2, a2), body(c, a), body(c2, a2)].map((init) => fetch(`${s.base}/v1/next-allowed`, init).then(async (r) => ({ status: r.status, body: (await r.json()) as { status: string; work: { checks: number } } })));
      const health = Array.from({ length: 20 }, () => fetch(`${s.base}/healthz`).then((r) => r.status));
      const answered = await Promise.all(schedules);
      expect(await Promise.all(health)).toEqual(Array(20).fill(200));
      for (const r of answered) {
        expect(r.status).toBe(200);
        expect(r.body.work.checks).toBeLessThanOrEqual(MAX_SCHEDULE_CHECKS);
        expect(['horizon-exhausted', 'search-limit']).toContain(r.body.status);
      }
      expect(s.sidecar.counters.answered).toBe(24);
    } finally {
      await s.close();
    }
  }, 120_000);
});

describe('drain: a shutdown answers every request already received', () => {
  it('one slow request and 30 checks on new connections, fully written, then close(): 31 answered, none reset', async () => {
    const s = await start({ log: null });
    const port = Number(new URL(s.base).port);
    const [c, a] = worstScheduleCase(SAME_OFFSET_ZONES);
    const connections = await Promise.all(Array.from({ length: 31 }, () => open(port)));
    // Every byte of every request is handed to the system in this one tick, then the sidecar is closed at
    // once: nothing has been read on the server side yet.
    connections.forEach(({ socket }, i) => socket.write(i === 0 ? requestText('POST', '/v1/next-allowed', { context: c, action: a, horizonDays: 366 }) : requestText('POST', '/v1/check', CHECK)));
    const closed = s.close();
    const answers = await Promise.all(connections.map((x) => x.answer));
    await closed;
    expect(answers).toEqual(Array(31).fill(200));
    expect(s.sidecar.counters.answered).toBe(31);
    expect(s.sidecar.server.listening).toBe(false);
  }, 60_000);

  it('after the drain, new connections are refused', async () => {
    const s = await start({ log: null });
    const port = Number(new URL(s.base).port);
    await s.close();
    await expect(open(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('the spawned serve command: SIGTERM while a slow request computes; every request written before it is answered; exit 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/commands/serve.ts', '--port', '0', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
          if (match?.[1] !== undefined) resolve(Number(match[1]));
        });
        void exited.then((code) => reject(new Error(`exited ${code}; stderr: ${stderr}`)));
      });
      const [c, a] = worstScheduleCase(SAME_OFFSET_ZONES);
      const slow = await open(port);
      slow.socket.write(requestText('POST', '/v1/next-allowed', { context: c, action: a, horizonDays: 366 }));
      const checks = await Promise.all(Array.from({ length: 30 }, () => open(port)));
      for (const { socket } of checks) socket.write(requestText('POST', '/v1/check', CHECK));
      await new Promise<void>((resolve) => checks[checks.length - 1]?.socket.write('', () => resolve()));
      child.kill('SIGTERM');
      const answers = await Promise.all([slow.answer, ...checks.map((x) => x.answer)]);
      expect(answers.filter((status) => status === 200)).toHaveLength(31);
      expect(await exited).toBe(0);
      expect(stderr).toMatch(/stopped \(31 requests answered\)/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});

describe('connection cap and prompt header timeout', () => {
  it('40 connections dripping header bytes against a cap of 20: the excess answered 503 at once, the rest cut by the headers timeout, then 50 checks all answered', async () => {
    const s = await start({ log: null, maxConnections: 20, headersTimeoutMs: 300, requestTimeoutMs: 2_000 });
    const port = Number(new URL(s.base).port);
    try {
      const drips = await Promise.all(Array.from({ length: 40 }, () => open(port, true)));
      for (const { socket } of drips) if (!socket.destroyed) socket.write('POST /v1/check HTTP/1.1\r\nhost: x\r\nx-slow: ');
      // Every dripping connection ends: the 20 over the cap at once with a 503, the others when their
      // headers time out (answered 408 when nothing was written yet, or closed).
      const ends = await Promise.all(drips.map((x) => x.answer));
      expect(ends.filter((status) => status === 200)).toHaveLength(0);
      expect(s.sidecar.counters.refusedConnections).toBeGreaterThanOrEqual(20);
      expect(ends.filter((status) => status === 503)).toHaveLength(s.sidecar.counters.refusedConnections);
      expect(ends.filter((status) => status !== 503).every((status) => status === 408 || status === null)).toBe(true);
      // Legitimate traffic, ten at a time (under the cap): every check answered.
      const checks: number[] = [];
      for (let batch = 0; batch < 5; batch += 1) {
        checks.push(...(await Promise.all(Array.from({ length: 10 }, () => fetch(`${s.base}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(CHECK) }).then((r) => r.status)))));
      }
      expect(checks).toEqual(Array(50).fill(200));
    } finally {
      await s.close();
    }
  }, 60_000);

  it('refuses absurd settings', async () => {
    await expect(start({ maxConnections: 0 })).rejects.toThrow(/maxConnections/);
    await expect(start({ headersTimeoutMs: 0 })).rejects.toThrow(/headersTimeoutMs/);
  });
});
