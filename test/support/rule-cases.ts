/**
 * The RuleTester's tables and checks as plain data and pure functions, with no vitest: the tester
 * (rule-tester.ts) turns the problems into failing tests, scripts/rule-docs.ts runs the same cases to
 * write the examples of docs/rules/<id>.md, and test/support/rule-tester.test.ts feeds the checks bad
 * tables to show that each one is caught.
 *
 * A check returns the problems it found (an empty list when the table is sound), each naming the check
 * and the case, so that a test can say which check fired.
 */
import { ActionSchema, ContextSchema, createGuard, rules, type ActionInput, type ContextInput, type Decision, type Guard, type GuardOptions, type Rule } from '../../src/index.js';
import { evaluate } from '../../src/core/evaluate.js';
import { deriveFacts } from '../../src/core/facts.js';
import { compileProfile } from '../../src/profiles/compile.js';

/** A finding a case expects: its code, and its facts (a subset of the finding's, or all of them when `exact`). */
export interface ExpectedFinding {
  readonly code: string;
  readonly facts?: Record<string, unknown>;
  /** When true, `facts` are the finding's whole facts: a fact the case does not list is a problem. */
  readonly exact?: boolean;
}

export interface ValidCase {
  readonly name: string;
  readonly context: ContextInput;
  readonly action: ActionInput;
  /** The guard this case runs under (default: the table's). */
  readonly guard?: GuardOptions;
  /** When given, the rule's obligations on this case, in order. */
  readonly obligations?: readonly ExpectedFinding[];
  /** When given, the case is shown in docs/rules/<id>.md under this caption (scripts/rule-docs.ts). */
  readonly doc?: string;
  /** When given, the decision's outcome (a valid case may still be denied by another rule). */
  readonly outcome?: Decision['outcome'];
  /** When given, whether the rule is listed in `evaluated` (applies) on this case. */
  readonly evaluated?: boolean;
}

export interface InvalidCase extends ValidCase {
  readonly violations: readonly ExpectedFinding[];
}

export interface RuleTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
  /** The guard the cases run under (default: the national profile). */
  readonly guard?: GuardOptions;
}

/** The checks of the tester, by the name a problem carries. */
export type TesterCheck =
  | 'duplicate-case'
  | 'duplicate-name'
  | 'unknown-code'
  | 'nothing-expected'
  | 'unexercised-code'
  | 'placeholder'
  | 'evaluated-vs-applies-to'
  | 'violations'
  | 'obligations'
  | 'outcome'
  | 'evaluated';

/** What is wrong with a table or one of its cases. */
export interface TesterProblem {
  readonly check: TesterCheck;
  /** The case's name, when the problem is one case's. */
  readonly case?: string;
  readonly message: string;
}

type Finding = Decision['violations'][number];

const PLACEHOLDER = /\{\w+\}/;
/** Guards are built once per set of options; a table names only a few (the bound is far above that). */
const GUARD_CACHE_LIMIT = 64;
const guards = new Map<string, Guard>();

function guardFor(options: GuardOptions): Guard {
  const key = JSON.stringify(options);
  let guard = guards.get(key);
  if (guard === undefined) {
    if (guards.size >= GUARD_CACHE_LIMIT) guards.clear();
    guard = createGuard(options);
    guards.set(key, guard);
  }
  return guard;
}

/** The guard options a case runs under. */
export function guardOf(table: RuleTable, c: ValidCase): GuardOptions {
  return c.guard ?? table.guard ?? {};
}

export function isInvalidCase(c: ValidCase): c is InvalidCase {
  return 'violations' in c;
}

/** The facts and limits the rule sees on a case (the inputs validated as the guard validates them). */
function factsAndLimits(options: GuardOptions, c: ValidCase) {
  const limits = compileProfile(guardFor(options).profile);
  const facts = deriveFacts(ContextSchema.parse(c.context), ActionSchema.parse(c.action));
  return { facts, limits };
}

/**
 * The decision on a case: through the guard for a rule of the registry; a rule the guard does not run (a
 * fake rule in the tester's own tests) is evaluated alone on the case's facts, under the guard's limits.
 */
export function runCase(rule: Rule, table: RuleTable, c: ValidCase): Decision {
  const options = guardOf(table, c);
  const registered = rules.find((r) => r.id === rule.id);
  if (registered === rule) return guardFor(options).checkSync(c.context, c.action);
  // A copy of a registered rule would be tested alone while the guard runs the original: refuse it.
  if (registered !== undefined) throw new Error(`${rule.id} is not the registry's rule object: import it from src/rules/${rule.id}.ts`);
  const { facts, limits } = factsAndLimits(options, c);
  return evaluate([rule], facts, limits);
}

/** The findings of one rule among a decision's violations or obligations. */
export function ofRule(rule: Rule, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.rule === rule.id);
}

