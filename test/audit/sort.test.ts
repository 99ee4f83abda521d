import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { MAX_FAN_IN, sortLog } from '../../src/cli/sort.js';
import type { AuditSummary } from '../../src/index.js';
import { generateExampleLog } from '../../scripts/generate-example-log.js';
import { memoryIo } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'cuishou-guard-sort-test-'));
const example = generateExampleLog();
const lines = example.text.trimEnd().split('\n');
/** The log dealt into three piles and the piles put end to end: each pile in order, the whole not. */
const interleaved = [0, 1, 2].flatMap((pile) => lines.filter((_, i) => i % 3 === pile));
writeFileSync(join(dir, 'interleaved.jsonl'), `${interleaved.join('\n')}\n`);

async function drain(sorted: Awaited<ReturnType<typeof sortLog>>): Promise<{ text: string; original: number }[]> {
  const out: { text: string; original: number }[] = [];
  let n = 0;
  for await (const text of createInterface({ input: sorted.stream })) {
    n += 1;
    out.push({ text, original: sorted.originalLine(n) });
  }
  return out;
}

const instant = (line: string): number => Date.parse((JSON.parse(line) as { action: { at: string } }).action.at);

describe('sortLog', () => {
  it('merges many spilled runs (more than one merge pass) into time order, keeping each line and its original number', async () => {
    const sorted = await sortLog(Readable.from(`${interleaved.join('\n')}\n`), { runLines: 30, tmp: dir });
    const out = await drain(sorted);
    expect(sorted.runs()).toBeGreaterThan(MAX_FAN_IN);
    expect(out).toHaveLength(lines.length);
    for (let i = 1; i < out.length; i += 1) expect(instant(out[i - 1]!.text) <= instant(out[i]!.text), `position ${i}`).toBe(true);
    for (const { text, original } of out) expect(interleaved[original - 1]).toBe(text);
    expect(new Set(out.map((o) => o.original)).size).toBe(lines.length);
    await sorted.cleanup();
    expect(readdirSync(dir).filter((f) => f.startsWith('cuishou-guard-sort-'))).toEqual([]);
  });

  it('orders by instant, then debtor, then original line; unreadable lines first; blank lines dropped', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ minute: fc.integer({ min: 0, max: 5 }), debtor: fc.constantFrom('D1', 'D2', 'D3'), bad: fc.boolean() }), { maxLength: 40 }),
      fc.integer({ min: 1, max: 6 }),
      async (items, runLines) => {
        const text = items.map((x, i) => (x.bad ? `not json ${i}` : JSON.stringify({ n: i, debtor: { id: x.debtor }, action: { at: `2026-11-30T10:0${x.minute}:00+08:00` } }))).join('\n\n');
        const sorted = await sortLog(Readable.from(text), { runLines, tmp: dir });
        const out = await drain(sorted);
        await sorted.cleanup();
        const expected = items
          .map((x, i) => ({ ...x, line: 2 * i + 1 }))
          .sort((a, b) => (a.bad !== b.bad ? (a.bad ? -1 : 1) : a.bad ? a.line - b.line : a.minute - b.minute || (a.debtor < b.debtor ? -1 : a.debtor > b.debtor ? 1 : 0) || a.line - b.line))
          .map((x) => x.line);
        expect(out.map((o) => o.original)).toEqual(expected);
      },
    ), { numRuns: 60 });
  });
});

describe('audit --sort on an interleaved log', () => {
  it('without --sort: out-of-order input errors and a hint on stderr', async () => {
    const m = memoryIo(dir);
    await run(['audit', 'interleaved.jsonl', '--format', 'json'], m.io);
    const summary = JSON.parse(m.stdout()) as AuditSummary;
    expect(summary.inputErrors).toBeGreaterThan(100);
    expect(m.stderr()).toMatch(new RegExp(`hint: ${summary.inputErrors} records were out of time order and could not be judged; run again with --sort`));
  });

  it('with --sort: every planted violation found, no input error, findings on the lines of the file given', async () => {
    const m = memoryIo(dir);
    expect(await run(['audit', 'interleaved.jsonl', '--sort', '--format', 'json', '--findings', 'sorted.jsonl'], m.io)).toBe(1);
    const summary = JSON.parse(m.stdout()) as AuditSummary;
    expect(summary.inputErrors).toBe(0);
    expect(summary.byRule).toEqual(Object.fromEntries(Object.entries(example.planted).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))));
    expect(m.stderr()).not.toMatch(/hint/);
    const findings = readFileSync(join(dir, 'sorted.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { recordId: string; line: number });
    expect(findings).toHaveLength(example.plantedFindings.length);
    for (const f of findings) expect(JSON.parse(interleaved[f.line - 1]!)).toMatchObject({ id: f.recordId });
  });
});

describe('audit --sort with unreadable lines', () => {
  it('a line over --max-line-bytes and a line not in UTF-8 are input errors at their own lines, as without --sort', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'cuishou-guard-sort-bad-'));
    const good = lines.slice(0, 3);
    const huge = `{"pad":"${'x'.repeat(4096)}"}`;
    const bytes = Buffer.concat([
      Buffer.from(`${good[0]}\n${huge}\n${good[1]}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      Buffer.from(`${good[2]}\n`),
    ]);
    writeFileSync(join(sub, 'bad.jsonl'), bytes);
    const results = [];
    for (const extra of [[], ['--sort']]) {
      const m = memoryIo(sub);
      const code = await run(['audit', 'bad.jsonl', '--format', 'json', '--max-line-bytes', '1024', ...extra], m.io);
      results.push({ code, summary: JSON.parse(m.stdout()) as AuditSummary, stderr: m.stderr() });
    }
    const [plain, sorted] = results as [(typeof results)[0], (typeof results)[0]];
    expect(sorted.stderr).toMatch(/line 2: longer than 1024 bytes \(4106 bytes\): skipped unread/);
    expect(sorted.stderr).toMatch(/line 4: not valid UTF-8/);
    expect(sorted.summary.inputErrors).toBe(2);
    expect(sorted.summary.records).toBe(plain.summary.records);
    expect(sorted.summary.inputErrors).toBe(plain.summary.inputErrors);
    expect(sorted.code).toBe(plain.code);
  });
});
