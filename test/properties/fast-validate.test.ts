/**
 * The fast validator (src/core/fast-validate.ts) against zod, the single source of truth: on valid inputs and
 * on valid inputs mutated one field at a time, both accept and refuse the same inputs, and on acceptance
 * the fast output is zod's output (defaults, key order, keys present as undefined). A field added to a
 * schema, or a refinement changed, shows up here as soon as the arbitraries produce it.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditRecord } from '../../src/schema/audit-record.js';
import { fastValidator } from '../../src/core/fast-validate.js';
import { generateValidators } from '../../src/core/validators/codegen.js';
import { FAIL, refinementOf, refused, runCheck, viaZod, type Parse, type ZodInternals } from '../../src/core/validators/runtime.js';
import { VALIDATOR_SOURCES } from '../../src/core/validators/sources.js';
import { compileSchema } from '../../src/core/validators/walker.js';
import { Action } from '../../src/schema/action.js';
import { Context } from '../../src/schema/context.js';
import { boundsProblem, INPUT_BOUNDS, validate } from '../../src/core/validate.js';

const validateContext = (input: unknown) => validate(Context, input, 'context');
import { action, context, historyEntry } from '../support/arbitraries.js';
import { context as fixtureContext } from '../support/fixtures.js';

const walk = (value: unknown) => boundsProblem(value, '') === null;

/** Bounds walk and zod, as validate() decides without the fast path. */
function slow(schema: z.ZodType, input: unknown): { ok: true; value: unknown } | { ok: false } {
  if (!walk(input)) return { ok: false };
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false };
}

/** JSON text that keeps keys whose value is undefined, and key order. */
const exact = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));

const walkers = new Map<unknown, ReturnType<typeof compileSchema>>();

/** The fast validator (generated code for the input schemas) and the closure walker both agree with zod. */
function agree(schema: z.ZodType, input: unknown): void {
  const reference = slow(schema, input);
  const fast = fastValidator(schema, INPUT_BOUNDS, walk).parse(input);
  let walker = walkers.get(schema);
  if (walker === undefined) walkers.set(schema, (walker = compileSchema(schema as unknown as ZodInternals, INPUT_BOUNDS)));
  const walked = walker.withinBounds || walk(input) ? walker.parse(input) : FAIL;
  for (const [name, out] of [['fast', fast === undefined ? FAIL : fast.value], ['walker', walked]] as const) {
    expect(out !== FAIL, `${name} ${out === FAIL ? 'refuses' : 'accepts'}, zod ${reference.ok ? 'accepts' : 'refuses'}: ${exact(input)}`).toBe(reference.ok);
    if (out !== FAIL && reference.ok) {
      expect(out).toStrictEqual(reference.value);
      expect(exact(out)).toBe(exact(reference.value));
    }
  }
}

/** Values a mutated field takes: wrong types, edges of every limit, refinements' near misses, other enum members. */
const REPLACEMENTS: readonly unknown[] = [
  undefined, null, true, false, 0, -1, 1, 1.5, 3, 5, 7, 8, 100, 101, 1000, 1001, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53,
  '', 'x', 'x'.repeat(200), 'x'.repeat(201), '😀'.repeat(150), '😀'.repeat(201), [], [1], {}, { role: 'debtor' }, ['voice'],
  '2026-11-30T10:00:00+08:00', '2026-11-30T10:00:00Z', '2026-11-30T10:00Z', '2026-11-30T10:00:00.123456789Z', '2026-02-30T10:00:00Z',
  '2026-11-30T10:00:00', '2026-11-30T24:00:00Z', '2026-11-30 10:00:00Z', '2026-11-30T10:00:00+19:00',
  'Asia/Shanghai', 'UTC', 'Mars/Olympus_Mons', 'asia/shanghai', 'EST', 'Etc/GMT+8', 'America/Argentina/Buenos_Aires',
  '08:00', '23:59', '24:00', '8:00', '00:00',
  'voice', 'visit', 'sms', 'overdue', 'settled', 'debtor', 'contact', 'guarantor', 'third_party', 'human', 'ai', 'lender', 'agency',
  'connected', 'not_connected', 'full', 'none', 'active', 'dismissed', 'reminder', 'locate_debtor', 'debt_amount', 'threat',
];

type Path = readonly (string | number)[];

/** Every path to a value inside `value` (the root excluded). */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return [];
  const out: Path[] = [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    out.push([...prefix, key], ...paths(child, [...prefix, key]));
  }
  return out;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'unknown-key' };

/** A deep copy of `input` with one change at `path`. */
function mutate(input: unknown, path: Path, mutation: Mutation): unknown {
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (mutation.kind === 'set') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>).timezone = 'Asia/Shanghai';
    else parent[last] = { ...(typeof target === 'object' ? target : {}), extra: 1 };
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...REPLACEMENTS).map((value) => ({ kind: 'set' as const, value })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'unknown-key' as const }) },
);

