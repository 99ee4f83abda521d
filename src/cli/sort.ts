/**
 * `audit --sort`: puts a JSON Lines log in the order the audit needs, in bounded memory. Lines are read in
 * runs of at most `runBytes` characters (and `runLines` lines), each run is sorted and spilled to a
 * temporary file, and the runs are merged k ways (in passes of at most MAX_FAN_IN files), like sort(1).
 *
 * The order is by the action's instant, then debtor id, then original line: time first, not debtor first,
 * because the audit also refuses a record more than 48 hours older than the newest record of the whole log
 * (it may have forgotten that debtor), so a log sorted by debtor would turn every debtor's records after
 * the first into input errors. Time order is also each debtor's time order. A line that is not JSON or has
 * no readable instant sorts first, keeping its place among such lines: the audit reports it as before.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { DEFAULT_MAX_LINE_BYTES, readLines } from './io.js';

/** Characters of log text held at once while sorting a run (default 32 Mi: about 64 MiB of memory). */
export const DEFAULT_RUN_CHARS = 32 * 1024 * 1024;
/** Lines held at once while sorting a run. */
export const DEFAULT_RUN_LINES = 200_000;
/** Run files merged at once; more runs are merged in passes. */
export const MAX_FAN_IN = 64;

interface Keyed {
  /** Instant in ms, or -Infinity when unreadable. */
  readonly ms: number;
  readonly debtor: string;
  /** 1-based line in the original log. */
  readonly line: number;
  readonly text: string;
}

function keyOf(text: string, line: number): Keyed {
  let ms = Number.NEGATIVE_INFINITY;
  let debtor = '';
  try {
    const value = JSON.parse(text) as { action?: { at?: unknown }; debtor?: { id?: unknown } } | null;
    const at = value?.action?.at;
    if (typeof at === 'string') {
      const parsed = Date.parse(at);
      if (Number.isFinite(parsed)) ms = parsed;
    }
    const id = value?.debtor?.id;
    if (typeof id === 'string') debtor = id;
  } catch {
    // Not JSON: sorts first, the audit reports it.
  }
  return { ms, debtor, line, text };
}

function compare(a: Keyed, b: Keyed): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.debtor !== b.debtor) return a.debtor < b.debtor ? -1 : 1;
  return a.line - b.line;
}

// A run file holds one entry per line: the key and the text, tab-separated. The debtor id is JSON-quoted,
// so it holds no tab; the log line itself holds no newline.
function encode(k: Keyed): string {
  return `${k.ms}\t${JSON.stringify(k.debtor)}\t${k.line}\t${k.text}\n`;
}

function decode(entry: string): Keyed {
  const a = entry.indexOf('\t');
  const b = entry.indexOf('\t', a + 1);
  const c = entry.indexOf('\t', b + 1);
  return { ms: Number(entry.slice(0, a)), debtor: JSON.parse(entry.slice(a + 1, b)) as string, line: Number(entry.slice(b + 1, c)), text: entry.slice(c + 1) };
}

async function writeAll(stream: WriteStream, items: Iterable<string>): Promise<void> {
  for (const item of items) {
    if (!stream.write(item)) await once(stream, 'drain');
  }
  stream.end();
  await once(stream, 'finish');
}

async function* readRun(path: string): AsyncGenerator<Keyed> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const entry of lines) yield decode(entry);
}

/** Merges sorted streams into one, with a binary heap over their heads. */
async function* merge(sources: readonly AsyncGenerator<Keyed>[]): AsyncGenerator<Keyed> {
  const heap: { head: Keyed; source: AsyncGenerator<Keyed> }[] = [];
  const up = (i: number): void => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(heap[i]!.head, heap[p]!.head) >= 0) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && compare(heap[l]!.head, heap[m]!.head) < 0) m = l;
      if (r < heap.length && compare(heap[r]!.head, heap[m]!.head) < 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const source of sources) {
    const first = await source.next();
    if (first.done !== true) {
      heap.push({ head: first.value, source });
      up(heap.length - 1);
    }
  }
  while (heap.length > 0) {
    const top = heap[0]!;
    yield top.head;
    const next = await top.source.next();
    if (next.done === true) {
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        down(0);
      }
    } else {
      top.head = next.value;
      down(0);
    }
  }
}

