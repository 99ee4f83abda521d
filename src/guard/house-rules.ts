/**
 * House rules: a compliance team's own rules, in json-rules-engine's JSON format, over a documented set
 * of facts (docs/house-rules.md). A house rule that fires is a violation; house rules can only add
 * violations, so they never turn a deny into an allow.
 */
import { INVALID_INPUT } from '../core/decision.js';
import { Engine, Rule as EngineRule } from 'json-rules-engine';
import { z } from 'zod';
import { GuardConfigError, type ConfigProblem } from '../core/errors.js';
import { readingDate, readingTime, type Facts } from '../core/facts.js';
import type { FactRecord, FactValue, Finding } from '../schema/decision.js';
import { validate } from '../core/validate.js';

/** The facts a house rule may test, with their types; all derived from the same Facts as the built-in rules. */
export const HOUSE_FACTS = {
  channel: 'string: voice | sms | im | email | letter | visit',
  targetRole: 'string: debtor | guarantor | contact | third_party',
  purpose: 'string or null: demand_payment | reminder | locate_debtor | relay_message | repayment_info',
  disclosures: 'string[]: debt_amount | overdue_duration | debt_details | repayment_info',
  conduct: 'string[]: flagged conduct',
  amountDemanded: 'number or null: yuan',
  timeZone: "string: the target's IANA zone (a contact's or guarantor's own, else the debtor's)",
  localDate: "string yyyy-MM-dd: the action's local date in the target's zone",
  localMonthDay: 'string MM-dd: for yearly dates',
  localTime: 'string HH:mm',
  localHour: 'number 0–23',
  localMinuteOfDay: 'number 0–1439',
  localWeekday: 'number 1–7, ISO (1 = Monday, 7 = Sunday)',
  debtorLocalDate: "string yyyy-MM-dd: the action's local date in the debtor's zone",
  debtorLocalWeekday: "number 1–7 in the debtor's zone",
  voiceConnectedToday: "number: connected voice calls toward the debtor on the debtor's local day",
  visitsToday: "number: visits to the debtor on the debtor's local day",
  unansweredOnNumberToday: 'number or null: unanswered voice attempts on the action\'s phoneRef that local day (null without phoneRef)',
  agreementInForce: 'boolean: an agreement with the debtor is in force',
  settled: 'boolean: the debt was settled at or before the action',
  debtorReachable: 'boolean',
  debtorDeceased: 'boolean',
  debtorLegalCapacity: 'string: full | limited | none',
  staffCount: 'number or null: visit staff (null when not a visit)',
  actorKind: 'string: human | ai',
  organizationKind: 'string: lender | agency',
} as const;
export type HouseFactName = keyof typeof HOUSE_FACTS;

export function houseFactsOf(f: Facts): Record<HouseFactName, FactValue> {
  const targetDate = readingDate(f.targetLocal);
  return {
    channel: f.channel,
    targetRole: f.targetRole,
    purpose: f.purpose,
    disclosures: f.disclosures,
    conduct: f.conduct,
    amountDemanded: f.amountDemanded,
    timeZone: f.targetLocal.zone,
    localDate: targetDate,
    localMonthDay: targetDate.slice(5),
    localTime: readingTime(f.targetLocal),
    localHour: Math.floor(f.targetLocal.minuteOfDay / 60),
    localMinuteOfDay: f.targetLocal.minuteOfDay,
    localWeekday: f.targetLocal.weekday,
    debtorLocalDate: readingDate(f.debtorLocal),
    debtorLocalWeekday: f.debtorLocal.weekday,
    voiceConnectedToday: f.voiceConnectedToday,
    visitsToday: f.visitsToday,
    unansweredOnNumberToday: f.unansweredOnNumberToday,
    agreementInForce: f.agreementInForce,
    settled: f.settled,
    debtorReachable: f.debtorReachable,
    debtorDeceased: f.debtorDeceased,
    debtorLegalCapacity: f.debtorLegalCapacity,
    staffCount: f.visit === null ? null : f.visit.staffCount,
    actorKind: f.actorKind,
    organizationKind: f.organizationKind,
  };
}

const OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const DECORATORS = new Set(['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not']);

const Text = z.string().min(1).max(2000);

/** A house rule: json-rules-engine's rule format, with a required id (`name`) and message. */
export const HouseRule = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'expected a kebab-case id, e.g. no-sms-on-sunday' }),
  priority: z.number().int().min(1).optional(),
  conditions: z.record(z.string(), z.unknown()),
  event: z.strictObject({
    type: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: 'expected a kebab-case finding code' }),
    params: z.strictObject({
      message: z.union([Text, z.strictObject({ zh: Text, en: Text })]),
      topic: Text.optional(),
    }),
  }),
});
export type HouseRule = z.infer<typeof HouseRule>;

