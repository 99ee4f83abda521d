import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { audit, type AuditOptions } from '../../audit/audit.js';
import type { AuditVerdict } from '../../audit/auditor.js';
import { REPORT_FORMATS, renderSummary, type ReportFormat } from '../../audit/report/index.js';
import { createAuditSummary, type AuditSummary } from '../../audit/summary.js';
import { GuardConfigError } from '../../errors.js';
import { createGuard } from '../../guard.js';
import type { Command } from '../command.js';
import { EXIT_FOUND, EXIT_OK, jsonErrorSummary, UsageError, type Io } from '../io.js';
import { guardFlags, guardOptions, helpFlag, parse } from '../options.js';
import { createProgress } from '../progress.js';
import { auditExtras } from '../audit-extras.js';
import { sortLog } from '../sort.js';

const MAX_ISSUES_SHOWN = 3;

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
  const stream: ReadStream = createReadStream(full);
  return { stream, size: info.isFile() ? info.size : null, bytesRead: () => stream.bytesRead };
}

/**
 * Audits a JSON Lines log read line by line and returns the summary. Unreadable lines (bad JSON) and
 * records that fail the schema or come out of order are reported on stderr with their line number and
 * counted as input errors; the audit goes on.
 */
export async function auditLog(io: Io, input: Input, options: AuditOptions, hooks: AuditLogHooks = {}): Promise<AuditSummary> {
  const summary = createAuditSummary();
  const progress = createProgress(io, input.size);
  const report = (line: number, text: string): void => {
    progress.clear();
    io.stderr.write(`line ${line}: ${text}\n`);
  };
  // Line numbers of the records handed to audit(), in order: one verdict comes back per record.
  const lineOf: number[] = [];
  let badLines = 0;
  const lines = createInterface({ input: input.stream, crlfDelay: Number.POSITIVE_INFINITY });
  async function* records(): AsyncGenerator<unknown> {
    let lineNumber = 0;
    for await (const raw of lines) {
      lineNumber += 1;
      const shownLine = hooks.originalLine === undefined ? lineNumber : hooks.originalLine(lineNumber);
      // A byte-order mark, as some Windows tools write one, is not part of the first record.
      const line = lineNumber === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        badLines += 1;
        report(shownLine, `invalid JSON: ${jsonErrorSummary(error)}`);
        summary.add({ index: -1, outcome: 'deny', violations: [], inputError: { issues: [{ path: 'record', message: 'invalid JSON' }] } });
        continue;
      }
      lineOf.push(shownLine);
      yield value;
    }
  }
  let done = 0;
  for await (const verdict of audit(records(), options)) {
    const line = lineOf.shift() ?? 0;
    if (verdict.inputError !== undefined) report(line, problemText(verdict));
    summary.add(verdict);
    await hooks.onVerdict?.(verdict, line);
    done += 1;
    progress.update(done + badLines, input.bytesRead());
  }
  progress.done();
  return summary.result();
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'replay a JSON Lines collection log and summarise its violations',
  usage: [
    'cuishou-guard audit <log.jsonl | -> [--format table|json|csv|html] [--out FILE] [--findings FILE.csv|FILE.jsonl] [--sort] [--time-zone ZONE] [--profile ID] [--overlay FILE] [--locale zh-CN|en]',
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
    '  --time-zone ZONE   zone of the period in the csv and html reports (default Asia/Shanghai)',
    '',
    'Bad lines are reported on stderr with their line number and counted as input errors; --out and',
    '--findings are opened before the log is read, so a bad path fails at once.',
    'Exit code: 0 no violation and no input error, 1 violations or input errors found, 2 usage error.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...helpFlag, ...guardFlags, format: { type: 'string' }, out: { type: 'string' }, findings: { type: 'string' }, sort: { type: 'boolean' }, 'time-zone': { type: 'string' },
    });
    if (values.help === true) {
      io.stdout.write(`${auditCommand.usage}\n`);
      return EXIT_OK;
    }
    if (positionals.length !== 1) throw new UsageError(`expected one log file (or - for standard input); got ${positionals.length}`);
    const format = (values.format ?? 'table') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format ${JSON.stringify(values.format)}: expected one of ${REPORT_FORMATS.join(', ')}`);
    const extras = auditExtras(io, { log: positionals[0] as string, out: values.out, findings: values.findings, timeZone: values['time-zone'] });
    const options = await guardOptions(io, values);
    let profile: string;
    try {
      profile = createGuard(options).profile.id;
    } catch (error) {
      if (error instanceof GuardConfigError) throw new UsageError(error.message);
      throw error;
    }
    const input = await openInput(io, positionals[0] as string);
    const files = await extras.open();
    const sorted = values.sort === true ? await sortLog(input.stream) : undefined;
    try {
      const source = sorted === undefined ? input : { ...input, stream: sorted.stream };
      const hooks = files.hooks(options.locale, sorted?.originalLine);
      const summary = await auditLog(io, source, options, hooks);
      extras.hintIfOutOfOrder(hooks, sorted !== undefined);
      const text = renderSummary(summary, { format, locale: options.locale, profile, ...files.reportOptions(format) });
      await files.writeReport(text);
      return summary.violations > 0 || summary.inputErrors > 0 ? EXIT_FOUND : EXIT_OK;
    } finally {
      await files.close();
      await sorted?.cleanup();
    }
  },
};
