/**
 * `audit --workers N`: the lines of a JSONL log read and judged on N worker threads (Node only, hence in
 * src/cli/), with the verdicts of the single-threaded audit, in input order (a test compares them).
 *
 * The work is split so that the main thread does little per line:
 * 1. The main thread routes each line, unparsed, to the worker that owns its debtor (`scanDebtorId`, an
 *    FNV-1a hash of the id): a debtor's records are all judged by one worker, in order.
 * 2. The worker parses and validates the line and sends back the record's instant (or, for a line that is
 *    not JSON or fails the schema, its final result).
 * 3. Placing a record in time depends on every earlier record of the log (`createTimeOrder`): the main
 *    thread places the records in input order, with exactly the single-threaded audit's logic, and tells
 *    each worker where its records stand.
 * 4. The worker judges its placed records against its debtors' histories and sends the verdicts back;
 *    the main thread hands them on in input order.
 * A worker forgets an idle debtor no earlier than the single-threaded audit would (its clock is the newest
 * of its own records), and anything forgotten can no longer count.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import type { SummaryPart } from '../audit/summary.js';
import { createTimeOrder } from '../audit/time-order.js';
import { COUNTED, PLACED_BEFORE_DEBTOR, PLACED_IN_ORDER, PLACED_LATE, type FromWorker, type LineResult, type ToWorker, type WorkerSettings } from './audit-worker.js';
import { scanDebtorId } from './scan-debtor-id.js';

/** Lines per message to a worker. */
const BATCH = 256;
/** Lines handed to workers and not yet handed on: bounds the memory of the reorder buffer. */
const MAX_IN_FLIGHT = 16 * BATCH;
/** The size of the rings kept per slot in flight. */
const RING = 2 * MAX_IN_FLIGHT;

/**
 * The worker script beside this module: the built audit-worker.js, or, when this module runs from its
 * TypeScript source (tests, tsx), audit-worker.ts loaded through tsx's loader registered in the worker.
 */
