/**
 * `audit --workers N`: the lines of a JSONL log read and judged on N worker threads (Node only, hence in
 * src/cli/), with the verdicts of the single-threaded audit, in input order (a test compares them).
 *
 * The work is split so that the main thread does little per line:
 * 1. The main thread routes each line, unparsed, to the worker that owns its debtor (`scanDebtorId`, an
 *    FNV-1a hash of the id): a debtor's records are all judged by one worker, in order. With the line goes
 *    its bound, at or after the newest valid record before it: the newer of the newest valid instant
 *    reported so far (step 2) and the newest `action.at` scanned (`scanActionAt`) from the lines after.
 * 2. The worker parses, validates, places and judges each line of a batch at once, and reports each
 *    line's instant (NaN: no valid record) before its result (src/cli/audit-worker.ts). Whether a record is in order
 *    against its debtor's previous record the worker knows itself. Whether it is late against the log
 *    depends on the newest valid record before it, of any debtor: the single-threaded audit's newest
 *    accepted record, since a valid record it refuses is never newer than that. The bound is at or after
 *    it, so a record at or after the bound minus MAX_LATENESS_MS is not late; for the rare other one the
 *    worker asks, and the main thread, which follows the reports in input order, answers.
 * 3. The main thread hands the results on in input order.
 * A worker forgets an idle debtor no earlier than the single-threaded audit would (its clock is the newest
 * of its own records), and anything forgotten can no longer count.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import type { SummaryPart } from '../audit/summary.js';
import { readInstant } from '../core/time.js';
import { COUNTED, ownerOf, type FromWorker, type LineResult, type ToWorker, type WorkerData, type WorkerSettings } from './audit-worker.js';
import { scanActionAt } from './scan-action-at.js';
import { scanDebtorId } from './scan-debtor-id.js';

/** Lines per message to a worker. */
const BATCH = 256;
/** Lines handed to workers and not yet handed on: bounds the memory of the reorder buffer. */
const MAX_IN_FLIGHT = 16 * BATCH;
/**
 * The text handed to workers and not yet handed on, in UTF-16 units, beyond which reading waits: the
 * memory of the lines in flight stays bounded however long they are (a line may be up to
 * --max-line-bytes), at this plus one line.
 */
const MAX_IN_FLIGHT_CHARS = 32 * 2 ** 20;
/** The size of the rings kept per slot in flight. */
const RING = 2 * MAX_IN_FLIGHT;

/**
 * The worker script beside this module: the built audit-worker.js, or, when this module runs from its
 * TypeScript source (tests, tsx), audit-worker.ts loaded through tsx's loader registered in the worker.
 */
