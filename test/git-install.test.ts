/**
 * Installing the package from a git URL, as `npm i git+https://…/cuishou-guard.git` does: npm clones the
 * repository, installs its dependencies, runs `prepare` (the build) and packs it. Without `prepare` the
 * package had no dist/ and every import failed. No network: the URL is git+file:// of a clone of this
 * repository at HEAD, and npm takes packages from its cache.
 *
 * To keep the run short, the clone's devDependencies are cut down to what `prepare` needs (tsup,
 * typescript, @types/node, and the database clients' types that the ledger's declarations are checked
 * against: @types/pg, redis): npm installs a git dependency's devDependencies before preparing it, and the
 * full set (Stryker, Playwright, TypeDoc…) takes minutes to unpack. The build itself is the real one.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const PREPARE_NEEDS = ['tsup', 'typescript', '@types/node', '@types/pg', 'redis'];

const lateCall = {
  context: { debtor: { id: 'D1', timeZone: 'Asia/Shanghai' }, debt: { id: 'L1', status: 'overdue' } },
  action: {
    channel: 'voice', at: '2026-11-30T23:00:00+08:00', target: { role: 'debtor', partyId: 'D1' }, purpose: 'demand_payment',
    actor: {
      kind: 'human',
      collector: {
        id: 'E1', violentCrimeRecord: false, seriousBadCredit: false, preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00',
        lastTrainingAssessedAt: '2026-06-01T09:00:00+08:00', confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00', standing: 'active',
      },
      organization: { id: 'ORG1', kind: 'lender' },
      system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
    },
  },
};

describe('npm install git+file://… (the repository, not a tarball)', () => {
  let work: string;
  let app: string;
  const node = (args: string[]) => run(process.execPath, args, { cwd: app, timeout: 60_000 });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cuishou-guard-git-'));
    const repo = join(work, 'repo');
    await run('git', ['clone', '-q', '--depth', '1', `file://${root}`, repo]);
    const pkgPath = join(repo, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts.prepare).toMatch(/tsup/);
    pkg.devDependencies = Object.fromEntries(Object.entries(pkg.devDependencies).filter(([name]) => PREPARE_NEEDS.includes(name)));
    expect(Object.keys(pkg.devDependencies).sort()).toEqual([...PREPARE_NEEDS].sort());
    writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
    rmSync(join(repo, 'package-lock.json'));
    await run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', 'commit', '-qam', 'test: fewer devDependencies'], { cwd: repo });
    app = join(work, 'app');
    await run('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
    writeFileSync(join(app, 'case.json'), JSON.stringify(lateCall.context));
    writeFileSync(join(app, 'late.json'), JSON.stringify(lateCall.action));
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', `git+file://${repo}`], { cwd: app, timeout: 540_000 });
  }, 600_000);

  afterAll(() => {
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('installs the built package: dist/ is there', () => {
    const dist = readdirSync(join(app, 'node_modules/cuishou-guard/dist'));
    expect(dist).toEqual(expect.arrayContaining(['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.js', 'sidecar.js', 'sidecar.cjs']));
  });

  it('imports it as ESM and requires it as CommonJS, main entry and the sidecar subpath', async () => {
    const payload = JSON.stringify(lateCall);
    const esm = await node(['--input-type=module', '-e', `
      import { checkAction } from 'cuishou-guard';
      import { createSidecar } from 'cuishou-guard/sidecar';
      const { context, action } = ${payload};
      const d = checkAction(context, action);
      console.log(JSON.stringify({ outcome: d.outcome, rules: d.violations.map((v) => v.rule), sidecar: typeof createSidecar }));`]);
    const cjs = await node(['-e', `
      const { checkAction } = require('cuishou-guard');
      const { createSidecar } = require('cuishou-guard/sidecar');
      const { context, action } = ${payload};
      const d = checkAction(context, action);
      console.log(JSON.stringify({ outcome: d.outcome, rules: d.violations.map((v) => v.rule), sidecar: typeof createSidecar }));`]);
    const expected = { outcome: 'deny', rules: ['collection-hours'], sidecar: 'function' };
    expect(JSON.parse(esm.stdout)).toEqual(expected);
    expect(JSON.parse(cjs.stdout)).toEqual(expected);
  });

  it('runs the bin: cuishou-guard check denies the 23:00 call with exit code 1', async () => {
    const bin = join(app, 'node_modules/.bin/cuishou-guard');
    const result = await run(bin, ['check', 'case.json', 'late.json', '--json'], { cwd: app, timeout: 60_000 }).then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { outcome: string }).outcome).toBe('deny');
  });
});
