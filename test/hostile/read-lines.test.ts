/**
 * readLines decodes the lines that end in one chunk together (src/cli/io.ts): whatever the chunking, it
 * must give what decoding each line on its own gives — the same texts, the same too-long and not-UTF-8
 * lines with the same numbers and byte counts, one byte-order mark dropped per line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLineBatches, readLines, type Line } from '../../src/cli/io.js';

/** The reference: the whole input split at LF, each line measured and decoded alone. */
function reference(bytes: Buffer, max: number): Line[] {
  const out: Line[] = [];
  let from = 0;
  let number = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  while (from < bytes.length) {
    let end = bytes.indexOf(0x0a, from);
    if (end === -1) end = bytes.length;
    number += 1;
    let line = bytes.subarray(from, end);
    if (line.length > max) out.push({ number, error: 'too-long', bytes: line.length });
    else {
      if (line[line.length - 1] === 0x0d) line = line.subarray(0, line.length - 1);
      try {
        const text = decoder.decode(line);
        out.push({ number, text: text.startsWith('\uFEFF') ? text.slice(1) : text });
      } catch {
        out.push({ number, error: 'not-utf8' });
      }
    }
    from = end + 1;
  }
  return out;
}

const piece = fc.oneof(
  fc.constantFrom('\n', '\r\n', '\uFEFF', '€', '😀', 'abc', '{"a":1}', '\r', ' '),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0xc0, 0x80]), Buffer.from('é'.repeat(30))),
).map((p) => (typeof p === 'string' ? Buffer.from(p) : p));

describe('readLines in batches', () => {
  it('gives, for any chunking, what decoding each line alone gives (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 4, max: 64 }), async (pieces, sizes, max) => {
        const bytes = Buffer.concat(pieces);
        const chunks: Buffer[] = [];
        for (let at = 0, k = 0; at < bytes.length; k += 1) {
          const size = sizes[k % sizes.length] as number;
          chunks.push(bytes.subarray(at, at + size));
          at += size;
        }
        const lines: Line[] = [];
        for await (const line of readLines(chunks, max)) lines.push(line);
        expect(lines).toEqual(reference(bytes, max));
      }),
      { numRuns: 500 },
    );
  });

  it('hands over the lines that end in one chunk as one batch', async () => {
    const batches: Line[][] = [];
    for await (const batch of readLineBatches([Buffer.from('a\nb\nc'), Buffer.from('d\ne\n')], 100)) batches.push(batch);
    expect(batches).toEqual([[{ number: 1, text: 'a' }, { number: 2, text: 'b' }], [{ number: 3, text: 'cd' }, { number: 4, text: 'e' }]]);
  });
});
