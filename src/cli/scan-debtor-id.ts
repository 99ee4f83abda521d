/**
 * The debtor id of one line of a JSONL log, read without parsing the line: the parallel audit routes each
 * line to the worker that owns its debtor before any worker parses it (src/cli/parallel-audit.ts).
 */

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
export const COLON = 0x3a;
const COMMA = 0x2c;

/** Why a scan gave up: the caller must parse the line to know. */
const UNSURE = -1;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

export function skipSpace(line: string, i: number): number {
  while (i < line.length && isSpace(line.charCodeAt(i))) i += 1;
  return i;
}

/** The position after the string that opens at `i` (a quote), or UNSURE when it does not close. */
function skipString(line: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const q = line.indexOf('"', j);
    if (q === -1) return UNSURE;
    let backslashes = 0;
    while (line.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** The position after the value that starts at `i`, or UNSURE when it cannot be told. */
function skipValue(line: string, i: number): number {
  const c = line.charCodeAt(i);
  if (c === QUOTE) return skipString(line, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    let j = i;
    while (j < line.length) {
      const d = line.charCodeAt(j);
      if (d === QUOTE) {
        j = skipString(line, j);
        if (j === UNSURE) return UNSURE;
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth += 1;
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth -= 1;
        if (depth === 0) return j + 1;
      }
      j += 1;
    }
    return UNSURE;
  }
  // A number, true, false or null: up to the next delimiter.
  let j = i;
  while (j < line.length) {
    const d = line.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
    j += 1;
  }
  return j === i ? UNSURE : j;
}

/**
 * Walks the members of the object that opens at `i`, calling `member(key, valueStart)` for each, which
 * returns the position after the value. Returns the position after the object, or UNSURE: a key with an
 * escape (it could spell anything), or a shape that is not an object.
 */
function walkObject(line: string, i: number, member: (key: string, at: number) => number): number {
  let j = skipSpace(line, i + 1);
  if (line.charCodeAt(j) === CLOSE_BRACE) return j + 1;
  for (;;) {
    if (line.charCodeAt(j) !== QUOTE) return UNSURE;
    const end = skipString(line, j);
    if (end === UNSURE) return UNSURE;
    const key = line.slice(j + 1, end - 1);
    if (key.includes('\\')) return UNSURE;
    j = skipSpace(line, end);
    if (line.charCodeAt(j) !== COLON) return UNSURE;
    j = member(key, skipSpace(line, j + 1));
    if (j === UNSURE) return UNSURE;
    j = skipSpace(line, j);
    const c = line.charCodeAt(j);
    if (c === CLOSE_BRACE) return j + 1;
    if (c !== COMMA) return UNSURE;
    j = skipSpace(line, j + 1);
  }
}

/**
 * `JSON.parse(line).debtor.id` when it is a string, without building the record:
 * - a string: if the line is JSON, its top-level object's last `debtor` member is an object whose last
 *   `id` member is this string;
 * - `null`: if the line is JSON, it has no string `debtor.id` (such a record fails the schema);
 * - `undefined`: the scan cannot tell cheaply (an escaped key, an unusual shape); parse the line.
 * What it returns for a line that is not JSON does not matter: no worker can judge such a line.
 * Duplicate keys are read as JSON.parse reads them, the last one winning. Linear in the line's length.
 */
export function scanDebtorId(line: string): string | null | undefined {
  // Fast path, for a record written with `debtor` first (as JSON.stringify writes the documented shape):
  // only the debtor member is walked. Nothing after it can change the answer if no key there can be
  // "debtor": there is no backslash (an escape could spell it), so every quote delimits a string, and no
  // string "debtor" is followed by a colon (the role "debtor" of a target is a value, not a key).
  if (line.startsWith(DEBTOR_FIRST)) {
    const first = debtorMember(line, DEBTOR_FIRST.length);
    if (first.end !== UNSURE && line.indexOf('\\', first.end) === -1 && !hasDebtorKey(line, first.end)) return first.id;
  }
  return scanWhole(line);
}

/** Whether a string "debtor" followed by a colon (a key, at any depth) appears from `from` on, in a text without escapes. */
function hasDebtorKey(line: string, from: number): boolean {
  // Searched without its opening quote, checked after: a pattern that starts with a quote, the commonest
  // character of a JSON line, took V8's search three times as long.
  for (let at = line.indexOf('debtor"', from + 1); at !== -1; at = line.indexOf('debtor"', at + 7)) {
    if (line.charCodeAt(at - 1) === QUOTE && line.charCodeAt(skipSpace(line, at + 7)) === COLON) return true;
  }
  return false;
}

const DEBTOR_FIRST = '{"debtor":';

/** The debtor id given by the `debtor` member whose value starts at `at`, and the position after that value. */
function debtorMember(line: string, at: number): { id: string | null | undefined; end: number } {
  if (line.charCodeAt(at) !== OPEN_BRACE) return { id: null, end: skipValue(line, at) };
  let found: string | null | undefined = null;
  const end = walkObject(line, at, (inner, valueAt) => {
    if (inner !== 'id') return skipValue(line, valueAt);
    const valueEnd = skipValue(line, valueAt);
    if (valueEnd === UNSURE) return UNSURE;
    if (line.charCodeAt(valueAt) !== QUOTE) found = null;
    else {
      const raw = line.slice(valueAt + 1, valueEnd - 1);
      // An escape in the id: JSON decodes that string alone exactly as it would inside the line.
      if (!raw.includes('\\')) found = raw;
      else {
        try {
          found = JSON.parse(line.slice(valueAt, valueEnd)) as string;
        } catch {
          return UNSURE;
        }
      }
    }
    return valueEnd;
  });
  return { id: end === UNSURE ? undefined : found, end };
}

/** scanDebtorId by walking every top-level member. */
function scanWhole(line: string): string | null | undefined {
  const start = skipSpace(line, 0);
  if (line.charCodeAt(start) !== OPEN_BRACE) return null;
  let id: string | null | undefined = null;
  const end = walkObject(line, start, (key, at) => {
    if (key !== 'debtor') return skipValue(line, at);
    const member = debtorMember(line, at);
    id = member.id;
    return member.end;
  });
  return end === UNSURE ? undefined : id;
}
