/**
 * `npm start`: the quickstart's decisions (examples/quickstart.ts), then an audit of two days of collection
 * logs (examples/data/collection-log.jsonl, made by scripts/generate-example-log.ts) read line by line,
 * and its summary table. The same audit from the command line:
 *   npx tsx src/cli/main.ts audit examples/data/collection-log.jsonl
 */
import { createReadStream, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { audit, renderSummary, summarize, type AuditSummary } from '../src/index.js';
import { main as quickstart } from './quickstart.js';

export const LOG = new URL('./data/collection-log.jsonl', import.meta.url);
export const PLAYGROUND = new URL('./playground/dist/index.html', import.meta.url);

/** Audits the bundled log, streaming it: one line, one record, one verdict. */
export async function auditExampleLog(): Promise<AuditSummary> {
  const lines = createInterface({ input: createReadStream(LOG), crlfDelay: Number.POSITIVE_INFINITY });
  async function* records(): AsyncGenerator<unknown> {
    for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line);
  }
  return summarize(audit(records()));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  quickstart();
  console.log('\n## Audit of examples/data/collection-log.jsonl\n');
  console.log(renderSummary(await auditExampleLog(), { format: 'table', locale: 'en' }));
  console.log(existsSync(PLAYGROUND)
    ? `\n## Playground\n\nOpen ${PLAYGROUND.href} in a browser to try cases of your own.`
    : `\n## Playground\n\n\`npm run playground\` builds ${fileURLToPath(PLAYGROUND)}: open it in a browser to try cases of your own.`);
}
