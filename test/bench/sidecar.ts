/**
 * `npm run bench:sidecar`: POST /v1/check over loopback, driven by autocannon (a fixed number of
 * requests on 10 keep-alive connections), against a sidecar started in this process with logs off.
 * Prints throughput and latency percentiles, beside them the same decision made in-process, and a bare
 * node:http server under the same load (the floor HTTP alone sets on this machine). `--write` also rewrites the Sidecar section of docs/benchmarks.md.
 * Not a test: timing never decides a test. Client and server share the machine's cores.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import autocannon, { type Result } from 'autocannon';
import { createSidecar } from '../../src/cli/sidecar/server.js';
import { checkAction, createGuard } from '../../src/index.js';
import { fmt, machine, measureAsync, replaceSection } from './lib.js';
import { action, context, past } from '../support/fixtures.js';

const AMOUNT = 20_000;
const CONNECTIONS = 10;

// An allowed call with 20 history entries (as B1 in docs/benchmarks.md), and the denied example request.
const history = Array.from({ length: 20 }, (_, i) =>
  past('voice', new Date(Date.UTC(2026, 10, 30, 1) - (i + 1) * 3_600_000 * 7).toISOString().replace('.000Z', 'Z'), i % 3 === 0 ? 'connected' : 'not_connected'));
const allowed = { context: context({ history }), action: action() };
const denied = JSON.parse(readFileSync(new URL('../../examples/data/check-request.json', import.meta.url), 'utf8')) as { context: unknown; action: unknown };
if (checkAction(allowed.context, allowed.action).outcome !== 'allow') throw new Error('the allowed input should be allowed');
if (checkAction(denied.context as never, denied.action as never).outcome !== 'deny') throw new Error('the denied input should be denied');

const sidecar = createSidecar({ port: 0, log: null });
const { host, port } = await sidecar.listen();

// The floor: a bare node:http server that reads the body and answers a constant, on the same machine.
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end('{"outcome":"allow"}');
  });
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;

async function drive(body: unknown, amount: number, url = `http://${host}:${port}/v1/check`): Promise<Result> {
  const result = await autocannon({ url, method: 'POST', connections: CONNECTIONS, amount, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) throw new Error(`errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
  return result;
}

const loadAtStart = loadavg()[0] ?? 0;
const whole = (n: number): string => Math.round(n).toLocaleString('en-US');
const rows: string[][] = [];
const guard = createGuard();
for (const [name, body] of [['allowed call, 20 history entries', allowed], ['examples/data/check-request.json (deny)', denied]] as const) {
  await drive(body, 2_000); // warm-up
  const r = await drive(body, AMOUNT);
  const perSecond = r.requests.total / (r.duration || 1);
  const direct = await measureAsync(() => guard.check(body.context as never, body.action as never), { warmup: 2_000, samples: 20_000 });
  // autocannon's latency histogram has millisecond resolution.
  rows.push([name, whole(r.requests.total), whole(perSecond), whole(r.latency.p50), whole(r.latency.p90), whole(r.latency.p99), whole(r.latency.max), fmt(direct.median)]);
}
{
  await drive(denied, 2_000, bareUrl);
  const r = await drive(denied, AMOUNT, bareUrl);
  rows.push(['floor: bare node:http answering a constant', whole(r.requests.total), whole(r.requests.total / (r.duration || 1)), whole(r.latency.p50), whole(r.latency.p90), whole(r.latency.p99), whole(r.latency.max), '–']);
}
await sidecar.close();
await new Promise((resolve) => bare.close(resolve));

const header = ['POST /v1/check', 'requests', 'per second', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'in-process µs (median)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));

if (process.argv.includes('--write')) {
  const doc = new URL('../../docs/benchmarks.md', import.meta.url);
  let text: string;
  try {
    text = readFileSync(doc, 'utf8');
  } catch {
    text = '# Benchmarks\n\nTiming never decides a test.\n';
  }
  const table = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const body = [
    '## Sidecar',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with \`npm run bench:sidecar -- --write\`:`,
    `autocannon sends ${AMOUNT.toLocaleString('en-US')} requests on ${CONNECTIONS} keep-alive connections to a sidecar in the same`,
    'process (logs off, loopback, no token), after 2 000 warm-up requests. Client and server share the cores, so',
    `these are a floor, not a ceiling; the 1-minute load average was ${loadAtStart.toFixed(1)} when the run began. The last column is`,
    '`guard.check` on the same input without HTTP; the last row is the same load on a bare `node:http` server',
    'that reads the body and answers a constant: what HTTP alone costs here. Latencies have millisecond resolution.',
    '',
    table,
  ].join('\n');
  writeFileSync(doc, replaceSection(text, 'sidecar', body));
  console.log('docs/benchmarks.md: Sidecar section written');
}
