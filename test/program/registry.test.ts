import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AssessOptionsSchema, InstitutionSchema, PROGRAM_CLAUSES, programChecks } from '../../src/program/index.js';

const doc = readFileSync(new URL('../../docs/program.md', import.meta.url), 'utf8');

describe('the check registry is complete (as the rule registry is)', () => {
  it('ids are unique', () => {
    const ids = programChecks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(programChecks.map((c) => [c.id, c] as const))('%s has a citation, description, messages and docs', (id, check) => {
    expect(check.clause.standard).toBe('GB/T 45251—2025');
    expect(PROGRAM_CLAUSES).toContain(check.clause.clause);
    expect(check.clause.topic).toBeTruthy();
    expect(check.description.zh && check.description.en).toBeTruthy();
    const codes = Object.keys(check.messages);
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes) {
      expect(check.messages[code]?.zh.trim()).not.toBe('');
      expect(check.messages[code]?.en.trim()).not.toBe('');
      // Both languages interpolate the same facts.
      const slots = (text: string | undefined) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(slots(check.messages[code]?.zh)).toEqual(slots(check.messages[code]?.en));
      expect(doc).toContain(`\`${code}\``);
    }
    expect(doc).toContain(`\`${id}\``);
  });

  it('docs/program.md documents every profile section and option', () => {
    for (const key of Object.keys(InstitutionSchema.shape)) expect(doc).toContain(`"${key}"`);
    for (const key of Object.keys(AssessOptionsSchema.shape)) expect(doc).toContain(`\`${key}\``);
  });
});
