// The `cuishou-guard` executable (dist/cli.js). Everything it does is in run.ts and commands/.
import { processIo } from './io.js';
import { run } from './run.js';

// A reader that goes away early (`cuishou-guard audit … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo());
