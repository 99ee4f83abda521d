/**
 * Fuzz targets shared by `npm run fuzz` (test/fuzz/run.ts: tens of thousands of runs per target) and
 * test/fuzz/fuzz.test.ts (a few hundred, in npm test). Each target feeds a public entry point junk,
 * bent valid input, huge or deeply nested input and JSON with `__proto__` / `constructor` / `prototype`
 * keys, and asserts: it never throws, never allows (or schedules, or counts) what does not validate,
 * returns within the time budget, and prototype keys change nothing but the verdict "invalid input".
 */
import fc from 'fast-check';
import {
  ActionSchema, AuditRecordSchema, auditSync, checkAction, ContextSchema, createGuard, DecisionSchema, GuardConfigError, HOUSE_FACTS, MAX_SCHEDULE_CANDIDATES,
  MAX_SCHEDULE_CHECKS, nextAllowedAt, quota, scheduleAction, type ActionInput, type ContextInput, type Decision,
} from '../../src/index.js';
import { action as fixedAction, context as fixedContext, visitAction } from '../support/fixtures.js';
import { action as validAction, context as validContext, instant } from '../support/arbitraries.js';

export interface FuzzOptions {
  /** A call slower than this, three times in a row on the same input, fails the target. */
  readonly maxMs: number;
}

export interface FuzzTarget {
  readonly name: string;
  /** Synchronous, or asynchronous for house rules (json-rules-engine): run it with `await fc.check(…)`. */
  readonly property: fc.IProperty<never> | fc.IAsyncProperty<never>;
  /** The slowest call seen so far, in milliseconds. */
  readonly slowest: () => number;
}

class FuzzFailure extends Error {}
function check(condition: boolean, message: string): void {
  if (!condition) throw new FuzzFailure(message);
}

/**
 * A timer that fails a call slower than the budget three times in a row: once or twice may be a GC pause
 * or another process on a busy host; the fastest of three attempts is what is checked and recorded.
 */
function timer(maxMs: number): { time: <T>(what: string, f: () => T) => T; slowest: () => number } {
  let slowest = 0;
  return {
    time<T>(what: string, f: () => T): T {
      let fastest = Number.POSITIVE_INFINITY;
      let value: T | undefined;
      for (let attempt = 0; attempt < 3 && fastest > maxMs; attempt += 1) {
        const start = performance.now();
        value = f();
        fastest = Math.min(fastest, performance.now() - start);
      }
      check(fastest <= maxMs, `${what} took more than ${maxMs} ms three times (fastest ${fastest.toFixed(1)} ms)`);
      slowest = Math.max(slowest, fastest);
      return value as T;
    },
    slowest: () => slowest,
  };
}

// ---------------------------------------------------------------------------------------------------
// Inputs.

type Json = unknown;
type Path = readonly (string | number)[];

export const junk: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true }),
  fc.constantFrom('', ' ', '2026-11-30T10:00:00', '2026-02-30T10:00:00+08:00', '24:00', 'Asia/Nowhere', 'debtor', 'voice', -0, Number.NaN, Infinity, 1e308, -1),
);

/** Something big: long strings and arrays, deep nesting, wide objects (most beyond the input bounds). */
export const huge: fc.Arbitrary<Json> = fc.oneof(
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => `2026-11-30T10:00:00${'0'.repeat(n)}+08:00`),
  fc.tuple(fc.integer({ min: 1_000, max: 250_000 }), fc.constantFrom<Json>(0, 'x', {}, [], { x: 1 })).map(([n, v]) => new Array(n).fill(v)),
  fc.tuple(fc.integer({ min: 20, max: 20_000 }), fc.boolean()).map(([depth, asArray]) => {
    let v: Json = 'leaf';
    for (let i = 0; i < depth; i += 1) v = asArray ? [v] : { a: v };
    return v;
  }),
  fc.integer({ min: 100, max: 20_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
);

/** Every path to a value inside a JSON-like value. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return [prefix];
}

function objectPathsOf(value: Json): Path[] {
  return pathsOf(value).filter((p) => {
    const v = at(value, p);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  });
}

function at(root: Json, path: Path): Json {
  let v = root;
  for (const key of path) v = (v as Record<string | number, Json>)[key];
  return v;
}

/** A copy with the value at `path` replaced (structural sharing elsewhere). */
function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(root) ? [...(root as Json[])] : { ...(root as Record<string, Json>) }) as Record<string | number, Json>;
  copy[head] = setAt(copy[head], rest, value);
  return copy;
}

