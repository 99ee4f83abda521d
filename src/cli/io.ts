import { isAscii, isUtf8 } from 'node:buffer';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stdin: NodeJS.ReadableStream;
  /** The directory relative paths are read from and written to. */
  readonly cwd: string;
  /** Milliseconds, for the progress display only. */
  readonly now: () => number;
}

export const EXIT_OK = 0;
/** A denied action (`check`), violations found (`audit`). */
export const EXIT_FOUND = 1;
/** Invalid input, a usage error, an unreadable file. */
export const EXIT_USAGE = 2;
/** `audit`: the log had no records at all (an empty export must not look compliant). */
export const EXIT_EMPTY = 3;
/** An internal failure (a bug, not the input): never 1, which means "violations found". */
export const EXIT_INTERNAL = 4;

/** The longest line `audit` reads by default (`--max-line-bytes`). */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

/** One line of a stream: its text, or why it has none (too long: never held in memory; not UTF-8). */
export type Line =
  | { readonly number: number; readonly text: string }
  | { readonly number: number; readonly error: 'too-long'; readonly bytes: number }
  | { readonly number: number; readonly error: 'not-utf8' };

/** What the line reader held at most, for tests: the bytes of one unfinished line. */
export interface LineStats {
  peakHeldBytes: number;
}

/**
 * Splits a byte stream into lines (LF or CRLF), counting each line's bytes while it streams: a line
 * longer than `maxLineBytes` is skipped as it arrives, so at most `maxLineBytes` of it are ever held,
 * and reported as `too-long` with its length. Each line is decoded as strict UTF-8 on its own; a line
 * that is not valid UTF-8 is reported as `not-utf8`, never replaced silently. A byte-order mark at the
 * start of a line is dropped.
 */
export async function* readLines(stream: AsyncIterable<unknown> | Iterable<unknown>, maxLineBytes: number, stats: LineStats = { peakHeldBytes: 0 }): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(stream, maxLineBytes, stats)) yield* batch;
}

/**
 * `readLines`, a batch of lines per chunk of the stream: the lines that end in one chunk are decoded
 * together (one decoder call for most of a chunk, instead of one per line), which is what lets a reader
 * keep up with worker threads.
 */
export async function* readLineBatches(stream: AsyncIterable<unknown> | Iterable<unknown>, maxLineBytes: number, stats: LineStats = { peakHeldBytes: 0 }): AsyncGenerator<Line[]> {
  // ignoreBOM: a mark is dropped by hand, once per line, wherever the decoder starts.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let held: Buffer[] = [];
  let heldBytes = 0;
  let lineBytes = 0; // the current line's length so far, held or not
  let number = 0;
  const decodeLine = (bytes: Uint8Array): Line => {
    number += 1;
    try {
      const text = decoder.decode(bytes);
      return { number, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    } catch {
      return { number, error: 'not-utf8' };
    }
  };
  const finish = (): Line => {
    if (lineBytes > maxLineBytes) {
      number += 1;
      const bytes = lineBytes;
      held = [];
      heldBytes = 0;
      lineBytes = 0;
      return { number, error: 'too-long', bytes };
    }
    let bytes = held.length === 1 ? (held[0] as Buffer) : Buffer.concat(held, heldBytes);
    held = [];
    heldBytes = 0;
    lineBytes = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    return decodeLine(bytes);
  };
  const hold = (part: Buffer): void => {
    lineBytes += part.length;
    if (lineBytes > maxLineBytes) {
      held = [];
      heldBytes = 0;
      return;
    }
    if (part.length === 0) return;
    held.push(part);
    heldBytes += part.length;
    if (heldBytes > stats.peakHeldBytes) stats.peakHeldBytes = heldBytes;
  };
  /**
   * The whole lines of `region` (each ended by LF, the last one included), each decoded on its own from
   * the bytes; false, with nothing added, when some line is not UTF-8. One check of the whole region
   * (isAscii, else isUtf8, which accepts exactly what the fatal decoder does) stands for every line's.
   * Decoding line by line, rather than the region in one string sliced into lines: in a loop that only
   * reads and parses, 200 000 lines took 0.5 s instead of 0.85–1.3 s (JSON.parse of a slice of a large
   * string is slower than of a string of its own).
   */
  const wholeLines = (region: Buffer, out: Line[]): boolean => {
    const ascii = isAscii(region);
    if (!ascii && !isUtf8(region)) return false;
    let from = 0;
    for (;;) {
      const newline = region.indexOf(0x0a, from);
      if (newline === -1) break;
      number += 1;
      const bytes = newline - from;
      if (bytes > maxLineBytes) {
        out.push({ number, error: 'too-long', bytes });
        from = newline + 1;
        continue;
      }
      const end = bytes > 0 && region[newline - 1] === 0x0d ? newline - 1 : newline;
      // ASCII is latin1 byte for byte, and Node decodes latin1 fastest.
      const line = region.toString(ascii ? 'latin1' : 'utf8', from, end);
      out.push({ number, text: line.charCodeAt(0) === 0xfeff ? line.slice(1) : line });
      from = newline + 1;
    }
    return true;
  };
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    const out: Line[] = [];
    let from = 0;
    // The end of a line begun in an earlier chunk.
    if (lineBytes > 0 || held.length > 0) {
      const newline = buffer.indexOf(0x0a, from);
      if (newline === -1) {
        hold(Buffer.from(buffer));
        continue;
      }
      hold(Buffer.from(buffer.subarray(from, newline)));
      out.push(finish());
      from = newline + 1;
    }
    // The lines that end in this chunk, in one decoder call when they are all UTF-8; else one by one.
    const last = buffer.lastIndexOf(0x0a);
    if (last >= from) {
      const region = buffer.subarray(from, last + 1);
      const firstNumber = number;
      if (!wholeLines(region, out)) {
        number = firstNumber;
        for (;;) {
          const newline = buffer.indexOf(0x0a, from);
          if (newline === -1 || newline > last) break;
          hold(buffer.subarray(from, newline));
          out.push(finish());
          from = newline + 1;
        }
      }
      from = last + 1;
    }
    // Copy: the stream may reuse its chunk's memory.
    if (from < buffer.length) hold(Buffer.from(buffer.subarray(from)));
    if (out.length > 0) yield out;
  }
  if (lineBytes > 0) yield [finish()];
}

/** A mistake in how the command was called: printed with the command's usage hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), now: () => performance.now() };
}

/**
 * Why a text is not JSON, without repeating any of it: V8's message quotes the text around the error
 * (`Unexpected token 'P', "PHONE-123" is not valid JSON`), and a collection log's text is personal data.
 */
export function jsonErrorSummary(error: unknown): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  return position === undefined ? 'not valid JSON' : `not valid JSON (at position ${position})`;
}
