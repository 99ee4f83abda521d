/** Arbitrary JSON texts for the tests of the parallel audit's line scans (src/cli/scan-*.ts). */
import fc from 'fast-check';

/** Whitespace JSON allows between tokens, put back into a compact text at random token boundaries. */
export function spaced(compact: string, spaces: readonly string[]): string {
  let out = '';
  let k = 0;
  let inString = false;
  for (let i = 0; i < compact.length; i += 1) {
    const c = compact[i] as string;
    out += c;
    if (c === '"') inString = !inString;
    else if (c === '\\' && inString) {
      out += compact[i + 1] as string;
      i += 1;
    }
    if (!inString && '{}[],:'.includes(c)) out += spaces[k++ % Math.max(1, spaces.length)] ?? '';
  }
  return out;
}

/** Keys as they are written in the text: some escaped, one spelling "debtor" through an escape. */
const key = fc.constantFrom('"debtor"', '"id"', '"action"', '"at"', '"x"', '"codebtor"', '"deb\\u0074or"', '"\\u0069d"', '"i\\"d"', '""');
const leaf = fc.oneof(fc.string(), fc.constantFrom('D1', 'D "quoted"', 'D\\1', 'D\n2', '\u2028', '😀', '{"debtor":{"id":"S"}}', '}', 'at'), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)).map((v) => JSON.stringify(v));

/** An object's text, members in the given order and duplicates kept (JSON.stringify would drop them). */
export const objectText: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 5 }).map((members) => `{${members.map(([k, v]) => `${k}:${v}`).join(',')}}`),
})).object;
