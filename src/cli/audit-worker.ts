/**
 * One worker of the parallel audit (src/cli/parallel-audit.ts). It owns some debtors. It parses and
 * validates each line of their batches, places the record in time and judges it at once against the
 * history of that debtor's earlier records, with its own auditor and guard; it tells the main thread each
 * line's instant (NaN: no valid record) before that line's result, and sends the verdicts back.
 *
 * Placing a record needs the newest valid record of the whole log before it (a record more than
 * MAX_LATENESS_MS behind that one is out of order). The main thread sends with each line a bound at or
 * after it: the newer of the newest valid instant the workers have reported and the newest `action.at`
 * scanned from the lines after those (src/cli/parallel-audit.ts). A record at or after the bound minus
 * MAX_LATENESS_MS (every record of a log in time order) cannot be late; only for one behind it does the
 * worker ask the main thread for the newest valid record before it, and wait.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import { createAuditor, type AuditVerdict } from '../audit/auditor.js';
import { createSummaryAccumulator, type SummaryPart } from '../audit/summary.js';
import { MAX_LATENESS_MS, type Placement } from '../audit/time-order.js';
import { compileGuard } from '../guard/guard.js';
import { jsonErrorSummary } from './io.js';

/**
 * What comes back for one line: its verdict; why the line is not JSON (`jsonErrorSummary`); or, when
 * the workers keep the verdicts judged without an input error (`keep: 'input-errors'`), that it was
 * counted into the worker's summary.
 */
export type LineResult = { readonly verdict: AuditVerdict } | { readonly unparsable: string } | { readonly counted: true };

/** What a worker is started with. */
export interface WorkerSettings {
  readonly options: AuditOptions;
  /** Which verdicts come back: all, or only those with an input error (the rest are summarised in the worker). */
  readonly keep: 'all' | 'input-errors';
}

/** What one worker is started with: the settings, and which of how many workers it is. */
export interface WorkerData extends WorkerSettings {
  readonly worker: number;
  readonly workers: number;
}

/** Which of `workers` workers owns the debtor `id`: FNV-1a over the id. */
export function ownerOf(id: string, workers: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % workers;
}

export type ToWorker =
  /**
   * Lines to read, each with its slot (position in the whole input) and its bound: an instant at or after
   * the newest valid record before it (−Infinity for none). The typed arrays are transferred.
   */
  | { readonly kind: 'lines'; readonly slots: Float64Array<ArrayBuffer>; readonly lines: readonly string[]; readonly bounds: Float64Array<ArrayBuffer> }
  /** The answer to an `ask`: the newest instant of the valid records before `slot` (−Infinity for none). */
  | { readonly kind: 'newest'; readonly slot: number; readonly newestMs: number }
  /** Every line has been judged: send the summary of the verdicts kept here. */
  | { readonly kind: 'finish' };

export type FromWorker =
  /**
   * Lines read: each slot's instant (epoch ms) when it holds a valid record, NaN when it does not (its
   * result is then final, in `done`: not JSON, or failing the schema). Sent before any of them is judged.
   */
  | { readonly kind: 'read'; readonly slots: Float64Array<ArrayBuffer>; readonly instants: Float64Array<ArrayBuffer>; readonly done: readonly (readonly [slot: number, result: LineResult])[] }
  /** The record in `slot` is behind its bound: what is the newest valid record before it? (answered by `newest`) */
  | { readonly kind: 'ask'; readonly slot: number }
  /** Records judged: their results, and the slots of those counted here. */
  | { readonly kind: 'judged'; readonly done: readonly (readonly [slot: number, result: LineResult])[]; readonly counted: readonly number[] }
  /** The summary of the verdicts counted here (`counted`), their `index` being their slot. */
  | { readonly kind: 'summary'; readonly part: SummaryPart };

/** The result of a record counted into the worker's summary. */
export const COUNTED: LineResult = Object.freeze({ counted: true as const });

