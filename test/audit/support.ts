/** Builders of audit records: a compliant case snapshot and action (test/support/fixtures.ts) plus an outcome. */
import type { ActionInput, AuditRecordInput, ContextInput } from '../../src/index.js';
import { action, context } from '../support/fixtures.js';

export interface RecordOptions {
  readonly debtor?: string;
  readonly zone?: string;
  readonly outcome?: AuditRecordInput['outcome'];
  readonly id?: string;
  readonly action?: Partial<ActionInput>;
  readonly case?: Partial<Omit<ContextInput, 'history'>>;
}

/** A voice call to the debtor at `at` (connected unless said otherwise). */
export function record(at: string, options: RecordOptions = {}): AuditRecordInput {
  const debtor = options.debtor ?? 'D1';
  const { history: _history, ...snapshot } = context({ debtor: { id: debtor, timeZone: options.zone ?? 'Asia/Shanghai' }, ...options.case });
  return {
    ...(options.id === undefined ? {} : { id: options.id }),
    ...snapshot,
    action: action({ at, target: { role: 'debtor', partyId: debtor }, ...options.action }),
    outcome: options.outcome ?? 'connected',
  } as AuditRecordInput;
}

export async function* asyncFrom<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

/** An Io for in-process CLI runs that keeps what was written. */
export function memoryIo(cwd: string, options: { stdin?: NodeJS.ReadableStream; tty?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  let clock = 0;
  return {
    io: {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s), isTTY: options.tty ?? false },
      stdin: options.stdin ?? (null as unknown as NodeJS.ReadableStream),
      cwd,
      now: () => (clock += 50),
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
