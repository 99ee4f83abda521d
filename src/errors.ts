/** One problem with a guard's configuration: which setting, what is wrong, and the national value. */
export interface ConfigProblem {
  /** The setting: `overlay.voiceDailyCap`, `houseRules[2].conditions`, … */
  readonly path: string;
  readonly message: string;
  /** For a limit that loosens the national profile: the value given and the national value. */
  readonly value?: unknown;
  readonly national?: unknown;
}

/**
 * Thrown by `createGuard` (never by a check) when its configuration would loosen GB/T 45251 or cannot be
 * read. `problems` names every offending setting; nothing is loosened or dropped silently.
 */
export class GuardConfigError extends Error {
  override readonly name = 'GuardConfigError';
  readonly code = 'ERR_GUARD_CONFIG';
  readonly problems: readonly ConfigProblem[];

  constructor(summary: string, problems: readonly ConfigProblem[]) {
    super(`${summary}:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`);
    this.problems = problems;
  }
}
