/**
 * One engine, many doors: the same input gets a deep-equal decision through every public door, for the
 * national profile, `cba-2026` and an overlay, on random valid and invalid inputs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionSchema, auditSync, checkAction, ContextSchema, createGuard, prepareCase, scheduleAction,
  type ActionInput, type ContextInput, type Decision, type GuardOptions,
} from '../../src/index.js';
import { compileGuard } from '../../src/guard/guard.js';
import { formatInstant, parseInstant } from '../../src/core/time.js';
import { action, context } from '../support/arbitraries.js';
import { post, start, type Running } from '../sidecar/support.js';

/** Some voice entries and actions on one phone number, so that cba-2026's per-number cap is reached. */
const withPhones = fc.tuple(context, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 })).map(([c, marks]) => ({
  ...c,
  history: (c.history ?? []).map((h, i) => (h.channel === 'voice' && marks[i] === true ? { ...h, phoneRef: 'P1' } : h)),
}));
const actionWithPhone = fc.tuple(action, fc.boolean()).map(([a, phone]) => (phone && a.channel === 'voice' ? { ...a, phoneRef: 'P1' } : a));

/** Six unanswered calls to one number today, and a seventh call: cba-2026 denies with its own cap. */
const caseOfIssue13 = fc.tuple(withPhones, actionWithPhone).map(([c, a]) => {
  const at = a.at;
  const sixUnanswered = [0, 1, 2, 3, 4, 5].map((i) => ({ channel: 'voice' as const, at: formatInstant(parseInstant(at) - (i + 1) * 60_000, 'UTC'), target: { role: 'debtor' as const }, outcome: 'not_connected' as const, phoneRef: 'P1' }));
  return [{ ...c, history: [...(c.history ?? []), ...sixUnanswered] }, { ...a, channel: 'voice' as const, phoneRef: 'P1', visit: undefined }] as const;
});

/** A valid input, or one made invalid in one place: a field replaced by junk, removed, or a key misspelled. */
const junk = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant('soon'), fc.constant({ chanel: 'voice' }));
const FIELDS_C = ['debtor', 'debt', 'agreement', 'contacts', 'history'] as const;
const FIELDS_A = ['channel', 'at', 'target', 'actor', 'purpose', 'visit', 'chanel'] as const;
const input: fc.Arbitrary<readonly [unknown, unknown]> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(withPhones, actionWithPhone) },
  { weight: 1, arbitrary: caseOfIssue13 },
  { weight: 1, arbitrary: fc.tuple(withPhones, actionWithPhone, fc.constantFrom(...FIELDS_C), junk).map(([c, a, k, v]) => [{ ...c, [k]: v }, a] as const) },
  { weight: 1, arbitrary: fc.tuple(withPhones, actionWithPhone, fc.constantFrom(...FIELDS_A), junk).map(([c, a, k, v]) => [c, { ...a, [k]: v }] as const) },
  { weight: 1, arbitrary: fc.tuple(fc.anything(), fc.anything()) },
);

const PROFILES: readonly { readonly name: string; readonly options: GuardOptions; readonly builtIn: string | null }[] = [
  { name: 'national', options: {}, builtIn: 'gb-t-45251-2025' },
  { name: 'cba-2026', options: { profile: 'cba-2026' }, builtIn: 'cba-2026' },
  { name: 'an overlay on cba-2026', options: { profile: 'cba-2026', overlay: { voiceDailyCap: 2, windowStart: '09:00', unansweredAttemptsPerNumberDailyCap: 4, minMlpsLevel: 3 }, overlayId: 'strict' }, builtIn: null },
];

const RUNS = 1500;

/** Every synchronous door on one input, each decision labelled with its door. */
function syncDoors(options: GuardOptions, builtIn: string | null, c: unknown, a: unknown): Record<string, Decision> {
  const guard = createGuard(options);
  const out: Record<string, Decision> = {
    'createGuard().checkSync': guard.checkSync(c as never, a as never),
    'guard.prepareCase().check': guard.prepareCase(c as never).check(a as never),
  };
  if (builtIn !== null) {
    const profile = builtIn === 'gb-t-45251-2025' ? {} : { profile: builtIn };
    out.checkAction = checkAction(c as never, a as never, profile);
    out['prepareCase().check'] = prepareCase(c as never, profile).check(a as never);
  }
  const validC = ContextSchema.safeParse(c);
  const validA = ActionSchema.safeParse(a);
  if (validC.success && validA.success) {
    const compiled = compileGuard(options);
    const full = compiled.checkValidatedSync(validC.data, validA.data);
    out['audit entry (validated input)'] = full;
    // The audit's own call leaves the obligations out, unrendered; everything else is the same.
    const bare = compiled.checkValidatedSync(validC.data, validA.data, undefined, undefined, false);
    expect(bare.obligations).toEqual([]);
    out['audit entry without obligations'] = { ...bare, obligations: full.obligations };
  }
  return out;
}

