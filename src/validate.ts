import type { z } from 'zod';
import type { InputProblem } from './decision.js';
import { fastValidator } from './fast-validate.js';
import { Action } from './schema/action.js';
import { Context, HistoryEntry, MAX_HISTORY } from './schema/context.js';

/**
 * Size bounds every input meets before zod sees it (docs/contract.md, "Input bounds"). Far above any real
 * case (the schemas' own limits are lower: ids ≤ 200 characters, history ≤ 100 000 entries), they keep a
 * hostile or broken input from costing more than one cheap walk: nothing deeper, longer or wider is parsed.
 */
export interface InputBounds {
  readonly maxDepth: number;
  readonly maxStringLength: number;
  readonly maxArrayLength: number;
  readonly maxObjectKeys: number;
  readonly maxNodes: number;
}

export const INPUT_BOUNDS: InputBounds = Object.freeze({
  /** Nesting of objects and arrays (a check's input is 5 deep). */
  maxDepth: 32,
  /** Characters in any string, and in any object key. */
  maxStringLength: 10_000,
  /** Items in any one array (the longest list, `history`, allows 100 000). */
  maxArrayLength: 100_000,
  /** Keys of any one object (the widest schema object has 10). */
  maxObjectKeys: 1_000,
  /** Values in the whole input, counted once each (100 000 history entries are about 900 000). */
  maxNodes: 4_000_000,
});

/** At most this many problems are listed; the rest are counted in one last problem. */
export const MAX_PROBLEMS = 100;

function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

/**
 * Keys that an unknown-key problem may repeat: identifier-like ones (`timezone`, `__proto__`), which is
 * what a typo looks like. Any other key (`13812348000`, `张三`, `PII-…`) may be data and is not echoed.
 */
const ECHOABLE_KEY = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
const MAX_ECHOED_KEYS = 10;

function unrecognizedKeysMessage(keys: readonly string[]): string {
  const shown = keys.filter((k) => ECHOABLE_KEY.test(k)).slice(0, MAX_ECHOED_KEYS);
  const hidden = keys.length - shown.length;
  const head = `Unrecognized key${keys.length > 1 ? 's' : ''}: `;
  const list = shown.map((k) => `"${k}"`).join(', ');
  if (hidden === 0) return head + list;
  const why = 'not shown (only identifier-like keys are repeated)';
  return shown.length === 0 ? `${head}${hidden} ${why}` : `${head}${list} and ${hidden} more ${why}`;
}

/** At most MAX_PROBLEMS problems: the last one listed says how many more there are (`total`), or that there are more. */
function capped(problems: readonly InputProblem[], root: string, total: number | null = problems.length): InputProblem[] {
  if (problems.length <= MAX_PROBLEMS && (total === null ? false : total <= problems.length)) return [...problems];
  const kept = problems.slice(0, MAX_PROBLEMS - 1);
  const more = total === null ? 'further problems not listed (parsing stopped)' : `${total - kept.length} more problems not listed`;
  return [...kept, { path: root, message: more }];
}

/** zod's issues as problems: paths as a caller writes them, no input value or non-identifier key echoed. */
export function problemsOf(root: string, error: z.ZodError): InputProblem[] {
  const problems = error.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
    path: formatPath(root, issue.path),
    message: issue.code === 'unrecognized_keys' ? unrecognizedKeysMessage(issue.keys) : issue.message,
  }));
  return capped(problems, root, error.issues.length);
}

/** The path segment of a key the bounds walk went through (never an input string that is not identifier-like). */
const segment = (key: string | number): string => (typeof key === 'number' ? `[${key}]` : ECHOABLE_KEY.test(key) ? `.${key}` : '.<key>');

/** Where the bounds walk stopped, as a path suffix built on the way back up, and why. */
interface Exceeded {
  path: string;
  readonly message: string;
}

/** The walk's state: how many values it has seen. */
interface WalkState {
  nodes: number;
  readonly bounds: InputBounds;
}

function walkBounds(value: unknown, depth: number, state: WalkState): Exceeded | null {
  const { bounds } = state;
  state.nodes += 1;
  if (state.nodes > bounds.maxNodes) return { path: '', message: `more than ${bounds.maxNodes} values in all` };
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'string' && value.length > bounds.maxStringLength ? { path: '', message: `a string of ${value.length} characters, more than ${bounds.maxStringLength}` } : null;
  }
  if (depth >= bounds.maxDepth) return { path: '', message: `nested more than ${bounds.maxDepth} levels deep` };
  if (Array.isArray(value)) {
    if (value.length > bounds.maxArrayLength) return { path: '', message: `an array of ${value.length} items, more than ${bounds.maxArrayLength}` };
    for (let i = 0; i < value.length; i += 1) {
      const found = walkChild(value[i], depth, state);
      if (found !== null) {
        found.path = `[${i}]${found.path}`;
        return found;
      }
    }
    return null;
  }
  // Plain objects only (what JSON gives); class instances, maps, typed arrays … are leaves here: the
  // schemas take none of them, and zod refuses them without walking their contents.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  let keys = 0;
  for (const key in value) {
    keys += 1;
    if (keys > bounds.maxObjectKeys) return { path: '', message: `an object with more than ${bounds.maxObjectKeys} keys` };
    if (key.length > bounds.maxStringLength) return { path: '', message: `a key of ${key.length} characters, more than ${bounds.maxStringLength}` };
    const found = walkChild((value as Record<string, unknown>)[key], depth, state);
    if (found !== null) {
      found.path = segment(key) + found.path;
      return found;
    }
  }
  return null;
}

