import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { createFindingsSampler, FINDING_COLUMNS, findingRows, formatFinding, type FindingRow } from '../../src/index.js';
import { generateExampleLog, LOG_URL } from '../../scripts/generate-example-log.js';
import { memoryIo, record } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'cuishou-guard-findings-'));
const LOG = LOG_URL.pathname;
const example = generateExampleLog();
const records = example.text.trimEnd().split('\n').map((line) => JSON.parse(line) as {
  id: string; debtor: { id: string; timeZone: string }; action: { at: string; channel: string; target: { role: string }; actor: { organization: { id: string }; collector?: { id: string }; ai?: { id: string } } };
});

/** A minimal CSV reader for the findings file: quoted fields with doubled quotes, no newline inside. */
function parseCsv(text: string): string[][] {
  return text.trimEnd().split('\n').map((line) => {
    const cells: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let cell = '';
        i += 1;
        for (;;) {
          if (line[i] === '"' && line[i + 1] === '"') { cell += '"'; i += 2; } else if (line[i] === '"') { i += 1; break; } else { cell += line[i]; i += 1; }
        }
        cells.push(cell);
        i += 1;
      } else {
        const end = line.indexOf(',', i);
        cells.push(line.slice(i, end === -1 ? line.length : end));
        i = end === -1 ? line.length + 1 : end + 1;
      }
    }
    return cells;
  });
}

const byRecordThenRule = (a: { recordId: string; rule: string }, b: { recordId: string; rule: string }): number =>
  a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0;

