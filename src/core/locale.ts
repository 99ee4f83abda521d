/**
 * The languages of messages and reports, and the one default every entry point uses (createGuard,
 * explain, the reports, the CLI and the sidecar): English. Decisions always carry both languages; the
 * locale only decides which is listed first and which one text output uses.
 */
export type Locale = 'zh-CN' | 'en';

export const LOCALES: readonly Locale[] = Object.freeze(['zh-CN', 'en']);

/** The default locale of every entry point. */
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}