type Kind = 'string' | 'number' | 'boolean' | 'null';
/** A value's type as a condition sees it: a scalar of some kinds, or an array whose elements have some kinds. */
type ValueType = { readonly scalar: ReadonlySet<Kind> } | { readonly array: ReadonlySet<Kind> };

const scalar = (...kinds: Kind[]): ValueType => ({ scalar: new Set(kinds) });
const arrayOf = (...kinds: Kind[]): ValueType => ({ array: new Set(kinds) });

/**
 * Each house fact's type, in a table without a prototype: a name is a fact only when it is an own key
 * here, so `constructor`, `toString` or `__proto__` are unknown facts, not inherited ones.
 */
const FACT_TYPES: Readonly<Record<string, ValueType>> = Object.assign(Object.create(null) as Record<string, ValueType>, {
  channel: scalar('string'), targetRole: scalar('string'), purpose: scalar('string', 'null'),
  disclosures: arrayOf('string'), conduct: arrayOf('string'), amountDemanded: scalar('number', 'null'),
  timeZone: scalar('string'), localDate: scalar('string'), localMonthDay: scalar('string'), localTime: scalar('string'),
  localHour: scalar('number'), localMinuteOfDay: scalar('number'), localWeekday: scalar('number'),
  debtorLocalDate: scalar('string'), debtorLocalWeekday: scalar('number'),
  voiceConnectedToday: scalar('number'), visitsToday: scalar('number'), unansweredOnNumberToday: scalar('number', 'null'),
  agreementInForce: scalar('boolean'), settled: scalar('boolean'), debtorReachable: scalar('boolean'), debtorDeceased: scalar('boolean'),
  debtorLegalCapacity: scalar('string'), staffCount: scalar('number', 'null'), actorKind: scalar('string'), organizationKind: scalar('string'),
} satisfies Record<HouseFactName, ValueType>);

const isHouseFact = (name: unknown): name is HouseFactName => typeof name === 'string' && Object.hasOwn(FACT_TYPES, name);

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS = new Set(['fact', 'operator', 'value']);
/** Deepest nesting of all / any / not, and most conditions in one rule: a bound on the walk and on each check. */
const MAX_DEPTH = 16;
const MAX_CONDITIONS = 200;

function kindOf(value: unknown): Kind | null {
  if (value === null) return 'null';
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : null;
}

/** The type of a literal value, or a problem. */
function literalType(value: unknown): ValueType | string {
  const kind = kindOf(value);
  if (kind !== null) return scalar(kind);
  if (Array.isArray(value)) {
    const kinds = new Set<Kind>();
    for (const element of value) {
      const k = kindOf(element);
      if (k === null) return 'array elements must be strings, numbers, booleans or null';
      kinds.add(k);
    }
    return { array: kinds };
  }
  return 'expected a string, number, boolean, null, an array of those, or { "fact": name }';
}

const describeType = (t: ValueType): string => ('scalar' in t ? [...t.scalar].join(' or ') : `an array of ${[...t.array].join(' or ') || 'anything'}`);
const subset = (a: ReadonlySet<Kind>, b: ReadonlySet<Kind>): boolean => [...a].every((k) => b.has(k));

/**
 * Whether an operator (with its decorators, applied left to right as json-rules-engine does) can run on a
 * fact and a value of these types: `in` needs an array value, `contains` an array fact, `lessThan` numbers,
 * `everyValue:` an array value, and so on. A mismatch would make json-rules-engine throw on every check or
 * never fire: both are refused at createGuard.
 */
