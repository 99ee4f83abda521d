import { listProblems, type Problem } from './problems.js';

/**
 * One problem with a guard's configuration: a Problem (which setting, what is wrong) and, for a limit
 * that loosens the national profile, the value given and the national value.
 */
export type ConfigProblem = Problem & {
  readonly value?: unknown;
  readonly national?: unknown;
};

/**
 * Thrown by `createGuard` (never by a check) when its configuration would loosen GB/T 45251 or cannot be
 * read. `problems` names every offending setting; nothing is loosened or dropped silently.
 */
export class GuardConfigError extends Error {
  override readonly name = 'GuardConfigError';
  readonly code = 'ERR_GUARD_CONFIG';
  readonly problems: readonly ConfigProblem[];

  constructor(summary: string, problems: readonly ConfigProblem[]) {
    super(`${summary}:\n${listProblems(problems)}`);
    this.problems = problems;
  }
}