export interface SortOptions {
  readonly runChars?: number;
  readonly runLines?: number;
  /** Where the temporary directory is made (default: the system's). */
  readonly tmp?: string;
  /** The longest line read (default DEFAULT_MAX_LINE_BYTES): a longer one is never held, see UNREADABLE. */
  readonly maxLineBytes?: number;
}

/**
 * A line the sort could not read (longer than `maxLineBytes`, or not UTF-8) is passed on in its place as
 * this prefix and the reason (`too-long:<bytes>` or `not-utf8`), so that the audit reports it at its
 * original line as it would without --sort. No log line can start with NUL and be JSON.
 */
export const UNREADABLE = '\u0000cuishou-guard-unreadable:';

export interface SortedLog {
  /** The log's non-blank lines in audit order, one per line. */
  readonly stream: Readable;
  /** The original line number of the n-th line of `stream` (1-based); asked in increasing order. */
  originalLine(n: number): number;
  /** Runs spilled to temporary files (0 when the log fitted in one run). */
  readonly runs: () => number;
  /** Removes the temporary files. */
  cleanup(): Promise<void>;
}

/**
 * Sorts the lines of `input` for the audit (see the module comment). The returned stream is lazy: the
 * input is read, and runs spilled, when the stream is first read.
 */
export async function sortLog(input: NodeJS.ReadableStream, options: SortOptions = {}): Promise<SortedLog> {
  const runChars = options.runChars ?? DEFAULT_RUN_CHARS;
  const runLines = options.runLines ?? DEFAULT_RUN_LINES;
  const dir = await mkdtemp(join(options.tmp ?? tmpdir(), 'cuishou-guard-sort-'));
  let runCount = 0;
  let fileCount = 0;
  const newFile = (): string => join(dir, `run-${(fileCount += 1)}`);
  // Original line numbers of lines produced but not yet asked for: bounded by how far the consumer reads ahead.
  const pending: number[] = [];
  let asked = 0;

  async function spill(run: Keyed[]): Promise<string> {
    run.sort(compare);
    const path = newFile();
    await writeAll(createWriteStream(path, { encoding: 'utf8' }), run.map(encode));
    runCount += 1;
    return path;
  }

  async function* sorted(): AsyncGenerator<Keyed> {
    let run: Keyed[] = [];
    let chars = 0;
    let files: string[] = [];
    // The same bounded reader as the audit's: a huge line is counted as it streams, never held.
    for await (const line of readLines(input as AsyncIterable<unknown>, options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES)) {
      const lineNumber = line.number;
      let text: string;
      if ('error' in line) text = `${UNREADABLE}${line.error === 'too-long' ? `too-long:${line.bytes}` : 'not-utf8'}`;
      else if (line.text.trim() === '') continue;
      else text = line.text;
      run.push(keyOf(text, lineNumber));
      chars += text.length;
      if (chars >= runChars || run.length >= runLines) {
        files.push(await spill(run));
        run = [];
        chars = 0;
      }
    }
    if (files.length === 0) {
      // Everything fitted in memory: no temporary file.
      run.sort(compare);
      yield* run;
      return;
    }
    if (run.length > 0) files.push(await spill(run));
    // Merge passes until at most MAX_FAN_IN files are left; each pass divides their number by MAX_FAN_IN.
    while (files.length > MAX_FAN_IN) {
      const next: string[] = [];
      for (let i = 0; i < files.length; i += MAX_FAN_IN) {
        const path = newFile();
        const group = files.slice(i, i + MAX_FAN_IN);
        const out = createWriteStream(path, { encoding: 'utf8' });
        for await (const k of merge(group.map(readRun))) {
          if (!out.write(encode(k))) await once(out, 'drain');
        }
        out.end();
        await once(out, 'finish');
        await Promise.all(group.map((f) => rm(f, { force: true })));
        next.push(path);
      }
      files = next;
    }
    yield* merge(files.map(readRun));
  }

  async function* text(): AsyncGenerator<string> {
    for await (const k of sorted()) {
      pending.push(k.line);
      yield `${k.text}\n`;
    }
  }

  return {
    stream: Readable.from(text(), { objectMode: false }),
    originalLine(n) {
      while (asked < n - 1 && pending.length > 0) {
        pending.shift();
        asked += 1;
      }
      if (asked === n - 1 && pending.length > 0) {
        asked += 1;
        return pending.shift() as number;
      }
      return 0;
    },
    runs: () => runCount,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