function spawn(settings: WorkerSettings): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./audit-worker.js', import.meta.url), { workerData: settings });
  const worker = JSON.stringify(new URL('./audit-worker.ts', import.meta.url).href);
  // Resolved from this module, not from the working directory (which may be anywhere); tsx's ES module
  // entry, beside the CommonJS one that require.resolve finds.
  const tsx = JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href);
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${worker}); });`;
  return new Worker(bootstrap, { eval: true, workerData: settings });
}

/** FNV-1a over the debtor id: which worker owns the debtor. */
function owner(id: string, workers: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % workers;
}

/** The debtor id a line is routed by: scanned, or, when the scan cannot tell, parsed (null: none, or not JSON). */
function routingId(line: string): string | null {
  const scanned = scanDebtorId(line);
  if (scanned !== undefined) return scanned;
  try {
    const id = (JSON.parse(line) as { debtor?: { id?: unknown } } | null)?.debtor?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** One line's result handed on: the record's verdict (its `index` counts records, as `audit` does), or why the line is not JSON. */
export type ParallelResult = LineResult;

interface Outgoing {
  slots: number[];
  lines: string[];
  ids: (string | null)[];
}
interface Placements {
  slots: number[];
  codes: number[];
  instants: number[];
}

/** How the parallel audit hands its results on. */
export interface ParallelAuditSettings {
  /**
   * `all` (the default): every record's verdict comes back. `input-errors`: only the verdicts with an
   * input error come back; the others come back as `{ counted: true }`, summarised in the workers, and
   * the summaries of those are in `summaryParts` once the run has ended (`mergeSummaryParts`). Sending a
   * verdict between threads costs about as much as judging it.
   */
  readonly keep?: 'all' | 'input-errors';
}

/** The results of a parallel audit, in input order, in batches; then, with `keep: 'input-errors'`, the workers' summaries. */
export type ParallelAuditRun = AsyncGenerator<readonly ParallelResult[], void, undefined> & { readonly summaryParts: readonly SummaryPart[] };

/**
 * The results of `lines` (the text of each non-blank line of a log, in batches), in input order and in
 * batches, read and judged on `count` worker threads: what `audit(lines.map(JSON.parse), options)` gives, with a line that is not JSON
 * as `{ unparsable }` in its place (not counted as a record). House rules run in the workers. Throws when
 * a worker fails.
 */
export function auditInWorkers(lines: AsyncIterable<readonly string[]> | Iterable<readonly string[]>, options: AuditOptions, count: number, settings: ParallelAuditSettings = {}): ParallelAuditRun {
  const parts: SummaryPart[] = [];
  const run = judgeInWorkers(lines, { options, keep: settings.keep ?? 'all' }, count, parts);
  return Object.defineProperty(run, 'summaryParts', { get: () => parts, enumerable: true }) as ParallelAuditRun;
}

async function* judgeInWorkers(lines: AsyncIterable<readonly string[]> | Iterable<readonly string[]>, settings: WorkerSettings, count: number, parts: SummaryPart[]): AsyncGenerator<readonly ParallelResult[], void, undefined> {
  const workers = Array.from({ length: Math.max(1, count) }, () => spawn(settings));
  const outgoing: Outgoing[] = workers.map(() => ({ slots: [], lines: [], ids: [] }));
  const placements: Placements[] = workers.map(() => ({ slots: [], codes: [], instants: [] }));
  // Per slot sent and not yet placed: its worker and debtor id. Per slot read: its instant (NaN: final already).
  // Rings indexed by slot modulo RING: at most MAX_IN_FLIGHT slots are between sent and handed on.
  const routedWorker = new Int32Array(RING);
  const routedId: (string | null)[] = new Array<string | null>(RING).fill(null);
  const instants = new Float64Array(RING);
  const hasInstant = new Uint8Array(RING);
  const ready: (LineResult | undefined)[] = new Array<LineResult | undefined>(RING).fill(undefined);
  const order = createTimeOrder<null>();
  let nextToPlace = 0;
  let sent = 0;
  let total = -1;
  let failure: unknown;
  let waiters: (() => void)[] = [];
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const wait = (): Promise<void> => new Promise((resolve) => waiters.push(resolve));

  const flushPlacements = (): void => {
    placements.forEach((batch, w) => {
      if (batch.slots.length === 0) return;
      (workers[w] as Worker).postMessage({ kind: 'placements', ...batch } satisfies ToWorker);
      placements[w] = { slots: [], codes: [], instants: [] };
    });
  };
  /** Places every record whose turn has come (all earlier lines read), in input order. */
  const place = (): void => {
    for (;;) {
      const at = nextToPlace % RING;
      if (hasInstant[at] === 0) break;
      hasInstant[at] = 0;
      const atMs = instants[at] as number;
      if (!Number.isNaN(atMs)) {
        // A valid record: its debtor id is the one it was routed by (the worker checked).
        const id = routedId[at] as string;
        const placement = order.place(id, atMs);
        const batch = placements[routedWorker[at] as number] as Placements;
        batch.slots.push(nextToPlace);
        if (placement.kind === 'in-order') {
          order.accept(id, atMs, () => null);
          batch.codes.push(PLACED_IN_ORDER);
          batch.instants.push(0);
        } else {
          batch.codes.push(placement.kind === 'late' ? PLACED_LATE : PLACED_BEFORE_DEBTOR);
          batch.instants.push(placement.kind === 'late' ? placement.newestMs : placement.previousMs);
        }
      }
      nextToPlace += 1;
    }
    flushPlacements();
  };

  workers.forEach((worker) => {
    worker.on('message', (message: FromWorker) => {
      try {
        if (message.kind === 'summary') parts.push(message.part);
        else {
          for (const [slot, result] of message.done) ready[slot % RING] = result;
          if (message.kind === 'judged') for (const slot of message.counted) ready[slot % RING] = COUNTED;
        }
        if (message.kind === 'read') {
          message.slots.forEach((slot, k) => {
            instants[slot % RING] = message.instants[k] as number;
            hasInstant[slot % RING] = 1;
          });
          place();
        }
      } catch (error) {
        failure ??= error;
      }
      wake();
    });
    worker.on('error', (error) => {
      failure ??= error;
      wake();
    });
  });
  const flush = (w: number): void => {
    const batch = outgoing[w] as Outgoing;
    if (batch.slots.length === 0) return;
    (workers[w] as Worker).postMessage({ kind: 'lines', ...batch } satisfies ToWorker);
    outgoing[w] = { slots: [], lines: [], ids: [] };
  };

  let handedOn = 0;
  const produce = async (): Promise<void> => {
    for await (const batchOfLines of lines) for (const line of batchOfLines) {
      const id = routingId(line);
      const w = id === null ? 0 : owner(id, workers.length);
      const batch = outgoing[w] as Outgoing;
      routedWorker[sent % RING] = w;
      routedId[sent % RING] = id;
      batch.slots.push(sent);
      batch.lines.push(line);
      batch.ids.push(id);
      sent += 1;
      if (batch.slots.length >= BATCH) flush(w);
      while (sent - handedOn >= MAX_IN_FLIGHT && failure === undefined) {
        for (let k = 0; k < workers.length; k += 1) flush(k);
        await wait();
      }
      if (failure !== undefined) return;
    }
    for (let k = 0; k < workers.length; k += 1) flush(k);
    total = sent;
    wake();
  };
  const producing = produce().catch((error: unknown) => {
    failure ??= error;
    wake();
  });

  try {
    let records = 0;
    for (;;) {
      const results: ParallelResult[] = [];
      for (let result = ready[handedOn % RING]; result !== undefined; result = ready[handedOn % RING]) {
        ready[handedOn % RING] = undefined;
        handedOn += 1;
        if ('verdict' in result) {
          // The worker numbered the record by its line; `audit` numbers records only.
          (result.verdict as { index: number }).index = records;
          records += 1;
        } else if ('counted' in result) records += 1;
        results.push(result);
      }
      if (results.length > 0) {
        wake();
        yield results;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (total >= 0 && handedOn >= total) break;
      await wait();
    }
    await producing;
    if (settings.keep === 'input-errors') {
      for (const worker of workers) worker.postMessage({ kind: 'finish' } satisfies ToWorker);
      while (parts.length < workers.length) {
        if (failure !== undefined) throw failure;
        await wait();
      }
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
