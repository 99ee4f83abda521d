import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AUTO_WORKERS_BYTES, workersOf } from '../../src/cli/commands/audit.js';
import { run } from '../../src/cli/run.js';
import type { AuditSummary } from '../../src/index.js';
import { action, context } from '../support/fixtures.js';
import { memoryIo, record } from './support.js';

const ROOT = new URL('../..', import.meta.url).pathname;
/** tsx's loader by URL: the children run in a temporary directory, where `--import tsx` would not resolve. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'cuishou-guard-cli-'));
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return name;
};
const jsonl = (records: readonly unknown[]): string => `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;

write('context.json', JSON.stringify(context()));
write('allowed.json', JSON.stringify(action()));
write('late.json', JSON.stringify(action({ at: '2026-11-30T23:00:00+08:00' })));
write('invalid.json', JSON.stringify(action({ at: '2026-11-30T10:00:00' })));
write('clean.jsonl', jsonl([record('2026-11-30T09:00:00+08:00'), record('2026-11-30T10:00:00+08:00')]));
write('overlay.json', JSON.stringify({ voiceDailyCap: 1 }));
write('loose.json', JSON.stringify({ voiceDailyCap: 4 }));
const mixed = [
  JSON.stringify(record('2026-11-30T09:00:00+08:00')),
  '{"debtor": ',
  '',
  JSON.stringify({ ...record('2026-11-30T09:30:00+08:00'), outcome: 'answered' }),
  JSON.stringify(record('2026-11-30T10:00:00+08:00')),
  JSON.stringify(record('2026-11-30T09:45:00+08:00')),
  JSON.stringify(record('2026-11-30T23:00:00+08:00', { outcome: 'not_connected' })),
].join('\n');
write('mixed.jsonl', `\uFEFF${mixed}\r\n`); // a byte-order mark and CRLF line ends, as Windows tools write

/** Spawns the real executable; kept to a few runs, as each costs a Node start-up. */
function spawnCli(args: readonly string[], stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), ...args], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('cuishou-guard (spawned): exit codes', () => {
  it('check: 0 allow, 1 deny, 2 invalid input, 2 unknown flag', async () => {
    const [allow, deny, invalid, unknownFlag] = await Promise.all([
      spawnCli(['check', 'context.json', 'allowed.json']),
      spawnCli(['check', 'context.json', 'late.json', '--json']),
      spawnCli(['check', 'context.json', 'invalid.json']),
      spawnCli(['check', 'context.json', 'allowed.json', '--colour']),
    ]);
    expect(allow.code).toBe(0);
    expect(allow.stdout).toMatch(/^ALLOW/);
    expect(deny.code).toBe(1);
    expect(JSON.parse(deny.stdout).violations[0].rule).toBe('collection-hours');
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toContain('invalid-input');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/Unknown option '--colour'/);
  });

  it('audit: 1 with violations, 0 without (log read from stdin), 2 for a missing file', async () => {
    const [found, clean, missing] = await Promise.all([
      spawnCli(['audit', join(ROOT, 'examples/data/collection-log.jsonl'), '--format', 'json']),
      spawnCli(['audit', '-', '--format', 'json'], readFileSync(join(dir, 'clean.jsonl'), 'utf8')),
      spawnCli(['audit', 'no-such.jsonl']),
    ]);
    expect(found.code).toBe(1);
    expect((JSON.parse(found.stdout) as AuditSummary).violations).toBeGreaterThan(0);
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toMatchObject({ records: 2, allowed: 2, violations: 0 });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the log no-such\.jsonl \(ENOENT\)/);
  });
});

