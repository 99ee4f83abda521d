/**
 * B6 of docs/benchmarks.md: `auditSync` over generated records across many debtors, in memory and from a
 * JSONL file read line by line, with the peak RSS. `npm run bench` runs it after B1–B5;
 * B6_RECORDS and B6_DEBTORS override the size (default 1 000 000 records, 50 000 debtors).
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { audit, auditSync, summarize } from '../../src/index.js';
import { machine, rate, replaceSection } from './lib.js';

const RECORDS = Number(process.env.B6_RECORDS ?? 1_000_000);
const DEBTORS = Number(process.env.B6_DEBTORS ?? 50_000);

const actor = {
  kind: 'ai',
  ai: { id: 'BOT1', fairnessReviewedAt: '2026-06-01T09:00:00+08:00', usesProtectedAttributes: false, reliabilityValidatedAt: '2026-06-01T09:00:00+08:00', humanHandoff: true, securityAssessedAt: '2026-06-01T09:00:00+08:00' },
  organization: { id: 'ORG1', kind: 'lender' },
  system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
};
const pad = (n: number) => String(n).padStart(2, '0');
const START = Date.UTC(2026, 10, 30, 0, 30); // 08:30 in Shanghai
const OUTCOMES = ['connected', 'not_connected', 'delivered'] as const;

/** Record i: debtors in turn, time moving forward ~2.6 s a record over about a month. */
function record(i: number): object {
  const debtor = `D${i % DEBTORS}`;
  const ms = START + Math.floor(i * ((30 * 86_400_000) / RECORDS));
  const d = new Date(ms);
  const at = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
  return {
    debtor: { id: debtor, timeZone: 'Asia/Shanghai' },
    debt: { id: `L${i % DEBTORS}`, status: 'overdue' },
    action: { channel: i % 5 === 0 ? 'sms' : 'voice', at, target: { role: 'debtor', partyId: debtor }, purpose: 'reminder', actor },
    outcome: OUTCOMES[i % 3],
  };
}

function* records(): Generator<object> {
  for (let i = 0; i < RECORDS; i += 1) yield record(i);
}

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 100);

const t0 = process.hrtime.bigint();
const run = auditSync(records());
const inMemory = summarize(run);
const memorySeconds = Number(process.hrtime.bigint() - t0) / 1e9;
sample();
const memoryPeak = peakRss;
const held = run.stats;
console.log(`B6   auditSync in memory: ${RECORDS} records in ${memorySeconds.toFixed(1)} s = ${rate(RECORDS / memorySeconds)} records/s, peak RSS ${(memoryPeak / 2 ** 20).toFixed(0)} MiB, at most ${held.maxTrackedDebtors} debtors held`);

const file = join(tmpdir(), `cuishou-guard-b6-${process.pid}.jsonl`);
const out = createWriteStream(file);
for (let i = 0; i < RECORDS; i += 1) {
  if (!out.write(`${JSON.stringify(record(i))}\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
peakRss = 0;
const t1 = process.hrtime.bigint();
async function* lines(): AsyncGenerator<unknown> {
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) yield JSON.parse(line);
}
const fromFile = await summarize(audit(lines()));
const fileSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
sample();
clearInterval(timer);
rmSync(file);
if (fromFile.violations !== inMemory.violations || fromFile.records !== RECORDS) throw new Error('the file audit disagrees with the in-memory audit');
console.log(`B6   audit from JSONL:    ${RECORDS} lines in ${fileSeconds.toFixed(1)} s = ${rate(RECORDS / fileSeconds)} lines/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; ${inMemory.violations} violations`);

if (process.argv.includes('--write')) {
  const path = new URL('../../docs/benchmarks.md', import.meta.url);
  const section = `## Audit: B6

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with \`npm run bench\`: ${RECORDS.toLocaleString('en')} generated
records across ${DEBTORS.toLocaleString('en')} debtors over a month (${inMemory.violations.toLocaleString('en')} violations found).

| | records/s | peak RSS | debtors held at most |
| --- | --- | --- | --- |
| \`auditSync\`, records generated in memory | ${rate(RECORDS / memorySeconds)} | ${(memoryPeak / 2 ** 20).toFixed(0)} MiB | ${held.maxTrackedDebtors.toLocaleString('en')} |
| \`audit\`, JSONL file read line by line | ${rate(RECORDS / fileSeconds)} | ${(peakRss / 2 ** 20).toFixed(0)} MiB | — |
`;
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), 'audit', section));
  console.log('wrote docs/benchmarks.md (audit section)');
}