/** Whether `actual` holds `expected` in the manner of vitest's toMatchObject: objects as subsets, arrays item by item. */
export function matchesSubset(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matchesSubset(e, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(expected).every(([k, v]) => Object.hasOwn(record, k) && matchesSubset(v, record[k]));
  }
  return Object.is(expected, actual);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Problems with the table as a whole: duplicates, unknown codes, invalid cases that expect nothing. */
export function tableProblems(rule: Rule, table: RuleTable): TesterProblem[] {
  const problems: TesterProblem[] = [];
  const declared = new Set(Object.keys(rule.messages));
  const seen = new Map<string, string>();
  const names = new Set<string>();
  for (const c of [...table.valid, ...table.invalid]) {
    const key = JSON.stringify([guardOf(table, c), c.context, c.action]);
    const first = seen.get(key);
    if (first !== undefined) problems.push({ check: 'duplicate-case', case: c.name, message: `${c.name} duplicates ${first} (same guard, context and action)` });
    else seen.set(key, c.name);
    if (names.has(c.name)) problems.push({ check: 'duplicate-name', case: c.name, message: `two cases are named ${c.name}` });
    names.add(c.name);
    const expected = [...(isInvalidCase(c) ? c.violations : []), ...(c.obligations ?? [])];
    for (const e of expected) {
      if (!declared.has(e.code)) problems.push({ check: 'unknown-code', case: c.name, message: `${c.name}: ${e.code} is not a message code of ${rule.id}` });
    }
  }
  for (const c of table.invalid) {
    if (c.violations.length === 0) problems.push({ check: 'nothing-expected', case: c.name, message: `${c.name}: an invalid case expects at least one violation` });
  }
  return problems;
}

function findingProblems(check: 'violations' | 'obligations', name: string, found: readonly Finding[], expected: readonly ExpectedFinding[]): TesterProblem[] {
  const foundCodes = found.map((f) => f.code);
  const expectedCodes = expected.map((e) => e.code);
  if (show(foundCodes) !== show(expectedCodes)) {
    return [{ check, case: name, message: `${name}: ${check} ${show(foundCodes)}, expected ${show(expectedCodes)}` }];
  }
  const problems: TesterProblem[] = [];
  expected.forEach((e, i) => {
    const facts = found[i]?.facts;
    if (e.facts === undefined) return;
    const ok = e.exact === true ? matchesSubset(e.facts, facts) && matchesSubset(facts, e.facts) : matchesSubset(e.facts, facts);
    if (!ok) problems.push({ check, case: name, message: `${name}: facts of ${e.code} are ${show(facts)}, expected ${e.exact === true ? '' : 'at least '}${show(e.facts)}` });
  });
  return problems;
}

/** Problems with one case's decision: what it expects, placeholders, and `evaluated` against `appliesTo`. */
export function caseProblems(rule: Rule, table: RuleTable, c: ValidCase, decision: Decision): TesterProblem[] {
  const problems: TesterProblem[] = [];
  const violations = ofRule(rule, decision.violations);
  const obligations = ofRule(rule, decision.obligations);
  if (isInvalidCase(c)) {
    problems.push(...findingProblems('violations', c.name, violations, c.violations));
    if (decision.outcome !== 'deny') problems.push({ check: 'outcome', case: c.name, message: `${c.name}: outcome ${decision.outcome}, an invalid case is denied` });
  } else if (violations.length > 0) {
    problems.push({ check: 'violations', case: c.name, message: `${c.name}: a valid case, but ${rule.id} found ${show(violations.map((v) => v.code))}` });
  }
  if (c.obligations !== undefined) problems.push(...findingProblems('obligations', c.name, obligations, c.obligations));
  if (c.outcome !== undefined && decision.outcome !== c.outcome) {
    problems.push({ check: 'outcome', case: c.name, message: `${c.name}: outcome ${decision.outcome}, expected ${c.outcome}` });
  }
  const listed = decision.evaluated.includes(rule.id);
  if (c.evaluated !== undefined && listed !== c.evaluated) {
    problems.push({ check: 'evaluated', case: c.name, message: `${c.name}: ${rule.id} is ${listed ? '' : 'not '}in evaluated, expected ${c.evaluated ? '' : 'not '}to be` });
  }
  const { facts, limits } = factsAndLimits(guardOf(table, c), c);
  const applies = rule.appliesTo(facts, limits);
  if (listed !== applies) {
    problems.push({ check: 'evaluated-vs-applies-to', case: c.name, message: `${c.name}: ${rule.id} is ${listed ? '' : 'not '}in evaluated, but appliesTo says ${String(applies)}` });
  }
  for (const f of [...violations, ...obligations]) {
    for (const lang of ['zh', 'en'] as const) {
      const text = f.message[lang];
      if (PLACEHOLDER.test(text)) problems.push({ check: 'placeholder', case: c.name, message: `${c.name}: the ${lang} message of ${f.code} keeps a placeholder: ${text}` });
    }
  }
  return problems;
}

/** The message codes of the rule a decision exercised (violations and obligations). */
export function exercisedCodes(rule: Rule, decision: Decision): string[] {
  return [...ofRule(rule, decision.violations), ...ofRule(rule, decision.obligations)].map((f) => f.code);
}

/** A problem per message code of the rule that no case exercised. */
export function unexercisedProblems(rule: Rule, exercised: ReadonlySet<string>): TesterProblem[] {
  return Object.keys(rule.messages)
    .filter((code) => !exercised.has(code))
    .map((code) => ({ check: 'unexercised-code' as const, message: `no case exercises ${code} of ${rule.id}` }));
}

/** Every problem of a table: the table's own, each case's, and the codes no case exercised. */
export function checkTable(rule: Rule, table: RuleTable): TesterProblem[] {
  const problems = tableProblems(rule, table);
  const exercised = new Set<string>();
  for (const c of [...table.valid, ...table.invalid]) {
    const decision = runCase(rule, table, c);
    problems.push(...caseProblems(rule, table, c, decision));
    for (const code of exercisedCodes(rule, decision)) exercised.add(code);
  }
  return [...problems, ...unexercisedProblems(rule, exercised)];
}