/** A valid input with one value, anywhere in it, replaced by junk or by something huge. */
function bent<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<Json> {
  return fc.tuple(valid, fc.nat(), fc.oneof({ weight: 5, arbitrary: junk }, { weight: 1, arbitrary: huge })).map(([v, pick, value]) => {
    const paths = pathsOf(v);
    return setAt(v, paths[pick % paths.length] as Path, value);
  });
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const PLACEHOLDER = 'zzPlaceholderKeyzz';

/**
 * A valid input as JSON.parse gives it back with one prototype key added to one of its objects: an own
 * data property named `__proto__` (or `constructor`, `prototype`), which is what a request body can carry.
 */
export function withProtoKey<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<{ base: T; parsed: Json; key: string }> {
  const payload = fc.oneof(fc.constant<Json>({ polluted: true }), fc.constant<Json>({ prototype: { polluted: true } }), fc.constant<Json>({ toString: 'x', valueOf: 1 }), fc.jsonValue({ maxDepth: 2 }));
  return fc.tuple(valid, fc.nat(), fc.constantFrom(...PROTO_KEYS), payload).map(([v, pick, key, value]) => {
    const objects = objectPathsOf(v);
    const path = objects[pick % objects.length] as Path;
    const target = { ...(at(v, path) as Record<string, Json>), [PLACEHOLDER]: value };
    const text = JSON.stringify(setAt(v, path, target)).replace(`"${PLACEHOLDER}"`, JSON.stringify(key));
    return { base: v, parsed: JSON.parse(text) as Json, key };
  });
}

/** Inputs for one parameter: valid, valid-but-bent, junk, huge. */
function anyOf<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<Json> {
  return fc.oneof({ weight: 3, arbitrary: valid as fc.Arbitrary<Json> }, { weight: 6, arbitrary: bent(valid) }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: huge });
}

/** A history of up to `max` valid entries (long histories are legitimate input too). */
const longValidCase: fc.Arbitrary<ContextInput> = fc.tuple(validContext, fc.integer({ min: 0, max: 2_000 }), instant).map(([c, n, t]) => ({
  ...c,
  history: [...(c.history ?? []), ...Array.from({ length: n }, (_, i) => ({ channel: 'voice' as const, at: t, target: { role: 'debtor' as const }, outcome: i % 2 === 0 ? 'connected' as const : 'not_connected' as const }))],
}));
export const contextInput = fc.oneof({ weight: 8, arbitrary: anyOf(validContext) }, { weight: 1, arbitrary: longValidCase as fc.Arbitrary<Json> });
export const actionInput = anyOf(validAction);

// ---------------------------------------------------------------------------------------------------
// Properties.

const valid = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown): boolean => schema.safeParse(value).success;
const isInvalidInput = (d: Decision): boolean => d.outcome === 'deny' && d.violations.length === 1 && d.violations[0]?.rule === 'invalid-input';

/** Nothing has been added to Object.prototype (a `__proto__` key merged by assignment would do it). */
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).join();
function checkNotPolluted(): void {
  check(Object.getOwnPropertyNames(Object.prototype).join() === prototypeKeys && ({} as Record<string, unknown>).polluted === undefined, 'Object.prototype was changed');
}

function checkDecision(d: Decision, c: Json, a: Json): void {
  check(DecisionSchema.safeParse(d).success, 'the decision does not match DecisionSchema');
  if (d.outcome === 'allow') check(valid(ContextSchema, c) && valid(ActionSchema, a), 'allowed an input that does not validate');
  if (d.violations.some((v) => v.rule === 'invalid-input')) {
    check(isInvalidInput(d), 'an invalid-input deny carries other findings');
    check(((d.violations[0]?.facts.issues as unknown[] | undefined)?.length ?? 0) > 0, 'an invalid-input deny lists no problem');
  }
}

function auditRecordFrom(c: ContextInput, a: ActionInput, outcome: string, id: string | undefined): Json {
  const { history: _history, ...rest } = c;
  return { ...(id === undefined ? {} : { id }), ...rest, action: a, outcome };
}
const validRecord = fc.tuple(validContext, validAction, fc.constantFrom('connected', 'not_connected', 'delivered', 'failed', 'completed'), fc.option(fc.constantFrom('R1', 'R2'), { nil: undefined }))
  .map(([c, a, o, id]) => auditRecordFrom(c, a, o, id));

