import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createRecordJudge, type AuditOptions } from '../../audit/audit.js';
import type { AuditVerdict } from '../../audit/auditor.js';
import { REPORT_FORMATS, renderSummary, type ReportFormat } from '../../audit/report/index.js';
import { createSummaryAccumulator, mergeSummaryParts, type AuditSummary, type SummaryPart } from '../../audit/summary.js';
import { createGuard } from '../../guard/guard.js';
import type { Command } from '../command.js';
import { DEFAULT_MAX_LINE_BYTES, EXIT_EMPTY, EXIT_FOUND, EXIT_OK, jsonErrorSummary, readLineBatches, UsageError, type Io, type Line, type LineStats } from '../io.js';
import { configured, guardFlags, guardOptions, helpFlag, parse } from '../options.js';
import { createProgress } from '../progress.js';
import { auditInWorkers } from '../parallel-audit.js';
import { auditExtras } from '../audit-extras.js';
import { sortLog, UNREADABLE } from '../sort.js';

const MAX_ISSUES_SHOWN = 3;

/**
 * Without --workers, a log file at least this large is judged on every core, a smaller one (or standard
 * input, whose size is unknown) on one thread: on 2 cores workers took about 0.6 s longer to start and
 * warm up, and paid that back only from about 200 000 lines of 600 bytes (docs/benchmarks.md).
 */
export const AUTO_WORKERS_BYTES = 128 * 2 ** 20;

/**
 * The number of worker threads: --workers N (a whole number from 1 to 256), else as AUTO_WORKERS_BYTES
 * says for a log of `size` bytes (null: unknown). On 2 cores two workers still spend 1.3–1.5 times the
 * CPU time of one thread (the main thread reads, scans and posts every line; each worker starts, compiles
 * and collects its own garbage), so they win only where there is enough to share.
 */
