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
