/**
 * One worker of the parallel audit (src/cli/parallel-audit.ts): it judges the records of the debtors it
 * owns, in input order, with its own auditor and guard, and sends back their verdicts batch by batch.
 * The main thread has already placed each record in time (out-of-order records never come here).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AuditOptions } from '../audit/audit.js';
import { createAuditor, type AuditVerdict } from '../audit/auditor.js';
import { compileGuard } from '../guard/guard.js';

/** A batch from the main thread: records with their 0-based position in the whole log; `end` closes the stream. */
export type ToWorker = { readonly records: readonly (readonly [index: number, raw: unknown])[] } | { readonly end: true };
/** What a worker sends back: the verdicts of one batch, in the batch's order. */
export interface FromWorker {
  readonly verdicts: readonly AuditVerdict[];
}

if (parentPort !== null) {
  const port = parentPort;
  const options = (workerData as { options: AuditOptions }).options;
  const { checkValidated, checkValidatedSync } = compileGuard(options);
  const sync = options.houseRules === undefined || options.houseRules.length === 0;
  const auditor = createAuditor();
  // Batches are judged one after another, even when house rules make a check asynchronous.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if ('end' in message) {
      void queue.then(() => port.close());
      return;
    }
    queue = queue.then(async () => {
      const verdicts: AuditVerdict[] = [];
      for (const [index, raw] of message.records) {
        const opened = auditor.open(raw, index);
        if (opened.kind === 'verdict') verdicts.push(opened.verdict);
        else {
          const decision = sync ? checkValidatedSync(opened.context, opened.action, opened.history) : await checkValidated(opened.context, opened.action, opened.history);
          verdicts.push(auditor.close(opened, decision));
        }
      }
      port.postMessage({ verdicts } satisfies FromWorker);
    });
  });
}
