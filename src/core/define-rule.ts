/**
 * Rule modules, in the manner of ESLint's `meta` + `create`: everything about a rule (its id, clause,
 * description, messages, the limits and dated attestations it reads, whether it depends on time, and its
 * evidence for the clause matrix) is in the rule's own file, declared through `defineRule`. The messages
 * type the rule's findings: inside `check`, `report.violation(code, facts)` only accepts a declared code,
 * and the facts must give every `{placeholder}` of that code's zh and en templates (a compile error
 * otherwise). `defineRule` checks the templates themselves when the module loads (`RuleDefinitionError`).
 * The program checks (src/program/define-check.ts) use the same machinery.
 */
import type { Clause } from './clauses.js';
import type { Facts } from './facts.js';
import type { CompiledLimits } from '../profiles/compile.js';
import type { FactRecord, FactValue, Message } from '../schema/decision.js';
import { listProblems, type Problem } from './problems.js';
import { compileMessages, placeholders, type CompiledMessages, type MessageTemplates } from './template.js';
import { scopeProblems, type RuleScope } from './rule-scope.js';
import type { Limits } from '../schema/profile.js';
import type { Action } from '../schema/action.js';
import type { Context } from '../schema/context.js';

/**
 * Message templates per finding code. `{name}` is replaced by the finding's fact of that name. Messages
 * only ever interpolate facts, and facts never carry names, numbers or free text from the input.
 */
export type RuleMessages = MessageTemplates;

/* ------------------------------------------------------------------------------------------------ */
/* Evidence (the clause matrix, docs/clauses.md)                                                     */

/**
 * docs/guideline.md's levels: `seed` = stated in the guideline summary the project was founded on; `press` =
 * public press reports quoting the standard (or, for another regime, reporting it); `interp` = our
 * interpretation, chosen to be conservative.
 */
export type Confidence = 'seed' | 'press' | 'interp';

export interface Evidence {
  /** The levels the requirement rests on, strongest first. */
  readonly confidence: readonly Confidence[];
  /** docs/guideline.md's confidence column as written (it says which part is an interpretation). */
  readonly note: string;
  /**
   * The interpretations the engine makes, in one or two sentences; some go beyond docs/guideline.md (for
   * example "not stated is not eligible"): the rule's doc lists them all, each with its own level.
   */
  readonly interpretation: string;
}

/** Evidence from docs/guideline.md's confidence column as written; the levels are the ones it names. */
export function evidence(note: string, interpretation: string): Evidence {
  const confidence = (['seed', 'press', 'interp'] as const).filter((level) => note.includes(level));
  return Object.freeze({ confidence: Object.freeze(confidence), note, interpretation });
}

/* ------------------------------------------------------------------------------------------------ */
/* Typed codes and placeholders                                                                      */

/** The `{name}` placeholders of a literal template, as a union of names (`never` for a plain `string`). */
export type PlaceholdersOf<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

/** The placeholders of one code's zh and en templates. */
export type PlaceholdersOfCode<M extends RuleMessages, C extends keyof M> = PlaceholdersOf<M[C]['zh']> | PlaceholdersOf<M[C]['en']>;

/**
 * The facts a finding of code `C` must carry: a value (not null) for every placeholder of its templates,
 * and any other facts the rule wants to record.
 */
export type FactsOf<M extends RuleMessages, C extends keyof M> = FactRecord & { readonly [K in PlaceholdersOfCode<M, C>]: Exclude<FactValue, null> };

/** The facts argument of a code: optional when its templates have no placeholder, required otherwise. */
export type FactsArg<M extends RuleMessages, C extends keyof M> = [PlaceholdersOfCode<M, C>] extends [never] ? [facts?: FactRecord] : [facts: FactsOf<M, C>];

/** When an obligation stands: 'allow' = carried by an allowed action only; 'always' = also by a deny. */
export type ObligationWhen = 'allow' | 'always';