export function workersOf(value: string | undefined, size: number | null = null): number {
  if (value === undefined) return size !== null && size >= AUTO_WORKERS_BYTES ? Math.min(256, availableParallelism()) : 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--workers ${JSON.stringify(value)}: expected a whole number from 1 to 256`);
  return n;
}

function problemText(verdict: AuditVerdict): string {
  const issues = verdict.inputError?.issues ?? [];
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `${i.path}: ${i.message}`);
  return shown.join('; ') + (issues.length > MAX_ISSUES_SHOWN ? ` (+${issues.length - MAX_ISSUES_SHOWN} more)` : '');
}

/** What `audit` adds around the line loop: findings, and the original line numbers of a sorted log. */
export interface AuditLogHooks {
  /** The line of the log that the n-th line read came from (a sorted log); default: n. */
  readonly originalLine?: (n: number) => number;
  /** Called for every verdict with its line, in order; awaited. */
  readonly onVerdict?: (verdict: AuditVerdict, line: number) => void | Promise<void>;
  /**
   * `false`: onVerdict looks only at verdicts with an input error, so the parallel audit may keep the
   * others in its workers, which is much cheaper than sending them over (default: true).
   */
  readonly needsEveryVerdict?: boolean;
}

interface Input {
  readonly stream: NodeJS.ReadableStream;
  readonly size: number | null;
  readonly bytesRead: () => number;
}

async function openInput(io: Io, path: string): Promise<Input> {
  if (path === '-') return { stream: io.stdin, size: null, bytesRead: () => 0 };
  const full = resolve(io.cwd, path);
  let info;
  try {
    info = await stat(full);
  } catch (error) {
    throw new UsageError(`cannot read the log ${path} (${(error as { code?: string }).code ?? 'error'})`);
  }
  if (info.isDirectory()) throw new UsageError(`cannot read the log ${path}: it is a directory`);
  // Reads of 128 KiB: every read costs the main thread a turn, so not the default 64 KiB; but each read's
  // lines are decoded together and live until the last is judged, so not 1 MiB either. At 1 MiB those
  // strings outlived every young-generation collection (5 ms each instead of 0.8): the audit of 200 000
  // lines took 2.95–3.3 s against 2.6–2.7 s at 128 KiB, alternating runs of the built CLI (16 KiB: 3.2 s).
  const stream: ReadStream = createReadStream(full, { highWaterMark: 128 * 1024 });
  return { stream, size: info.isFile() ? info.size : null, bytesRead: () => stream.bytesRead };
}

/** How auditLog reads and judges: the longest line, the worker threads, and the findings hooks. */
export interface AuditLogSettings {
  readonly maxLineBytes?: number;
  readonly workers?: number;
  readonly hooks?: AuditLogHooks;
  /** The input comes from sortLog: its UNREADABLE lines stand for lines it could not read. */
  readonly sorted?: boolean;
}

/** What auditLog reads besides the summary: how many lines held records, and what the reader held at most. */
export interface AuditLogResult {
  readonly summary: AuditSummary;
  /** Lines that were not blank: records, and lines that could not be read as one. */
  readonly lines: number;
  readonly stats: LineStats;
}

/**
 * Audits a JSON Lines log read line by line and returns the summary. Unreadable lines (longer than
 * `maxLineBytes`, not UTF-8, not JSON) and records that fail the schema or come out of order are reported
 * on stderr with their line number and counted as input errors; the audit goes on. A line over the limit
 * is skipped as it streams, never held in memory.
 */
export async function auditLog(io: Io, input: Input, options: AuditOptions, settings: AuditLogSettings = {}): Promise<AuditLogResult> {
  const { maxLineBytes = DEFAULT_MAX_LINE_BYTES, workers = 1, hooks = {} } = settings;
  const summary = createSummaryAccumulator();
  let workerParts: readonly SummaryPart[] = [];
  const progress = createProgress(io, input.size);
  const stats: LineStats = { peakHeldBytes: 0 };
  const report = (line: number, text: string): void => {
    progress.clear();
    io.stderr.write(`line ${line}: ${text}\n`);
  };
  const unreadable = (line: number, text: string, message: string, zh: string): void => {
    badLines += 1;
    report(line, text);
    summary.add({ index: -1, outcome: 'deny', violations: [], inputError: { issues: [{ path: 'record', message, zh }] } });
  };
  let badLines = 0;
  let lines = 0;
  /** The log's lines in order: a record's text, or a line that cannot hold one (reported as such). */
  type Read = { readonly line: number; readonly text: string } | { readonly line: number; readonly bad: readonly [text: string, message: string, zh: string] };
  /** What a line of the log is: a record's text, a line that cannot hold one, or nothing (blank). */
  const classify = (line: Line): Read | undefined => {
    const shownLine = hooks.originalLine === undefined ? line.number : hooks.originalLine(line.number);
    if ('error' in line) {
      lines += 1;
      if (line.error === 'too-long') return { line: shownLine, bad: [`longer than ${maxLineBytes} bytes (${line.bytes} bytes): skipped unread (--max-line-bytes)`, 'line too long', '行过长'] };
      return { line: shownLine, bad: ['not valid UTF-8', 'not valid UTF-8', '不是有效的 UTF-8'] };
    }
    // A byte-order mark, as some Windows tools write one, is not part of the first record.
    const text = line.number === 1 && line.text.startsWith('\uFEFF') ? line.text.slice(1) : line.text;
    if (text.trim() === '') return undefined;
    lines += 1;
    if (settings.sorted === true && text.startsWith(UNREADABLE)) {
      // A line that --sort could not read, passed on in its place (src/cli/sort.ts).
      const reason = text.slice(UNREADABLE.length);
      if (reason.startsWith('too-long:')) return { line: shownLine, bad: [`longer than ${maxLineBytes} bytes (${reason.slice('too-long:'.length)} bytes): skipped unread (--max-line-bytes)`, 'line too long', '行过长'] };
      return { line: shownLine, bad: ['not valid UTF-8', 'not valid UTF-8', '不是有效的 UTF-8'] };
    }
    return { line: shownLine, text };
  };
  const invalidJson = (line: number, summaryText: string): void => unreadable(line, `invalid JSON: ${summaryText}`, 'invalid JSON', '不是有效的 JSON');
  let done = 0;
  /** Counts and reports a verdict; a promise only when the hook writes (a --findings file). */
  const judged = (verdict: AuditVerdict, line: number): void | Promise<void> => {
    if (verdict.inputError !== undefined) report(line, problemText(verdict));
    summary.add(verdict);
    done += 1;
    progress.update(done + badLines, input.bytesRead());
    return hooks.onVerdict?.(verdict, line);
  };

  if (workers <= 1) {
    // A batch of lines per chunk read, each judged as it is parsed: no promise per line unless house
    // rules or a --findings file need one (a promise per record cost about as much as parsing it).
    const judge = createRecordJudge(options);
    let index = 0;
    for await (const batch of readLineBatches(input.stream as AsyncIterable<unknown>, maxLineBytes, stats)) {
      for (const line of batch) {
        const item = classify(line);
        if (item === undefined) continue;
        if ('bad' in item) {
          unreadable(item.line, ...item.bad);
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(item.text);
        } catch (error) {
          invalidJson(item.line, jsonErrorSummary(error));
          continue;
        }
        const verdict = judge.sync ? judge.judgeSync(value, index) : await judge.judge(value, index);
        index += 1;
        const written = judged(verdict, item.line);
        if (written !== undefined) await written;
      }
    }
  } else {
    // Lines go to the workers as text, a batch per chunk read; a line that cannot hold a record waits in
    // `pending` for its turn, so that everything is reported in the order of the log, as on one thread.
    // A record's line waits there as its number only: holding its text for as long as it is with the
    // workers (up to thousands of lines) kept megabytes alive through young-generation collections.
    const pending: (number | Extract<Read, { readonly bad: unknown }>)[] = [];
    let head = 0;
    const emitBad = (): void => {
      for (let item = pending[head]; item !== undefined && typeof item !== 'number'; item = pending[head]) {
        head += 1;
        unreadable(item.line, ...item.bad);
      }
      if (head > 4096 && head * 2 > pending.length) {
        pending.splice(0, head);
        head = 0;
      }
    };
    async function* texts(): AsyncGenerator<string[]> {
      for await (const batch of readLineBatches(input.stream as AsyncIterable<unknown>, maxLineBytes, stats)) {
        const out: string[] = [];
        for (const line of batch) {
          const item = classify(line);
          if (item === undefined) continue;
          if ('text' in item) {
            pending.push(item.line);
            out.push(item.text);
          } else pending.push(item);
        }
        if (out.length > 0) yield out;
      }
    }
    const run = auditInWorkers(texts(), options, workers, { keep: hooks.needsEveryVerdict === false ? 'input-errors' : 'all' });
    for await (const results of run) {
      for (const result of results) {
        emitBad();
        const line = pending[head] as number;
        head += 1;
        if ('unparsable' in result) invalidJson(line, result.unparsable);
        else if ('verdict' in result) await judged(result.verdict, line);
        else done += 1; // counted into a worker's summary, merged below
      }
      progress.update(done + badLines, input.bytesRead());
    }
    emitBad();
    workerParts = run.summaryParts;
  }
  progress.done();
  return { summary: workerParts.length === 0 ? summary.result() : mergeSummaryParts([summary.part(), ...workerParts]), lines, stats };
}

function maxLineBytesOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_LINE_BYTES;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1024 || value > 2 ** 30) throw new UsageError(`--max-line-bytes ${JSON.stringify(text)}: expected an integer from 1024 to ${2 ** 30}`);
  return value;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'replay a JSON Lines collection log and summarise its violations',
  usage: [
    'cuishou-guard audit <log.jsonl | -> [--format table|json|csv|html] [--out FILE] [--findings FILE.csv|FILE.jsonl] [--sort] [--time-zone ZONE] [--profile ID] [--overlay FILE] [--locale zh-CN|en] [--max-line-bytes N] [--workers N]',
    '',
    '  <log.jsonl | ->    one audit record per line (docs/audit.md); - reads standard input',
    '  --format FORMAT    table (default), json, csv or html (one self-contained page)',
    '  --out FILE         write the report to FILE instead of standard output',
    '  --profile ID       built-in profile: gb-t-45251-2025 (default) or cba-2026',
    '  --overlay FILE     JSON limits that tighten the profile (e.g. {"voiceDailyCap": 2})',
    '  --locale LOCALE    language of the labels and finding messages: en (default) or zh-CN',
    '  --findings FILE    also write one row per violation (record id, line, times, ids, rule, clause,',
    '                     message) to FILE: .csv or .jsonl by its extension',
    '  --sort             sort the log by time first (bounded memory: sorted runs in temporary files)',
    '  --time-zone ZONE   zone of the period in the table, csv and html reports (default Asia/Shanghai)',
    `  --max-line-bytes N longest line read (default ${DEFAULT_MAX_LINE_BYTES}); a longer one is skipped unread`,
    '  --workers N        judge on N threads, partitioned by debtor (same verdicts); default: every core',
    '                     for a log file of 128 MiB or more, else 1 (workers pay off only on large logs)',
    '',
    'Bad lines (too long, not UTF-8, not JSON, not a valid record) are reported on stderr with their line',
    'number and counted as input errors; every other record is judged. --out and --findings are opened',
    'before the log is read, so a bad path fails at once.',
    'Exit code: 0 no violation and no input error, 1 violations or input errors found, 2 usage error or',
    'unreadable file, 3 the log had no records, 4 internal error.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...helpFlag, ...guardFlags, format: { type: 'string' }, out: { type: 'string' }, findings: { type: 'string' }, sort: { type: 'boolean' },
      'time-zone': { type: 'string' }, 'max-line-bytes': { type: 'string' }, workers: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout.write(`${auditCommand.usage}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(`expected one log file (or - for standard input); got ${positionals.length}`);
    const format = (values.format ?? 'table') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format ${JSON.stringify(values.format)}: expected one of ${REPORT_FORMATS.join(', ')}`);
    const extras = auditExtras(io, { log: positionals[0] as string, out: values.out, findings: values.findings, timeZone: values['time-zone'] });
    const maxLineBytes = maxLineBytesOf(values['max-line-bytes']);
    const options = await guardOptions(io, values);
    const profile = configured(() => createGuard(options).profile.id);
    if (values.workers !== undefined) workersOf(values.workers); // a bad value is a usage error before any reading
    const input = await openInput(io, positionals[0] as string);
    const files = await extras.open();
    let result: AuditLogResult;
    try {
      const sorted = values.sort === true ? await sortLog(input.stream, { maxLineBytes }) : undefined;
      try {
        const source = sorted === undefined ? input : { ...input, stream: sorted.stream };
        const hooks = files.hooks(options.locale, sorted?.originalLine, format);
        try {
          result = await auditLog(io, source, options, { maxLineBytes, workers: workersOf(values.workers, input.size), hooks, sorted: sorted !== undefined });
        } catch (error) {
          // The log could not be read to its end (a read error): no report that would look complete.
          const code = (error as { code?: unknown }).code;
          if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) throw new UsageError(`cannot read the log ${positionals[0] as string} to its end (${code})`);
          throw error;
        }
        extras.hintIfOutOfOrder(hooks, sorted !== undefined);
      } finally {
        await sorted?.cleanup();
      }
      const { summary } = result;
      const text = renderSummary(summary, { format, locale: options.locale, profile, ...files.reportOptions(format) });
      await files.writeReport(text);
    } finally {
      await files.close();
    }
    if (result.lines === 0) {
      io.stderr.write('cuishou-guard audit: the log had no records (an empty export is not a compliant one)\n');
      return EXIT_EMPTY;
    }
    return result.summary.violations > 0 || result.summary.inputErrors > 0 ? EXIT_FOUND : EXIT_OK;
  },
};
