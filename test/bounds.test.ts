/**
 * Input bounds (docs/contract.md, "Input bounds"): input beyond them is refused by one cheap walk before
 * zod parses it, naming the path; a long malformed history stops at 100 problems.
 */
import { describe, expect, it } from 'vitest';
import { checkAction, ContextSchema, quota, scheduleAction } from '../src/index.js';
import { boundsProblem, INPUT_BOUNDS, MAX_PROBLEMS, validate } from '../src/core/validate.js';
import { action, context } from './support/fixtures.js';

const issuesOf = (d: ReturnType<typeof checkAction>): { path: string; message: string }[] => {
  expect(d.outcome).toBe('deny');
  expect(d.violations.map((v) => v.rule)).toEqual(['invalid-input']);
  return d.violations[0]?.facts.issues as { path: string; message: string }[];
};

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

describe('input bounds', () => {
  it('accepts what is within every bound, and the fixtures are far within them', () => {
    expect(boundsProblem(context(), 'context')).toBeNull();
    expect(boundsProblem(action(), 'action')).toBeNull();
    expect(boundsProblem(nested(INPUT_BOUNDS.maxDepth - 1), 'x')).toBeNull();
    expect(boundsProblem('x'.repeat(INPUT_BOUNDS.maxStringLength), 'x')).toBeNull();
    expect(boundsProblem(new Array(INPUT_BOUNDS.maxArrayLength).fill(0), 'x')).toBeNull();
    expect(boundsProblem(Object.fromEntries(Array.from({ length: INPUT_BOUNDS.maxObjectKeys }, (_, i) => [`k${i}`, i])), 'x')).toBeNull();
  });

  it('refuses one level, one character, one item, one key beyond, naming the path', () => {
    expect(boundsProblem({ debtor: nested(INPUT_BOUNDS.maxDepth) }, 'context')).toEqual({ path: `context.debtor${'.a'.repeat(INPUT_BOUNDS.maxDepth - 1)}`, message: expect.stringContaining('nested more than 32 levels'), zh: expect.stringContaining('嵌套超过 32 层') });
    expect(boundsProblem({ debtor: { id: 'x'.repeat(INPUT_BOUNDS.maxStringLength + 1) } }, 'context')).toMatchObject({ path: 'context.debtor.id', message: expect.stringContaining('10001 characters') });
    expect(boundsProblem({ history: new Array(INPUT_BOUNDS.maxArrayLength + 1).fill(0) }, 'context')).toMatchObject({ path: 'context.history', message: expect.stringContaining('100001 items') });
    const wide = Object.fromEntries(Array.from({ length: INPUT_BOUNDS.maxObjectKeys + 1 }, (_, i) => [`k${i}`, i]));
    expect(boundsProblem({ debtor: wide }, 'context')).toMatchObject({ path: 'context.debtor', message: expect.stringContaining('more than 1000 keys') });
    expect(boundsProblem({ ['k'.repeat(INPUT_BOUNDS.maxStringLength + 1)]: 1 }, 'context')).toMatchObject({ path: 'context', message: expect.stringContaining('a key of 10001 characters') });
    expect(boundsProblem([[1, 2], [3, 4]], 'x', { ...INPUT_BOUNDS, maxNodes: 5 })).toMatchObject({ path: 'x[1][0]', message: expect.stringContaining('more than 5 values') });
  });

  it('never writes a key that is not identifier-like into a path', () => {
    const problem = boundsProblem({ 'PII-13812348000': { 张三: 'x'.repeat(INPUT_BOUNDS.maxStringLength + 1) } }, 'context');
    expect(problem?.path).toBe('context.<key>.<key>');
    expect(JSON.stringify(problem)).not.toMatch(/PII|张三|1381234/);
  });

  it('checkAction, scheduleAction and quota refuse input beyond the bounds quickly', () => {
    const bombs: [string, unknown, unknown][] = [
      ['deep', { ...context(), debtor: nested(100_000) }, action()],
      ['long string', context({ debtor: { id: 'x'.repeat(5_000_000) } as never }), action()],
      ['long zone', context({ debtor: { id: 'D1', timeZone: `A/${'x'.repeat(5_000_000)}` } as never }), action()],
      ['long instant', context(), { ...action(), at: '2'.repeat(5_000_000) }],
      ['long array', { ...context(), history: new Array(1_000_000).fill(0) }, action()],
      ['wide', context(), Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, i]))],
    ];
    for (const [name, c, a] of bombs) {
      const { value, ms } = timed(() => checkAction(c as never, a as never));
      expect(issuesOf(value)[0]?.message, name).toContain('too large');
      expect(ms, name).toBeLessThan(1_000);
      expect(scheduleAction(c as never, a as never).at).toBeNull();
    }
    expect(quota({ ...context(), history: new Array(1_000_000).fill(0) }, '2026-11-30T10:00:00+08:00').issues[0]?.message).toContain('too large');
    expect(quota(context(), '2'.repeat(5_000_000)).issues[0]).toEqual({ path: 'at', message: expect.stringContaining('too large'), zh: expect.stringContaining('输入过大') });
  });

  it('a long malformed history stops at 100 problems, quickly', () => {
    const junk = Array.from({ length: 100_000 }, (_, i) => ({ x: i }));
    const { value, ms } = timed(() => checkAction({ ...context(), history: junk  as never}, action()));
    const issues = issuesOf(value);
    expect(issues).toHaveLength(MAX_PROBLEMS);
    expect(issues[0]?.path).toMatch(/^context\.history\[0\]/);
    expect(issues.at(-1)).toEqual({ path: 'context.history', message: 'further problems not listed (parsing stopped)', zh: '其余问题未列出（已停止解析）' });
    expect(ms).toBeLessThan(1_000);
  });

  it('a long history gives the same result entry by entry as in one parse', () => {
    const entry = (i: number) => ({ channel: 'voice', at: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00+08:00`, target: { role: 'debtor' }, outcome: i % 3 === 0 ? 'connected' : 'not_connected' });
    const long = Array.from({ length: 600 }, (_, i) => entry(i));
    const viaEntries = validate(ContextSchema, { ...context(), history: long }, 'context');
    expect(viaEntries.ok).toBe(true);
    // The same history split below the one-by-one threshold and checked at the same instant: same decision.
    const a = action({ at: '2026-11-10T10:00:00+08:00' });
    const whole = checkAction({ ...context(), history: long  as never}, a);
    const short = checkAction({ ...context(), history: long.filter((_, i) => 1 + (i % 28) === 10)  as never}, a);
    expect(whole).toEqual(short);
    expect(whole.violations.map((v) => v.rule)).toEqual(['voice-daily-cap']);
    // A problem in the rest of the case is still reported with a long history, before the history's own.
    const bad = validate(ContextSchema, { ...context(), debtor: { id: '' }, history: [...long.slice(0, 300), { x: 1 }] }, 'context');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems[0]?.path).toBe('context.debtor.id');
      expect(bad.problems.slice(1).every((p) => p.path.startsWith('context.history[300]'))).toBe(true);
    }
  });

  it('lists at most 100 problems from zod, counting the rest', () => {
    const junk = Array.from({ length: 200 }, (_, i) => ({ x: i }));
    const issues = issuesOf(checkAction({ ...context(), history: junk  as never}, action()));
    expect(issues).toHaveLength(MAX_PROBLEMS);
    expect(issues.at(-1)?.message).toMatch(/^\d+ more problems not listed$/);
    const more = Number(issues.at(-1)?.message.split(' ')[0]);
    expect(more + MAX_PROBLEMS - 1).toBe(200 * 5); // each junk entry: one unknown key and four missing fields
  });

  it('repeats identifier-like unknown keys only', () => {
    const issues = issuesOf(checkAction({ ...context(), timezone: 'Asia/Shanghai', 'PII-7f3a': 1, 13812348000: 2, 张三: 3 } as never, action()));
    expect(issues).toEqual([{ path: 'context', message: 'Unrecognized keys: "timezone" and 3 more not shown (only identifier-like keys are repeated)', zh: '不认识的字段："timezone"，另有 3 个未列出（只列出形如标识符的字段名）' }]);
    const only = issuesOf(checkAction({ ...context(), 张三: 3 } as never, action()));
    expect(only).toEqual([{ path: 'context', message: 'Unrecognized key: 1 not shown (only identifier-like keys are repeated)', zh: '不认识的字段：1 个未列出（只列出形如标识符的字段名）' }]);
  });
});

describe('jsonNestingBeyond (for readers of JSON text)', () => {
  it('finds where JSON text nests too deep, skipping strings, in one linear scan', async () => {
    const { jsonNestingBeyond } = await import('../src/core/validate.js');
    expect(jsonNestingBeyond('{"a":[1,{"b":2}]}', 3)).toBeNull();
    expect(jsonNestingBeyond('{"a":[1,{"b":[2]}]}', 3)).toBe(13);
    expect(jsonNestingBeyond('{"a":"[[[[[[\\"[[[["}', 2)).toBeNull();
    const deep = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    const start = performance.now();
    expect(jsonNestingBeyond(deep)).toBe(INPUT_BOUNDS.maxDepth + 4);
    expect(performance.now() - start).toBeLessThan(100);
    expect(jsonNestingBeyond(JSON.stringify({ context: { debtor: { id: 'D1' } }, items: [[{ a: [1] }]] }))).toBeNull();
  });
});
