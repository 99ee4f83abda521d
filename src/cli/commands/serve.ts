import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from '../command.js';
import { EXIT_OK, EXIT_USAGE, UsageError, processIo, type Io } from '../io.js';
import { storeFromUrl } from '../../ledger/index.js';
import { configured, guardFlags, guardOptions, helpFlag, parse, readJsonFile } from '../options.js';
import {
  DEFAULT_BATCH_LIMIT, DEFAULT_BODY_LIMIT_BYTES, DEFAULT_DRAIN_TIMEOUT_MS, DEFAULT_HEADERS_TIMEOUT_MS, DEFAULT_HOST, DEFAULT_MAX_CONNECTIONS, DEFAULT_PORT,
  createSidecar, type Sidecar,
} from '../sidecar/server.js';

function integerFlag(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) throw new UsageError(`--${name} ${JSON.stringify(text)}: expected an integer from ${min} to ${max}`);
  return value;
}

/** The token from its file, without the trailing newline; a warning when others may read the file. */
async function readToken(io: Io, path: string): Promise<string> {
  const full = resolve(io.cwd, path);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the token file ${path} (${(error as { code?: string }).code ?? 'error'})`);
  }
  const token = text.trim();
  if (token.length === 0) throw new UsageError(`the token file ${path} is empty`);
  if (/\s/.test(token)) throw new UsageError(`the token in ${path} contains whitespace`);
  if (((await stat(full)).mode & 0o077) !== 0) io.stderr.write(`cuishou-guard serve: warning: ${path} is readable by other users (chmod 600 it)\n`);
  return token;
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\./.test(host);

const urlOf = (host: string, port: number): string => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Resolves with the first SIGTERM or SIGINT; a second one cuts open connections off. */
function untilSignal(sidecar: Sidecar): { signal: Promise<NodeJS.Signals>; dispose: () => void } {
  let count = 0;
  let settle: (signal: NodeJS.Signals) => void = () => undefined;
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    settle = resolve;
  });
  const onSignal = (name: NodeJS.Signals): void => {
    count += 1;
    if (count === 1) settle(name);
    else sidecar.server.closeAllConnections();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return { signal, dispose: () => { process.off('SIGTERM', onSignal); process.off('SIGINT', onSignal); } };
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the HTTP sidecar: the same decisions as JSON over HTTP (docs/sidecar.md)',
  usage: [
    'cuishou-guard serve [--host 127.0.0.1] [--port 8181] [--profile ID] [--overlay FILE] [--house-rules FILE] [--token-file FILE] [--locale zh-CN|en] [--body-limit BYTES] [--batch-limit N] [--max-connections N] [--headers-timeout MS] [--drain-timeout MS] [--ledger URL] [--quiet]',
    '',
    `  --host HOST          address to bind (default ${DEFAULT_HOST}: this machine only)`,
    `  --port PORT          port (default ${DEFAULT_PORT}; 0 picks a free one)`,
    '  --profile ID         built-in profile: gb-t-45251-2025 (default) or cba-2026',
    '  --overlay FILE       JSON limits that tighten the profile (e.g. {"voiceDailyCap": 2})',
    '  --house-rules FILE   JSON array of house rules (docs/house-rules.md)',
    '  --token-file FILE    require Authorization: Bearer <the token in FILE> (all but GET /healthz)',
    '  --ledger URL         share a ledger (docs/ledger.md): postgres://…, redis://… or memory; adds POST /v1/reserve, /v1/commit, /v1/release',
    '  --locale LOCALE      language listed first in messages: en (default) or zh-CN',
    `  --body-limit BYTES   largest request body (default ${DEFAULT_BODY_LIMIT_BYTES})`,
    `  --batch-limit N      most items in one /v1/check-batch (default ${DEFAULT_BATCH_LIMIT})`,
    `  --max-connections N  open connections at most; more are answered 503 and closed (default ${DEFAULT_MAX_CONNECTIONS})`,
    `  --headers-timeout MS time to receive a request's headers (default ${DEFAULT_HEADERS_TIMEOUT_MS})`,
    `  --drain-timeout MS   on SIGTERM/SIGINT, time to answer requests already received (default ${DEFAULT_DRAIN_TIMEOUT_MS})`,
    '  --quiet              no decision log lines on standard output',
    '',
    'Prints the address on standard error and one JSON line per decision on standard output.',
    'SIGTERM or SIGINT: stop accepting, answer every request already received (up to the drain timeout),',
    'exit 0; a second signal cuts connections off. Exit code 2: usage error or cannot listen.',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parse(args, {
      ...helpFlag,
      ...guardFlags,
      host: { type: 'string' },
      port: { type: 'string' },
      'house-rules': { type: 'string' },
      'token-file': { type: 'string' },
      'body-limit': { type: 'string' },
      'batch-limit': { type: 'string' },
      'max-connections': { type: 'string' },
      'headers-timeout': { type: 'string' },
      'drain-timeout': { type: 'string' },
      quiet: { type: 'boolean' },
      ledger: { type: 'string' },
    });
    if (values.help === true) {
      io.stdout.write(`${serveCommand.usage}\n`);
      return EXIT_OK;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    const host = values.host ?? DEFAULT_HOST;
    const port = integerFlag('port', values.port, DEFAULT_PORT, 0, 65535);
    const bodyLimitBytes = integerFlag('body-limit', values['body-limit'], DEFAULT_BODY_LIMIT_BYTES, 1, 2 ** 31);
    const batchLimit = integerFlag('batch-limit', values['batch-limit'], DEFAULT_BATCH_LIMIT, 1, 1_000_000);
    const maxConnections = integerFlag('max-connections', values['max-connections'], DEFAULT_MAX_CONNECTIONS, 1, 1_000_000);
    const headersTimeoutMs = integerFlag('headers-timeout', values['headers-timeout'], DEFAULT_HEADERS_TIMEOUT_MS, 100, 600_000);
    const drainTimeoutMs = integerFlag('drain-timeout', values['drain-timeout'], DEFAULT_DRAIN_TIMEOUT_MS, 0, 600_000);
    const options = await guardOptions(io, values);
    const houseRules = values['house-rules'] === undefined ? undefined : await readJsonFile(io, values['house-rules'], 'house rules');
    if (houseRules !== undefined && !Array.isArray(houseRules)) throw new UsageError(`the house rules file ${values['house-rules']} must hold a JSON array`);
    const token = values['token-file'] === undefined ? undefined : await readToken(io, values['token-file']);

    const sidecar: Sidecar = configured(() =>
      createSidecar({
        host, port, bodyLimitBytes, batchLimit, token, maxConnections, headersTimeoutMs, drainTimeoutMs,
        ...(values.ledger === undefined ? {} : { ledger: storeFromUrl(values.ledger) }),
        guard: { ...options, ...(houseRules === undefined ? {} : { houseRules: houseRules as unknown[] }) },
        log: values.quiet === true ? null : (entry) => io.stdout.write(`${JSON.stringify(entry)}\n`),
      }),
      // A ledger URL that cannot be used is the caller's mistake too.
      (error) => values.ledger !== undefined && error instanceof Error && error.message.startsWith('ledger:'),
    );
    let address: { host: string; port: number };
    try {
      address = await sidecar.listen();
    } catch (error) {
      io.stderr.write(`cuishou-guard serve: cannot listen on ${urlOf(host, port)} (${(error as { code?: string }).code ?? String(error)})\n`);
      return EXIT_USAGE;
    }
    const signals = untilSignal(sidecar);
    const houseCount = sidecar.guard.houseRuleIds.length;
    io.stderr.write(`cuishou-guard serve: listening on ${urlOf(address.host, address.port)} (profile ${sidecar.guard.profile.id}, ${houseCount} house rule${houseCount === 1 ? '' : 's'}, token ${token === undefined ? 'off' : 'required'})\n`);
    if (!isLoopback(address.host) && token === undefined) io.stderr.write('cuishou-guard serve: warning: reachable from other machines without a token (--token-file)\n');

    const signal = await signals.signal;
    io.stderr.write(`cuishou-guard serve: ${signal}: answering requests already received (up to ${drainTimeoutMs} ms)\n`);
    await sidecar.close();
    signals.dispose();
    io.stderr.write(`cuishou-guard serve: stopped (${sidecar.counters.answered} requests answered)\n`);
    return EXIT_OK;
  },
};

// Runnable on its own (`npx tsx src/cli/commands/serve.ts --port 0`). The file-name test keeps this from
// firing when the module is bundled into dist/cli.js, whose URL is then also process.argv[1].
if (process.argv[1] !== undefined && /\/serve\.[cm]?[jt]s$/.test(import.meta.url) && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io = processIo();
  try {
    process.exitCode = await serveCommand.run(process.argv.slice(2), io);
  } catch (error) {
    io.stderr.write(`cuishou-guard serve: ${error instanceof Error ? error.message : String(error)}${error instanceof UsageError ? `\n\nusage: ${serveCommand.usage}` : ''}\n`);
    process.exitCode = EXIT_USAGE;
  }
}
