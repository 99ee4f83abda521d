import { open, type FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, type Io } from './io.js';

/** A file a command writes into, opened before any work so that a bad path fails at once. */
export interface OutputFile {
  /** Appends text; written in chunks of about 64 KiB. */
  write(text: string): Promise<void>;
  /** Flushes what is buffered and closes the file. */
  close(): Promise<void>;
}

const FLUSH_AT = 64 * 1024;

/**
 * Opens (creates or truncates) `path`, relative to the command's directory, for writing. An unwritable
 * path (missing directory, a directory, no permission) is a usage error naming the flag, raised before the
 * command reads its input: on a long log the mistake costs nothing.
 */
export async function openOutputFile(io: Io, path: string, flag: string): Promise<OutputFile> {
  let handle: FileHandle;
  try {
    handle = await open(resolve(io.cwd, path), 'w');
  } catch (error) {
    throw new UsageError(`${flag} ${path}: cannot write there (${(error as { code?: string }).code ?? 'error'})`);
  }
  let buffered: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (buffered.length === 0) return;
    const text = buffered.join('');
    buffered = [];
    size = 0;
    try {
      await handle.write(text);
    } catch (error) {
      throw new UsageError(`${flag} ${path}: cannot write there (${(error as { code?: string }).code ?? 'error'})`);
    }
  };
  return {
    async write(text) {
      buffered.push(text);
      size += text.length;
      if (size >= FLUSH_AT) await flush();
    },
    async close() {
      try {
        await flush();
      } finally {
        await handle.close();
      }
    },
  };
}

/** Refuses two paths that name the same file (`--out log.jsonl` would empty the log before it is read). */
export function assertDistinct(io: Io, paths: readonly { readonly flag: string; readonly path: string | undefined }[]): void {
  const seen = new Map<string, string>();
  for (const { flag, path } of paths) {
    if (path === undefined || path === '-') continue;
    const full = resolve(io.cwd, path);
    const other = seen.get(full);
    if (other !== undefined) throw new UsageError(`${flag} ${path}: the same file as ${other}`);
    seen.set(full, flag);
  }
}
