/**
 * The `action.at` of one line of a JSONL log, read without parsing the line: the parallel audit bounds
 * with it where a record can stand in time before the records ahead of it have been validated
 * (src/cli/parallel-audit.ts).
 */
import { COLON, QUOTE, skipSpace } from './scan-debtor-id.js';

/**
 * `JSON.parse(line).action.at` of a line that holds a valid record, without building the record:
 * - a string: if the line holds a record that passes the schema, this is its `action.at`;
 * - `null`: the line holds no record that passes the schema;
 * - `undefined`: the scan cannot tell cheaply (an escape in the line, or more than one key `at`); parse it.
 * What it returns for a line that is not JSON, or for a record that fails the schema, does not matter.
 *
 * It rests on the schema: records are strict objects, and the one member named `at` a valid record can
 * have is `action.at` (test/audit/scan-action-at.test.ts walks the JSON Schema to check it). In a line
 * without a backslash every quote delimits a string, and a string followed by a colon is a key: so in a
 * valid record the one key `"at"` is the action's, and two of them are a duplicate that JSON.parse would
 * settle (the last wins) and this scan leaves to it. Linear in the line's length.
 */
export function scanActionAt(line: string): string | null | undefined {
  if (line.includes('\\')) return undefined;
  let colon = -1;
  // `at"` then the quote before it: a pattern that starts with a quote, the commonest character of a JSON
  // line, took V8's search three times as long.
  for (let at = line.indexOf('at"', 1); at !== -1; at = line.indexOf('at"', at + 3)) {
    if (line.charCodeAt(at - 1) !== QUOTE) continue;
    const next = skipSpace(line, at + 3);
    if (line.charCodeAt(next) !== COLON) continue;
    if (colon !== -1) return undefined;
    colon = next;
  }
  if (colon === -1) return null;
  const start = skipSpace(line, colon + 1);
  if (line.charCodeAt(start) !== QUOTE) return null;
  const end = line.indexOf('"', start + 1);
  return end === -1 ? null : line.slice(start + 1, end);
}
