/**
 * Reading a request body safely: the content type must be JSON in UTF-8, the body is read up to a limit
 * and no further, and it is decoded strictly (invalid UTF-8 is an error, not replacement characters) and
 * parsed, a problem naming `body` without quoting it.
 */
import type { IncomingMessage } from 'node:http';
import type { InputProblem } from '../../core/decision.js';
import { jsonErrorSummary } from '../io.js';

/** The client went away (or Node timed the request out) before its body was complete: nothing to answer. */
export class RequestAborted extends Error {}

/** `application/json`, with no charset or charset utf-8 (RFC 8259 JSON is UTF-8). */
export function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type, ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p.replace(/^charset=/, '').replace(/"/g, '') === 'utf-8');
}

/**
 * Reads the body up to `limit` bytes. Past the limit it stops reading at once (the stream is paused and
 * nothing more is buffered) and reports `too-large`; a declared Content-Length over the limit is refused
 * before a byte is read.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(new RequestAborted(error.message));
    };
    const onClose = (): void => {
      cleanup();
      reject(new RequestAborted('request closed before its body was complete'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as JSON, or the problem naming `body` (never quoting it: V8's messages would). */
export function parseJson(bytes: Buffer): { ok: true; value: unknown } | { ok: false; problems: InputProblem[] } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problems: [{ path: 'body', message: 'not valid UTF-8', zh: '不是有效的 UTF-8' }] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [{ path: 'body', message: jsonErrorSummary(error), zh: '不是有效的 JSON' }] };
  }
}
