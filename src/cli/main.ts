// The `cuishou-guard` executable (dist/cli.js). Everything it does is in run.ts and commands/.
import { EXIT_INTERNAL, processIo } from './io.js';
import { run } from './run.js';

// A reader that goes away early (`cuishou-guard audit … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// Anything that escapes run() (an error thrown from a stream callback, say) is an internal failure:
// its own exit code, never 1, which means "violations found".
const internal = (error: unknown): void => {
  process.stderr.write(`cuishou-guard: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(EXIT_INTERNAL);
};
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

process.exitCode = await run(process.argv.slice(2), processIo());