/** What a rule reports: a violation (the action is denied) or an obligation that comes with it. */
export interface RuleResult<C extends string = string> {
  readonly kind: 'violation' | 'obligation';
  readonly code: C;
  readonly facts: FactRecord;
  /** Obligations only: 'allow' = carried by an allowed action only; 'always' = also by a deny. */
  readonly when: ObligationWhen;
  /** The clause this finding rests on, when it is not the rule's own (settled-debt's 5.5 obligation). */
  readonly clause?: Clause;
}

/**
 * The third argument of a rule's `check`, bound to the rule's messages (ESLint's `context.report` with a
 * `messageId`): it builds findings, it does not record them; `check` returns what it found.
 */
export interface Report<M extends RuleMessages> {
  violation<C extends keyof M & string>(code: C, ...facts: FactsArg<M, C>): RuleResult<C>;
  obligation<C extends keyof M & string>(code: C, ...args: [...FactsArg<M, C>, when?: ObligationWhen, clause?: Clause]): RuleResult<C>;
}

/* ------------------------------------------------------------------------------------------------ */
/* Dated attestations read by rules (the scheduler's candidate instants)                              */

type DatedInstants = (context: Context, action: Action) => readonly (string | undefined)[];

/**
 * The dated fields of the input a rule may read whose instant can turn a deny into an allow (a validity
 * period starts or an attestation is made) or end a validity period, each with how to read it. The
 * scheduler tries the instants of the fields that the rules of the registry declare in `dated`
 * (src/schedule/schedule.ts). Paths name the input: `context.` for the case, `action.` for the action,
 * `[]` for every element of a list.
 */
export const DATED_FIELDS = {
  'context.agreement.validFrom': (c) => [c.agreement?.validFrom],
  'context.agreement.validUntil': (c) => [c.agreement?.validUntil],
  'context.guarantors[].validFrom': (c) => (c.guarantors ?? []).map((g) => g.validFrom),
  'context.guarantors[].validUntil': (c) => (c.guarantors ?? []).map((g) => g.validUntil),
  'context.contacts[].volunteeredToRepayAt': (c) => (c.contacts ?? []).map((k) => k.volunteeredToRepayAt),
  'action.actor.organization.outsourcingAgreement.validFrom': (_, a) => [a.actor.organization.outsourcingAgreement?.validFrom],
  'action.actor.organization.outsourcingAgreement.validUntil': (_, a) => [a.actor.organization.outsourcingAgreement?.validUntil],
  'action.actor.organization.lastEvaluatedAt': (_, a) => [a.actor.organization.lastEvaluatedAt],
  'action.actor.collector.preJobTrainingPassedAt': (_, a) => [a.actor.collector?.preJobTrainingPassedAt],
  'action.actor.collector.lastTrainingAssessedAt': (_, a) => [a.actor.collector?.lastTrainingAssessedAt],
  'action.actor.collector.confidentialityPledgeSignedAt': (_, a) => [a.actor.collector?.confidentialityPledgeSignedAt],
  'action.actor.ai.fairnessReviewedAt': (_, a) => [a.actor.ai?.fairnessReviewedAt],
  'action.actor.ai.reliabilityValidatedAt': (_, a) => [a.actor.ai?.reliabilityValidatedAt],
  'action.actor.ai.securityAssessedAt': (_, a) => [a.actor.ai?.securityAssessedAt],
} as const satisfies Record<string, DatedInstants>;
export type DatedField = keyof typeof DATED_FIELDS;

/** The dated fields that some rule of a registry reads, in DATED_FIELDS' order. */
export function datedFieldsOf(rules: readonly Pick<RuleMeta, 'dated'>[]): DatedField[] {
  const read = new Set(rules.flatMap((r) => r.dated ?? []));
  return (Object.keys(DATED_FIELDS) as DatedField[]).filter((field) => read.has(field));
}

/** The instants (as given, undefined when absent) of some dated fields of a case and an action. */
export function datedInstants(fields: readonly DatedField[], context: Context, action: Action): (string | undefined)[] {
  return fields.flatMap((field) => (DATED_FIELDS[field] as DatedInstants)(context, action));
}

/* ------------------------------------------------------------------------------------------------ */
/* Rule modules                                                                                       */

