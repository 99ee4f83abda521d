/** The serve command's flags, in process: every mistake is a usage error before anything listens. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { UsageError, type Io } from '../../src/cli/io.js';
import { start } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'cuishou-serve-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): Io & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    stdin: new PassThrough(),
    cwd: dir,
    now: () => 0,
    out: () => out,
    err: () => err,
  };
}

async function usageError(args: string[]): Promise<string> {
  try {
    await serveCommand.run(args, io());
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
}

describe('cuishou-guard serve flags', () => {
  it('--help prints the usage and exits 0', async () => {
    const x = io();
    expect(await serveCommand.run(['--help'], x)).toBe(0);
    expect(x.out()).toContain('cuishou-guard serve [--host 127.0.0.1] [--port 8181]');
    expect(x.out()).toContain('--token-file FILE');
  });

  it('refuses bad numbers, unknown flags and stray arguments', async () => {
    expect(await usageError(['--port', '70000'])).toMatch(/--port "70000"/);
    expect(await usageError(['--port', '-1'])).toMatch(/--port|argument/);
    expect(await usageError(['--port', '80a'])).toMatch(/--port "80a"/);
    expect(await usageError(['--body-limit', '0'])).toMatch(/--body-limit/);
    expect(await usageError(['--batch-limit', '1.5'])).toMatch(/--batch-limit/);
    expect(await usageError(['--verbose'])).toMatch(/verbose/);
    expect(await usageError(['extra'])).toMatch(/unexpected argument "extra"/);
  });

  it('refuses unreadable, empty or malformed files, and a configuration that loosens the standard', async () => {
    expect(await usageError(['--token-file', 'missing-token'])).toMatch(/cannot read the token file missing-token \(ENOENT\)/);
    writeFileSync(join(dir, 'empty-token'), '\n', { mode: 0o600 });
    expect(await usageError(['--token-file', 'empty-token'])).toMatch(/is empty/);
    writeFileSync(join(dir, 'rules.json'), '{"not": "an array"}');
    expect(await usageError(['--house-rules', 'rules.json'])).toMatch(/must hold a JSON array/);
    writeFileSync(join(dir, 'bad-rules.json'), '[{"name": "Bad Name"}]');
    expect(await usageError(['--house-rules', 'bad-rules.json'])).toMatch(/House rules cannot be read/);
    writeFileSync(join(dir, 'loose.json'), '{"voiceDailyCap": 4}');
    expect(await usageError(['--overlay', 'loose.json'])).toMatch(/overlay\.voiceDailyCap: 4 is looser than the national 3/);
    expect(await usageError(['--profile', 'nope'])).toMatch(/nope/);
    expect(await usageError(['--locale', 'fr'])).toMatch(/--locale "fr"/);
  });

  it('a port in use: a message on stderr and exit code 2', async () => {
    const taken = await start();
    try {
      const x = io();
      expect(await serveCommand.run(['--port', new URL(taken.base).port], x)).toBe(2);
      expect(x.err()).toMatch(/cannot listen on http:\/\/127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
    } finally {
      await taken.close();
    }
  });
});
