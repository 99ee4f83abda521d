import { VERSION } from '../core/version.js';
import { commands } from './commands/index.js';
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError, type Io } from './io.js';

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `cuishou-guard ${VERSION}: GB/T 45251—2025 debt-collection checks`,
    '',
    'usage: cuishou-guard <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'cuishou-guard <command> --help shows a command\'s options (docs/cli.md).',
  ].join('\n');
}

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${overview()}\n`);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`${name === undefined ? 'cuishou-guard: no command given' : `cuishou-guard: unknown command ${JSON.stringify(name)}`}\n\n${overview()}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`cuishou-guard ${command.name}: ${error.message}\n\nusage: ${command.usage}\n`);
      return EXIT_USAGE;
    }
    // A bug, not the input: its own exit code, never 1 (violations found) nor 2 (bad input).
    io.stderr.write(`cuishou-guard ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_INTERNAL;
  }
}