/** What a rule declares about itself, besides its logic. */
export interface RuleMeta<M extends RuleMessages = RuleMessages> {
  /** The id of docs/guideline.md's per-action table. */
  readonly id: string;
  readonly clause: Clause;
  /** One line on what the rule checks (no placeholders). */
  readonly description: Message;
  /** The rule's finding codes and their templates. */
  readonly messages: M;
  /** How sure we are of the requirement, and the interpretation the rule makes (docs/clauses.md). */
  readonly evidence: Evidence;
  /**
   * Whether moving the same action in time can change this rule's answer. When false, the schedule search
   * treats the rule's violations as permanent (nothing waiting can cure); a property test checks that such
   * a rule, once it denies at an instant, denies at every later one.
   */
  readonly timeDependent: boolean;
  /** The profile limits the rule reads; a finding caused by tightening one of them names it. */
  readonly limits?: readonly (keyof Limits)[];
  /** The dated attestations and validity bounds of the input the rule reads (the scheduler tries their instants). */
  readonly dated?: readonly DatedField[];
  /** For a rule citing a stricter regime than GB/T 45251: the national clause it builds on. */
  readonly basis?: Clause;
  /**
   * The actions the rule can apply to at all, by channel, target role, actor kind and organization kind
   * (src/core/rule-scope.ts): the engine asks `appliesTo` only of rules whose scope holds the action.
   * `appliesTo` must answer false outside it. Absent: every action.
   */
  readonly scope?: RuleScope;
}

/** A rule module as its author writes it: the meta, `appliesTo`, and `check` with its typed `report`. */
export interface RuleModule<M extends RuleMessages> extends RuleMeta<M> {
  /** Whether the rule has anything to say about this action; it then appears in `evaluated`. */
  readonly appliesTo: (facts: Facts, limits: CompiledLimits) => boolean;
  /** What the rule finds; every finding is built by `report`, which types its code and facts. */
  readonly check: (facts: Facts, limits: CompiledLimits, report: Report<M>) => readonly RuleResult[];
}

/** A rule as the engine runs it (what `defineRule` returns). */
export interface Rule extends RuleMeta {
  /** Whether the rule has anything to say about this action; it then appears in `evaluated`. */
  readonly appliesTo: (facts: Facts, limits: CompiledLimits) => boolean;
  readonly check: (facts: Facts, limits: CompiledLimits) => readonly RuleResult[];
  /** The message of one of the rule's finding codes, in both languages (its templates compiled once, when the rule is defined). */
  readonly render: CompiledMessages;
}

/**
 * Thrown when a rule module or program check is defined or registered with templates that cannot be
 * rendered (a malformed placeholder, zh and en naming different facts, a placeholder in the description),
 * a duplicate id, or no evidence: at load, never as a deny at run time.
 */
export class RuleDefinitionError extends Error {
  override readonly name = 'RuleDefinitionError';
  readonly code = 'ERR_RULE_DEFINITION';
  /** The rule's (or check's) id. */
  readonly rule: string;
  readonly problems: readonly Problem[];

  constructor(rule: string, problems: readonly Problem[]) {
    super(`Rule ${rule} is malformed:\n${listProblems(problems)}`);
    this.rule = rule;
    this.problems = problems;
  }
}

/** A placeholder is `{` word characters `}`; any other brace is a typo (`{ name }`, `{name`, `name}`). */
const STRAY_BRACE = /[{}]/;

function templateProblems(template: string, path: string): Problem[] {
  const literal = template.split(/\{\w+\}/);
  return literal.some((part) => STRAY_BRACE.test(part)) ? [{ path, message: `has a brace that is not a {placeholder}: "${template}"` }] : [];
}

/**
 * The problems of a set of message templates: each template's syntax, zh and en naming the same facts,
 * and a description without placeholders (it is never rendered with facts). Shared by rules and checks.
 */
