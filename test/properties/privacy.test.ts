/**
 * No personal data out (DESIGN.md, docs/contract.md): a decision or a ScheduleResult carries rule ids,
 * clauses, enumerated values, counts, clock times, instants and zone names, never a string of the input.
 * Every free-text field is filled with a distinctive token (`PII-…`) and the whole output is searched for it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, explain, scheduleAction, type ActionInput, type ContextInput } from '../../src/index.js';
import { action as actionArb, context as contextArb } from '../support/arbitraries.js';

const runs = { numRuns: 300 };

/** The ids the shared arbitraries use; each becomes a distinct token. */
const IDS = ['D1', 'L1', 'C1', 'G1', 'GA-1', 'AGR-1', 'ORG1', 'AG1', 'OA-1', 'E1', 'BOT1'] as const;
const token = fc.stringMatching(/^[A-Za-z0-9]{10}$/).map((s) => `PII-${s}`);
const tokens = fc.uniqueArray(token, { minLength: IDS.length + 2, maxLength: IDS.length + 2 });

/** The input with every id replaced by its token, and phone refs (two more tokens) on the action and history. */
function withTokens<T>(value: T, pii: readonly string[]): T {
  let json = JSON.stringify(value);
  IDS.forEach((id, i) => {
    json = json.replaceAll(`"${id}"`, JSON.stringify(pii[i]));
  });
  return JSON.parse(json) as T;
}

function tokenised(c: ContextInput, a: ActionInput, pii: readonly string[]): [ContextInput, ActionInput] {
  const phoneA = pii[IDS.length] as string;
  const phoneB = pii[IDS.length + 1] as string;
  const history = (c.history ?? []).map((h, i) => ({ ...h, phoneRef: i % 2 === 0 ? phoneA : phoneB }));
  return [withTokens({ ...c, history }, pii), withTokens(a.channel === 'voice' ? { ...a, phoneRef: phoneA } : a, pii)];
}

function expectNoTokens(output: unknown, pii: readonly string[]): void {
  const text = typeof output === 'string' ? output : JSON.stringify(output);
  expect(text).not.toContain('PII-');
  for (const p of pii) expect(text).not.toContain(p.slice(4)); // not even the random part alone
}

/** Every path to a value in a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function setAt(root: unknown, path: readonly (string | number)[], replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(root);
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  copy[head] = setAt(copy[head], rest, replace);
  return copy;
}

describe('no personal data in decisions and schedules', () => {
  it('valid input: no id, ref or phone ref of the input appears in a decision, under either built-in profile', () => {
    fc.assert(
      fc.property(contextArb, actionArb, tokens, fc.constantFrom('gb-t-45251-2025', 'cba-2026'), (c0, a0, pii, profile) => {
        const [c, a] = tokenised(c0, a0, pii);
        const decision = checkAction(c, a, { profile });
        expect(decision.violations.map((v) => v.rule)).not.toContain('invalid-input');
        expectNoTokens(decision, pii);
        expectNoTokens(explain(decision), pii);
      }),
      runs,
    );
  });

  it('valid input: nor in a ScheduleResult, nor in a guard decision with an overlay', () => {
    const guard = createGuard({ overlay: { voiceDailyCap: 2, windowEnd: '21:00' } });
    fc.assert(
      fc.property(contextArb, actionArb, tokens, (c0, a0, pii) => {
        const [c, a] = tokenised(c0, a0, pii);
        expectNoTokens(scheduleAction(c, a, { horizonDays: 2 }), pii);
        expectNoTokens(guard.checkSync(c, a), pii);
        expectNoTokens(guard.nextAllowedAt(c, a, { horizonDays: 2 }), pii);
      }),
      { numRuns: 150 },
    );
  });

  it('invalid input: a token put in place of any value, or under an unknown key, is never echoed', () => {
    fc.assert(
      fc.property(
        contextArb, actionArb, tokens, fc.nat(), fc.constantFrom('c', 'a'),
        fc.constantFrom('replace', 'wrap', 'unknown-key', 'number-key'),
        (c0, a0, pii, pick, which, how) => {
          const [c, a] = tokenised(c0, a0, pii);
          const root = which === 'c' ? c : a;
          const all = paths(root);
          const path = all[pick % all.length] as (string | number)[];
          const value = pii[0] as string;
          const bent = setAt(root, path, (old) => {
            switch (how) {
              case 'replace': return value;
              case 'wrap': return [value, { note: value }];
              case 'unknown-key': return typeof old === 'object' && old !== null && !Array.isArray(old) ? { ...old, [`${value}-key`]: value } : value;
              default: return typeof old === 'object' && old !== null && !Array.isArray(old) ? { ...old, 13812348000: value } : value;
            }
          });
          const [ctx, act] = which === 'c' ? [bent, a] : [c, bent];
          const decision = checkAction(ctx as never, act as never);
          expectNoTokens(decision, pii);
          expect(JSON.stringify(decision)).not.toContain('13812348000');
          expectNoTokens(scheduleAction(ctx as never, act as never, { horizonDays: 1 }), pii);
        },
      ),
      runs,
    );
  });

  it('invalid-input problems repeat identifier-like unknown keys (what a typo looks like), never their values', () => {
    const [c, a] = tokenised(fc.sample(contextArb, { numRuns: 1, seed: 1 })[0] as ContextInput, fc.sample(actionArb, { numRuns: 1, seed: 1 })[0] as ActionInput, fc.sample(tokens, { numRuns: 1, seed: 1 })[0] as string[]);
    const decision = checkAction({ ...c, debtorTimezone: 'PII-secret-value' } as never, a);
    const text = JSON.stringify(decision);
    expect(text).toContain('debtorTimezone');
    expect(text).not.toContain('PII-');
  });
});
