/**
 * The real `serve` command in its own process (slow: one spawn only): it reads its files, prints the
 * address on stderr, answers, and exits 0 on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/index.js';
import { context, action } from '../support/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cuishou-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cuishou-guard serve (spawned)', () => {
  it('starts on a free port, reads overlay, house rules and token files, answers, and exits 0 on SIGTERM', async () => {
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'spawned-test-token-0123456789\n');
    chmodSync(tokenFile, 0o600);
    // `npx tsx src/cli/commands/serve.ts …` without the npx and tsx wrapper processes: one process, which gets the signal itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/commands/serve.ts', '--port', '0', '--quiet',
      '--overlay', 'examples/data/bank-policy.json', '--house-rules', 'examples/house-rules.json', '--token-file', tokenFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no address within 45 s; stderr: ${stderr}`)), 45_000);
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          stderr += chunk;
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
          if (match?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        void exited.then((code) => reject(new Error(`exited ${code} before listening; stderr: ${stderr}`)));
      });
      expect(stderr).toContain('profile gb-t-45251-2025+bank-policy, 3 house rules, token required');

      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      expect((await fetch(`${base}/v1/ruleset`)).status).toBe(401);
      const auth = { authorization: 'Bearer spawned-test-token-0123456789' };
      const ruleset = (await (await fetch(`${base}/v1/ruleset`, { headers: auth })).json()) as { profile: string; houseRules: string[] };
      expect(ruleset.profile).toBe('gb-t-45251-2025+bank-policy');
      expect(ruleset.houseRules).toHaveLength(3);
      const input = { context: context(), action: action({ at: '2026-11-30T21:30:00+08:00' }) };
      const response = await fetch(`${base}/v1/check`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(input) });
      const houseRules = JSON.parse(readFileSync(join(root, 'examples/house-rules.json'), 'utf8')) as unknown[];
      const overlay = JSON.parse(readFileSync(join(root, 'examples/data/bank-policy.json'), 'utf8')) as object;
      const guard = createGuard({ overlay, overlayId: 'bank-policy', houseRules, locale: 'en' });
      expect(await response.json()).toEqual(await guard.check(input.context, input.action));

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('SIGTERM: answering requests already received');
      expect(stderr).toContain('stopped');
      expect(stdout).toBe(''); // --quiet
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
