/**
 * The message renderer: templates compiled once (a rule's messages, when it is defined; renderTemplate
 * compiles one for a single use) render as a plain replacement of each `{name}` would, for any facts:
 * labelled values, lists, numbers, missing facts.
 */
import { describe, expect, it } from 'vitest';
import * as fc from './support/capped-fast-check.js';
import { compileMessages, compileTemplate, renderMessage, renderTemplate } from '../src/core/template.js';
import { RULE_FACT_LABELS, type LabelsByFact } from '../src/core/labels.js';
import { rules } from '../src/index.js';
import type { FactRecord, FactValue } from '../src/schema/decision.js';

/** The renderer written the plain way, apart from src/: each `{name}` replaced by its fact's text, a missing fact left as it is. */
function reference(template: string, facts: FactRecord, lang: 'zh' | 'en', table: LabelsByFact): string {
  const text = (value: FactValue, labelsOf: LabelsByFact[string] | undefined): string => {
    if (Array.isArray(value)) return value.map((v: FactValue) => text(v, labelsOf)).join(lang === 'zh' ? '、' : ', ');
    if (typeof value === 'string') return labelsOf?.[value]?.[lang] ?? value;
    return String(value);
  };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (facts as Record<string, FactValue | undefined>)[name];
    return value === undefined ? whole : text(value, Object.hasOwn(table, name) ? table[name] : undefined);
  });
}

const labels: LabelsByFact = { channel: { voice: { zh: '电话', en: 'phone call' }, sms: { zh: '短信', en: 'text message' } } };

describe('compileTemplate', () => {
  it('replaces each placeholder by its fact, a labelled value by its label, a list joined per language', () => {
    const facts = { channel: ['voice', 'sms'], n: 3 };
    expect(compileTemplate('{channel}：{n} 次', 'zh', labels)(facts)).toBe('电话、短信：3 次');
    expect(compileTemplate('{channel}: {n} times', 'en', labels)(facts)).toBe('phone call, text message: 3 times');
  });

  it('keeps a placeholder without a fact as it is, and a template without placeholders as it is', () => {
    expect(compileTemplate('at {when}, {n}', 'en', labels)({ n: 0 })).toBe('at {when}, 0');
    expect(compileTemplate('no facts here', 'en', labels)({ n: 1 })).toBe('no facts here');
  });

  it('looks labels up by own fact names only: a fact named like an Object method is shown as it is', () => {
    expect(compileTemplate('{constructor} {toString}', 'en', labels)({ constructor: 'voice', toString: 'zh' })).toBe('voice zh');
    expect(renderTemplate('{constructor} {toString}', { constructor: 'voice', toString: 'zh' }, 'en', labels)).toBe('voice zh');
  });

  const name = fc.constantFrom('channel', 'n', 'when', 'reason', 'constructor', '__proto__');
  const value: fc.Arbitrary<FactValue> = fc.oneof(
    fc.constantFrom('voice', 'sms', 'visit', 'debtor', 'contact', 'zh', ''),
    fc.integer({ min: -5, max: 500 }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.constantFrom('voice', 'sms', 'other'), { maxLength: 3 }),
  );
  const template = fc.array(fc.oneof(fc.string({ maxLength: 6 }).map((t) => t.replace(/[{}]/g, '')), name.map((n) => `{${n}}`)), { maxLength: 6 }).map((parts) => parts.join(''));
  const facts = fc.dictionary(name, value, { maxKeys: 4 }).map((d) => ({ ...d }) as FactRecord);

  it('renders as the plain replacement does, for any template and facts, in both languages and label sets (renderTemplate too)', () => {
    fc.assert(
      fc.property(template, facts, fc.constantFrom('zh' as const, 'en' as const), fc.constantFrom(labels, RULE_FACT_LABELS), (t, f, lang, table) => {
        const expected = reference(t, f, lang, table);
        expect(compileTemplate(t, lang, table)(f)).toBe(expected);
        expect(renderTemplate(t, f, lang, table)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('compileMessages', () => {
  const messages = { seen: { zh: '已{channel}联系 {n} 次', en: 'reached by {channel} {n} times' }, plain: { zh: '无', en: 'none' } };

  it('renders each code as renderMessage does, English first when asked', () => {
    const render = compileMessages(messages, labels);
    const facts = { channel: 'voice', n: 2 };
    expect(render('seen', facts, false)).toEqual(renderMessage(messages, 'seen', facts, labels));
    expect(Object.keys(render('seen', facts, true))).toEqual(['en', 'zh']);
    expect(render('seen', facts, true)).toEqual(renderMessage(messages, 'seen', facts, labels, true));
    expect(render('plain', {}, false)).toEqual({ zh: '无', en: 'none' });
  });

  it('throws for a code without templates, as messageOf does (a rule bug, which the engine turns into a deny)', () => {
    expect(() => compileMessages(messages)('missing', {}, false)).toThrow('no message for code "missing"');
  });

  it('every built-in rule renders each of its codes as renderMessage does', () => {
    const facts: FactRecord = { channel: 'voice', years: 2, retainUntil: '2028-11-30T10:00:00+08:00', limit: 3, count: 3 };
    for (const rule of rules) {
      for (const code of Object.keys(rule.messages)) {
        expect(rule.render(code, facts, false), `${rule.id}/${code}`).toEqual(renderMessage(rule.messages, code, facts));
        expect(rule.render(code, facts, true), `${rule.id}/${code}`).toEqual(renderMessage(rule.messages, code, facts, undefined, true));
      }
    }
  });
});
