import type { Io } from './io.js';

/**
 * One subcommand: its own module under src/cli/commands/, listed once in commands/index.ts. It parses its
 * own flags and returns its exit code; a UsageError it throws is printed with its usage, exit code 2.
 */
export interface Command {
  readonly name: string;
  /** One line for `cuishou-guard --help`. */
  readonly summary: string;
  /** The synopsis and flags, printed by `cuishou-guard <name> --help` and after a usage error. */
  readonly usage: string;
  run(args: readonly string[], io: Io): Promise<number>;
}
