/**
 * How sure we are of each requirement, beside the citations of src/core/clauses.ts: docs/guideline.md's confidence
 * column, with the interpretation each rule makes. Each rule declares its own evidence in its module
 * (`evidence`, required by the type), and each program check in its own (src/program/checks/); this module
 * gathers the rules' and adds the requirements met by the engine as a whole. docs/clauses.md is generated
 * from the registries and these (npm run docs:clauses), and a test fails when the page is out of date.
 */
import { INVALID_INPUT } from '../core/decision.js';
import { clauses, type Clause } from '../core/clauses.js';
import { evidence, type Evidence } from '../core/define-rule.js';
import { rules } from '../rules/index.js';

export type { Confidence, Evidence } from '../core/define-rule.js';

/** Per built-in rule, keyed by rule id: each rule's own `evidence`, gathered from the registry. */
export const ruleEvidence: Readonly<Record<string, Evidence>> = Object.freeze(Object.fromEntries(rules.map((r) => [r.id, r.evidence])));

/** Requirements met by the engine as a whole rather than by one rule, with the tests that show it. */
export interface EngineRequirement {
  readonly id: string;
  readonly clause: Clause;
  readonly evidence: Evidence;
  /** Test files, from the repository root. */
  readonly tests: readonly string[];
}

export const engineRequirements: readonly EngineRequirement[] = Object.freeze([
  {
    id: INVALID_INPUT,
    clause: clauses.inputUnverifiable,
    evidence: evidence('engine principle, not a clause of GB/T 45251 (interp: fail closed)', 'Input that does not validate, or beyond the input bounds, is denied with each problem\'s path; a rule that throws denies as internal-error, naming the rule.'),
    tests: ['test/properties/check.test.ts', 'test/bounds.test.ts', 'test/fuzz/fuzz.test.ts'],
  },
  {
    id: 'ai-compliance',
    clause: { ...clauses.aiFairness, topic: '人工智能催收遵守全部规则（条款位置未确认）' },
    evidence: evidence('seed', 'AI collection obeys every rule exactly as a human would: every non-actor rule runs unchanged for AI actors, and swapping a human for a reviewed AI never changes a non-actor finding.'),
    tests: ['test/properties/ai-vs-human.test.ts'],
  },
  {
    id: 'no-personal-data-out',
    clause: clauses.noPersonalDataOut,
    evidence: evidence('engine principle, not a clause of GB/T 45251 (interp: protects clause 4, privacy, and 5.5, masking)', 'Decisions and schedules carry rule ids, clauses, enumerated values, counts, times and zone names, never a string of the input; masking helpers are exported for display.'),
    tests: ['test/properties/privacy.test.ts', 'test/mask.test.ts'],
  },
]);
