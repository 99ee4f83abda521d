import type { Clause } from './clauses.js';
import type { Facts } from './facts.js';
import type { CompiledLimits } from '../profiles/compile.js';
import type { FactRecord, Message } from '../schema/decision.js';
import type { MessageTemplates } from './template.js';
import type { Limits } from '../schema/profile.js';

/**
 * Message templates per finding code. `{name}` is replaced by the finding's fact of that name. Messages
 * only ever interpolate facts, and facts never carry names, numbers or free text from the input.
 */
export type RuleMessages = MessageTemplates;

/** What a rule reports: a violation (the action is denied) or an obligation that comes with it. */
export interface RuleResult {
  readonly kind: 'violation' | 'obligation';
  readonly code: string;
  readonly facts: FactRecord;
  /** Obligations only: 'allow' = carried by an allowed action only; 'always' = also by a deny. */
  readonly when: 'allow' | 'always';
  /** The clause this finding rests on, when it is not the rule's own (settled-debt's 5.5 obligation). */
  readonly clause?: Clause;
}

export interface Rule {
  /** The id of docs/guideline.md's per-action table. */
  readonly id: string;
  readonly clause: Clause;
  /** One line on what the rule checks. */
  readonly description: Message;
  readonly messages: RuleMessages;
  /**
   * Whether moving the same action in time can change this rule's answer. When false, the schedule search
   * treats the rule's violations as permanent (nothing waiting can cure); a property test checks that such
   * a rule, once it denies at an instant, denies at every later one.
   */
  readonly timeDependent: boolean;
  /** The profile limits the rule reads; a finding caused by tightening one of them names it. */
  readonly limits?: readonly (keyof Limits)[];
  /** For a rule citing a stricter regime than GB/T 45251: the national clause it builds on. */
  readonly basis?: Clause;
  /** Whether the rule has anything to say about this action; it then appears in `evaluated`. */
  readonly appliesTo: (facts: Facts, limits: CompiledLimits) => boolean;
  readonly check: (facts: Facts, limits: CompiledLimits) => readonly RuleResult[];
}

/** Identity function that gives a rule module its type (in the manner of ESLint's rule modules). */
export function defineRule<const R extends Rule>(rule: R): R {
  return rule;
}

export function violation(code: string, facts: FactRecord = {}): RuleResult {
  return { kind: 'violation', code, facts, when: 'always' };
}

export function obligation(code: string, facts: FactRecord = {}, when: 'allow' | 'always' = 'allow', clause?: Clause): RuleResult {
  return clause === undefined ? { kind: 'obligation', code, facts, when } : { kind: 'obligation', code, facts, when, clause };
}

/** A rule that never applies finds nothing. */
export const NONE: readonly RuleResult[] = Object.freeze([]);
