/**
 * The HTTP sidecar as a fuzz target (npm run fuzz only): random bodies, valid, bent, junk, huge, not JSON
 * at all or carrying prototype keys, POSTed to every endpoint of a sidecar on a free loopback port. The
 * sidecar exports no parser of its own, so it is fuzzed through HTTP, parser and handlers together.
 * Every answer is 200, 400 or 413 with a JSON body; never a 500, never an allow for input that does not
 * validate, never slower than the budget.
 */
import fc from 'fast-check';
import { ActionSchema, ContextSchema } from '../../src/index.js';
import { createSidecar } from '../../src/cli/sidecar/server.js';
import { action as validAction, context as validContext, instant } from '../support/arbitraries.js';
import { actionInput, contextInput, huge, junk, withProtoKey } from './targets.js';

/** JSON text of a value; a value JSON cannot write (a BigInt, a cycle, nesting too deep to recurse) as `null`. */
function text(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

/**
 * Deeply nested JSON written directly as text (JSON.stringify would overflow the stack on it), up to
 * FUZZ_HTTP_DEEP_MAX levels (default 200 000, about 400 kB: within the default body limit).
 */
const deepMax = Number(process.env.FUZZ_HTTP_DEEP_MAX ?? 200_000);
const deepText = fc.tuple(fc.integer({ min: Math.min(100, deepMax), max: deepMax }), fc.constantFrom('array', 'object', 'in-context')).map(([depth, kind]) => {
  switch (kind) {
    case 'array': return `${'['.repeat(depth)}${']'.repeat(depth)}`;
    case 'object': return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    default: return `{"context":{"debtor":${'['.repeat(depth)}${']'.repeat(depth)}},"action":{},"at":"2026-11-30T10:00:00+08:00"}`;
  }
});

const endpoint = fc.constantFrom('/v1/check', '/v1/next-allowed', '/v1/quota', '/v1/check-batch');

/** A request body (as text) for an endpoint. */
const body = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(contextInput, actionInput, instant).map(([context, action, at]) => ({ context, action, at })) },
  { weight: 1, arbitrary: fc.tuple(withProtoKey(validContext), validAction).map(([c, action]) => ({ context: c.parsed, action })) },
  { weight: 1, arbitrary: junk.map((j) => ({ raw: j })) },
  { weight: 1, arbitrary: huge.map((h) => ({ raw: h })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => ({ text: s })) },
  { weight: 1, arbitrary: deepText.map((s) => ({ text: s })) },
);

type Body = { context?: unknown; action?: unknown; at?: unknown; raw?: unknown; text?: string };

function render(path: string, b: Body, horizonDays: number): string {
  if (b.text !== undefined) return b.text;
  if ('raw' in b) return text(b.raw);
  switch (path) {
    case '/v1/quota': return text({ context: b.context, at: b.at });
    case '/v1/next-allowed': return text({ context: b.context, action: b.action, horizonDays });
    case '/v1/check-batch': return text({ items: [{ context: b.context, action: b.action }, { context: b.context, action: b.action }] });
    default: return text({ context: b.context, action: b.action });
  }
}

export interface SidecarFuzz {
  readonly name: string;
  run(runs: number, seed: number): Promise<{ details: fc.RunDetails<unknown>; slowest: number }>;
}

export function sidecarTarget(maxMs: number): SidecarFuzz {
  return {
    name: 'HTTP sidecar (request parsing and handlers)',
    async run(runs, seed) {
      const sidecar = createSidecar({ port: 0, log: null });
      const { host, port } = await sidecar.listen();
      let slowest = 0;
      try {
        // Warm up (first requests compile the handlers and schemas) before anything is timed.
        for (const [path, b] of fc.sample(fc.tuple(endpoint, body), { numRuns: 50, seed })) {
          await fetch(`http://${host}:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: render(path, b as Body, 1) }).then((r) => r.text());
        }
        const property = fc.asyncProperty(endpoint, body, fc.integer({ min: 0, max: 14 }), async (path, b, horizonDays) => {
          const payload = render(path, b as Body, horizonDays);
          const post = async () => {
            const start = performance.now();
            const res = await fetch(`http://${host}:${port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: payload });
            const answer = await res.text();
            return { status: res.status, answer, ms: performance.now() - start };
          };
          let r = await post();
          for (let attempt = 1; attempt < 3 && r.ms > maxMs; attempt += 1) {
            const again = await post(); // a GC pause or a busy host, or really slow: the fastest of three counts
            if (again.ms < r.ms) r = again;
          }
          if (r.ms > maxMs) throw new Error(`${path} took more than ${maxMs} ms three times (fastest ${r.ms.toFixed(1)} ms)`);
          slowest = Math.max(slowest, r.ms);
          if (![200, 400, 413].includes(r.status)) throw new Error(`${path} answered ${r.status}: ${r.answer.slice(0, 300)}`);
          const json = JSON.parse(r.answer) as Record<string, unknown>;
          if (path === '/v1/check' && json.outcome === 'allow') {
            const sent = JSON.parse(payload) as Body;
            if (!ContextSchema.safeParse(sent.context).success || !ActionSchema.safeParse(sent.action).success) throw new Error('allowed an input that does not validate');
          }
          if (path === '/v1/next-allowed' && typeof json.at === 'string') {
            const sent = JSON.parse(payload) as Body;
            if (!ContextSchema.safeParse(sent.context).success || !ActionSchema.safeParse(sent.action).success) throw new Error('scheduled an input that does not validate');
          }
        });
        const details = await fc.check(property, { numRuns: runs, seed, endOnFailure: true });
        return { details: details as fc.RunDetails<unknown>, slowest };
      } finally {
        await sidecar.close();
      }
    },
  };
}
