import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules, VERSION } from '../src/index.js';
import { ruleTable } from '../scripts/rule-table.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('docs that cannot drift', () => {
  it("README's rule table matches the registry (npm run docs:rules)", () => {
    expect(read('README.md')).toContain(ruleTable());
  });

  it('VERSION equals package.json', () => {
    expect(VERSION).toBe(JSON.parse(read('package.json')).version);
  });

  it('the README quick start is exactly the two commands', () => {
    expect(read('README.md')).toContain('npm ci && npm start');
    expect(read('README.md')).toContain('npm test');
  });
});

describe('every rule is complete (as ESLint builds refuse a rule without tests and docs)', () => {
  const ids = rules.map((r) => r.id);

  it('ids are unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ids)('%s has its module, test, doc, citation and messages', (id) => {
    const rule = rules.find((r) => r.id === id);
    expect(rule).toBeDefined();
    expect(existsSync(new URL(`../src/rules/${id}.ts`, import.meta.url))).toBe(true);
    expect(existsSync(new URL(`../test/rules/${id}.test.ts`, import.meta.url))).toBe(true);
    expect(existsSync(new URL(`../docs/rules/${id}.md`, import.meta.url))).toBe(true);
    expect(rule?.clause.standard).toBeTruthy();
    // GB/T 45251 citations name a clause from docs/guideline.md; another regime's may say its article is unconfirmed.
    expect(rule?.clause.clause).toMatch(rule?.clause.standard === 'GB/T 45251—2025' ? /^(4|5\.[1-7])$/ : /^(\d+(\.\d+)*|unconfirmed)$/);
    expect(rule?.description.zh).toBeTruthy();
    expect(rule?.description.en).toBeTruthy();
    const messages = Object.values(rule?.messages ?? {});
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.zh.trim()).not.toBe('');
      expect(m.en.trim()).not.toBe('');
    }
    // The doc's header names the rule and cites exactly the rule's standard, clause and topic (a doc that
    // merely mentions "5.3" somewhere does not pass), and every message code of the rule is documented.
    const doc = read(`docs/rules/${id}.md`);
    expect(doc.split('\n')[0]).toMatch(new RegExp(`^# \`${id}\``));
    const head = doc.split('\n').slice(0, 10).join('\n');
    expect(head).toContain(rule?.clause.standard);
    expect(head).toContain(rule?.clause.topic.split(' ')[0]);
    const clause = rule?.clause.clause ?? '';
    expect(head).toMatch(clause === 'unconfirmed' ? /unconfirmed/ : new RegExp(`clause \`?${clause.replace('.', '\\.')}\`?[ ,]`));
    for (const code of Object.keys(rule?.messages ?? {})) expect(doc, `${id}: code ${code}`).toContain(`\`${code}\``);
  });
});