describe('cuishou-guard (in process)', () => {
  it('audit names each bad line on stderr, counts it as an input error and goes on', async () => {
    const m = memoryIo(dir);
    const code = await run(['audit', 'mixed.jsonl', '--format', 'json'], m.io);
    expect(code).toBe(1);
    const errors = m.stderr().trimEnd().split('\n');
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^line 2: invalid JSON: /);
    expect(errors[1]).toMatch(/^line 4: record\.outcome: expected one of "connected"/);
    expect(errors[2]).toMatch(/^line 6: record\.action\.at: out of order/);
    expect(errors[3]).toMatch(/^hint: 1 record was out of time order and could not be judged; run again with --sort/);
    const summary = JSON.parse(m.stdout()) as AuditSummary;
    expect(summary).toMatchObject({ records: 6, allowed: 2, denied: 4, inputErrors: 3, violations: 1, byRule: { 'collection-hours': 1 } });
  });

  it('audit --workers: N threads as asked; without it, every core for a log file of AUTO_WORKERS_BYTES or more, else one', async () => {
    expect(workersOf('3', null)).toBe(3);
    expect(workersOf('1', 10 * AUTO_WORKERS_BYTES)).toBe(1);
    expect(workersOf(undefined, null)).toBe(1); // standard input: its size is unknown
    expect(workersOf(undefined, AUTO_WORKERS_BYTES - 1)).toBe(1);
    expect(workersOf(undefined, AUTO_WORKERS_BYTES)).toBe(Math.min(256, availableParallelism()));
    for (const bad of ['0', '257', '1.5', 'all', '']) expect(() => workersOf(bad, null), bad).toThrow(/--workers .*expected a whole number from 1 to 256/);
    const m = memoryIo(dir);
    expect(await run(['audit', 'clean.jsonl', '--workers', '0'], m.io)).toBe(2);
    expect(m.stderr()).toContain('--workers "0": expected a whole number from 1 to 256');
  });

  it('audit reads standard input with -', async () => {
    const m = memoryIo(dir, { stdin: Readable.from([readFileSync(join(dir, 'clean.jsonl'))]) });
    expect(await run(['audit', '-', '--format', 'csv'], m.io)).toBe(0);
    expect(m.stdout().split('\n')[0]).toBe('section,key,count');
    expect(m.stdout()).toContain('total,records,2');
  });

  it('audit --out writes the report; --overlay tightens; --locale labels', async () => {
    const m = memoryIo(dir);
    expect(await run(['audit', 'clean.jsonl', '--overlay', 'overlay.json', '--locale', 'zh-CN', '--out', 'report.txt'], m.io)).toBe(1);
    expect(m.stdout()).toBe('');
    const report = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(report).toContain('催收记录审计');
    expect(report).toContain('gb-t-45251-2025+overlay');
    expect(report).toMatch(/voice-daily-cap +1/);
  });

  it('audit --format html writes one page', async () => {
    const m = memoryIo(dir);
    expect(await run(['audit', 'clean.jsonl', '--format', 'html'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/^<!doctype html>/);
  });

  it('shows a progress bar on a terminal only, and clears it', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => record(`2026-11-30T${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 10).padStart(2, '0')}:00+08:00`, { debtor: `D${i}` }));
    write('forty.jsonl', jsonl(lines));
    const tty = memoryIo(dir, { tty: true });
    await run(['audit', 'forty.jsonl'], tty.io);
    expect(tty.stderr().startsWith('\r\x1b[2K[')).toBe(true);
    expect(tty.stderr()).toMatch(/\[#*-*\] +\d+% {2}\d+ records {2}[\d,]+\/s {2}ETA \d+:\d\d/);
    expect(tty.stderr().endsWith('\r\x1b[2K')).toBe(true);
    const pipe = memoryIo(dir);
    await run(['audit', 'forty.jsonl'], pipe.io);
    expect(pipe.stderr()).toBe('');
  });

  it('usage errors: exit 2 with the message and the usage on stderr', async () => {
    const cases: [string[], RegExp][] = [
      [['audit', 'clean.jsonl', '--format', 'xml'], /--format "xml": expected one of table, json, csv, html/],
      [['audit'], /expected one log file/],
      [['audit', 'clean.jsonl', '--overlay', 'loose.json'], /would loosen GB\/T 45251/],
      [['audit', 'clean.jsonl', '--profile', 'nope'], /"nope" is not a built-in profile/],
      [['check', 'context.json'], /expected two files/],
      [['check', 'context.json', 'missing.json'], /cannot read the action file missing\.json \(ENOENT\)/],
      [['check', 'context.json', 'clean.jsonl'], /the action file clean\.jsonl is not valid JSON/],
      [['check', 'context.json', 'allowed.json', '--locale', 'fr'], /--locale "fr": expected zh-CN or en/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [[], /no command given/],
    ];
    for (const [args, message] of cases) {
      const m = memoryIo(dir);
      expect(await run(args, m.io), args.join(' ')).toBe(2);
      expect(m.stderr()).toMatch(message);
    }
  });

  it('never repeats the text of a line or file that is not JSON (it may be personal data)', async () => {
    writeFileSync(join(dir, 'leaky.jsonl'), '{"debtor": PHONE-13812348000}\n');
    writeFileSync(join(dir, 'leaky.json'), '{"id": 张三}');
    const m = memoryIo(dir);
    await run(['audit', 'leaky.jsonl'], m.io);
    await run(['check', 'leaky.json', 'leaky.json'], m.io);
    expect(m.stderr()).toMatch(/line 1: invalid JSON: not valid JSON/);
    expect(m.stderr()).not.toMatch(/13812348000|张三/);
  });

  it('--help lists the commands; each command has its own help', async () => {
    const m = memoryIo(dir);
    expect(await run(['--help'], m.io)).toBe(0);
    expect(m.stdout()).toMatch(/check .*\n.*audit .*\n.*assess .*\n.*schema /);
    for (const name of ['check', 'audit', 'assess', 'schema']) {
      const c = memoryIo(dir);
      expect(await run([name, '--help'], c.io)).toBe(0);
      expect(c.stdout()).toContain(`cuishou-guard ${name}`);
    }
  });

  it('check prints the decision in the chosen language', async () => {
    const m = memoryIo(dir);
    expect(await run(['check', 'context.json', 'late.json', '--locale', 'zh-CN'], m.io)).toBe(1);
    expect(m.stdout()).toMatch(/^拒绝/);
  });
});
