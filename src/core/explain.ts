import type { Decision } from '../schema/decision.js';

import { DEFAULT_LOCALE, type Locale } from './locale.js';

export type { Locale } from './locale.js';

/**
 * A decision as a few lines of text for people: the outcome, each violation with its clause and
 * message, then each obligation. `locale` picks the message language (both are always in the decision).
 */
export function explain(decision: Decision, locale: Locale = DEFAULT_LOCALE): string {
  const zh = locale === 'zh-CN';
  const pick = (m: { zh: string; en: string }): string => (zh ? m.zh : m.en);
  const lines: string[] = [];
  const verdict = decision.outcome === 'allow' ? (locale === 'zh-CN' ? '允许' : 'ALLOW') : locale === 'zh-CN' ? '拒绝' : 'DENY';
  lines.push(`${verdict}  (${decision.ruleset.standard}, profile ${decision.ruleset.profile})`);
  for (const v of decision.violations) {
    lines.push(`  ✗ ${v.rule} [${v.clause.standard} ${v.clause.clause} ${v.clause.topic}] ${v.code}: ${pick(v.message)}`);
    if (v.source !== undefined && v.source.kind !== 'house') {
      const limits = Object.entries(v.source.limits ?? {}).map(([name, l]) => `${name} ${JSON.stringify(l.value)} (${zh ? '国标' : 'national'} ${JSON.stringify(l.national)})`);
      const basis = v.source.basis === undefined ? '' : `; ${zh ? '依据' : 'builds on'} ${v.source.basis.standard} ${v.source.basis.clause}`;
      lines.push(`      ${zh ? '来自更严格的配置' : 'stricter than national, from'} ${v.source.kind} ${v.source.profile}: ${limits.join(', ')}${basis}`);
    }
  }
  for (const o of decision.obligations) {
    lines.push(`  → ${o.rule} [${o.clause.standard} ${o.clause.clause}] ${o.code}: ${pick(o.message)}`);
  }
  return lines.join('\n');
}
