/**
 * A rule's scope: the kinds of action it can concern at all, by the four facts every action has (its
 * channel, the target's role, the actor's kind, the organization's kind). ESLint hands each node only to
 * the rules that listen for its type; the engine likewise asks `appliesTo` only of the rules whose scope
 * holds the action (`indexRules`), so that a voice call to the debtor does not pay for the contact, visit
 * and AI rules at every check.
 *
 * The scope is an index, never a second opinion: `appliesTo` still decides, and must answer false outside
 * the scope (the RuleTester compares `evaluated` with `appliesTo` case by case, and a property test checks
 * every built-in rule on generated actions), so a decision is the same with or without it.
 */
import type { Facts } from './facts.js';
import type { Problem } from './problems.js';
import { Channel, TargetRole } from '../schema/primitives.js';
import { ActorKind, OrganizationKind } from '../schema/action.js';

/** The actions a rule can apply to; a dimension left out admits every value. */
export interface RuleScope {
  /** The action's `channel`. */
  readonly channels?: readonly Channel[];
  /** The action's `target.role`. */
  readonly targetRoles?: readonly TargetRole[];
  /** The actor's `kind`. */
  readonly actorKinds?: readonly ActorKind[];
  /** The acting organization's `kind`. */
  readonly organizationKinds?: readonly OrganizationKind[];
}

/** The facts a scope reads. */
export type ScopedFacts = Pick<Facts, 'channel' | 'targetRole' | 'actorKind' | 'organizationKind'>;

/** Each dimension of a scope: the fact it reads and every value that fact can take (the schemas' enums). */
const DIMENSIONS = [
  { key: 'channels', fact: 'channel', values: Channel.options },
  { key: 'targetRoles', fact: 'targetRole', values: TargetRole.options },
  { key: 'actorKinds', fact: 'actorKind', values: ActorKind.options },
  { key: 'organizationKinds', fact: 'organizationKind', values: OrganizationKind.options },
] as const satisfies readonly { key: keyof RuleScope; fact: keyof ScopedFacts; values: readonly string[] }[];

/** Whether an action with these facts is inside the scope (no scope: every action). */
export function inScope(scope: RuleScope | undefined, facts: ScopedFacts): boolean {
  if (scope === undefined) return true;
  for (const d of DIMENSIONS) {
    const admitted = scope[d.key] as readonly string[] | undefined;
    if (admitted !== undefined && !admitted.includes(facts[d.fact])) return false;
  }
  return true;
}

/** The problems of a scope as declared: an unknown dimension, an empty list, a value the input cannot have. */
export function scopeProblems(scope: RuleScope | undefined): Problem[] {
  if (scope === undefined) return [];
  const problems: Problem[] = [];
  const known = DIMENSIONS.map((d) => d.key as string);
  for (const key of Object.keys(scope)) {
    if (!known.includes(key)) problems.push({ path: `scope.${key}`, message: `is not a dimension of a scope (${known.join(', ')})` });
  }
  for (const d of DIMENSIONS) {
    const admitted = scope[d.key] as readonly string[] | undefined;
    if (admitted === undefined) continue;
    if (admitted.length === 0) problems.push({ path: `scope.${d.key}`, message: 'is empty: the rule would apply to nothing (leave the dimension out to admit every value)' });
    for (const value of admitted) {
      if (!(d.values as readonly string[]).includes(value)) problems.push({ path: `scope.${d.key}`, message: `${JSON.stringify(value)} is not one of ${d.values.join(', ')}` });
    }
  }
  return problems;
}

/** Position of `value` in `values`, -1 when absent (a loop of comparisons: no hashing of the input's string). */
function position(values: readonly string[], value: string): number {
  for (let i = 0; i < values.length; i += 1) if (values[i] === value) return i;
  return -1;
}

const [CHANNELS, ROLES, ACTORS, ORGANIZATIONS] = DIMENSIONS.map((d) => d.values as readonly string[]) as [readonly string[], readonly string[], readonly string[], readonly string[]];
const BUCKETS = CHANNELS.length * ROLES.length * ACTORS.length * ORGANIZATIONS.length;

/** What the index needs of a rule. */
interface Scoped {
  readonly scope?: RuleScope;
}

/** A list of rules indexed by scope. */
export interface RuleIndex<R extends Scoped> {
  /** Every rule, in order. */
  readonly rules: readonly R[];
  /**
   * The rules whose scope holds the action of these facts, in the list's order: the only ones whose
   * `appliesTo` can be true. Facts with a value outside the schemas' enums (hand-made facts) get every rule.
   */
  select(facts: ScopedFacts): readonly R[];
}

/**
 * Indexes rules by scope: one list per combination of the four facts (6 × 4 × 2 × 2 = 96 at most), each
 * built on first use, so the index's size is fixed by the enums, never by input.
 */
export function indexRules<R extends Scoped>(rules: readonly R[]): RuleIndex<R> {
  const buckets: (readonly R[] | undefined)[] = new Array<readonly R[] | undefined>(BUCKETS).fill(undefined);
  return {
    rules,
    select(facts) {
      const c = position(CHANNELS, facts.channel);
      const r = position(ROLES, facts.targetRole);
      const a = position(ACTORS, facts.actorKind);
      const o = position(ORGANIZATIONS, facts.organizationKind);
      if (c < 0 || r < 0 || a < 0 || o < 0) return rules;
      const at = ((c * ROLES.length + r) * ACTORS.length + a) * ORGANIZATIONS.length + o;
      return (buckets[at] ??= rules.filter((rule) => inScope(rule.scope, facts)));
    },
  };
}
