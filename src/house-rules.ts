/**
 * House rules: a compliance team's own rules, in json-rules-engine's JSON format, over a documented set
 * of facts (docs/house-rules.md). A house rule that fires is a violation; house rules can only add
 * violations, so they never turn a deny into an allow.
 */
import { INVALID_INPUT } from './decision.js';
import { Engine, Rule as EngineRule } from 'json-rules-engine';
import { z } from 'zod';
import { GuardConfigError, type ConfigProblem } from './errors.js';
import type { Facts } from './facts.js';
import type { FactRecord, FactValue, Finding } from './schema/decision.js';
import { validate } from './validate.js';

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
  return {
    channel: f.channel,
    targetRole: f.targetRole,
    purpose: f.purpose,
    disclosures: f.disclosures,
    conduct: f.conduct,
    amountDemanded: f.amountDemanded,
    timeZone: f.targetLocal.zone,
    localDate: f.targetLocal.date,
    localMonthDay: f.targetLocal.date.slice(5),
    localTime: f.targetLocal.time,
    localHour: Math.floor(f.targetLocal.minuteOfDay / 60),
    localMinuteOfDay: f.targetLocal.minuteOfDay,
    localWeekday: f.targetLocal.weekday,
    debtorLocalDate: f.debtorLocal.date,
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

/** Walks a condition tree: every fact must be a documented house fact, every operator a known one. */
function conditionProblems(node: unknown, path: string, facts: Set<string>, out: ConfigProblem[]): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    out.push({ path, message: 'expected a condition object' });
    return;
  }
  const n = node as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    if (key in n) {
      if (!Array.isArray(n[key])) out.push({ path: `${path}.${key}`, message: 'expected an array of conditions' });
      else (n[key] as unknown[]).forEach((child, i) => conditionProblems(child, `${path}.${key}[${i}]`, facts, out));
      return;
    }
  }
  if ('not' in n) return conditionProblems(n.not, `${path}.not`, facts, out);
  if ('condition' in n) {
    out.push({ path: `${path}.condition`, message: 'shared conditions are not supported: write the condition inline' });
    return;
  }
  const fact = n.fact;
  if (typeof fact !== 'string' || !(fact in HOUSE_FACTS)) {
    out.push({ path: `${path}.fact`, message: `unknown fact ${JSON.stringify(fact)}; known facts: ${Object.keys(HOUSE_FACTS).join(', ')}` });
  } else {
    facts.add(fact);
  }
  const operator = n.operator;
  const parts = typeof operator === 'string' ? operator.split(':') : [];
  const base = parts.pop();
  if (base === undefined || !OPERATORS.has(base) || !parts.every((d) => DECORATORS.has(d))) {
    out.push({ path: `${path}.operator`, message: `unknown operator ${JSON.stringify(operator)}` });
  }
  if (!('value' in n)) out.push({ path: `${path}.value`, message: 'a condition needs a value' });
  else if (typeof n.value === 'object' && n.value !== null && 'fact' in n.value) {
    const ref = (n.value as { fact?: unknown }).fact;
    if (typeof ref !== 'string' || !(ref in HOUSE_FACTS)) out.push({ path: `${path}.value.fact`, message: `unknown fact ${JSON.stringify(ref)}` });
    else facts.add(ref);
  }
  if ('path' in n) out.push({ path: `${path}.path`, message: 'house facts are flat: "path" is not supported' });
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
    conditionProblems(rule.conditions, `${path}.conditions`, facts, problems);
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
