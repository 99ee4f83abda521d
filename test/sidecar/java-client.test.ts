/**
 * examples/java/CheckClient.java against a sidecar in this process: compiled with javac into a temp
 * directory, run with java. Skipped, saying why, where no JDK is installed.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { context, action } from '../support/fixtures.js';
import { start, type Running } from './support.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const hasJdk = spawnSync('javac', ['-version'], { stdio: 'ignore' }).status === 0;
if (!hasJdk) console.warn('test/sidecar/java-client.test.ts: skipped: no javac on PATH (install a JDK 11+ to run the Java client test)');

describe.skipIf(!hasJdk)('examples/java/CheckClient.java', () => {
  const token = 'java-client-token-5b1f';
  let dir: string;
  let s: Running;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cuishou-java-'));
    await run('javac', ['-d', dir, join(root, 'examples/java/CheckClient.java')], { timeout: 60_000 });
    s = await start({ token });
  }, 90_000);
  afterAll(async () => {
    await s?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const java = async (file: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run('java', ['-cp', dir, 'CheckClient', s.base, file], { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };

  it('prints the outcome of examples/data/check-request.json, as the library decides it', async () => {
    const request = JSON.parse(readFileSync(join(root, 'examples/data/check-request.json'), 'utf8')) as { context: unknown; action: unknown };
    const expected = checkAction(request.context as never, request.action as never).outcome;
    expect(expected).toBe('deny');
    const result = await java('examples/data/check-request.json', { CUISHOU_GUARD_TOKEN: token });
    expect(result).toMatchObject({ code: 1, stdout: 'deny\n' });
  }, 60_000);

  it('an allowed action prints allow and exits 0; without the token it reports the 401', async () => {
    const file = join(dir, 'allowed.json');
    writeFileSync(file, JSON.stringify({ context: context(), action: action() }));
    expect(checkAction(context(), action()).outcome).toBe('allow');
    expect(await java(file, { CUISHOU_GUARD_TOKEN: token })).toMatchObject({ code: 0, stdout: 'allow\n' });
    const refused = await java(file, { CUISHOU_GUARD_TOKEN: '' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('HTTP 401');
  }, 60_000);
});
