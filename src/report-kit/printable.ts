/**
 * Text from the input (organisation and collector ids, names in a program profile) reaches reports read in
 * terminals, spreadsheets and browsers. Control characters there can rewrite a terminal (ESC sequences),
 * ring it (BEL), or reorder what is shown (U+202E RIGHT-TO-LEFT OVERRIDE and the other bidi controls).
 * Every text report writes input text through `printable`; JSON reports through `printableJson`.
 */

/** C0 controls, DEL, C1 controls, the bidi controls, and the line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;
/** What JSON.stringify leaves raw of those (it escapes C0 itself). */
const UNSAFE_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g;

const hex = (ch: string): string => ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** The text with each unsafe character shown as `\uXXXX` (ESC → `\u001B`, U+202E → `\u202E`). */
export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${hex(ch)}`);
}

/** JSON text with the unsafe characters JSON.stringify leaves raw written as `\uXXXX` escapes: the same data. */
export function printableJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (ch) => `\\u${hex(ch).toLowerCase()}`);
}
