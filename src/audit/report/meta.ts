/** What a report says about itself: the period in one zone, and each rule's clause and topic. */
import type { Locale } from '../../core/explain.js';
import { rules } from '../../rules/index.js';
import { BEIJING_TIME_ZONE, formatInstant, judgingTimeZone, parseInstant } from '../../core/time.js';
import type { FindingsSample } from '../findings.js';
import type { AuditSummary } from '../summary.js';
import type { Labels } from './labels.js';

/**
 * The zone a report shows times in: the zone the rules judge a debtor recorded in `zone` at, so that a
 * report says what the rules saw. Beijing time by default and for every mainland China zone
 * (`Asia/Urumqi`, `PRC` → `Asia/Shanghai`; GUIDELINE.md, "Time"), else the zone's canonical name. A name
 * that is no zone is kept (formatting it then fails, as it did before).
 */
export function reportZone(zone: string | undefined): string {
  if (zone === undefined) return BEIJING_TIME_ZONE;
  return judgingTimeZone(zone) ?? zone;
}

/** `2026-11-30 07:14:49` for an instant in a zone (no offset: the zone is named beside it). */
export function wallText(instant: string, zone: string): string {
  return formatInstant(parseInstant(instant), zone).slice(0, 19).replace('T', ' ');
}

/** The zone as a reader knows it: Beijing time for Asia/Shanghai, else the IANA name, with the offset. */
export function zoneName(zone: string, instant: string, locale: Locale): string {
  const offset = /([+-]\d\d:\d\d)$/.exec(formatInstant(parseInstant(instant), zone))?.[1] ?? '+00:00';
  const utc = `UTC${offset}`;
  if (zone === BEIJING_TIME_ZONE) return locale === 'zh-CN' ? `北京时间，${utc}` : `Beijing time, ${utc}`;
  return `${zone}, ${utc}`;
}

/** `from … to (zone)`, or one instant with its zone when `to` is absent. */
export function periodText(period: { readonly from: string; readonly to?: string }, zone: string, locale: Locale, t: Labels): string {
  if (period.to === undefined) return t.instantNote.replace('{at}', wallText(period.from, zone)).replace('{zone}', zoneName(zone, period.from, locale));
  return t.periodNote.replace('{from}', wallText(period.from, zone)).replace('{to}', wallText(period.to, zone)).replace('{zone}', zoneName(zone, period.from, locale));
}

/** The period in one zone as ISO instants with that zone's offset (CSV, table). */
export function periodInZone(period: { readonly from: string; readonly to: string }, zone: string): { from: string; to: string } {
  return { from: formatInstant(parseInstant(period.from), zone), to: formatInstant(parseInstant(period.to), zone) };
}

/**
 * Clause and topic of every rule in the summary: from the findings when given (the citation a finding
 * carried, which a profile may change), else from the built-in registry; house rules without findings
 * are left out.
 */
export function ruleCitations(summary: AuditSummary, findings?: FindingsSample): Map<string, { clause: string; topic: string }> {
  const out = new Map<string, { clause: string; topic: string }>();
  for (const r of findings?.rules ?? []) out.set(r.rule, { clause: r.clause, topic: r.topic });
  for (const rule of rules) {
    if (!out.has(rule.id) && rule.id in summary.byRule) out.set(rule.id, { clause: `${rule.clause.standard} ${rule.clause.clause}`, topic: rule.clause.topic });
  }
  return out;
}