function operatorProblem(decorators: readonly string[], base: string, fact: ValueType, value: ValueType): string | null {
  let f = fact;
  let v = value;
  for (const d of decorators) {
    if (d === 'swap') [f, v] = [v, f];
    else if (d === 'someFact' || d === 'everyFact') {
      if (!('array' in f)) return `${d}: needs an array fact, not ${describeType(f)}`;
      f = { scalar: f.array };
    } else if (d === 'someValue' || d === 'everyValue') {
      if (!('array' in v)) return `${d}: needs an array value, not ${describeType(v)}`;
      v = { scalar: v.array };
    }
  }
  switch (base) {
    case 'equal':
    case 'notEqual':
      if (!('scalar' in f) || !('scalar' in v)) return `${base} compares single values, not ${describeType('scalar' in f ? v : f)}`;
      return subset(v.scalar, f.scalar) ? null : `${base}: the fact is ${describeType(f)}, the value ${describeType(v)}`;
    case 'in':
    case 'notIn':
      if (!('array' in v)) return `${base} needs an array value, not ${describeType(v)}`;
      if (!('scalar' in f)) return `${base} needs a single-valued fact, not ${describeType(f)}`;
      return subset(v.array, f.scalar) ? null : `${base}: the fact is ${describeType(f)}, the values ${describeType(v)}`;
    case 'contains':
    case 'doesNotContain':
      if (!('array' in f)) return `${base} needs an array fact, not ${describeType(f)}`;
      if (!('scalar' in v)) return `${base} needs a single value, not ${describeType(v)}`;
      return subset(v.scalar, f.array) ? null : `${base}: the fact holds ${[...f.array].join(' or ')}, the value is ${describeType(v)}`;
    default: // lessThan, lessThanInclusive, greaterThan, greaterThanInclusive
      if (!('scalar' in f) || !f.scalar.has('number')) return `${base} needs a number fact, not ${describeType(f)}`;
      if (!('scalar' in v) || v.scalar.size !== 1 || !v.scalar.has('number')) return `${base} needs a number value, not ${describeType(v)}`;
      return null;
  }
}

/**
 * Walks a condition tree and reports every problem with its path: a node is exactly one of all / any /
 * not, or a leaf of exactly fact, operator and value; facts are own keys of the house fact table;
 * operators are known, with known decorators; values fit the operator and the fact's type.
 */