describe('audit --findings on the example log', () => {
  it('lists exactly the planted violations, row by row, in CSV with the documented columns', async () => {
    const m = memoryIo(dir);
    expect(await run(['audit', LOG, '--findings', 'f.csv', '--format', 'json'], m.io)).toBe(1);
    const [header, ...rows] = parseCsv(readFileSync(join(dir, 'f.csv'), 'utf8'));
    expect(header).toEqual([...FINDING_COLUMNS]);
    const found = rows.map((cells) => Object.fromEntries(FINDING_COLUMNS.map((c, i) => [c, cells[i]])) as Record<string, string>);
    // The same (record, rule) pairs as planted: none missing, none extra, none twice.
    expect(found.map((f) => ({ recordId: f.recordId!, rule: f.rule! })).sort(byRecordThenRule)).toEqual([...example.plantedFindings].sort(byRecordThenRule));
    expect(found).toHaveLength(example.plantedFindings.length);
    // Every row points at its record: line, instant, debtor, organisation, collector, channel, target.
    for (const f of found) {
      const line = Number(f.line);
      const r = records[line - 1]!;
      expect(r.id, `line ${line}`).toBe(f.recordId);
      expect([f.at, f.debtorId, f.organizationId, f.collectorId, f.channel, f.targetRole]).toEqual([
        r.action.at, r.debtor.id, r.action.actor.organization.id, r.action.actor.collector?.id ?? r.action.actor.ai?.id, r.action.channel, r.action.target.role,
      ]);
      expect(Date.parse(f.localAt!)).toBe(Date.parse(r.action.at));
      expect(f.clause).toMatch(/^GB\/T 45251—2025 5\.\d$/);
      expect(f.topic).toMatch(/\p{Script=Han}/u);
      expect(f.message?.length).toBeGreaterThan(10);
    }
    // Rows in log order.
    expect(found.map((f) => Number(f.line))).toEqual(found.map((f) => Number(f.line)).sort((a, b) => a - b));
    // A London debtor's local time carries London's offset.
    const london = found.find((f) => records[Number(f.line) - 1]!.debtor.timeZone === 'Europe/London');
    expect(london?.localAt).toMatch(/\+00:00$/);
  });

  it('writes JSON Lines with the same rows, messages in Chinese under --locale zh-CN', async () => {
    const m = memoryIo(dir);
    await run(['audit', LOG, '--findings', 'f-zh.csv', '--format', 'json'], m.io);
    const m2 = memoryIo(dir);
    await run(['audit', LOG, '--findings', 'f.jsonl', '--locale', 'zh-CN', '--format', 'json'], m2.io);
    const lines = readFileSync(join(dir, 'f.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as FindingRow);
    expect(lines).toHaveLength(example.plantedFindings.length);
    expect(Object.keys(lines[0]!)).toEqual([...FINDING_COLUMNS]);
    expect(lines.every((f) => /\p{Script=Han}/u.test(f.message))).toBe(true);
    const csvIds = parseCsv(readFileSync(join(dir, 'f-zh.csv'), 'utf8')).slice(1).map((c) => `${c[0]}/${c[9]}`);
    expect(lines.map((f) => `${f.recordId}/${f.rule}`)).toEqual(csvIds);
  });
});

describe('findings rows', () => {
  it('one row per violation; none for an allowed record or an input error', () => {
    const finding = { rule: 'collection-hours', clause: { standard: 'S', clause: '5.3', topic: '催收时间' }, code: 'c', message: { zh: '中', en: 'en' }, facts: {} };
    const verdict = { index: 4, id: 'R5', debtorId: 'D1', at: 'x', outcome: 'deny' as const, violations: [finding, { ...finding, rule: 'lawful-conduct' }] };
    expect(findingRows(verdict).map((r) => [r.line, r.rule, r.clause, r.message])).toEqual([[5, 'collection-hours', 'S 5.3', 'en'], [5, 'lawful-conduct', 'S 5.3', 'en']]);
    expect(findingRows(verdict, { line: 9, locale: 'zh-CN' })[0]).toMatchObject({ line: 9, message: '中', collectorId: '', recordId: 'R5' });
    expect(findingRows({ index: 0, outcome: 'allow', violations: [] })).toEqual([]);
    expect(findingRows({ ...verdict, violations: [], inputError: { issues: [] } })).toEqual([]);
  });

  it('CSV cells cannot start a formula or break a line', () => {
    const row = findingRows({ index: 0, id: '=HYPERLINK("x")', debtorId: 'a\nb', outcome: 'deny', violations: [{ rule: 'r', clause: { standard: 'S', clause: '1', topic: 't' }, code: 'c', message: { zh: 'z', en: '-1,"q"' }, facts: {} }] })[0]!;
    const line = formatFinding(row, 'csv');
    expect(line.split('\n')).toHaveLength(2);
    expect(line.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(line).toContain(`"'-1,""q"""`);
    expect(line).toContain('a\\u000ab');
  });

  it('the sampler keeps at most perRule rows per rule and counts them all', () => {
    const sampler = createFindingsSampler(2);
    const base = findingRows({ index: 0, outcome: 'deny', violations: [{ rule: 'a', clause: { standard: 'S', clause: '1', topic: 't' }, code: 'c', message: { zh: 'z', en: 'e' }, facts: {} }] })[0]!;
    for (let i = 0; i < 5; i += 1) sampler.add({ ...base, line: i });
    sampler.add({ ...base, rule: 'b' });
    expect(sampler.result().rules.map((r) => [r.rule, r.total, r.rows.map((x) => x.line)])).toEqual([["a", 5, [0, 1]], ["b", 1, [1]]]);
  });
});

describe('audit: output paths are checked before the log is read', () => {
  const untouchedStdin = (): { stream: Readable; read: () => boolean } => {
    let wasRead = false;
    const stream = new Readable({ read() { wasRead = true; this.push(null); } });
    return { stream, read: () => wasRead };
  };

  it.each([
    [['--out', 'missing-dir/report.html'], /--out missing-dir\/report\.html: cannot write there \(ENOENT\)/],
    [['--findings', 'missing-dir/f.csv'], /--findings missing-dir\/f\.csv: cannot write there \(ENOENT\)/],
    [['--findings', 'f.xlsx'], /--findings f\.xlsx: expected a file ending in \.csv or \.jsonl/],
    [['--findings', '.'], /--findings \.: expected a file ending/],
    [['--out', 'same.csv', '--findings', 'same.csv'], /--findings same\.csv: the same file as --out/],
    [['--time-zone', 'Mars/Base'], /--time-zone "Mars\/Base": not an IANA time zone/],
  ])('%j is a usage error (exit 2) and the log is never read', async (flags, message) => {
    const stdin = untouchedStdin();
    const m = memoryIo(dir, { stdin: stdin.stream });
    expect(await run(['audit', '-', ...flags], m.io)).toBe(2);
    expect(m.stderr()).toMatch(message);
    expect(stdin.read()).toBe(false);
  });

  it('refuses --out naming the log itself, which it would empty', async () => {
    writeFileSync(join(dir, 'log.jsonl'), `${JSON.stringify(record('2026-11-30T09:00:00+08:00'))}\n`);
    const m = memoryIo(dir);
    expect(await run(['audit', 'log.jsonl', '--out', './log.jsonl'], m.io)).toBe(2);
    expect(m.stderr()).toMatch(/--out \.\/log\.jsonl: the same file as the log/);
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toContain('2026-11-30T09:00:00+08:00');
  });
});
