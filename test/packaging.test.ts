/**
 * The package as an integrator gets it: `npm pack`, extracted into the node_modules of two throwaway
 * projects (one ESM, one CommonJS) that run a check with plain node; and the core, bundled for the
 * browser, evaluated where there is no require, process or Buffer. No network: dependencies are linked
 * from this checkout's node_modules.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAction } from '../src/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string> };
const DIST = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'ledger.js', 'ledger.cjs', 'ledger.d.ts', 'ledger.d.cts'];

// The README's example: a call at 23:00 in Shanghai (denied by collection-hours), and the same at 10:00.
const actor = {
  kind: 'human',
  collector: {
    id: 'E1', violentCrimeRecord: false, seriousBadCredit: false,
    preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00', lastTrainingAssessedAt: '2026-06-01T09:00:00+08:00',
    confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00', standing: 'active',
  },
  organization: { id: 'ORG1', kind: 'lender' },
  system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
};
const example = {
  context: { debtor: { id: 'D1', timeZone: 'Asia/Shanghai' }, debt: { id: 'L1', status: 'overdue' }, history: [] },
  late: { channel: 'voice', at: '2026-11-30T23:00:00+08:00', target: { role: 'debtor', partyId: 'D1' }, purpose: 'demand_payment', actor },
  day: { channel: 'voice', at: '2026-11-30T10:00:00+08:00', target: { role: 'debtor', partyId: 'D1' }, purpose: 'demand_payment', actor },
};
const expected = () => ({
  late: checkAction(example.context as never, example.late as never),
  day: checkAction(example.context as never, example.day as never),
});

/** The module specifiers a source or bundle imports or requires. */
function specifiers(code: string): string[] {
  const found = new Set<string>();
  const name = String.raw`['"]([\w@./:-]+)['"]`;
  const patterns = [
    new RegExp(String.raw`^\s*(?:import|export)\b[^;'"]*?\bfrom\s*${name}`, 'gm'),
    new RegExp(String.raw`^\s*import\s*${name}`, 'gm'),
    new RegExp(String.raw`\bimport\(\s*${name}\s*\)`, 'g'),
    new RegExp(String.raw`\brequire\(\s*${name}\s*\)`, 'g'),
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.add(m[1] as string);
  return [...found];
}

const isNodeBuiltin = (specifier: string): boolean => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] as string);

let work: string;