if (parentPort !== null) {
  const port = parentPort;
  const { options, keep, worker, workers } = workerData as WorkerData;
  const counted = createSummaryAccumulator();
  /** A verdict judged here: sent back (in `done`), or counted here (its slot in `countedSlots`). */
  const judged = (slot: number, verdict: AuditVerdict, done: [number, LineResult][], countedSlots: number[]): void => {
    if (keep === 'all' || verdict.inputError !== undefined) done.push([slot, { verdict }]);
    else {
      counted.add(verdict);
      countedSlots.push(slot);
    }
  };
  const { checkValidated, checkValidatedSync } = compileGuard(options);
  const sync = options.houseRules === undefined || options.houseRules.length === 0;
  const auditor = createAuditor();
  // The answer awaited to an `ask` (one at a time: the lines are judged in order).
  let answer: ((newestMs: number) => void) | undefined;
  const newestBefore = (slot: number): Promise<number> =>
    new Promise((resolve) => {
      answer = resolve;
      port.postMessage({ kind: 'ask', slot } satisfies FromWorker);
    });

  const readAndJudge = async (message: Extract<ToWorker, { kind: 'lines' }>): Promise<void> => {
    // Each line is read and judged at once, so that its objects die young. What each line holds is
    // reported to the main thread in order: the lines read so far before an `ask` (which is answered only
    // once every line before its record has been reported), the rest at the end of the batch, and
    // always before any of their results.
    const count = message.lines.length;
    const instants = new Float64Array(count);
    let done: [number, LineResult][] = [];
    let reportedUpTo = 0;
    const report = (upTo: number): void => {
      if (upTo === reportedUpTo) return;
      const slots = reportedUpTo === 0 && upTo === count ? message.slots : message.slots.slice(reportedUpTo, upTo);
      const read = reportedUpTo === 0 && upTo === count ? instants : instants.slice(reportedUpTo, upTo);
      port.postMessage({ kind: 'read', slots, instants: read, done } satisfies FromWorker, [slots.buffer, read.buffer]);
      done = [];
      reportedUpTo = upTo;
    };
    const judgedDone: [number, LineResult][] = [];
    const countedSlots: number[] = [];
    for (let k = 0; k < count; k += 1) {
      const slot = message.slots[k] as number;
      let value: unknown;
      try {
        value = JSON.parse(message.lines[k] as string);
      } catch (error) {
        instants[k] = Number.NaN;
        done.push([slot, { unparsable: jsonErrorSummary(error) }]);
        continue;
      }
      const read = auditor.read(value, slot);
      if (read.kind === 'verdict') {
        instants[k] = Number.NaN;
        done.push([slot, { verdict: read.verdict }]);
        continue;
      }
      // The main thread routed the line by its debtor id (scanDebtorId): a valid record of a debtor this
      // worker does not own would be judged apart from that debtor's history.
      if (ownerOf(read.record.debtor.id, workers) !== worker) throw new Error(`parallel audit: line ${slot} of debtor ${JSON.stringify(read.record.debtor.id)} was routed to worker ${worker}, not to its owner`);
      instants[k] = read.atMs;
      // Placed and judged. Against this worker's own time order a record can only be before its debtor's
      // previous record (this worker holds every record of its debtors); it is late only against the whole
      // log's newest valid record before it, asked for when the bound cannot rule it out.
      let placement: Placement;
      if (read.atMs >= (message.bounds[k] as number) - MAX_LATENESS_MS) placement = auditor.place(read);
      else {
        report(k + 1);
        const newestMs = await newestBefore(slot);
        placement = read.atMs < newestMs - MAX_LATENESS_MS ? { kind: 'late', newestMs } : auditor.place(read);
      }
      const opened = auditor.placed(read, placement);
      if (opened.kind === 'verdict') judged(slot, opened.verdict, judgedDone, countedSlots);
      else {
        // A verdict keeps no obligations: they are not rendered.
        const decision = sync ? checkValidatedSync(opened.context, opened.action, opened.history, opened.atMs, false) : await checkValidated(opened.context, opened.action, opened.history, opened.atMs, false);
        judged(slot, auditor.close(opened, decision), judgedDone, countedSlots);
      }
    }
    report(count);
    port.postMessage({ kind: 'judged', done: judgedDone, counted: countedSlots } satisfies FromWorker);
  };

  // Batches are handled one after another, even while one waits for an answer or for house rules; an
  // answer is taken at once.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'newest') {
      const resolve = answer;
      answer = undefined;
      if (resolve === undefined) throw new Error(`parallel audit: an answer for line ${message.slot} that was not asked for`);
      resolve(message.newestMs);
      return;
    }
    queue = queue.then(() => {
      if (message.kind === 'lines') return readAndJudge(message);
      port.postMessage({ kind: 'summary', part: counted.part() } satisfies FromWorker);
      return undefined;
    }).catch((error: unknown) => {
      // An error here is a bug: it reaches the main thread as the worker's 'error' event.
      setImmediate(() => {
        throw error;
      });
    });
  });
}
