import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { GuardConfigError } from '../core/errors.js';
import type { GuardOptions } from '../guard/guard.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../core/locale.js';
import { jsonErrorSummary, UsageError, type Io } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags every judging command takes: which profile, which overlay, which language. */
export const guardFlags = {
  profile: { type: 'string' },
  overlay: { type: 'string' },
  locale: { type: 'string' },
} as const satisfies Options;

export const helpFlag = { help: { type: 'boolean', short: 'h' } } as const satisfies Options;

/** node:util parseArgs, strict, with its errors turned into usage errors. */
export function parse<const O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads and parses a JSON file; every failure is a usage error naming the file. */
export async function readJsonFile(io: Io, path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(`cannot read the ${what} file ${path}${code === undefined ? '' : ` (${code})`}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`the ${what} file ${path} is ${jsonErrorSummary(error)}`);
  }
}

/**
 * Runs what builds a guard from command-line options: a bad configuration (a GuardConfigError, or an
 * error `alsoUsage` accepts) is a usage error (exit 2), with every problem.
 */
export function configured<T>(build: () => T, alsoUsage: (error: unknown) => boolean = () => false): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof GuardConfigError || (alsoUsage(error) && error instanceof Error)) throw new UsageError(error.message);
    throw error;
  }
}

export function localeOf(value: string | undefined): Locale {
  if (value === undefined) return DEFAULT_LOCALE;
  if (isLocale(value)) return value;
  throw new UsageError(`--locale ${JSON.stringify(value)}: expected zh-CN or en`);
}

/** The createGuard options given by --profile, --overlay FILE and --locale. */
export async function guardOptions(io: Io, values: { profile?: string | undefined; overlay?: string | undefined; locale?: string | undefined }): Promise<GuardOptions & { locale: Locale }> {
  const locale = localeOf(values.locale);
  const overlay = values.overlay === undefined ? undefined : await readJsonFile(io, values.overlay, 'overlay');
  return {
    locale,
    ...(values.profile === undefined ? {} : { profile: values.profile }),
    ...(overlay === undefined || values.overlay === undefined ? {} : { overlay: overlay as GuardOptions['overlay'], overlayId: basename(values.overlay, extname(values.overlay)) }),
  };
}

/** Writes a report to standard output, or to `--out FILE` (an unwritable file is a usage error). */
export async function writeOutput(io: Io, out: string | undefined, text: string): Promise<void> {
  if (out === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(resolve(io.cwd, out), text);
  } catch (error) {
    throw new UsageError(`cannot write ${out} (${(error as { code?: string }).code ?? 'error'})`);
  }
}
