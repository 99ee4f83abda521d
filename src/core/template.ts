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

/** Renders one template in one language; a placeholder without a fact stays as it is (`{name}`). */
export function renderTemplate(template: string, facts: FactRecord, lang: 'zh' | 'en', labels: LabelsByFact = RULE_FACT_LABELS): string {
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let out = '';
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    if (i % 2 === 0) {
      out += part;
      continue;
    }
    const value = facts[part];
    out += value === undefined ? `{${part}}` : show(value, lang, labels[part]);
  }
  return out;
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
