/**
 * Issue 15, breakage 4 and the two found alongside: a huge line crashed `audit` (readline's
 * `RangeError: Invalid string length`) and lost every record, with exit code 1; an empty log exited 0;
 * invalid UTF-8 was replaced silently. Now a line over the limit is an input error of that line, skipped
 * as it streams (never held), every other record is judged, an empty log has its own exit code, and an
 * internal failure has its own, never 1. Asserted by records accounted for and bytes held, not by time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE_BYTES, EXIT_EMPTY, EXIT_FOUND, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, readLines, type Line } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import type { AuditSummary } from '../../src/index.js';
import { memoryIo, record } from '../audit/support.js';

const dir = mkdtempSync(join(new URL('.', import.meta.url).pathname, '.tmp-audit-'));
const CHUNK = 64 * 1024;

/** A stream of `parts`, where a number n stands for n bytes of 'x' produced CHUNK at a time (never whole). */
function streamOf(parts: readonly (string | Buffer | number)[]): Readable {
  return Readable.from((function* () {
    for (const part of parts) {
      if (typeof part !== 'number') {
        yield typeof part === 'string' ? Buffer.from(part) : part;
        continue;
      }
      for (let left = part; left > 0; left -= CHUNK) yield Buffer.alloc(Math.min(CHUNK, left), 0x78);
    }
  })());
}

async function collect(stream: Readable, max: number): Promise<{ lines: Line[]; peak: number }> {
  const stats = { peakHeldBytes: 0 };
  const lines: Line[] = [];
  for await (const line of readLines(stream, max, stats)) lines.push(line);
  return { lines, peak: stats.peakHeldBytes };
}

const valid = (at: string): string => JSON.stringify(record(at));

describe('readLines', () => {
  it('a 64 MiB line between records: reported with its length, and never more than the limit held', async () => {
    const { lines, peak } = await collect(streamOf(['a\n', 'b\r\n', 64 * 1024 * 1024, '\n', 'c']), DEFAULT_MAX_LINE_BYTES);
    expect(lines).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'b' },
      { number: 3, error: 'too-long', bytes: 64 * 1024 * 1024 },
      { number: 4, text: 'c' },
    ]);
    expect(peak).toBeLessThanOrEqual(DEFAULT_MAX_LINE_BYTES);
  });

  it('a line of exactly the limit is read; one byte more is not', async () => {
    const { lines } = await collect(streamOf([1024, '\n', 1025, '\n']), 1024);
    expect(lines.map((l) => ('error' in l ? l.error : l.text.length))).toEqual([1024, 'too-long']);
  });

  it('invalid UTF-8 is an error of that line, not a replacement character; a split multi-byte character is fine', async () => {
    const euro = Buffer.from('€'); // 3 bytes, split across chunks below
    const { lines } = await collect(streamOf([Buffer.from([0x61, 0xff, 0x62, 0x0a]), euro.subarray(0, 1), euro.subarray(1), '\n']), 1024);
    expect(lines).toEqual([{ number: 1, error: 'not-utf8' }, { number: 2, text: '€' }]);
  });
});

describe('cuishou-guard audit on hostile logs', () => {
  const audit = async (name: string, content: Buffer | string, args: string[] = []): Promise<{ code: number; summary: AuditSummary | null; stderr: string }> => {
    writeFileSync(join(dir, name), content);
    const m = memoryIo(dir);
    const code = await run(['audit', name, '--format', 'json', ...args], m.io);
    const out = m.stdout();
    return { code, summary: out === '' ? null : (JSON.parse(out) as AuditSummary), stderr: m.stderr() };
  };

  it('2 records, a 3 MiB line, 1 record: the long line is an input error, the 3 records are judged', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 0x78);
    const content = Buffer.concat([Buffer.from(`${valid('2026-11-30T09:00:00+08:00')}\n${valid('2026-11-30T10:00:00+08:00')}\n`), big, Buffer.from(`\n${valid('2026-11-30T11:00:00+08:00')}\n`)]);
    const r = await audit('long.jsonl', content);
    expect(r.summary).toMatchObject({ records: 4, inputErrors: 1, allowed: 3 });
    expect(r.stderr).toMatch(/^line 3: longer than 1048576 bytes \(3145728 bytes\)/m);
    expect(r.code).toBe(EXIT_FOUND); // an input error was found: 1, as documented
  });

  it('--max-line-bytes lowers the limit', async () => {
    const r = await audit('limit.jsonl', `${valid('2026-11-30T09:00:00+08:00')}\n${'x'.repeat(2000)}\n`, ['--max-line-bytes', '1024']);
    expect(r.summary).toMatchObject({ records: 2, inputErrors: 1, allowed: 1 });
    expect(r.stderr).toMatch(/^line 2: longer than 1024 bytes \(2000 bytes\)/m);
    expect(await audit('limit2.jsonl', 'x\n', ['--max-line-bytes', '10']).then((x) => x.code)).toBe(EXIT_USAGE);
  });

  it('invalid UTF-8 in a record is an input error of that line; the others are judged', async () => {
    const content = Buffer.concat([Buffer.from(`${valid('2026-11-30T09:00:00+08:00')}\n`), Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]), Buffer.from(`${valid('2026-11-30T10:00:00+08:00')}\n`)]);
    const r = await audit('utf8.jsonl', content);
    expect(r.summary).toMatchObject({ records: 3, inputErrors: 1, allowed: 2 });
    expect(r.stderr).toMatch(/^line 2: not valid UTF-8$/m);
  });

  it('an empty log, or one of blank lines only: its own exit code, and says so', async () => {
    for (const [name, content] of [['empty.jsonl', ''], ['blank.jsonl', '\n  \r\n\n']] as const) {
      const r = await audit(name, content);
      expect(r.code).toBe(EXIT_EMPTY);
      expect(r.stderr).toMatch(/the log had no records/);
      expect(r.summary).toMatchObject({ records: 0 });
    }
    expect(EXIT_EMPTY).not.toBe(EXIT_OK);
  });

  it('a clean log still exits 0', async () => {
    expect((await audit('clean.jsonl', `${valid('2026-11-30T09:00:00+08:00')}\n`)).code).toBe(EXIT_OK);
  });

  it('an internal failure exits with its own code, never 1; a read error is 2', async () => {
    const failing = (error: Error): Readable => new Readable({ read() { this.destroy(error); } });
    const m = memoryIo(dir, { stdin: failing(new Error('boom')) });
    expect(await run(['audit', '-'], m.io)).toBe(EXIT_INTERNAL);
    expect(m.stderr()).toMatch(/internal error/);
    const io = memoryIo(dir, { stdin: failing(Object.assign(new Error('io'), { code: 'EIO' })) });
    expect(await run(['audit', '-'], io.io)).toBe(EXIT_USAGE);
    expect(EXIT_INTERNAL).not.toBe(EXIT_FOUND);
  });
});
