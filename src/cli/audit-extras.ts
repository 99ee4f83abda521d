/**
 * What `audit` does around the replay: checks and opens `--out` and `--findings` before the log is read,
 * writes one findings row per violation as verdicts come, keeps a bounded sample of them for the HTML
 * report, and hints at `--sort` when records came out of time order.
 */
import { basename } from 'node:path';
import type { AuditVerdict } from '../audit/auditor.js';
import { createFindingsSampler, findingRows, findingsFormatOf, findingsHeader, formatFinding, type FindingRow, type FindingsFormat } from '../audit/findings.js';
import type { ReportFormat, ReportOptions } from '../audit/report/index.js';
import type { Locale } from '../core/explain.js';
import { isValidTimeZone } from '../core/time.js';
import type { AuditLogHooks } from './commands/audit.js';
import { UsageError, type Io } from './io.js';
import { assertDistinct, openOutputFile, type OutputFile } from './output-file.js';

export interface AuditExtrasInput {
  readonly log: string;
  readonly out: string | undefined;
  readonly findings: string | undefined;
  readonly timeZone: string | undefined;
}

export interface CountingHooks extends AuditLogHooks {
  /** Records refused as out of time order so far. */
  readonly outOfOrder: () => number;
}

export interface AuditFiles {
  /** The hooks of auditLog; `format` says whether the report samples findings (html). */
  hooks(locale: Locale, originalLine: ((n: number) => number) | undefined, format: ReportFormat): CountingHooks;
  reportOptions(format: ReportFormat): Pick<ReportOptions, 'timeZone' | 'generatedAt' | 'source' | 'findings'>;
  writeReport(text: string): Promise<void>;
  close(): Promise<void>;
}

const isOutOfOrder = (verdict: AuditVerdict): boolean =>
  verdict.inputError?.issues.some((i) => i.message.startsWith('out of order')) === true;

/** Checks the flags at once (before the guard is built or the log opened); `open` then opens the files. */
export function auditExtras(io: Io, input: AuditExtrasInput) {
  let findingsFormat: FindingsFormat | undefined;
  if (input.findings !== undefined) {
    findingsFormat = findingsFormatOf(input.findings);
    if (findingsFormat === undefined) throw new UsageError(`--findings ${input.findings}: expected a file ending in .csv or .jsonl`);
  }
  const timeZone = input.timeZone ?? 'Asia/Shanghai';
  if (!isValidTimeZone(timeZone)) throw new UsageError(`--time-zone ${JSON.stringify(input.timeZone)}: not an IANA time zone`);
  assertDistinct(io, [{ flag: 'the log', path: input.log }, { flag: '--out', path: input.out }, { flag: '--findings', path: input.findings }]);

  return {
    /** Opens --out and --findings (creating or emptying them): a bad path is a usage error now. */
    async open(): Promise<AuditFiles> {
      const out: OutputFile | undefined = input.out === undefined ? undefined : await openOutputFile(io, input.out, '--out');
      let findings: OutputFile | undefined;
      try {
        findings = input.findings === undefined ? undefined : await openOutputFile(io, input.findings, '--findings');
      } catch (error) {
        await out?.close();
        throw error;
      }
      if (findings !== undefined && findingsFormat !== undefined) await findings.write(findingsHeader(findingsFormat));
      const sampler = createFindingsSampler();
      return {
        hooks(locale, originalLine, format) {
          let outOfOrder = 0;
          // Findings are written to --findings, and sampled for an HTML report; otherwise only input errors are looked at.
          const sampling = format === 'html';
          const write = findings === undefined || findingsFormat === undefined ? undefined : async (rows: readonly FindingRow[]): Promise<void> => {
            for (const row of rows) await findings.write(formatFinding(row, findingsFormat));
          };
          return {
            ...(originalLine === undefined ? {} : { originalLine }),
            needsEveryVerdict: write !== undefined || sampling,
            outOfOrder: () => outOfOrder,
            // Synchronous (no promise per record) unless it writes rows to --findings.
            onVerdict(verdict, line) {
              if (isOutOfOrder(verdict)) outOfOrder += 1;
              if (verdict.violations.length === 0 || (write === undefined && !sampling)) return undefined;
              const rows = findingRows(verdict, { line, locale });
              if (sampling) for (const row of rows) sampler.add(row);
              return write?.(rows);
            },
          };
        },
        reportOptions: (format) => ({
          timeZone,
          ...(format === 'html' ? {
            generatedAt: new Date().toISOString(),
            source: input.log === '-' ? 'stdin' : basename(input.log),
            findings: sampler.result(),
          } : {}),
        }),
        async writeReport(text) {
          if (out === undefined) io.stdout.write(text);
          else await out.write(text);
        },
        async close() {
          await Promise.all([out?.close(), findings?.close()]);
        },
      };
    },

    /** A hint on stderr when records were out of time order and the log was not sorted. */
    hintIfOutOfOrder(hooks: CountingHooks, sorted: boolean): void {
      const n = hooks.outOfOrder();
      if (n === 0 || sorted) return;
      io.stderr.write(`hint: ${n} record${n === 1 ? ' was' : 's were'} out of time order and could not be judged; run again with --sort, or sort the log by time first (docs/audit.md#order)\n`);
    },
  };
}