/** A valid input with one field changed, or the valid input itself. */
const mutated = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.tuple(valid, fc.nat(), mutation, fc.boolean()).map(([input, n, m, keep]) => {
    const all = paths(input);
    if (keep || all.length === 0) return input;
    return mutate(input, all[n % all.length] as Path, m);
  });

const outcome = fc.constantFrom('connected', 'not_connected', 'delivered', 'failed', 'completed');
const record = fc.tuple(context, action, outcome, fc.option(fc.constant('R1'), { nil: undefined })).map(([c, a, o, id]) => {
  const { history: _h, ...caseFields } = c;
  return { ...(id === undefined ? {} : { id }), ...caseFields, action: a, outcome: o };
});

describe('the fast validator accepts exactly what zod accepts, with the same output', () => {
  it('contexts, valid and mutated one field at a time', () => {
    fc.assert(fc.property(mutated(context), (input) => agree(Context, input)), { numRuns: 1500 });
  });

  it('actions, valid and mutated one field at a time', () => {
    fc.assert(fc.property(mutated(action), (input) => agree(Action, input)), { numRuns: 1500 });
  });

  it('audit records, valid and mutated one field at a time', () => {
    fc.assert(fc.property(mutated(record), (input) => agree(AuditRecord, input)), { numRuns: 1000 });
  });

  it('valid inputs are accepted by the fast path (it is not a stub that refuses everything)', () => {
    fc.assert(fc.property(context, action, (c, a) => {
      expect(fastValidator(Context, INPUT_BOUNDS, walk).parse(c)).toBeDefined();
      expect(fastValidator(Action, INPUT_BOUNDS, walk).parse(a)).toBeDefined();
    }), { numRuns: 200 });
  });

  it('a long history (past the one-by-one threshold of validateContext) and its mutants', () => {
    fc.assert(fc.property(fc.array(historyEntry, { minLength: 257, maxLength: 300 }), fc.nat(), mutation, (history, n, m) => {
      const input = fixtureContext({ history });
      agree(Context, input);
      agree(Context, mutate(input, ['history', n % history.length, 'at'], m));
    }), { numRuns: 30 });
  });

  it('present-but-undefined keys, defaults and strings measured in code points', () => {
    const base = fixtureContext();
    agree(Context, { ...base, agreement: undefined });
    agree(Context, { ...base, debtor: { ...base.debtor, timeZone: undefined } });
    agree(Context, { ...base, debtor: { id: '😀'.repeat(200) } });
    agree(Context, { ...base, debtor: { id: '😀'.repeat(201) } });
    agree(Context, { ...base, debtor: { id: 'D1', timeZone: 'x'.repeat(INPUT_BOUNDS.maxStringLength + 1) } });
    agree(Context, JSON.parse(`{"debtor":{"id":"D1"},"debt":{"id":"L1","status":"overdue"},"__proto__":{"x":1}}`));
    agree(Context, Object.assign(Object.create({ debtor: { id: 'D1' } }) as object, { debt: { id: 'L1', status: 'overdue' } }));
  });

  it('a proxy whose `has` and `get` disagree gets zod\'s answer: a key is present when `in` says so', () => {
    const base = fixtureContext();
    const lying = (target: Record<string, unknown>, hidden: string, shown: Record<string, unknown> = {}) =>
      new Proxy(target, {
        has: (t, k) => k !== hidden && (k in shown || k in t),
        get: (t, k) => (typeof k === 'string' && k in shown ? shown[k] : Reflect.get(t, k)),
      });
    // A required key that `get` gives but `in` denies: zod refuses it as absent.
    agree(Context, lying({ ...base }, 'debt'));
    agree(Context, { ...base, debtor: lying({ ...base.debtor }, 'id') });
    // An optional key that `in` reports but `get` leaves undefined: present with undefined, as zod keeps it.
    agree(Context, { ...base, debtor: lying({ ...base.debtor }, '', { timeZone: undefined }) });
    // An optional key that `get` gives but `in` denies: absent for zod, so left out.
    agree(Context, lying({ ...base, agreement: { ref: 'A1' } }, 'agreement'));
  });
});

/**
 * The generated code for schemas of our own, evaluated here (the committed file covers only the input
 * schemas): its TypeScript transpiled, its imports given as arguments. Test-only: the core never
 * evaluates code.
 */
function generatedFor(schema: z.ZodType): Parse {
  const source = generateValidators([{ name: 'Synthetic', from: './synthetic.js', schema }], INPUT_BOUNDS);
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
    .replace(/^import .*$/gm, '')
    .replace(/^export /gm, '');
  const build = new Function('Synthetic', 'FAIL', 'refinementOf', 'refused', 'runCheck', 'viaZod', `${js}\nreturn buildValidators;`)(schema, FAIL, refinementOf, refused, runCheck, viaZod) as () => Map<unknown, { parse: Parse }>;
  return (build().get(schema) as { parse: Parse }).parse;
}