export function fuzzTargets(options: FuzzOptions): FuzzTarget[] {
  const targets: FuzzTarget[] = [];
  const add = (name: string, make: (time: ReturnType<typeof timer>['time']) => fc.IProperty<never> | fc.IAsyncProperty<never>, maxMs = options.maxMs): void => {
    const t = timer(maxMs);
    targets.push({ name, property: make(t.time), slowest: t.slowest });
  };

  add('checkAction', (time) =>
    fc.property(contextInput, actionInput, (c, a) => {
      const d = time('checkAction', () => checkAction(c, a));
      checkDecision(d, c, a);
      checkNotPolluted();
    }) as unknown as fc.IProperty<never>,
  );

  add('checkAction with __proto__ / constructor / prototype keys', (time) =>
    fc.property(fc.boolean(), withProtoKey(validContext), withProtoKey(validAction), (inContext, c, a) => {
      const [ctx, act] = inContext ? [c.parsed, a.base] : [c.base, a.parsed];
      const d = time('checkAction', () => checkAction(ctx, act));
      checkNotPolluted();
      const without = checkAction(c.base, a.base);
      check(isInvalidInput(d) || JSON.stringify(d) === JSON.stringify(without), `a "${inContext ? c.key : a.key}" key changed the decision`);
      checkDecision(d, ctx, act);
    }) as unknown as fc.IProperty<never>,
  );

  add('scheduleAction / nextAllowedAt', (time) =>
    fc.property(contextInput, actionInput, fc.integer({ min: 0, max: 14 }), fc.boolean(), (c, a, horizonDays, viaNext) => {
      if (viaNext) {
        const at = time('nextAllowedAt', () => nextAllowedAt(c, a, { horizonDays }));
        if (at !== null) check(valid(ContextSchema, c) && valid(ActionSchema, a), 'scheduled an input that does not validate');
        return;
      }
      const r = time('scheduleAction', () => scheduleAction(c, a, { horizonDays }));
      checkNotPolluted();
      checkDecision(r.decision, c, a);
      if (r.at !== null) {
        check(r.decision.outcome === 'allow', 'a scheduled instant without an allow');
        check(valid(ContextSchema, c) && valid(ActionSchema, a), 'scheduled an input that does not validate');
      }
      if (isInvalidInput(r.decision)) check(r.at === null && r.permanent && r.horizonEnd === null, 'invalid input was scheduled');
    }) as unknown as fc.IProperty<never>,
  );

  add('quota', (time) =>
    fc.property(contextInput, fc.oneof(instant as fc.Arbitrary<Json>, junk, huge), (c, t) => {
      const q = time('quota', () => quota(c, t));
      checkNotPolluted();
      if (q.ok) {
        check(q.quota !== null && q.issues.length === 0, 'ok without a quota');
        check(valid(ContextSchema, c), 'counted for a case that does not validate');
        check((q.quota?.voice.left ?? 0) >= 0 && (q.quota?.visits.left ?? 0) >= 0, 'negative quota');
      } else {
        check(q.quota === null && q.issues.length > 0, 'not ok without issues');
      }
    }) as unknown as fc.IProperty<never>,
  );

  add('auditSync', (time) =>
    fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: validRecord }, { weight: 4, arbitrary: bent(validRecord) }, { weight: 1, arbitrary: junk }, { weight: 1, arbitrary: huge }), { maxLength: 12 }), (records) => {
      const verdicts = time('auditSync', () => [...auditSync(records)]);
      checkNotPolluted();
      check(verdicts.length === records.length, 'not one verdict per record');
      verdicts.forEach((v, i) => {
        check(v.index === i, 'verdicts out of order');
        if (v.outcome === 'allow') check(valid(AuditRecordSchema, records[i]), 'allowed a record that does not validate');
        if (!valid(AuditRecordSchema, records[i])) check(v.outcome === 'deny' && v.inputError !== undefined, 'an invalid record without an input error');
      });
    }) as unknown as fc.IProperty<never>,
  );

  // The scheduler with many zones and windows (issue 15): whatever the zones, windows and horizon, the
  // work stays within the caps, and the result says how the search ended. Its time budget is the cap's
  // (1,000 full checks in eight zones), not the single check's.
  add('scheduleAction with many zones and windows', (time) =>
    fc.property(manyZonesCase, ([c, a, horizonDays]) => {
      const r = time('scheduleAction', () => scheduleAction(c, a, { horizonDays }));
      checkNotPolluted();
      check(r.work.checks <= MAX_SCHEDULE_CHECKS && r.work.candidates <= MAX_SCHEDULE_CANDIDATES, `work past the caps: ${JSON.stringify(r.work)}`);
      check((r.at !== null) === (r.status === 'allowed'), `status ${r.status} with at ${String(r.at)}`);
      check(r.permanent === (r.status === 'permanent'), `status ${r.status} with permanent ${String(r.permanent)}`);
      if (r.at !== null) check(checkAction(c, { ...a, at: r.at }).outcome === 'allow', 'the scheduled instant is denied');
      if (r.status === 'search-limit') check(r.searchedUntil !== null && r.searchedUntil !== r.horizonEnd, 'search-limit without where it stopped');
    }) as unknown as fc.IProperty<never>,
  Math.max(options.maxMs, 5_000));

  // House rules (issue 15): createGuard refuses a rule set with a GuardConfigError, or every check with it
  // decides without `house-rules/internal-error`; nothing else is thrown.
  add('house rules: refused at createGuard, or never an internal error', (time) =>
    fc.asyncProperty(houseRuleSet, async (rules) => {
      let guard;
      try {
        guard = time('createGuard', () => createGuard({ houseRules: rules }));
      } catch (error) {
        check(error instanceof GuardConfigError, `createGuard threw ${error instanceof Error ? error.name : typeof error}, not GuardConfigError`);
        return;
      }
      checkNotPolluted();
      for (const [c, a] of HOUSE_CASES) {
        const d = await guard.check(c, a);
        check(!d.violations.some((v) => v.code === 'internal-error'), `an accepted rule set ended a check in ${d.violations.find((v) => v.code === 'internal-error')?.rule ?? ''}/internal-error`);
      }
    }) as unknown as fc.IAsyncProperty<never>,
  );

  return targets;
}

