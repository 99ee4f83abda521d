/**
 * Regenerates the outputs shown in docs/cli.md and docs/sidecar.md by running the commands shown there.
 * A fenced block between `<!-- docs-output -->` and `<!-- /docs-output -->` holds commands (lines starting
 * with `$ `, continued by a trailing `\`) and their output; every line that is not a command is replaced by
 * what the command prints now (stdout and stderr), and `$ echo $?` by the previous command's exit code.
 *
 * The commands run in bash, in a temporary directory that links this checkout's examples/, src/, schemas/
 * and node_modules/, against a sidecar started here (port 0, a token in $TOKEN); `http://127.0.0.1:8181`
 * in a command is that sidecar's address. They need bash, curl and jq.
 *
 *   npx tsx scripts/docs-outputs.ts           rewrite the blocks
 *   npx tsx scripts/docs-outputs.ts --check   exit 1 and name the stale blocks (test/docs-outputs.test.ts)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSidecar } from '../src/cli/sidecar/server.js';

export const DOCS = ['docs/cli.md', 'docs/sidecar.md'] as const;
const root = fileURLToPath(new URL('..', import.meta.url));
const BLOCK = /^( *)<!-- docs-output -->\n\1```(\w*)\n([\s\S]*?)\n\1```\n\1<!-- \/docs-output -->$/gm;
const DOCUMENTED_BASE = 'http://127.0.0.1:8181';
const TOKEN = 'docs-output-token';
/** Most commands run per file: a bound on the work a malformed doc can ask for. */
const MAX_COMMANDS = 100;

interface Shell {
  run(command: string): Promise<{ code: number; output: string }>;
}

function shell(cwd: string, base: string): Shell {
  return {
    run: (command) => new Promise((resolve) => {
      const text = command.replaceAll(DOCUMENTED_BASE, base);
      execFile('bash', ['-c', `{ ${text}\n} 2>&1`], { cwd, env: { ...process.env, TOKEN, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 120_000, maxBuffer: 4 * 1024 * 1024 }, (error, stdout) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, output: stdout.replace(/\n$/, '') });
      });
    }),
  };
}

/** Commands of a block: `$ ` lines with their `\` continuations, as written (indent removed). */
function commands(body: string, indent: string): string[] {
  const lines = body.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (!line.startsWith('$ ')) continue;
    const parts = [line];
    while (parts[parts.length - 1]!.endsWith('\\') && i + 1 < lines.length) {
      i += 1;
      parts.push(lines[i] as string);
    }
    out.push(parts.join('\n'));
  }
  return out;
}

async function renderBlock(sh: Shell, indent: string, lang: string, body: string): Promise<string> {
  const shown: string[] = [];
  let last = 0;
  const cmds = commands(body, indent);
  if (cmds.length > MAX_COMMANDS) throw new Error(`a docs-output block has more than ${MAX_COMMANDS} commands`);
  for (const command of cmds) {
    shown.push(command);
    const text = command.slice(2);
    if (text.trim() === 'echo $?') {
      shown.push(String(last));
      continue;
    }
    const { code, output } = await sh.run(text);
    last = code;
    if (output !== '') shown.push(output);
  }
  const lines = shown.join('\n').split('\n').map((l) => (l === '' ? '' : `${indent}${l}`));
  return `${indent}<!-- docs-output -->\n${indent}\`\`\`${lang}\n${lines.join('\n')}\n${indent}\`\`\`\n${indent}<!-- /docs-output -->`;
}

/** Every documented file with its blocks regenerated: `{ path: text }`. */
export async function renderDocs(): Promise<Record<string, string>> {
  const work = mkdtempSync(join(tmpdir(), 'cuishou-guard-docs-'));
  for (const entry of ['examples', 'src', 'schemas', 'node_modules', 'package.json', 'tsconfig.json']) symlinkSync(join(root, entry), join(work, entry));
  const sidecar = createSidecar({ host: '127.0.0.1', port: 0, token: TOKEN, log: () => undefined });
  const { host, port } = await sidecar.listen();
  try {
    const sh = shell(work, `http://${host}:${port}`);
    const out: Record<string, string> = {};
    for (const file of DOCS) {
      const text = readFileSync(join(root, file), 'utf8');
      const pieces: string[] = [];
      let at = 0;
      for (const m of text.matchAll(BLOCK)) {
        pieces.push(text.slice(at, m.index), await renderBlock(sh, m[1] as string, m[2] as string, m[3] as string));
        at = (m.index as number) + m[0].length;
      }
      pieces.push(text.slice(at));
      out[file] = pieces.join('');
    }
    return out;
  } finally {
    await sidecar.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** How many docs-output blocks a file has. */
export const blockCount = (text: string): number => [...text.matchAll(BLOCK)].length;

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  const rendered = await renderDocs();
  let stale = 0;
  for (const [file, text] of Object.entries(rendered)) {
    if (readFileSync(join(root, file), 'utf8') === text) continue;
    stale += 1;
    if (check) console.error(`${file}: outputs are stale (npx tsx scripts/docs-outputs.ts)`);
    else {
      writeFileSync(join(root, file), text);
      console.error(`rewrote ${file}`);
    }
  }
  process.exitCode = check && stale > 0 ? 1 : 0;
}
