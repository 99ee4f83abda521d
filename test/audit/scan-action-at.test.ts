/**
 * scanActionAt (src/cli/scan-action-at.ts) reads a record's `action.at` without parsing its line: the
 * parallel audit's bound on where a record can stand in time. Whenever it answers for a line that holds a
 * valid record, the answer must be that record's `action.at`; and that rests on the schema having no other
 * member named `at`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { scanActionAt } from '../../src/cli/scan-action-at.js';
import { AuditRecordSchema, type AuditRecordInput } from '../../src/index.js';
import { action as actionArb, context as contextArb } from '../support/arbitraries.js';
import { spaced } from '../support/json-text.js';

/** Every member path of a JSON Schema (`action.at`, `contacts[].id`), and whether every object in it is closed. */
function members(schema: unknown, path: string, out: { paths: string[]; open: string[] }, depth = 0): void {
  if (depth > 40 || typeof schema !== 'object' || schema === null) return;
  const s = schema as Record<string, unknown>;
  if (s.type === 'object' && s.additionalProperties !== false) out.open.push(path);
  if (s.patternProperties !== undefined) out.open.push(path);
  for (const [name, value] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
    const at = path === '' ? name : `${path}.${name}`;
    out.paths.push(at);
    members(value, at, out, depth + 1);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) for (const branch of (s[key] ?? []) as unknown[]) members(branch, path, out, depth + 1);
  if (s.items !== undefined) members(s.items, `${path}[]`, out, depth + 1);
  if (s.$ref !== undefined) throw new Error(`unexpected $ref at ${path}: walk the definitions too`);
}

const recordArb = fc.record({ snapshot: contextArb, action: actionArb, outcome: fc.constantFrom('connected', 'not_connected', 'delivered') }).map(({ snapshot, action, outcome }) => {
  const { history: _history, ...rest } = snapshot;
  return { ...rest, action, outcome } as AuditRecordInput;
});

describe('scanActionAt', () => {
  it('rests on the schema: a valid record has one member named at, action.at, and every object is closed', () => {
    const out = { paths: [] as string[], open: [] as string[] };
    members(z.toJSONSchema(AuditRecordSchema, { io: 'input' }), '', out);
    expect(out.paths.filter((p) => p === 'at' || p.endsWith('.at') || p.endsWith('].at'))).toEqual(['action.at']);
    expect(out.open).toEqual([]);
  });

  it('reads action.at, wherever the members stand and however the text is spaced', () => {
    expect(scanActionAt('{"debtor":{"id":"D1"},"action":{"channel":"voice","at":"2026-11-30T09:00:00+08:00"}}')).toBe('2026-11-30T09:00:00+08:00');
    expect(scanActionAt('{ "action" : { "at" :\t"2026-11-30T01:00:00Z" , "reliabilityValidatedAt" : "x" } , "debtor" : {} }')).toBe('2026-11-30T01:00:00Z');
    // "at" as a value (not followed by a colon) is not a key, nor is a key that ends in at.
    expect(scanActionAt('{"purpose":"at","action":{"at":"2026-11-30T01:00:00Z"}}')).toBe('2026-11-30T01:00:00Z');
    expect(scanActionAt('{"flat":"x","action":{"at":"2026-11-30T01:00:00Z","seat" :1}}')).toBe('2026-11-30T01:00:00Z');
  });

  it('says null when no valid record can be in the line, and leaves escapes and duplicate keys to JSON.parse', () => {
    for (const line of ['{}', '[1]', '{"action":{"at":7}}', '{"action":{"channel":"sms"}}', '{"action":{"at":"x']) expect(scanActionAt(line), line).toBeNull();
    expect(scanActionAt('{"action":{"at":"2026-11-30T01:00:00Z","at":"2026-12-30T01:00:00Z"}}')).toBeUndefined();
    expect(scanActionAt('{"action":{"\\u0061t":"2026-11-30T01:00:00Z"}}')).toBeUndefined();
    expect(scanActionAt('{"debtor":{"id":"D\\"1"},"action":{"at":"2026-11-30T01:00:00Z"}}')).toBeUndefined();
  });

  it('whenever it answers for a valid record, JSON.parse agrees (property, random spacing and member order)', () => {
    fc.assert(
      fc.property(recordArb, fc.array(fc.constantFrom('', ' ', '\t', '\r\n'), { maxLength: 8 }), fc.boolean(), (record, spaces, reversed) => {
        const ordered = reversed ? Object.fromEntries(Object.entries(record).reverse()) : record;
        const line = spaced(JSON.stringify(ordered), spaces);
        const parsed = AuditRecordSchema.safeParse(JSON.parse(line));
        const scanned = scanActionAt(line);
        if (parsed.success && scanned !== undefined) expect(scanned).toBe(parsed.data.action.at);
        // A line without a backslash is always answered.
        if (!line.includes('\\')) expect(scanned).not.toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