describe('generated code for the field kinds the input schemas do not use', () => {
  // A default or a prefault made optional (optin "defaulted", optout "optional": a refusal of an absent
  // key leaves it out), and an optional input transformed (optin "optional", no optout): zod's
  // handlePropertyResult treats absence differently for each.
  const Synthetic = z.strictObject({
    defaultedOptional: z.string().max(3).default('d').optional(),
    prefaultOptional: z.string().max(1).prefault('too long').optional(),
    // Refused when absent (the default is too long for the output): zod leaves the key out.
    refusedWhenAbsent: z.string().default('too long').optional().pipe(z.string().max(1).optional()),
    optionalIn: z.string().optional().transform((s) => (s === undefined ? undefined : s.toUpperCase())),
    filledIn: z.string().optional().transform((s) => s ?? 'filled'),
  });
  const parse = generatedFor(Synthetic);
  const values = [undefined, 'ab', 'abcd', 7];
  const inputs: Record<string, unknown>[] = [];
  for (const key of ['defaultedOptional', 'prefaultOptional', 'refusedWhenAbsent', 'optionalIn', 'filledIn']) {
    inputs.push({});
    for (const value of values) inputs.push({ [key]: value });
  }

  it.each(inputs.map((input) => [exact(input), input] as const))('%s: accepted and refused as zod does, with zod\'s output', (_, input) => {
    const reference = Synthetic.safeParse(input);
    let out: unknown;
    try {
      out = parse(input);
    } catch (error) {
      expect(error).toBe(FAIL);
      out = FAIL;
    }
    expect(out !== FAIL).toBe(reference.success);
    if (reference.success) {
      expect(out).toStrictEqual(reference.data);
      expect(exact(out)).toBe(exact(reference.data));
    }
  });
});

describe('the fast path at the validation entry points', () => {
  it('src/core/validators/generated.ts matches the schemas (else run npm run validators)', () => {
    const committed = readFileSync(new URL('../../src/core/validators/generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(generateValidators(VALIDATOR_SOURCES, INPUT_BOUNDS));
  });

  it('the input schemas are validated by generated code, not the slower walker', () => {
    for (const schema of [Context, Action, AuditRecord]) expect(fastValidator(schema, INPUT_BOUNDS, walk).generated).toBe(true);
  });

  it('the input schemas provably stay within the input bounds, so the bounds walk is folded into the fast path', () => {
    for (const schema of [Context, Action, AuditRecord]) expect(fastValidator(schema, INPUT_BOUNDS, walk).withinBounds).toBe(true);
  });

  it('refusal still names the problems (zod explains)', () => {
    const result = validateContext({ ...fixtureContext(), debt: { id: 'L1', status: 'settled' } });
    expect(result).toEqual({ ok: false, problems: [{ path: 'context.debt.settledAt', message: 'settledAt is required when status is "settled"', zh: '已结清（status 为 "settled"）须提供 settledAt' }] });
  });

  it('a refinement is run as zod runs it: truthy and falsy results of any type, a when guard, an asynchronous one refused', () => {
    const schema = z.strictObject({
      a: z.string().refine((s) => s.length), // 0 is falsy, any other length truthy
      b: z.string().refine((s) => (s === 'x' ? null : s)).optional(), // '' and null are falsy
      c: z.number().refine((n) => n > 0, { when: (p) => p.value !== 5 }), // 5 is not checked
    });
    for (const input of [{ a: '', c: 1 }, { a: 'abc', c: 1 }, { a: 'a', b: '', c: 1 }, { a: 'a', b: 'x', c: 1 }, { a: 'a', b: 'y', c: 1 }, { a: 'a', c: -1 }, { a: 'a', c: 5 }, { a: 'a', c: 0 }]) {
      agree(schema, input);
    }
    expect(schema.safeParse({ a: 'a', c: 5 }).success).toBe(true);
    // zod's synchronous parse cannot run an asynchronous refinement: refused, and zod says why.
    const pending = z.strictObject({ a: z.string().refine(async () => true) });
    expect(compileSchema(pending as unknown as ZodInternals, INPUT_BOUNDS).parse({ a: 'x' })).toBe(FAIL);
    expect(validate(pending, { a: 'x' }, 'x').ok).toBe(false);
  });

  it('a hostile getter is refused by the slow path, not thrown', () => {
    const input = { ...fixtureContext() };
    Object.defineProperty(input, 'debt', { enumerable: true, get() { throw new Error('boom'); } });
    expect(validateContext(input)).toEqual({ ok: false, problems: [{ path: 'context', message: 'could not be read (Error)', zh: '无法读取（Error）' }] });
  });

  it('a schema construct the compiler does not know is parsed by zod, so the answer is still zod\'s', () => {
    const schema = z.strictObject({ a: z.union([z.string(), z.number()]), b: z.string().transform((s) => s.length) });
    expect(validate(schema, { a: 1, b: 'abc' }, 'x')).toEqual({ ok: true, value: { a: 1, b: 3 } });
    expect(validate(schema, { a: true, b: 'abc' }, 'x').ok).toBe(false);
    expect(fastValidator(schema, INPUT_BOUNDS, walk).withinBounds).toBe(false);
    agree(schema, { a: 'x', b: '' });
    agree(schema, { a: null, b: '' });
  });
});
