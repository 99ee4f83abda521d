/**
 * scanDebtorId (src/cli/scan-debtor-id.ts) routes each line of a parallel audit to its debtor's worker
 * without parsing it: whenever it answers, the answer must be JSON.parse's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanDebtorId } from '../../src/cli/scan-debtor-id.js';
import { objectText, spaced } from '../support/json-text.js';

/** What JSON.parse says: the string `debtor.id`, or null. */
function parsed(line: string): string | null {
  const value = JSON.parse(line) as unknown;
  const debtor = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { debtor?: unknown }).debtor : undefined;
  const id = typeof debtor === 'object' && debtor !== null ? (debtor as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

describe('scanDebtorId', () => {
  it('reads the id of an ordinary record', () => {
    expect(scanDebtorId('{"debtor":{"id":"D1","timeZone":"Asia/Shanghai"},"action":{"at":"x"}}')).toBe('D1');
    expect(scanDebtorId(' { "action" : { "debtor" : { "id" : "no" } } , "debtor" : { "timeZone" : "UTC" , "id" : "D2" } } ')).toBe('D2');
  });

  it('reads duplicate keys as JSON.parse does: the last one wins', () => {
    expect(scanDebtorId('{"debtor":{"id":"A"},"debtor":{"id":"B"}}')).toBe('B');
    expect(scanDebtorId('{"debtor":{"id":"A","id":"B"}}')).toBe('B');
    expect(scanDebtorId('{"debtor":{"id":"A"},"debtor":null}')).toBeNull();
    expect(scanDebtorId('{"debtor":{"id":"A","id":7}}')).toBeNull();
  });

  it('decodes an escaped id, and gives up on an escaped key', () => {
    expect(scanDebtorId('{"debtor":{"id":"D\\u0031\\"x"}}')).toBe('D1"x');
    expect(scanDebtorId('{"deb\\u0074or":{"id":"D1"}}')).toBeUndefined();
    expect(scanDebtorId('{"debtor":{"\\u0069d":"D1"}}')).toBeUndefined();
  });

  it('says null when there is no string debtor.id', () => {
    for (const line of ['[1,2]', '"text"', '42', '{}', '{"debtor":"D1"}', '{"debtor":[{"id":"D1"}]}', '{"debtor":{"id":null}}', '{"x":{"debtor":{"id":"D1"}}}']) expect(scanDebtorId(line), line).toBeNull();
  });

  it('whenever it answers, JSON.parse agrees (property, with random spacing and duplicate keys)', () => {
    fc.assert(
      fc.property(objectText, fc.array(fc.constantFrom('', ' ', '\t', '\r\n', '  '), { maxLength: 8 }), (members, spaces) => {
        const line = spaced(members, spaces);
        const scanned = scanDebtorId(line);
        if (scanned !== undefined) expect(scanned).toBe(parsed(line));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers for most generated records, so routing rarely falls back to parsing', () => {
    const line = JSON.stringify({ debtor: { id: 'D7', timeZone: 'Asia/Shanghai' }, debt: { id: 'L7', status: 'overdue' }, action: { channel: 'voice', at: '2026-11-30T09:00:00+08:00', target: { role: 'debtor' }, actor: { kind: 'human', collector: { id: 'E1' }, organization: { id: 'O', kind: 'lender' } } }, outcome: 'connected' });
    expect(scanDebtorId(line)).toBe('D7');
  });
});
