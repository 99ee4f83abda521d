/**
 * The one template renderer: `{fact}` in a message is replaced by the finding's fact of that name, an
 * enumerated value by its label in the message's language (src/core/labels.ts), a list joined the way the
 * language joins lists. Rules, program checks and invalid input all render through it.
 */
import { RULE_FACT_LABELS, type Labels, type LabelsByFact } from './labels.js';
import { boundedMemo } from './memo.js';
import type { FactRecord, FactValue, Message } from '../schema/decision.js';

/** Message templates per finding code (zh and en). */
export type MessageTemplates = Readonly<Record<string, Message>>;

/** A template split once into literal text and `{fact}` names (odd positions). */
const compiled = boundedMemo<string, readonly string[]>('decision.templates', 10_000);

/** A template's parts: literal text at even positions, placeholder names at odd ones. */
export function templateParts(template: string): readonly string[] {
  return compiled.through(template, (t) => t.split(/\{(\w+)\}/));
}

/** The placeholders of a template, in order. */
export function placeholders(template: string): string[] {
  return templateParts(template).filter((_, i) => i % 2 === 1);
}

function show(value: FactValue, lang: 'zh' | 'en', table: Labels | undefined): string {
  if (Array.isArray(value)) return value.map((v: FactValue) => show(v, lang, table)).join(lang === 'zh' ? '、' : ', ');
  if (typeof value === 'string') return table?.[value]?.[lang] ?? value;
  return String(value);
}

/**
 * Renders one template in one language; a placeholder without a fact stays as it is (`{name}`). For a
 * template rendered once (invalid input, program checks); a rule's are compiled ahead (compileTemplate).
 */
export function renderTemplate(template: string, facts: FactRecord, lang: 'zh' | 'en', labels: LabelsByFact = RULE_FACT_LABELS): string {
  return compileTemplate(template, lang, labels)(facts);
}

/** One template made ready to render: its text for any facts, without splitting it or looking up its label tables again. */
export type CompiledTemplate = (facts: FactRecord) => string;

/**
 * A template compiled once (a rule's messages, when the rule is defined): its literal text, placeholder
 * names and their label tables resolved ahead, so rendering is a loop of concatenations. Each fact's
 * label table is looked up by its own name only (a fact named `constructor` has none).
 */
export function compileTemplate(template: string, lang: 'zh' | 'en', labels: LabelsByFact = RULE_FACT_LABELS): CompiledTemplate {
  const parts = templateParts(template);
  if (parts.length === 1) return () => template;
  const texts = parts.filter((_, i) => i % 2 === 0);
  const names = parts.filter((_, i) => i % 2 === 1);
  const tables = names.map((name) => (Object.hasOwn(labels, name) ? labels[name] : undefined));
  const first = texts[0] as string;
  return (facts) => {
    let out = first;
    for (let i = 0; i < names.length; i += 1) {
      const name = names[i] as string;
      const value = facts[name];
      out += value === undefined ? `{${name}}` : show(value, lang, tables[i]);
      out += texts[i + 1] as string;
    }
    return out;
  };
}

/** Renders a template pair in both languages; `enFirst` lists English first (a guard's locale `en`). */
export function renderPair(template: Message, facts: FactRecord, labels: LabelsByFact = RULE_FACT_LABELS, enFirst = false): Message {
  const zh = renderTemplate(template.zh, facts, 'zh', labels);
  const en = renderTemplate(template.en, facts, 'en', labels);
  return enFirst ? { en, zh } : { zh, en };
}

/** The templates of one finding code; throws when there are none (a rule's bug, which fails closed). */
export function messageOf(messages: MessageTemplates, code: string): Message {
  const template = messages[code];
  if (template === undefined) throw new Error(`no message for code "${code}"`);
  return template;
}

/** Renders the message of one finding code in both languages. */
export function renderMessage(messages: MessageTemplates, code: string, facts: FactRecord, labels: LabelsByFact = RULE_FACT_LABELS, enFirst = false): Message {
  return renderPair(messageOf(messages, code), facts, labels, enFirst);
}

/** A rule's message templates compiled once: renders the message of one finding code in both languages. */
export type CompiledMessages = (code: string, facts: FactRecord, enFirst: boolean) => Message;

/**
 * Compiles every code's templates ahead (compileTemplate): renderMessage for these messages, without
 * looking up or splitting a template per finding. An unknown code throws as messageOf does.
 */
export function compileMessages(messages: MessageTemplates, labels: LabelsByFact = RULE_FACT_LABELS): CompiledMessages {
  const byCode = new Map<string, { readonly zh: CompiledTemplate; readonly en: CompiledTemplate }>();
  for (const code of Object.keys(messages)) {
    const template = messages[code] as Message;
    byCode.set(code, { zh: compileTemplate(template.zh, 'zh', labels), en: compileTemplate(template.en, 'en', labels) });
  }
  return (code, facts, enFirst) => {
    const compiled = byCode.get(code);
    if (compiled === undefined) throw new Error(`no message for code "${code}"`);
    const zh = compiled.zh(facts);
    const en = compiled.en(facts);
    return enFirst ? { en, zh } : { zh, en };
  };
}
