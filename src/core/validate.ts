/**
 * The one validation entry point: `validate(schema, input, root)` for every input the engine reads (a
 * check's context and action, an audit record, a profile, an overlay, house rules, an institution, a
 * sidecar body). It never throws; it measures the input against INPUT_BOUNDS first, and it reports
 * problems in one vocabulary (src/core/problems.ts) with English and Chinese texts of our own.
 */
import type { z } from 'zod';
import type { InputProblem } from './decision.js';
import { fastValidator } from './fast-validate.js';
import { ENUM_VALUE_ZH } from './labels.js';
import { Context, HistoryEntry, MAX_HISTORY } from '../schema/context.js';

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

/** The edit distance of two short keys (case-insensitive), bounded: keys are at most 64 characters here. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) {
      row[j] = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length] as number;
}

/** The known key closest to an unknown one, when it is close enough to be a typo (a third of its length at most). */
export function closestKey(key: string, known: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.floor(key.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function unrecognizedKeysProblem(path: string, keys: readonly string[], known: readonly string[]): InputProblem {
  const shown = keys.filter((k) => ECHOABLE_KEY.test(k)).slice(0, MAX_ECHOED_KEYS);
  const hidden = keys.length - shown.length;
  const hint = (k: string, zh: boolean): string => {
    const near = closestKey(k, known);
    return near === null ? `"${k}"` : zh ? `"${k}"（是否应为 "${near}"？）` : `"${k}" (did you mean "${near}"?)`;
  };
  const head = `Unrecognized key${keys.length > 1 ? 's' : ''}: `;
  const en = shown.map((k) => hint(k, false)).join(', ');
  const zh = shown.map((k) => hint(k, true)).join('、');
  if (hidden === 0) return { path, message: head + en, zh: `不认识的字段：${zh}` };
  const why = 'not shown (only identifier-like keys are repeated)';
  const whyZh = '未列出（只列出形如标识符的字段名）';
  return shown.length === 0
    ? { path, message: `${head}${hidden} ${why}`, zh: `不认识的字段：${hidden} 个${whyZh}` }
    : { path, message: `${head}${en} and ${hidden} more ${why}`, zh: `不认识的字段：${zh}，另有 ${hidden} 个${whyZh}` };
}

const TYPE_ZH: Readonly<Record<string, string>> = {
  object: '对象', array: '数组', string: '字符串', number: '数字', int: '整数', boolean: '布尔值', null: 'null', date: '日期',
};

type Def = z.core.$ZodTypeDef;

/** The schemas that validate a value: through optionals, defaults, pipes, lazies and unions (bounded depth). */
function unwrapped(s: z.core.$ZodType, depth = 0): z.core.$ZodType[] {
  if (depth > 8) return [];
  const def: Def = s._zod.def;
  switch (def.type) {
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'catch': case 'nonoptional':
      return unwrapped((def as z.core.$ZodOptionalDef).innerType, depth + 1);
    case 'pipe': return unwrapped((def as z.core.$ZodPipeDef).in, depth + 1);
    case 'lazy': return unwrapped((def as z.core.$ZodLazyDef).getter(), depth + 1);
    case 'union': return (def as z.core.$ZodUnionDef).options.flatMap((o) => unwrapped(o, depth + 1));
    default: return [s];
  }
}

/** The schemas at a path below `schema`, through objects, arrays and records; empty when unknown. */
function schemasAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): z.core.$ZodType[] {
  let current = unwrapped(schema);
  for (const key of path) {
    const next: z.core.$ZodType[] = [];
    for (const s of current) {
      const def: Def = s._zod.def;
      if (def.type === 'object' && typeof key === 'string') {
        const child = (def as z.core.$ZodObjectDef).shape[key];
        if (child !== undefined) next.push(...unwrapped(child));
      } else if (def.type === 'array' && typeof key === 'number') next.push(...unwrapped((def as z.core.$ZodArrayDef).element));
      else if (def.type === 'record' && typeof key === 'string') next.push(...unwrapped((def as z.core.$ZodRecordDef).valueType));
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** The keys an object schema at a path knows (for "did you mean"). */
function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const s of schemasAt(schema, path)) {
    const def: Def = s._zod.def;
    if (def.type === 'object') for (const k of Object.keys((def as z.core.$ZodObjectDef).shape)) keys.add(k);
  }
  return [...keys];
}

/** The value at a path of the input, or undefined (a missing key, or a path through a non-object). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const enumValue = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));
const enumValueZh = (v: unknown): string => (typeof v === 'string' && ENUM_VALUE_ZH[v] !== undefined ? `${ENUM_VALUE_ZH[v]}（${v}）` : enumValue(v));

/** One zod issue as a problem with our own English and Chinese texts. */
function problemOf(root: string, issue: z.core.$ZodIssue, schema: z.ZodType, input: unknown): InputProblem {
  const path = formatPath(root, issue.path);
  const zhParam = (issue as { params?: { zh?: unknown } }).params?.zh;
  switch (issue.code) {
    case 'unrecognized_keys':
      return unrecognizedKeysProblem(path, issue.keys, knownKeysAt(schema, issue.path));
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return { path, message: 'required field is missing', zh: '缺少必填字段' };
      return { path, message: `expected ${issue.expected}`, zh: `应为${TYPE_ZH[issue.expected] ?? issue.expected}` };
    }
    case 'invalid_value': {
      const values = issue.values.slice(0, 12);
      return { path, message: `expected one of ${values.map(enumValue).join(', ')}`, zh: `取值无效，应为以下之一：${values.map(enumValueZh).join('、')}` };
    }
    case 'too_small': {
      const what = issue.origin === 'string' ? '长度' : issue.origin === 'array' || issue.origin === 'set' ? '个数' : '数值';
      return { path, message: issue.message, zh: `${what}过小：至少为 ${String(issue.minimum)}` };
    }
    case 'too_big': {
      const what = issue.origin === 'string' ? '长度' : issue.origin === 'array' || issue.origin === 'set' ? '个数' : '数值';
      return { path, message: issue.message, zh: `${what}过大：至多为 ${String(issue.maximum)}` };
    }
    case 'invalid_format':
      return { path, message: issue.message, zh: typeof zhParam === 'string' ? zhParam : '格式无效' };
    case 'invalid_union':
      return { path, message: issue.message, zh: '不符合任何一种允许的形式' };
    case 'not_multiple_of':
      return { path, message: issue.message, zh: `应为 ${String(issue.divisor)} 的整数倍` };
    default:
      return { path, message: issue.message, zh: typeof zhParam === 'string' ? zhParam : `输入无效：${issue.message}` };
  }
}

/** At most MAX_PROBLEMS problems: the last one listed says how many more there are (`total`), or that there are more. */
function capped(problems: readonly InputProblem[], root: string, total: number | null = problems.length): InputProblem[] {
  if (problems.length <= MAX_PROBLEMS && (total === null ? false : total <= problems.length)) return [...problems];
  const kept = problems.slice(0, MAX_PROBLEMS - 1);
  const more = total === null ? 'further problems not listed (parsing stopped)' : `${total - kept.length} more problems not listed`;
  const moreZh = total === null ? '其余问题未列出（已停止解析）' : `另有 ${total - kept.length} 个问题未列出`;
  return [...kept, { path: root, message: more, zh: moreZh }];
}

/** zod's issues as problems: paths as a caller writes them, no input value or non-identifier key echoed. */
function problemsOf(root: string, error: z.ZodError, schema: z.ZodType, input: unknown): InputProblem[] {
  const problems = error.issues.slice(0, MAX_PROBLEMS).map((issue) => problemOf(root, issue, schema, input));
  return capped(problems, root, error.issues.length);
}

/** The path segment of a key the bounds walk went through (never an input string that is not identifier-like). */
const segment = (key: string | number): string => (typeof key === 'number' ? `[${key}]` : ECHOABLE_KEY.test(key) ? `.${key}` : '.<key>');

/** Where the bounds walk stopped, as a path suffix built on the way back up, and why. */
interface Exceeded {
  path: string;
  readonly message: string;
  readonly zh: string;
}

/** The walk's state: how many values it has seen. */
interface WalkState {
  nodes: number;
  readonly bounds: InputBounds;
}

function walkBounds(value: unknown, depth: number, state: WalkState): Exceeded | null {
  const { bounds } = state;
  state.nodes += 1;
  if (state.nodes > bounds.maxNodes) return { path: '', message: `more than ${bounds.maxNodes} values in all`, zh: `共超过 ${bounds.maxNodes} 个值` };
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'string' && value.length > bounds.maxStringLength ? { path: '', message: `a string of ${value.length} characters, more than ${bounds.maxStringLength}`, zh: `字符串长 ${value.length} 个字符，超过 ${bounds.maxStringLength}` } : null;
  }
  if (depth >= bounds.maxDepth) return { path: '', message: `nested more than ${bounds.maxDepth} levels deep`, zh: `嵌套超过 ${bounds.maxDepth} 层` };
  if (Array.isArray(value)) {
    if (value.length > bounds.maxArrayLength) return { path: '', message: `an array of ${value.length} items, more than ${bounds.maxArrayLength}`, zh: `数组有 ${value.length} 项，超过 ${bounds.maxArrayLength}` };
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
    if (keys > bounds.maxObjectKeys) return { path: '', message: `an object with more than ${bounds.maxObjectKeys} keys`, zh: `对象的字段超过 ${bounds.maxObjectKeys} 个` };
    if (key.length > bounds.maxStringLength) return { path: '', message: `a key of ${key.length} characters, more than ${bounds.maxStringLength}`, zh: `字段名长 ${key.length} 个字符，超过 ${bounds.maxStringLength}` };
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
  if (state.nodes > state.bounds.maxNodes) return { path: '', message: `more than ${state.bounds.maxNodes} values in all`, zh: `共超过 ${state.bounds.maxNodes} 个值` };
  const max = state.bounds.maxStringLength;
  return typeof child === 'string' && child.length > max ? { path: '', message: `a string of ${child.length} characters, more than ${max}`, zh: `字符串长 ${child.length} 个字符，超过 ${max}` } : null;
}

/**
 * One walk over the input that stops at the first value beyond INPUT_BOUNDS: its path and what is
 * exceeded, or null. An array's length is measured before it is entered, an object's keys as they come.
 */
export function boundsProblem(input: unknown, root: string, bounds: InputBounds = INPUT_BOUNDS): InputProblem | null {
  const found = walkBounds(input, 0, { nodes: 0, bounds });
  return found === null ? null : { path: root + found.path, message: `too large: ${found.message} (see the input bounds in docs/contract.md)`, zh: `输入过大：${found.zh}（输入上限见 docs/contract.md）` };
}

/** The input-bounds walk, for a schema whose values are not provably within the bounds. */
const withinInputBounds = (value: unknown): boolean => boundsProblem(value, '') === null;

/**
 * Validate fast, explain slow (src/core/fast-validate.ts): the schema's compiled validator, which accepts
 * exactly what the bounds walk and zod together accept, with zod's output; undefined when it refuses, and
 * zod then names the problems.
 */
function fastParse<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | undefined {
  return fastValidator(schema, INPUT_BOUNDS, withinInputBounds).parse(input);
}

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

const unreadable = (root: string, error: unknown): Validated<never> => ({
  ok: false,
  problems: [{ path: root, message: `could not be read (${error instanceof Error ? error.name : typeof error})`, zh: `无法读取（${error instanceof Error ? error.name : typeof error}）` }],
});

/** Above this many history entries, entries are parsed one by one and parsing stops at MAX_PROBLEMS problems. */
const HISTORY_ONE_BY_ONE = 256;

/**
 * zod reports every issue of every element before it returns: 100 000 malformed history entries would
 * cost seconds and a decision of megabytes. A long history is therefore parsed entry by entry, stopping
 * once MAX_PROBLEMS problems are found; the rest of the case is parsed as usual. Same result as one parse.
 */
function validateLongHistory(input: Record<string, unknown>, history: readonly unknown[], root: string): Validated<z.output<typeof Context>> {
  // Every key but history, read once each; fromEntries defines `__proto__` as a plain key, as JSON.parse does.
  const rest = Object.fromEntries(Object.keys(input).filter((key) => key !== 'history').map((key) => [key, input[key]]));
  const problems: InputProblem[] = [];
  const entries: z.output<typeof HistoryEntry>[] = [];
  let read = 0;
  for (; read < history.length && problems.length < MAX_PROBLEMS; read += 1) {
    const entry = HistoryEntry.safeParse(history[read]);
    if (entry.success) entries.push(entry.data);
    else problems.push(...problemsOf(`${root}.history[${read}]`, entry.error, HistoryEntry, history[read]));
  }
  const others = Context.safeParse(rest);
  if (!others.success) problems.unshift(...problemsOf(root, others.error, Context, rest));
  const stopped = read < history.length;
  if (problems.length > 0 || !others.success) return { ok: false, problems: capped(problems, `${root}.history`, stopped ? null : problems.length) };
  return { ok: true, value: { ...others.data, history: entries } };
}

/** A context whose history is long enough to be parsed entry by entry. */
function longHistory(schema: z.ZodType, input: unknown): readonly unknown[] | null {
  if (schema !== Context || typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const history = (input as Record<string, unknown>).history;
  return Array.isArray(history) && history.length > HISTORY_ONE_BY_ONE && history.length <= MAX_HISTORY ? history : null;
}

/**
 * The one validation entry point. Parses with a schema, never throwing: a hostile object (a throwing
 * getter, a proxy) is a problem too, and so is an input beyond INPUT_BOUNDS, found by one cheap walk
 * before zod parses anything. `root` starts every problem's path (`context`, `action`, `overlay`, …).
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root: string): Validated<z.output<S>> {
  const fast = fastParse(schema, input);
  if (fast !== undefined) return fast;
  try {
    const tooLarge = boundsProblem(input, root);
    if (tooLarge !== null) return { ok: false, problems: [tooLarge] };
    const history = longHistory(schema, input);
    if (history !== null) return validateLongHistory(input as Record<string, unknown>, history, root) as Validated<z.output<S>>;
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(root, result.error, schema, input) };
  } catch (error) {
    return unreadable(root, error);
  }
}

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
