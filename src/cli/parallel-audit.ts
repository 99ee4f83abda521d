/**
 * `audit --workers N`: the audit judged on N worker threads (Node only, hence in src/cli/), partitioned by
 * debtor so that each debtor's records are judged in order by one worker, against the history of that
 * debtor's earlier records, exactly as the single-threaded audit judges them.
 *
 * What depends on the whole log stays on the main thread: it validates each record and places it in time
 * with an auditor of its own (out of order against the log's newest record, or against the debtor's
 * previous one), so the input errors are the single-threaded audit's. Only records placed in time go to a
 * worker, whose own placement then never refuses one (its newest record is never newer than the log's).
 * A worker forgets an idle debtor no earlier than the single-threaded audit would (its clock is the newest
 * of its own records), and anything forgotten can no longer count. The verdicts come back in input order:
 * the same verdicts as `audit`, which a test compares record by record.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import { createAuditor, type AuditVerdict } from '../audit/auditor.js';
import type { Decision } from '../schema/decision.js';
import type { FromWorker, ToWorker } from './audit-worker.js';

/** Records per message to a worker. */
const BATCH = 256;
/** Records handed to workers and not yet judged, at most: bounds the memory of the reorder buffer. */
const MAX_IN_FLIGHT = 16 * BATCH;


/**
 * The worker script beside this module: the built audit-worker.js, or, when this module runs from its
 * TypeScript source (tests, tsx), audit-worker.ts loaded through tsx's loader registered in the worker.
 */
function spawn(options: AuditOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./audit-worker.js', import.meta.url), { workerData: { options } });
  const worker = JSON.stringify(new URL('./audit-worker.ts', import.meta.url).href);
  // Resolved from this module, not from the working directory (which may be anywhere); tsx's ES module
  // entry, beside the CommonJS one that require.resolve finds.
  const tsx = JSON.stringify(pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href);
  const bootstrap = `import(${tsx}).then((tsx) => { tsx.register(); return import(${worker}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { options } });
}

/** FNV-1a over the debtor id: which worker owns the debtor. */
function owner(id: string, workers: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % workers;
}

/** The placement auditor only keeps time: the decision it is given is never looked at for a verdict. */
const PLACED: Decision = { outcome: 'allow', violations: [], obligations: [], evaluated: [], ruleset: { standard: '', version: '', profile: '' } };

/**
 * The verdicts of `audit(records, options)`, in input order, judged on `count` worker threads. House
 * rules run in the workers. Throws when a worker fails.
 */
export async function* auditInWorkers(records: AsyncIterable<unknown> | Iterable<unknown>, options: AuditOptions, count: number): AsyncGenerator<AuditVerdict, void, undefined> {
  const workers = Array.from({ length: Math.max(1, count) }, () => spawn(options));
  const batches: [number, unknown][][] = workers.map(() => []);
  const ready = new Map<number, AuditVerdict>();
  let inFlight = 0;
  let total = -1;
  let failure: unknown;
  let waiters: (() => void)[] = [];
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  const wait = (): Promise<void> => new Promise((resolve) => waiters.push(resolve));
  for (const worker of workers) {
    worker.on('message', (message: FromWorker) => {
      for (const v of message.verdicts) ready.set(v.index, v);
      inFlight -= message.verdicts.length;
      wake();
    });
    worker.on('error', (error) => {
      failure ??= error;
      wake();
    });
  }
  const flush = (w: number): void => {
    const batch = batches[w] as [number, unknown][];
    if (batch.length === 0) return;
    (workers[w] as Worker).postMessage({ records: batch } satisfies ToWorker);
    batches[w] = [];
  };

  const placement = createAuditor();
  const produce = async (): Promise<void> => {
    let index = 0;
    for await (const raw of records) {
      const opened = placement.open(raw, index);
      if (opened.kind === 'verdict') ready.set(index, opened.verdict);
      else {
        placement.close(opened, PLACED);
        const w = owner(opened.record.debtor.id, workers.length);
        const batch = batches[w] as [number, unknown][];
        batch.push([index, raw]);
        inFlight += 1;
        if (batch.length >= BATCH) flush(w);
      }
      index += 1;
      if (ready.size > 0) wake();
      while ((inFlight >= MAX_IN_FLIGHT || ready.size >= MAX_IN_FLIGHT) && failure === undefined) {
        for (let w = 0; w < workers.length; w += 1) flush(w);
        await wait();
      }
      if (failure !== undefined) return;
    }
    for (let w = 0; w < workers.length; w += 1) flush(w);
    total = index;
    wake();
  };
  const producing = produce().catch((error: unknown) => {
    failure ??= error;
    wake();
  });

  try {
    let next = 0;
    for (;;) {
      const verdict = ready.get(next);
      if (verdict !== undefined) {
        ready.delete(next);
        next += 1;
        yield verdict;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (total >= 0 && next >= total) break;
      await wait();
    }
    await producing;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