export function messageProblems(messages: MessageTemplates, description?: Message): Problem[] {
  const problems: Problem[] = [];
  const codes = Object.keys(messages);
  if (codes.length === 0) problems.push({ path: 'messages', message: 'declares no code' });
  for (const code of codes) {
    const template = messages[code] as Message;
    for (const lang of ['zh', 'en'] as const) {
      if (typeof template[lang] !== 'string' || template[lang].trim() === '') problems.push({ path: `messages.${code}.${lang}`, message: 'is missing or empty' });
      else problems.push(...templateProblems(template[lang], `messages.${code}.${lang}`));
    }
    if (typeof template.zh !== 'string' || typeof template.en !== 'string') continue;
    const zh = [...new Set(placeholders(template.zh))].sort();
    const en = [...new Set(placeholders(template.en))].sort();
    if (zh.join() !== en.join()) problems.push({ path: `messages.${code}`, message: `zh names {${zh.join('}, {')}} but en names {${en.join('}, {')}}` });
  }
  if (description !== undefined) {
    for (const lang of ['zh', 'en'] as const) {
      if (placeholders(description[lang]).length > 0 || STRAY_BRACE.test(description[lang])) problems.push({ path: `description.${lang}`, message: 'is never rendered with facts: no {placeholder}' });
    }
  }
  return problems;
}

/** The problems of a rule module's declaration (its templates, its evidence, its scope, its dated fields). */
export function ruleProblems(rule: RuleMeta): Problem[] {
  const problems = messageProblems(rule.messages, rule.description);
  if (rule.evidence === undefined || rule.evidence.confidence.length === 0) problems.push({ path: 'evidence', message: 'names no confidence level (seed, press or interp)' });
  else if (rule.evidence.interpretation.trim() === '') problems.push({ path: 'evidence.interpretation', message: 'is empty' });
  problems.push(...scopeProblems(rule.scope));
  for (const field of rule.dated ?? []) {
    if (!Object.hasOwn(DATED_FIELDS, field)) problems.push({ path: 'dated', message: `${field} is not a dated field of the input` });
  }
  return problems;
}

/** Throws a RuleDefinitionError naming the rule when its declaration has a problem. */
export function assertRule(rule: RuleMeta): void {
  const problems = ruleProblems(rule);
  if (problems.length > 0) throw new RuleDefinitionError(rule.id, problems);
}

function resultOf(kind: 'violation' | 'obligation', code: string, facts: FactRecord | undefined, when: ObligationWhen, clause: Clause | undefined): RuleResult {
  const base = { kind, code, facts: facts ?? {}, when };
  return clause === undefined ? base : { ...base, clause };
}

/** The report helpers, shared by every rule (they only build results; the types are Report's). */
const REPORT = {
  violation: (code: string, facts?: FactRecord): RuleResult => resultOf('violation', code, facts, 'always', undefined),
  obligation: (code: string, facts?: FactRecord, when?: ObligationWhen, clause?: Clause): RuleResult => resultOf('obligation', code, facts, when ?? 'allow', clause),
};

/**
 * Gives a rule module its type and checks its declaration at load (a RuleDefinitionError otherwise). The
 * messages are inferred as literals, so `check`'s `report` only accepts the declared codes with their
 * placeholders' facts.
 */
export function defineRule<const M extends RuleMessages>(module: RuleModule<M>): Rule {
  assertRule(module);
  const report = REPORT as unknown as Report<M>;
  const { check } = module;
  // Every rule has the same keys in the same order (absent ones undefined): the engine reads them from
  // 22 rules at one call site, which stays monomorphic instead of going through megamorphic lookups.
  return {
    id: module.id,
    clause: module.clause,
    description: module.description,
    messages: module.messages,
    evidence: module.evidence,
    timeDependent: module.timeDependent,
    limits: module.limits,
    dated: module.dated,
    basis: module.basis,
    scope: module.scope,
    appliesTo: module.appliesTo,
    check: (facts: Facts, limits: CompiledLimits) => check(facts, limits, report),
    render: compileMessages(module.messages),
  } satisfies Record<keyof Rule, unknown>; // a meta field added to Rule must be copied here too
}

/** A rule that never applies finds nothing. */
export const NONE: readonly RuleResult<never>[] = Object.freeze([]);
