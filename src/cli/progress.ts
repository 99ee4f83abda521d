import type { Io } from './io.js';

export interface Progress {
  /** Records done and bytes read so far; redraws at most ~10 times a second. */
  update(records: number, bytesRead: number): void;
  /** Clears the bar before another line is written to stderr (it comes back on the next update). */
  clear(): void;
  /** Clears the bar for good. */
  done(): void;
}

const INTERVAL_MS = 100;
/** Short runs finish before a bar would be of any use: it appears after this long. */
const DELAY_MS = 500;

const NOOP: Progress = { update: () => undefined, clear: () => undefined, done: () => undefined };

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * A one-line progress bar on stderr: records done, rate, and (when the input's size is known) the share
 * of bytes read and an ETA. Only when stderr is a terminal; otherwise it does nothing.
 */
export function createProgress(io: Io, totalBytes: number | null): Progress {
  if (io.stderr.isTTY !== true) return NOOP;
  const started = io.now();
  let last = Number.NEGATIVE_INFINITY;
  let shown = false;
  const clear = (): void => {
    if (shown) io.stderr.write('\r\x1b[2K');
    shown = false;
  };
  return {
    update(records, bytesRead) {
      const now = io.now();
      if (now - started < DELAY_MS || now - last < INTERVAL_MS) return;
      last = now;
      const elapsed = (now - started) / 1000;
      const rate = records / Math.max(elapsed, 0.001);
      let line = `${records.toLocaleString('en-US')} records  ${Math.round(rate).toLocaleString('en-US')}/s`;
      if (totalBytes !== null && totalBytes > 0) {
        const share = Math.min(1, bytesRead / totalBytes);
        const width = 24;
        const filled = Math.round(share * width);
        const eta = share > 0 ? (elapsed / share) * (1 - share) : Number.NaN;
        line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${line}  ETA ${Number.isFinite(eta) ? clock(eta) : '?'}`;
      }
      io.stderr.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    clear,
    done: clear,
  };
}
