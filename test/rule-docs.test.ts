/**
 * The examples of docs/rules/<id>.md are generated from the RuleTester tables by scripts/rule-docs.ts
 * (npm run docs:rules): a page whose block is not what running its cases gives today fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/index.js';
import collectorStanding from '../src/rules/collector-standing.js';
import { END, START, difference, examplesBlock, generatedPages, loadTable, pretty, withExamples } from '../scripts/rule-docs.js';
import { action, context } from './support/fixtures.js';
import { withCollector } from './support/who.js';

const pages = await generatedPages();

describe('rule pages: the generated examples are current (npm run docs:rules)', () => {
  it('every rule with a cases file that captions cases for the docs has a page block', async () => {
    const withTables = [];
    for (const rule of rules) {
      const table = await loadTable(rule.id);
      if (table !== null && [...table.valid, ...table.invalid].some((c) => c.doc !== undefined)) withTables.push(rule.id);
    }
    expect(pages.map((p) => p.id)).toEqual(withTables);
    expect(withTables.length).toBeGreaterThanOrEqual(11);
  });

  it.each(pages.map((p) => [p.id, p] as const))('docs/rules/%s.md', (_id, { block, path }) => {
    const page = readFileSync(path, 'utf8');
    expect(page.split(START).length, 'one generated block').toBe(2);
    expect(withExamples(page, block), 'stale: run npm run docs:rules').toBe(page);
  });
});

describe('the generator', () => {
  it('shows what a case changes in the base, and names what it removes', () => {
    const base = { a: 1, b: { c: 2, d: [1, 2], e: 'x' }, f: true };
    expect(difference(base, base)).toEqual({ changed: undefined, removed: [] });
    expect(difference(base, { a: 1, b: { c: 3, d: [1, 2] }, f: true, g: null })).toEqual({ changed: { b: { c: 3 }, g: null }, removed: ['b.e'] });
    // Arrays and changed kinds are shown whole; a field set to undefined counts as removed.
    expect(difference(base, { a: 1, b: { c: 2, d: [1, 3], e: 'x' }, f: undefined })).toEqual({ changed: { b: { d: [1, 3] } }, removed: ['f'] });
    expect(difference(base, { a: { z: 1 }, b: 'none', f: true })).toEqual({ changed: { a: { z: 1 }, b: 'none' }, removed: [] });
  });

  it('rewrites only the block between its markers, or the body of "## Examples" the first time', () => {
    const first = '# x\n\n## Examples\n\nhand-written example\n\n## Notes\n\nkept\n';
    const once = withExamples(first, `${START}\nA\n${END}`);
    expect(once).toBe(`# x\n\n## Examples\n\n${START}\nA\n${END}\n\n## Notes\n\nkept\n`);
    expect(withExamples(once, `${START}\nB\n${END}`)).toBe(once.replace('\nA\n', '\nB\n'));
    expect(() => withExamples('# x\n\n## Notes\n', 'block')).toThrow(/Examples/);
  });

  it('says Passes or Fails from the decision, shows only what differs from the base case, and skips a table without captions', () => {
    const table = {
      valid: [{ name: 'base', context: context(), action: action(), doc: 'Fails (the base case)' }],
      invalid: [{ name: 'x', context: context(), action: action({ actor: withCollector({ standing: undefined }) }), violations: [{ code: 'standing-unknown' }], doc: 'no standing' }],
    };
    const block = examplesBlock(collectorStanding, table) ?? '';
    expect(block).toContain('Passes (the base case):\n\nThe base case itself.\n\n→ `outcome: "allow"`, `evaluated` contains `collector-standing`.');
    expect(block).toContain('Fails (no standing):\n\nWithout `action.actor.collector.standing`.');
    expect(block).toContain('"code": "standing-unknown"');
    expect(block.startsWith(START) && block.endsWith(END)).toBe(true);
    expect(examplesBlock(collectorStanding, { valid: table.valid.map(({ doc: _doc, ...c }) => c), invalid: [] })).toBeNull();
  });

  it('writes JSON on one line when it fits, one member a line when not', () => {
    expect(pretty({ a: [1, 2], b: { c: 'd' } })).toBe('{ "a": [1, 2], "b": { "c": "d" } }');
    const long = { key: 'x'.repeat(60), other: 'y'.repeat(60) };
    expect(pretty(long)).toBe(`{\n  "key": "${'x'.repeat(60)}",\n  "other": "${'y'.repeat(60)}"\n}`);
    expect(JSON.parse(pretty({ deep: long, list: [long] }))).toEqual({ deep: long, list: [long] });
  });
});
