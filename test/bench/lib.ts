/** Small measuring helpers for the benchmark scripts (not tests: timing never decides a test). */
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type * as Library from '../../src/index.js';

/**
 * The package as built and published (dist/index.js; `npm run bench` runs tsup first), typed by its source.
 * Not the source through tsx: tsx compiles with keepNames, which wraps every named closure in `__name()`
 * (an Object.defineProperty per closure made), a cost the published build does not have.
 */
export async function builtPackage(): Promise<typeof Library> {
  return (await import(builtIndex().href)) as typeof Library;
}

/** Where the built package's entry is (dist/index.js), after checking that it has been built. */
export function builtIndex(): URL {
  const dist = new URL('../../dist/index.js', import.meta.url);
  if (!existsSync(dist)) throw new Error('dist/index.js is missing: run npm run build first (npm run bench does)');
  return dist;
}

export interface Stats {
  readonly median: number; // µs
  readonly p99: number; // µs
  readonly perSecond: number;
}

/** Times `fn` call by call after a warm-up; returns median and p99 in microseconds and calls per second. */
export function measure(fn: () => unknown, { warmup = 20_000, samples = 100_000 } = {}): Stats {
  for (let i = 0; i < warmup; i += 1) fn();
  const times = new Float64Array(samples);
  const start = process.hrtime.bigint();
  for (let i = 0; i < samples; i += 1) {
    const t0 = process.hrtime.bigint();
    fn();
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort();
  return { median: times[Math.floor(samples / 2)] ?? 0, p99: times[Math.floor(samples * 0.99)] ?? 0, perSecond: samples / total };
}

/** The same for an async function (json-rules-engine). */
export async function measureAsync(fn: () => Promise<unknown>, { warmup = 5_000, samples = 30_000 } = {}): Promise<Stats> {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times = new Float64Array(samples);
  const start = process.hrtime.bigint();
  for (let i = 0; i < samples; i += 1) {
    const t0 = process.hrtime.bigint();
    await fn();
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort();
  return { median: times[Math.floor(samples / 2)] ?? 0, p99: times[Math.floor(samples * 0.99)] ?? 0, perSecond: samples / total };
}

export const fmt = (n: number, digits = 2): string => (n >= 100 ? n.toFixed(0) : n.toFixed(digits));
export const rate = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)} k` : n.toFixed(0));

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/** Replaces the text between two markers in a document, or appends the marked section. */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) return doc.slice(0, i) + section + doc.slice(j + end.length);
  return `${doc.trimEnd()}\n\n${section}\n`;
}