describe('every door gives the same decision', () => {
  for (const { name, options, builtIn } of PROFILES) {
    it(`${name}: checkAction, prepareCase, guard.checkSync, guard.prepareCase, the audit entry, on ${RUNS} random valid and invalid inputs`, () => {
      let invalid = 0;
      let denied = 0;
      fc.assert(
        fc.property(input, ([c, a]) => {
          const doors = syncDoors(options, builtIn, c, a);
          const [first, ...rest] = Object.values(doors);
          for (const [door, decision] of Object.entries(doors)) expect(decision, door).toEqual(first);
          expect(rest.length).toBeGreaterThan(0);
          if (first?.violations[0]?.rule === 'invalid-input') invalid += 1;
          else if (first?.outcome === 'deny') denied += 1;
        }),
        { numRuns: RUNS },
      );
      // The sample is not vacuous: it holds invalid inputs, denials of valid ones and allows.
      expect(invalid).toBeGreaterThan(RUNS / 10);
      expect(denied).toBeGreaterThan(RUNS / 10);
    });

    it(`${name}: guard.check, prepareCase().checkAsync and scheduleAction agree with checkSync`, async () => {
      const guard = createGuard(options);
      await fc.assert(
        fc.asyncProperty(input, async ([c, a]) => {
          const sync = guard.checkSync(c as never, a as never);
          expect(await guard.check(c as never, a as never)).toEqual(sync);
          expect(await guard.prepareCase(c as never).checkAsync(a as never)).toEqual(sync);
          const schedule = builtIn === null ? guard.scheduleAction(c as never, a as never, { horizonDays: 2 }) : scheduleAction(c as never, a as never, { horizonDays: 2, ...(builtIn === 'cba-2026' ? { profile: builtIn } : {}) });
          const validA = ActionSchema.safeParse(a);
          // The schedule's decision is the check's whenever it answers for the action's own instant.
          const ownInstant = schedule.at === null || (validA.success && parseInstant(schedule.at) === parseInstant(validA.data.at));
          if (ownInstant) expect(schedule.decision).toEqual(sync);
          if (sync.outcome === 'allow') expect(schedule.at).not.toBeNull();
        }),
        { numRuns: 400 },
      );
    });

    it(`${name}: the audit of a record judges it as checkAction judges the case with no history`, () => {
      fc.assert(
        fc.property(withPhones, actionWithPhone, fc.constantFrom('connected', 'not_connected', 'failed') , (c, a, outcome) => {
          const { history: _h, ...snapshot } = c;
          const [verdict] = [...auditSync([{ ...snapshot, action: a, outcome }], options)];
          const decision = createGuard(options).checkSync({ ...snapshot, history: [] }, a);
          expect(verdict?.outcome).toBe(decision.outcome);
          expect(verdict?.violations).toEqual(decision.violations);
        }),
        { numRuns: 300 },
      );
    });
  }

  describe('the sidecar', () => {
    let running: Running;
    beforeAll(async () => {
      running = await start({ guard: { profile: 'cba-2026' } });
    });
    afterAll(async () => running.close());

    it('answers a batch of random valid and invalid inputs with checkAction\'s decisions', async () => {
      const items = fc.sample(input, { numRuns: 300, seed: 13 }).map(([c, a]) => ({ context: c, action: a }));
      const jsonable = items.filter((item) => JSON.stringify(item) !== undefined).map((item) => JSON.parse(JSON.stringify(item)) as { context: unknown; action: unknown });
      const reply = await post(running.base, '/v1/check-batch', { items: jsonable });
      expect(reply.status).toBe(200);
      const { decisions } = reply.body as { decisions: Decision[] };
      expect(decisions).toHaveLength(jsonable.length);
      jsonable.forEach((item, i) => expect(decisions[i]).toEqual(JSON.parse(JSON.stringify(checkAction(item.context as never, item.action as never, { profile: 'cba-2026' })))));
    });
  });
});

describe('the divergence of issue 13 is gone', () => {
  it('cba-2026: checkAction names the profile limit behind a per-number cap, as the guard does', () => {
    const c: ContextInput = {
      debtor: { id: 'D1' },
      debt: { id: 'L1', status: 'overdue' },
      history: [1, 2, 3, 4, 5, 6].map((h) => ({ channel: 'voice', at: `2026-11-30T0${h + 2}:00:00+08:00`, target: { role: 'debtor' }, outcome: 'not_connected', phoneRef: 'P1' })),
    };
    const a = fc.sample(actionWithPhone.filter((x) => x.channel === 'voice' && x.phoneRef === 'P1'), { numRuns: 1, seed: 1 })[0] as ActionInput;
    const call: ActionInput = { ...a, at: '2026-11-30T10:00:00+08:00', target: { role: 'debtor' } };
    const viaCheck = checkAction(c, call, { profile: 'cba-2026' });
    const cap = viaCheck.violations.find((v) => v.rule === 'unanswered-attempts-cap');
    expect(cap?.source).toEqual({ kind: 'profile', profile: 'cba-2026', limits: { unansweredAttemptsPerNumberDailyCap: { value: 6, national: null } }, basis: expect.anything() as unknown });
    expect(createGuard({ profile: 'cba-2026' }).checkSync(c, call)).toEqual(viaCheck);
  });
});

describe('one default locale', () => {
  it('lists the locale first in every message (en by default), for rule findings and invalid input alike', () => {
    fc.assert(
      fc.property(input, ([c, a]) => {
        for (const [guard, first] of [[createGuard(), 'en'], [createGuard({ locale: 'en' }), 'en'], [createGuard({ locale: 'zh-CN' }), 'zh']] as const) {
          const d = guard.checkSync(c as never, a as never);
          for (const f of [...d.violations, ...d.obligations]) expect(Object.keys(f.message)[0]).toBe(first);
        }
        expect(createGuard().locale).toBe('en');
      }),
      { numRuns: 200 },
    );
  });
});
