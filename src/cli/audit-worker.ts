/**
 * One worker of the parallel audit (src/cli/parallel-audit.ts). It owns some debtors: it parses and
 * validates their lines, tells the main thread each valid record's instant, and, once the main thread has
 * placed the record in time, judges it against the history of that debtor's earlier records, with its own
 * auditor and guard, and sends the verdict back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import { createAuditor, type AuditVerdict, type ReadRecord } from '../audit/auditor.js';
import { createSummaryAccumulator, type SummaryPart } from '../audit/summary.js';
import { IN_ORDER, type Placement } from '../audit/time-order.js';
import { compileGuard } from '../guard/guard.js';
import { jsonErrorSummary } from './io.js';

/** How the main thread tells a worker where a record stands: PLACED_* codes, with an instant for the last two. */
export const PLACED_IN_ORDER = 0;
export const PLACED_LATE = 1;
export const PLACED_BEFORE_DEBTOR = 2;

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

export type ToWorker =
  /** Lines to read, each with its slot (position in the whole input) and the debtor id it was routed by. */
  | { readonly kind: 'lines'; readonly slots: readonly number[]; readonly lines: readonly string[]; readonly ids: readonly (string | null)[] }
  /** Where records read earlier stand in time, in the order they were sent (PLACED_* codes). */
  | { readonly kind: 'placements'; readonly slots: readonly number[]; readonly codes: readonly number[]; readonly instants: readonly number[] }
  /** Every line has been judged: send the summary of the verdicts kept here. */
  | { readonly kind: 'finish' };

export type FromWorker =
  /**
   * Lines read: each slot's instant (epoch ms) when it holds a valid record that now waits to be placed,
   * NaN when its result is already final (`done`: not JSON, or failing the schema).
   */
  | { readonly kind: 'read'; readonly slots: readonly number[]; readonly instants: readonly number[]; readonly done: readonly (readonly [slot: number, result: LineResult])[] }
  /** Records judged after their placement: their results, and the slots of those counted here. */
  | { readonly kind: 'judged'; readonly done: readonly (readonly [slot: number, result: LineResult])[]; readonly counted: readonly number[] }
  /** The summary of the verdicts counted here (`counted`), their `index` being their slot. */
  | { readonly kind: 'summary'; readonly part: SummaryPart };

/** The result of a record counted into the worker's summary. */
export const COUNTED: LineResult = Object.freeze({ counted: true as const });

function placementOf(code: number, ms: number): Placement {
  if (code === PLACED_LATE) return { kind: 'late', newestMs: ms };
  if (code === PLACED_BEFORE_DEBTOR) return { kind: 'before-debtor', previousMs: ms };
  return IN_ORDER;
}

if (parentPort !== null) {
  const port = parentPort;
  const { options, keep } = workerData as WorkerSettings;
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
  // Records read and not yet placed, in slot order: the main thread places them in that order.
  const waiting: { slot: number; read: ReadRecord }[] = [];
  let head = 0;

  const readLines = (message: Extract<ToWorker, { kind: 'lines' }>): void => {
    const instants: number[] = [];
    const done: [number, LineResult][] = [];
    for (let k = 0; k < message.lines.length; k += 1) {
      const slot = message.slots[k] as number;
      let value: unknown;
      try {
        value = JSON.parse(message.lines[k] as string);
      } catch (error) {
        instants.push(Number.NaN);
        done.push([slot, { unparsable: jsonErrorSummary(error) }]);
        continue;
      }
      const read = auditor.read(value, slot);
      if (read.kind === 'verdict') {
        instants.push(Number.NaN);
        done.push([slot, { verdict: read.verdict }]);
        continue;
      }
      // The main thread routed the line by this id (scanDebtorId); a valid record whose id differs would be judged apart from its debtor's history.
      if (read.record.debtor.id !== message.ids[k]) throw new Error(`parallel audit: line ${slot} was routed by ${JSON.stringify(message.ids[k])}, its debtor is ${JSON.stringify(read.record.debtor.id)}`);
      waiting.push({ slot, read });
      instants.push(read.atMs);
    }
    port.postMessage({ kind: 'read', slots: message.slots, instants, done } satisfies FromWorker);
  };

  const judge = async (message: Extract<ToWorker, { kind: 'placements' }>): Promise<void> => {
    const done: [number, LineResult][] = [];
    const countedSlots: number[] = [];
    for (let k = 0; k < message.slots.length; k += 1) {
      const next = waiting[head];
      if (next === undefined || next.slot !== message.slots[k]) throw new Error(`parallel audit: placement of line ${message.slots[k]} out of turn`);
      waiting[head] = undefined as never;
      head += 1;
      const opened = auditor.placed(next.read, placementOf(message.codes[k] as number, message.instants[k] as number));
      if (opened.kind === 'verdict') judged(next.slot, opened.verdict, done, countedSlots);
      else {
        const decision = sync ? checkValidatedSync(opened.context, opened.action, opened.history, opened.atMs) : await checkValidated(opened.context, opened.action, opened.history, opened.atMs);
        judged(next.slot, auditor.close(opened, decision), done, countedSlots);
      }
    }
    if (head > 4096 && head * 2 > waiting.length) {
      waiting.splice(0, head);
      head = 0;
    }
    port.postMessage({ kind: 'judged', done, counted: countedSlots } satisfies FromWorker);
  };

  // Messages are handled one after another, even when house rules make a check asynchronous.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    queue = queue.then(() => {
      if (message.kind === 'lines') readLines(message);
      else if (message.kind === 'placements') return judge(message);
      else port.postMessage({ kind: 'summary', part: counted.part() } satisfies FromWorker);
      return undefined;
    }).catch((error: unknown) => {
      // An error here is a bug: it reaches the main thread as the worker's 'error' event.
      setImmediate(() => {
        throw error;
      });
    });
  });
}