/** A child value: leaves are measured here, without a call (most values of an input are leaves). */
function walkChild(child: unknown, depth: number, state: WalkState): Exceeded | null {
  if (typeof child === 'object' && child !== null) return walkBounds(child, depth + 1, state);
  state.nodes += 1;
  if (state.nodes > state.bounds.maxNodes) return { path: '', message: `more than ${state.bounds.maxNodes} values in all` };
  const max = state.bounds.maxStringLength;
  return typeof child === 'string' && child.length > max ? { path: '', message: `a string of ${child.length} characters, more than ${max}` } : null;
}

/**
 * One walk over the input that stops at the first value beyond INPUT_BOUNDS: its path and what is
 * exceeded, or null. An array's length is measured before it is entered, an object's keys as they come.
 */
export function boundsProblem(input: unknown, root: string, bounds: InputBounds = INPUT_BOUNDS): InputProblem | null {
  const found = walkBounds(input, 0, { nodes: 0, bounds });
  return found === null ? null : { path: root + found.path, message: `too large: ${found.message} (see the input bounds in docs/contract.md)` };
}

/**
 * Validate fast, explain slow (src/fast-validate.ts): the schema's compiled validator, which accepts
 * exactly what the bounds walk and zod together accept, with zod's output; undefined when it refuses, and
 * zod then names the problems.
 */
function fastParse<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | undefined {
  const parsed = fastValidator(schema, INPUT_BOUNDS, (value) => boundsProblem(value, '') === null).parse(input);
  return parsed === undefined ? undefined : { ok: true, value: parsed.value };
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

const unreadable = (root: string, error: unknown): Validated<never> => ({
  ok: false,
  problems: [{ path: root, message: `could not be read (${error instanceof Error ? error.name : typeof error})` }],
});

/**
 * Parses with a schema, never throwing: a hostile object (a throwing getter, a proxy) is a problem too,
 * and so is an input beyond INPUT_BOUNDS, found by one cheap walk before zod parses anything.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root: string): Validated<z.output<S>> {
  const fast = fastParse(schema, input);
  if (fast !== undefined) return fast;
  try {
    const tooLarge = boundsProblem(input, root);
    if (tooLarge !== null) return { ok: false, problems: [tooLarge] };
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(root, result.error) };
  } catch (error) {
    return unreadable(root, error);
  }
}

/** Above this many history entries, entries are parsed one by one and parsing stops at MAX_PROBLEMS problems. */
const HISTORY_ONE_BY_ONE = 256;

/**
 * zod reports every issue of every element before it returns: 100 000 malformed history entries would
 * cost seconds and a decision of megabytes. A long history is therefore parsed entry by entry, stopping
 * once MAX_PROBLEMS problems are found; the rest of the case is parsed as usual. Same result as one parse.
 */
function validateLongHistory(input: Record<string, unknown>, history: readonly unknown[]): Validated<z.output<typeof Context>> {
  // Every key but history, read once each; fromEntries defines `__proto__` as a plain key, as JSON.parse does.
  const rest = Object.fromEntries(Object.keys(input).filter((key) => key !== 'history').map((key) => [key, input[key]]));
  const problems: InputProblem[] = [];
  const entries: z.output<typeof HistoryEntry>[] = [];
  let read = 0;
  for (; read < history.length && problems.length < MAX_PROBLEMS; read += 1) {
    const entry = HistoryEntry.safeParse(history[read]);
    if (entry.success) entries.push(entry.data);
    else problems.push(...problemsOf(`context.history[${read}]`, entry.error));
  }
  const others = Context.safeParse(rest);
  if (!others.success) problems.unshift(...problemsOf('context', others.error));
  const stopped = read < history.length;
  if (problems.length > 0 || !others.success) return { ok: false, problems: capped(problems, 'context.history', stopped ? null : problems.length) };
  return { ok: true, value: { ...others.data, history: entries } };
}

export function validateContext(input: unknown): Validated<z.output<typeof Context>> {
  const fast = fastParse(Context, input);
  if (fast !== undefined) return fast;
  try {
    const tooLarge = boundsProblem(input, 'context');
    if (tooLarge !== null) return { ok: false, problems: [tooLarge] };
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
      const history = (input as Record<string, unknown>).history;
      if (Array.isArray(history) && history.length > HISTORY_ONE_BY_ONE && history.length <= MAX_HISTORY) {
        return validateLongHistory(input as Record<string, unknown>, history);
      }
    }
    const result = Context.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf('context', result.error) };
  } catch (error) {
    return unreadable('context', error);
  }
}

export const validateAction = (input: unknown): Validated<z.output<typeof Action>> => validate(Action, input, 'action');

/**
 * For readers of JSON text (the HTTP sidecar, the CLI): the offset at which the text nests deeper than
 * `maxDepth` arrays and objects, or null. One linear scan that skips strings, so that a body such as
 * `[[[[…]]]]` is refused before JSON.parse spends seconds on it (JSON.parse builds every level first).
 */
export function jsonNestingBeyond(text: string, maxDepth: number = INPUT_BOUNDS.maxDepth + 4): number | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i += 1; // a backslash escapes the next character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (ch === 0x5d || ch === 0x7d) depth -= 1;
  }
  return null;
}