function conditionProblems(node: unknown, path: string, facts: Set<string>, out: ConfigProblem[], depth = 0, count = { n: 0 }): void {
  count.n += 1;
  if (count.n > MAX_CONDITIONS) {
    if (count.n === MAX_CONDITIONS + 1) out.push({ path, message: `more than ${MAX_CONDITIONS} conditions in one rule` });
    return;
  }
  if (depth > MAX_DEPTH) {
    out.push({ path, message: `conditions nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    out.push({ path, message: 'expected a condition object' });
    return;
  }
  const n = node as Record<string, unknown>;
  const keys = Object.keys(n);
  const booleans = BOOLEAN_KEYS.filter((k) => Object.hasOwn(n, k));
  if (booleans.length > 1) {
    out.push({ path, message: `one of all / any / not per condition, not ${booleans.join(' and ')} together (json-rules-engine would read only one)` });
    return;
  }
  if (Object.hasOwn(n, 'condition')) {
    out.push({ path: `${path}.condition`, message: 'shared conditions are not supported: write the condition inline' });
    return;
  }
  const [only] = booleans;
  if (only !== undefined) {
    for (const key of keys) if (key !== only) out.push({ path: `${path}.${key}`, message: `unknown key beside "${only}"` });
    if (only === 'not') return conditionProblems(n.not, `${path}.not`, facts, out, depth + 1, count);
    const children = n[only];
    if (!Array.isArray(children)) out.push({ path: `${path}.${only}`, message: 'expected an array of conditions' });
    else if (children.length === 0) out.push({ path: `${path}.${only}`, message: 'expected at least one condition' });
    else children.forEach((child, i) => conditionProblems(child, `${path}.${only}[${i}]`, facts, out, depth + 1, count));
    return;
  }
  for (const key of keys) {
    if (key === 'path') out.push({ path: `${path}.path`, message: 'house facts are flat: "path" is not supported' });
    else if (!LEAF_KEYS.has(key)) out.push({ path: `${path}.${key}`, message: 'unknown key in a condition (expected fact, operator, value)' });
  }
  const fact = n.fact;
  let factType: ValueType | null = null;
  if (!isHouseFact(fact)) {
    out.push({ path: `${path}.fact`, message: `unknown fact ${JSON.stringify(typeof fact === 'string' ? fact.slice(0, 64) : fact ?? null)}; known facts: ${Object.keys(HOUSE_FACTS).join(', ')}` });
  } else {
    facts.add(fact);
    factType = FACT_TYPES[fact] as ValueType;
  }
  const operator = n.operator;
  const parts = typeof operator === 'string' ? operator.split(':') : [];
  const base = parts.pop();
  const knownOperator = base !== undefined && OPERATORS.has(base) && parts.length <= 4 && parts.every((d) => DECORATORS.has(d));
  if (!knownOperator) out.push({ path: `${path}.operator`, message: `unknown operator ${JSON.stringify(typeof operator === 'string' ? operator.slice(0, 64) : operator ?? null)}` });
  let valueType: ValueType | null = null;
  if (!Object.hasOwn(n, 'value')) out.push({ path: `${path}.value`, message: 'a condition needs a value' });
  else if (typeof n.value === 'object' && n.value !== null && !Array.isArray(n.value)) {
    const ref = n.value as Record<string, unknown>;
    for (const key of Object.keys(ref)) if (key !== 'fact') out.push({ path: `${path}.value.${key}`, message: 'a value that names a fact has only "fact"' });
    if (!isHouseFact(ref.fact)) out.push({ path: `${path}.value.fact`, message: `unknown fact ${JSON.stringify(typeof ref.fact === 'string' ? ref.fact.slice(0, 64) : ref.fact ?? null)}` });
    else {
      facts.add(ref.fact);
      valueType = FACT_TYPES[ref.fact] as ValueType;
    }
  } else {
    const t = literalType(n.value);
    if (typeof t === 'string') out.push({ path: `${path}.value`, message: t });
    else valueType = t;
  }
  if (knownOperator && factType !== null && valueType !== null) {
    const problem = operatorProblem(parts, base, factType, valueType);
    if (problem !== null) out.push({ path: `${path}.operator`, message: problem });
  }
}

export interface CompiledHouseRules {
  readonly ids: readonly string[];
  /** Runs every house rule on the facts of a check; resolves to the violations of the rules that fired. */
  readonly run: (facts: Facts, profile: string) => Promise<Finding[]>;
}

/**
 * Validates and compiles house rules once, when a guard is created. A malformed rule throws a
 * GuardConfigError naming the rule and the problem; a rule id that clashes with a built-in rule's does too.
 */
export function compileHouseRules(input: unknown, reservedIds: readonly string[]): CompiledHouseRules {
  const parsed = validate(z.array(HouseRule).max(1000), input, 'houseRules');
  if (!parsed.ok) throw new GuardConfigError('House rules cannot be read', parsed.problems);
  const problems: ConfigProblem[] = [];
  const seen = new Set<string>();
  const referenced = new Map<string, string[]>();
  parsed.value.forEach((rule, i) => {
    const path = `houseRules[${i}] (${rule.name})`;
    if (reservedIds.includes(rule.name) || rule.name === INVALID_INPUT) problems.push({ path: `${path}.name`, message: 'clashes with a built-in rule id' });
    if (seen.has(rule.name)) problems.push({ path: `${path}.name`, message: 'duplicate house rule id' });
    seen.add(rule.name);
    const facts = new Set<string>();
    const top = rule.conditions;
    const booleans = BOOLEAN_KEYS.filter((k) => Object.hasOwn(top, k));
    if (booleans.length === 0 || booleans.includes('not')) problems.push({ path: `${path}.conditions`, message: 'the top condition must be "all" or "any"' });
    conditionProblems(top, `${path}.conditions`, facts, problems);
    referenced.set(rule.name, [...facts]);
    try {
      new EngineRule({ name: rule.name, conditions: rule.conditions as never, event: rule.event, ...(rule.priority === undefined ? {} : { priority: rule.priority }) });
    } catch (error) {
      problems.push({ path: `${path}.conditions`, message: error instanceof Error ? error.message : String(error) });
    }
  });
  if (problems.length > 0) throw new GuardConfigError('House rules are malformed', problems);

  const rules = parsed.value;
  const byName = new Map(rules.map((r) => [r.name, r]));
  const engine = new Engine(
    rules.map((r) => ({ name: r.name, conditions: r.conditions as never, event: r.event, ...(r.priority === undefined ? {} : { priority: r.priority }) })),
    { allowUndefinedFacts: false, replaceFactsInEventParams: false },
  );
  const order = new Map(rules.map((r, i) => [r.name, i]));

  return {
    ids: rules.map((r) => r.name),
    run: async (facts, profile) => {
      if (rules.length === 0) return [];
      const houseFacts = houseFactsOf(facts);
      const { results } = await engine.run({ ...houseFacts });
      return results
        .map((result) => byName.get(String(result.name)))
        .filter((rule): rule is HouseRule => rule !== undefined)
        .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0))
        .map((rule) => {
          const m = rule.event.params.message;
          const picked: Record<string, FactValue> = {};
          for (const name of referenced.get(rule.name) ?? []) picked[name] = houseFacts[name as HouseFactName];
          return {
            rule: rule.name,
            clause: { standard: 'house', clause: rule.name, topic: rule.event.params.topic ?? rule.name },
            code: rule.event.type,
            message: typeof m === 'string' ? { zh: m, en: m } : { zh: m.zh, en: m.en },
            facts: picked as FactRecord as Record<string, FactValue>,
            source: { kind: 'house' as const, profile },
          };
        });
    },
  };
}
