/**
 * The one vocabulary for what is wrong with an input or a configuration: a Problem names where
 * (`context.debtor.timeZone`, `overlay.voiceDailyCap`) and what, in English and, where we have it, in
 * Chinese. Invalid input (a deny), a bad guard configuration (GuardConfigError), a bad institution or
 * incident (program) and an unreadable audit record all report Problems, summarized by one function.
 */
import { DEFAULT_LOCALE, type Locale } from './locale.js';

/** One problem: where, and what (English; `zh` the same in Chinese when the engine wrote it). */
export type Problem = {
  /** Where, written as a caller writes it: `context.history[3].at`, `overlay.voiceDailyCap`. */
  readonly path: string;
  /** What is wrong, in English. */
  readonly message: string;
  /** What is wrong, in Chinese. */
  readonly zh?: string;
};

/** How many problems a one-line summary lists before it says how many more there are. */
export const SUMMARY_LIMIT = 5;

/** The problem's text in a language (English when no Chinese text was written). */
export function problemText(problem: Problem, locale: Locale): string {
  return locale === 'zh-CN' ? (problem.zh ?? problem.message) : problem.message;
}

/** Problems as one line: `path: message; …` (zh: `path：message；…`), at most `limit`, then how many more. */
export function summarizeProblems(problems: readonly Problem[], locale: Locale = DEFAULT_LOCALE, limit: number = SUMMARY_LIMIT): string {
  const zh = locale === 'zh-CN';
  const shown = problems.slice(0, limit).map((p) => `${p.path}${zh ? '：' : ': '}${problemText(p, locale)}`);
  const more = problems.length > limit ? (zh ? `（另有 ${problems.length - limit} 项）` : ` (+${problems.length - limit})`) : '';
  return shown.join(zh ? '；' : '; ') + more;
}

/** Problems as lines, one per problem, indented: for error messages and the CLI. */
export function listProblems(problems: readonly Problem[], locale: Locale = DEFAULT_LOCALE): string {
  return problems.map((p) => `  - ${p.path}: ${problemText(p, locale)}`).join('\n');
}
