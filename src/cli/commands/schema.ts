import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AuditRecord } from '../../schema/audit-record.js';
import { Action } from '../../schema/action.js';
import { Context } from '../../schema/context.js';
import { Decision } from '../../schema/decision.js';
import type { Command } from '../command.js';
import { EXIT_OK, UsageError } from '../io.js';
import { openApiText } from '../sidecar/openapi.js';
import { helpFlag, parse } from '../options.js';

const sources = [
  { file: 'context.schema.json', schema: Context, io: 'input', title: 'cuishou-guard Context', description: 'The case as it stands (docs/contract.md). Defaults may be omitted.' },
  { file: 'action.schema.json', schema: Action, io: 'input', title: 'cuishou-guard Action', description: 'What someone proposes to do now (docs/contract.md). Defaults may be omitted.' },
  { file: 'decision.schema.json', schema: Decision, io: 'output', title: 'cuishou-guard Decision', description: 'The decision of checkAction (docs/contract.md).' },
  { file: 'audit-record.schema.json', schema: AuditRecord, io: 'input', title: 'cuishou-guard audit record', description: 'One line of a collection log for audit (docs/audit.md). Defaults may be omitted.' },
] as const;

/**
 * The JSON Schema (draft 2020-12) files for non-TypeScript callers, generated from the zod schemas: the
 * input side for what callers send (fields with defaults are optional), the output side for the decision.
 * Checks zod cannot express in JSON Schema (instants with an offset, IANA zones, cross-field rules such as
 * "visit is required when channel is visit") are only made by the library: a document valid against these
 * files may still be invalid input.
 */
export function jsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of sources) {
    const { $schema, ...rest } = z.toJSONSchema(s.schema, { io: s.io }) as Record<string, unknown>;
    out[s.file] = `${JSON.stringify({ $schema, title: s.title, description: s.description, ...rest }, null, 2)}\n`;
  }
  return out;
}

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'write JSON Schema files for Context, Action, Decision and the audit record, and the sidecar\'s OpenAPI document',
  usage: [
    'cuishou-guard schema [--out DIR]',
    '',
    `  --out DIR    write ${sources.map((s) => s.file).join(', ')} and openapi.json`,
    '               (OpenAPI 3.1 of the HTTP sidecar, docs/sidecar.md) into DIR',
    '               (default: print them as one JSON object keyed by file name)',
  ].join('\n'),

  async run(args, io) {
    const { values, positionals } = parse(args, { ...helpFlag, out: { type: 'string' } });
    if (values.help === true) {
      io.stdout.write(`${schemaCommand.usage}\n`);
      return EXIT_OK;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
    const files: Record<string, string> = { ...jsonSchemas(), 'openapi.json': openApiText() };
    if (values.out === undefined) {
      io.stdout.write(`${JSON.stringify(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, JSON.parse(text) as unknown])), null, 2)}\n`);
      return EXIT_OK;
    }
    const dir = resolve(io.cwd, values.out);
    try {
      await mkdir(dir, { recursive: true });
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    } catch (error) {
      throw new UsageError(`cannot write into ${values.out} (${(error as { code?: string }).code ?? 'error'})`);
    }
    io.stderr.write(`wrote ${Object.keys(files).length} schema files to ${values.out}\n`);
    return EXIT_OK;
  },
};