function spawn(settings: WorkerData): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./audit-worker.js', import.meta.url), { workerData: settings });
  const worker = JSON.stringify(new URL('./audit-worker.ts', import.meta.url).href);
  // Resolved from this module, not from the working directory (which may be anywhere); tsx's ES module
  // entry, beside the CommonJS one that require.resolve finds.
  const tsx = JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href);
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${worker}); });`;
  return new Worker(bootstrap, { eval: true, workerData: settings });
}

let scavengeTuned = false;

/**
 * Young-generation collections on the collecting thread alone (V8's --no-parallel-scavenge), for the rest
 * of the process, once workers start. By default V8 splits each scavenge into tasks on its shared
 * platform threads; with a main thread and N workers allocating on as few cores, those tasks only
 * compete with the threads they collect for. On 2 cores, 1 000 000 lines with --workers 2: the platform
 * threads' CPU time 2.7 s → 1.3 s, wall time 9.8–10.3 s → 8.4–9.0 s (docs/benchmarks.md). A GC setting,
 * read at each scavenge: it changes no result. One thread keeps the default, which is faster there (its
 * scavenges have idle cores to use).
 */
function tuneScavenges(): void {
  if (scavengeTuned) return;
  scavengeTuned = true;
  setFlagsFromString('--no-parallel-scavenge');
}

/** A member of a member of a parsed line, when it is a string (null otherwise). */
function stringMember(value: unknown, outer: string, inner: string): string | null {
  const object = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[outer] : undefined;
  const member = typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[inner] : undefined;
  return typeof member === 'string' ? member : null;
}

/** One line's result handed on: the record's verdict (its `index` counts records, as `audit` does), or why the line is not JSON. */
export type ParallelResult = LineResult;

/** A batch of lines being filled for one worker: its slots and bounds in typed arrays of BATCH, transferred when sent. */
interface Outgoing {
  slots: Float64Array<ArrayBuffer>;
  lines: string[];
  bounds: Float64Array<ArrayBuffer>;
}

const emptyBatch = (): Outgoing => ({ slots: new Float64Array(BATCH), lines: [], bounds: new Float64Array(BATCH) });

/** How the parallel audit hands its results on. */
export interface ParallelAuditSettings {
  /**
   * `all` (the default): every record's verdict comes back. `input-errors`: only the verdicts with an
   * input error come back; the others come back as `{ counted: true }`, summarised in the workers, and
   * the summaries of those are in `summaryParts` once the run has ended (`mergeSummaryParts`). Sending a
   * verdict between threads costs about as much as judging it.
   */
  readonly keep?: 'all' | 'input-errors';
  /** MAX_IN_FLIGHT_CHARS, lower for tests of the wait. */
  readonly maxInFlightChars?: number;
}

/** The results of a parallel audit, in input order, in batches; then, with `keep: 'input-errors'`, the workers' summaries. */
export type ParallelAuditRun = AsyncGenerator<readonly ParallelResult[], void, undefined> & {
  readonly summaryParts: readonly SummaryPart[];
  /** The most text that was in flight at once so far, in UTF-16 units (for tests of its bound). */
  readonly peakInFlightChars: number;
};

/**
 * The results of `lines` (the text of each non-blank line of a log, in batches), in input order and in
 * batches, read and judged on `count` worker threads: what `audit(lines.map(JSON.parse), options)` gives, with a line that is not JSON
 * as `{ unparsable }` in its place (not counted as a record). House rules run in the workers. Throws when
 * a worker fails.
 */
export function auditInWorkers(lines: AsyncIterable<readonly string[]> | Iterable<readonly string[]>, options: AuditOptions, count: number, settings: ParallelAuditSettings = {}): ParallelAuditRun {
  const parts: SummaryPart[] = [];
  const peak = { chars: 0 };
  const run = judgeInWorkers(lines, { options, keep: settings.keep ?? 'all' }, count, parts, settings.maxInFlightChars ?? MAX_IN_FLIGHT_CHARS, peak);
  return Object.defineProperties(run, { summaryParts: { get: () => parts, enumerable: true }, peakInFlightChars: { get: () => peak.chars, enumerable: true } }) as ParallelAuditRun;
}

async function* judgeInWorkers(lines: AsyncIterable<readonly string[]> | Iterable<readonly string[]>, settings: WorkerSettings, count: number, parts: SummaryPart[], maxInFlightChars: number, peak: { chars: number }): AsyncGenerator<readonly ParallelResult[], void, undefined> {
  const n = Math.max(1, count);
  tuneScavenges();
  const workers = Array.from({ length: n }, (_, worker) => spawn({ ...settings, worker, workers: n }));
  const outgoing: Outgoing[] = workers.map(emptyBatch);
  // Rings indexed by slot modulo RING (at most MAX_IN_FLIGHT slots are between sent and handed on): per
  // slot reported, its instant (NaN: no valid record); per slot followed, the newest valid instant before it.
  const instants = new Float64Array(RING);
  const reported = new Uint8Array(RING);
  const newestBefore = new Float64Array(RING);
  const ready: (LineResult | undefined)[] = new Array<LineResult | undefined>(RING).fill(undefined);
  // The reports followed in input order: every slot before `followed` is, and `newestMs` is the newest valid instant among them.
  let followed = 0;
  let newestMs = Number.NEGATIVE_INFINITY;
  // Asks not yet answered (at most one per worker).
  let asks: { worker: number; slot: number }[] = [];
  let sent = 0;
  // Per slot in flight, its line's length; and their sum.
  const lengths = new Float64Array(RING);
  let inFlightChars = 0;
  let total = -1;
  let failure: unknown;
  let waiters: (() => void)[] = [];
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const wait = (): Promise<void> => new Promise((resolve) => waiters.push(resolve));

  const flush = (w: number): void => {
    const batch = outgoing[w] as Outgoing;
    const size = batch.lines.length;
    if (size === 0) return;
    const slots = size === BATCH ? batch.slots : batch.slots.slice(0, size);
    const bounds = size === BATCH ? batch.bounds : batch.bounds.slice(0, size);
    (workers[w] as Worker).postMessage({ kind: 'lines', slots, lines: batch.lines, bounds } satisfies ToWorker, [slots.buffer, bounds.buffer]);
    outgoing[w] = emptyBatch();
  };
  /** Follows the reports in input order as far as they have come, then answers the asks that can be. */
  const follow = (): void => {
    for (;;) {
      const at = followed % RING;
      if (reported[at] === 0) break;
      reported[at] = 0;
      newestBefore[at] = newestMs;
      const atMs = instants[at] as number;
      if (atMs > newestMs) newestMs = atMs; // false for NaN
      followed += 1;
    }
    if (asks.length === 0) return;
    const open: typeof asks = [];
    for (const ask of asks) {
      // Every slot before the asked one followed: its newestBefore is final (and still in the ring: the slot is not handed on).
      if (ask.slot < followed) (workers[ask.worker] as Worker).postMessage({ kind: 'newest', slot: ask.slot, newestMs: newestBefore[ask.slot % RING] as number } satisfies ToWorker);
      else open.push(ask);
    }
    asks = open;
    // The lines before an ask still waiting must reach their workers: none may wait in a batch not yet full.
    if (asks.length > 0) for (let k = 0; k < workers.length; k += 1) flush(k);
  };

  workers.forEach((worker, w) => {
    worker.on('message', (message: FromWorker) => {
      try {
        if (message.kind === 'summary') parts.push(message.part);
        else if (message.kind === 'ask') {
          asks.push({ worker: w, slot: message.slot });
          follow();
        } else {
          for (const [slot, result] of message.done) ready[slot % RING] = result;
          if (message.kind === 'judged') for (const slot of message.counted) ready[slot % RING] = COUNTED;
          else {
            message.slots.forEach((slot, k) => {
              instants[slot % RING] = message.instants[k] as number;
              reported[slot % RING] = 1;
            });
            follow();
          }
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

  let handedOn = 0;
  // The instants scanned from the lines routed and not yet followed, as a monotonic queue: slots in input
  // order, instants decreasing, each the newest scanned from its slot up to the last routed. A line's bound
  // is the newer of the newest valid instant followed (exact) and the queue's first instant: a line that
  // fails the schema raises the bounds only until its report has been followed.
  const queueSlots = new Float64Array(RING);
  const queueMs = new Float64Array(RING);
  let queueHead = 0;
  let queueTail = 0;
  const boundOfNext = (): number => {
    while (queueHead < queueTail && (queueSlots[queueHead % RING] as number) < followed) queueHead += 1;
    return queueHead < queueTail ? Math.max(newestMs, queueMs[queueHead % RING] as number) : newestMs;
  };
  const scanned = (slot: number, atMs: number): void => {
    if (Number.isNaN(atMs)) return;
    while (queueTail > queueHead && (queueMs[(queueTail - 1) % RING] as number) <= atMs) queueTail -= 1;
    queueSlots[queueTail % RING] = slot;
    queueMs[queueTail % RING] = atMs;
    queueTail += 1;
  };
  const produce = async (): Promise<void> => {
    for await (const batchOfLines of lines) for (const line of batchOfLines) {
      let id = scanDebtorId(line);
      let at = scanActionAt(line);
      if (id === undefined || at === undefined) {
        // The scans could not tell: what JSON.parse reads (nothing, for a line that is not JSON).
        let value: unknown = null;
        try {
          value = JSON.parse(line);
        } catch {
          // The worker reports it.
        }
        id ??= stringMember(value, 'debtor', 'id');
        at ??= stringMember(value, 'action', 'at');
      }
      const w = id === null ? 0 : ownerOf(id, n);
      const batch = outgoing[w] as Outgoing;
      const k = batch.lines.length;
      batch.slots[k] = sent;
      batch.bounds[k] = boundOfNext();
      batch.lines.push(line);
      if (at !== null) scanned(sent, readInstant(at));
      lengths[sent % RING] = line.length;
      inFlightChars += line.length;
      if (inFlightChars > peak.chars) peak.chars = inFlightChars;
      sent += 1;
      if (batch.lines.length >= BATCH) flush(w);
      while ((sent - handedOn >= MAX_IN_FLIGHT || inFlightChars > maxInFlightChars) && failure === undefined) {
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
        inFlightChars -= lengths[handedOn % RING] as number;
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