beforeAll(() => {
  if (!DIST.every((file) => existsSync(join(root, 'dist', file)))) execSync('npm run build', { cwd: root, stdio: 'pipe' });
  work = mkdtempSync(join(tmpdir(), 'cuishou-guard-pack-'));
}, 300_000);

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  let unpacked: string;

  beforeAll(() => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    if (info === undefined) throw new Error('npm pack printed no result');
    const files = info.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', ...DIST.map((f) => `dist/${f}`)]));
    expect(files.filter((f) => /^(src|test|scripts|reports|docs)\//.test(f))).toEqual([]);
    // One node_modules shared by both consumer projects: the package from the tarball, its dependencies linked.
    const modules = join(work, 'node_modules');
    mkdirSync(modules, { recursive: true });
    execFileSync('tar', ['-xzf', join(work, info.filename), '-C', modules]);
    unpacked = join(modules, pkg.name);
    renameSync(join(modules, 'package'), unpacked);
    for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(root, 'node_modules', dep), join(modules, dep), 'dir');
  }, 120_000);

  function consumer(name: string, type: 'module' | 'commonjs', code: string): string {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, type }));
    writeFileSync(join(dir, 'main.js'), code);
    return execFileSync(process.execPath, [join(dir, 'main.js')], { cwd: dir, encoding: 'utf8' });
  }

  const script = (load: string) => `${load}
const example = ${JSON.stringify(example)};
const late = checkAction(example.context, example.late);
const day = checkAction(example.context, example.day);
console.log(JSON.stringify({ late, day, version: VERSION, masked: maskPhone('13812348000') }));
`;

  it('an ESM project ("type": "module") imports it and gets the same decisions', () => {
    const printed = JSON.parse(consumer('esm-consumer', 'module', script("import { checkAction, VERSION, maskPhone } from 'cuishou-guard';")));
    expect(printed.late.outcome).toBe('deny');
    expect(printed.late.violations[0].rule).toBe('collection-hours');
    expect(printed.day.outcome).toBe('allow');
    expect({ late: printed.late, day: printed.day }).toEqual(expected());
    expect(printed.masked).toBe('138****8000');
  });

  it('a CommonJS project requires it and gets the same decisions', () => {
    const printed = JSON.parse(consumer('cjs-consumer', 'commonjs', script("const { checkAction, VERSION, maskPhone } = require('cuishou-guard');")));
    expect({ late: printed.late, day: printed.day }).toEqual(expected());
    expect(printed.version).toBe(JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')).version);
  });

  const ledgerScript = (load: string) => `${load}
const example = ${JSON.stringify(example)};
(async () => {
  const ledger = createLedger({ store: memoryStore(), now: () => Date.parse(example.day.at) });
  const outcomes = [];
  for (let i = 0; i < 4; i += 1) outcomes.push((await ledger.reserve(example.context, example.day)).decision.outcome);
  // pg is an optional peer dependency, absent here: the Postgres store fails closed, with its own rule.
  const noPg = await createLedger({ store: postgresStore({ connectionString: 'postgres://u:p@127.0.0.1:1/x' }), now: () => Date.parse(example.day.at) }).reserve(example.context, example.day);
  console.log(JSON.stringify({ outcomes, noPg: noPg.decision.violations.map((v) => v.rule + '/' + v.code) }));
})();
`;

  it.each([
    ['module', "import { createLedger, memoryStore, postgresStore } from 'cuishou-guard/ledger';"],
    ['commonjs', "const { createLedger, memoryStore, postgresStore } = require('cuishou-guard/ledger');"],
  ] as const)('cuishou-guard/ledger loads in a %s project without pg or redis installed, and holds the cap', (type, load) => {
    const printed = JSON.parse(consumer(`ledger-${type}`, type, ledgerScript(load)));
    expect(printed).toEqual({ outcomes: ['allow', 'allow', 'allow', 'deny'], noPg: ['ledger-unavailable/store-error'] });
  });
});

describe('the core runs outside Node', () => {
  it('the core entry does not import the ledger (nor its database clients)', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const s of specifiers(readFileSync(file, 'utf8')).filter((x) => x.startsWith('.'))) visit(join(file, '..', s.replace(/\.js$/, '.ts')));
    };
    visit(join(root, 'src/index.ts'));
    expect([...seen].filter((f) => f.includes(join('src', 'ledger')))).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
  });

  it('dist/index.js and dist/index.cjs import only the declared dependencies, nothing from node:', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const imported = specifiers(readFileSync(join(root, 'dist', file), 'utf8'));
      expect(imported.filter(isNodeBuiltin), file).toEqual([]);
      expect(imported.filter((s) => !Object.keys(pkg.dependencies).includes(s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string))), file).toEqual([]);
    }
  });

  it('src/ outside src/cli imports nothing from node: or another Node built-in', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (relative(join(root, 'src'), path) !== 'cli') walk(path);
        } else if (entry.name.endsWith('.ts')) {
          for (const s of specifiers(readFileSync(path, 'utf8')).filter(isNodeBuiltin)) offenders.push(`${relative(root, path)}: ${s}`);
        }
      }
    };
    walk(join(root, 'src'));
    expect(offenders).toEqual([]);
  });

  it('bundled for the browser, it checks in a context with no require, process or Buffer', async () => {
    const bundle = await build({
      entryPoints: [join(root, 'src/index.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'CuishouGuard',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const code = bundle.outputFiles[0]?.text ?? '';
    // A browser's globals beyond the language itself (a vm context has only the language's built-ins).
    const sandbox = vm.createContext({ console, TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask, structuredClone });
    vm.runInContext(code, sandbox, { filename: 'cuishou-guard.browser.js' });
    expect(vm.runInContext('[typeof require, typeof process, typeof Buffer, typeof module]', sandbox)).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    const decide = (which: 'late' | 'day') =>
      JSON.parse(vm.runInContext(`JSON.stringify(CuishouGuard.checkAction(${JSON.stringify(example.context)}, ${JSON.stringify(example[which])}))`, sandbox) as string);
    expect({ late: decide('late'), day: decide('day') }).toEqual(expected());
  }, 60_000);
});