// ---------------------------------------------------------------------------------------------------
// Inputs of the issue 15 targets.

const ZONE_POOL = [
  'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Eucla', 'Pacific/Chatham', 'Asia/Tehran',
  'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Apia',
];
const clock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const fuzzWindow = fc.record({
  start: fc.integer({ min: 0, max: 1439 }),
  length: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1440 })),
  days: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), { nil: undefined }),
}).map(({ start, length, days }) => ({ start: clock(start), end: clock((start + length) % 1440), ...(days === undefined ? {} : { days }) }));

/** A valid case with up to eight candidate zones and fifty agreed windows, and a horizon up to 366 days. */
const manyZonesCase: fc.Arbitrary<[ContextInput, ActionInput, number]> = fc.tuple(
  fc.uniqueArray(fc.constantFrom(...ZONE_POOL), { minLength: 1, maxLength: 8 }),
  fc.option(fc.array(fuzzWindow, { minLength: 1, maxLength: 50 }), { nil: undefined }),
  fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 14 }) }, { weight: 1, arbitrary: fc.integer({ min: 15, max: 366 }) }),
  fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }),
).map(([zones, windows, cap, horizonDays, minutes]) => {
  const [first, ...rest] = zones;
  const c = fixedContext({
    debtor: { id: 'D1', timeZone: first as string, ...(rest.length > 0 ? { timeZones: rest } : {}) },
    ...(windows === undefined && cap === undefined ? {} : { agreement: { ...(windows === undefined ? {} : { windows }), ...(cap === undefined ? {} : { voiceDailyCap: cap }) } }),
  } as Partial<ContextInput>);
  const at = new Date(Date.parse('2026-11-30T00:00:00+08:00') + minutes * 60_000).toISOString();
  return [c, fixedAction({ at }), horizonDays];
});

const houseFact = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.keys(HOUSE_FACTS)) }, { weight: 1, arbitrary: fc.constantFrom('constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'nope') });
const houseOperator = fc.tuple(
  fc.array(fc.constantFrom('not', 'swap', 'someFact', 'everyFact', 'someValue', 'everyValue', 'bogus'), { maxLength: 2 }),
  fc.constantFrom('equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'startsWith'),
).map(([decorators, base]) => [...decorators, base].join(':'));
const houseScalar = fc.oneof(fc.constantFrom('sms', 'voice', 'debtor', 'debt_amount', 'human', '2026-11-30', '10:00'), fc.integer({ min: -2, max: 30 }), fc.boolean(), fc.constant(null));
const houseValue = fc.oneof(houseScalar, fc.array(houseScalar, { maxLength: 3 }), houseFact.map((fact) => ({ fact })), junk);
const houseLeaf = fc.oneof(
  { weight: 8, arbitrary: fc.record({ fact: houseFact, operator: houseOperator, value: houseValue }) },
  { weight: 1, arbitrary: fc.record({ fact: houseFact, operator: houseOperator, value: houseValue, path: fc.constant('$.x') }) },
  { weight: 1, arbitrary: junk },
);
const houseTree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    houseLeaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
    fc.record({ all: fc.array(tie('node'), { maxLength: 2 }), any: fc.array(tie('node'), { maxLength: 2 }) }),
  ),
})).node;
/** House rule sets, through JSON (so that `__proto__` is an own key, as in a rules file). */
const houseRuleSet = fc.array(
  fc.record({ name: fc.constantFrom('a', 'b', 'c'), conditions: houseTree, event: fc.constant({ type: 'x', params: { message: 'm' } }) }),
  { minLength: 1, maxLength: 3 },
).map((rules) => {
  try {
    return JSON.parse(JSON.stringify(rules)) as unknown[];
  } catch {
    return rules as unknown[]; // a BigInt or a cycle in the junk: given as it is
  }
});
const HOUSE_CASES: [ContextInput, ActionInput][] = [
  [fixedContext(), fixedAction()],
  [fixedContext(), fixedAction({ at: '2026-11-30T23:30:00+08:00', channel: 'sms' })],
  [fixedContext({ debtor: { id: 'D1', timeZone: 'Asia/Kathmandu' } }), visitAction()],
];
