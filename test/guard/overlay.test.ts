import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, GuardConfigError, nationalProfile } from '../../src/index.js';
import { action, codesOf, context, past, visitAction } from '../support/fixtures.js';

const connected = (n: number) => Array.from({ length: n }, (_, i) => past('voice', `2026-11-30T${String(8 + i).padStart(2, '0')}:30:00+08:00`, 'connected'));

function configError(fn: () => unknown): GuardConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GuardConfigError);
    return error as GuardConfigError;
  }
  throw new Error('expected a GuardConfigError');
}

describe('createGuard: profiles and overlays', () => {
  it('defaults to the national profile and agrees with checkAction', () => {
    const guard = createGuard();
    expect(guard.profile.id).toBe('gb-t-45251-2025');
    const c = context({ history: connected(3) });
    expect(guard.checkSync(c, action())).toEqual(checkAction(c, action()));
  });

  it.each([
    [{ voiceDailyCap: 4 }, 'overlay.voiceDailyCap', 3],
    [{ windowEnd: '23:00' }, 'overlay.windowEnd', '22:00'],
    [{ windowStart: '07:30' }, 'overlay.windowStart', '08:00'],
    [{ visitStaffMax: 4 }, 'overlay.visitStaffMax', 3],
    [{ visitStaffMin: 1 }, 'overlay.visitStaffMin', 2],
    [{ visitDailyCap: 2 }, 'overlay.visitDailyCap', 1],
    [{ recordRetentionYears: 1 }, 'overlay.recordRetentionYears', 2],
    [{ trainingIntervalMonths: 13 }, 'overlay.trainingIntervalMonths', 12],
    [{ agencyEvaluationIntervalMonths: 18 }, 'overlay.agencyEvaluationIntervalMonths', 12],
    [{ minMlpsLevel: 1 }, 'overlay.minMlpsLevel', 2],
  ])('refuses a loosening overlay %j, naming the limit and the national value', (overlay, path, national) => {
    const error = configError(() => createGuard({ overlay }));
    expect(error.problems).toEqual([expect.objectContaining({ path, national })]);
    expect(error.message).toContain(path);
    expect(error.code).toBe('ERR_GUARD_CONFIG');
  });

  it('names every loosened limit at once', () => {
    const error = configError(() => createGuard({ overlay: { voiceDailyCap: 4, windowEnd: '23:00', visitStaffMax: 4 } }));
    expect(error.problems.map((p) => p.path).sort()).toEqual(['overlay.visitStaffMax', 'overlay.voiceDailyCap', 'overlay.windowEnd']);
  });

  it('refuses unreadable overlays and unknown keys', () => {
    expect(configError(() => createGuard({ overlay: { voiceDailyCaps: 2 } as never })).problems[0]?.path).toBe('overlay');
    expect(configError(() => createGuard({ overlay: { voiceDailyCap: '2' } as never })).problems[0]?.path).toBe('overlay.voiceDailyCap');
    expect(configError(() => createGuard({ overlay: { windowStart: '21:00', windowEnd: '09:00' } })).problems.map((p) => p.path)).toContain('overlay.windowEnd');
    expect(configError(() => createGuard({ profile: 'nope' })).problems[0]?.path).toBe('profile');
    expect(configError(() => createGuard({ locale: 'fr' as never })).problems[0]?.path).toBe('locale');
    expect(configError(() => createGuard({ overlays: {} } as never)).problems[0]?.path).toBe('overlays');
  });

  it('refuses a custom profile that loosens the national one', () => {
    const loose = { ...nationalProfile, id: 'loose', limits: { ...nationalProfile.limits, voiceDailyCap: 5 } };
    expect(configError(() => createGuard({ profile: loose })).problems[0]).toMatchObject({ path: 'profile.limits.voiceDailyCap', value: 5, national: 3 });
    const strict = { ...nationalProfile, id: 'strict-bank', limits: { ...nationalProfile.limits, voiceDailyCap: 1 } };
    expect(createGuard({ profile: strict }).profile.id).toBe('strict-bank');
  });

  it('a 2-call overlay denies the third connected call and cites the overlay beside the national clause', () => {
    const guard = createGuard({ overlay: { voiceDailyCap: 2 }, overlayId: 'bank-policy' });
    const d = guard.checkSync(context({ history: connected(2) }), action());
    expect(d.outcome).toBe('deny');
    expect(d.ruleset.profile).toBe('gb-t-45251-2025+bank-policy');
    expect(d.violations).toEqual([
      expect.objectContaining({
        rule: 'voice-daily-cap',
        clause: expect.objectContaining({ standard: 'GB/T 45251—2025', clause: '5.3' }),
        facts: expect.objectContaining({ count: 2, cap: 2 }),
        source: { kind: 'overlay', profile: 'gb-t-45251-2025+bank-policy', limits: { voiceDailyCap: { value: 2, national: 3 } } },
      }),
    ]);
    // The same call under the national profile is allowed.
    expect(checkAction(context({ history: connected(2) }), action()).outcome).toBe('allow');
  });

  it('does not attribute to the overlay what the national profile denies anyway', () => {
    const guard = createGuard({ overlay: { voiceDailyCap: 2 } });
    const d = guard.checkSync(context({ history: connected(3) }), action());
    expect(d.violations[0]?.rule).toBe('voice-daily-cap');
    expect(d.violations[0]?.source).toBeUndefined();
  });

  it('an earlier window end and a 5-year retention', () => {
    const guard = createGuard({ overlay: { windowEnd: '21:00', recordRetentionYears: 5 } });
    expect(codesOf(guard.checkSync(context(), action({ at: '2026-11-30T21:00:00+08:00' })), 'collection-hours')).toEqual(['outside-default-window']);
    const ok = guard.checkSync(context(), action({ at: '2026-11-30T20:59:59+08:00' }));
    expect(ok.outcome).toBe('allow');
    expect(ok.obligations.find((o) => o.rule === 'record-keeping')?.facts.retainUntil).toBe('2031-11-30T20:59:59+08:00');
  });

  it("an overlay binds an agreement's higher cap; without an overlay the national cap binds it too (issue 14: tighten-only)", () => {
    const agreed = { agreement: { ref: 'AGR-1', voiceDailyCap: 5 } };
    expect(checkAction(context({ ...agreed, history: connected(3) }), action()).outcome).toBe('deny');
    expect(checkAction(context({ ...agreed, history: connected(2) }), action()).outcome).toBe('allow');
    const guard = createGuard({ overlay: { voiceDailyCap: 2 } });
    expect(codesOf(guard.checkSync(context({ ...agreed, history: connected(2) }), action()), 'voice-daily-cap')).toEqual(['cap-reached']);
  });

  it('a visit overlay of exactly 2 staff', () => {
    const guard = createGuard({ overlay: { visitStaffMax: 2 } });
    expect(guard.checkSync(context(), visitAction()).outcome).toBe('allow');
    const three = guard.checkSync(context(), visitAction({ visit: { staffCount: 3, entersPrivateResidence: false, entersOfficeArea: false } }));
    expect(three.violations[0]).toMatchObject({ rule: 'visit-staffing', code: 'too-many-staff', source: { kind: 'overlay' } });
  });

  it('locale orders the messages and picks the language of explain', () => {
    const c = context();
    const late = action({ at: '2026-11-30T23:00:00+08:00' });
    const en = createGuard({ locale: 'en' });
    const d = en.checkSync(c, late);
    expect(Object.keys(d.violations[0]?.message ?? {})).toEqual(['en', 'zh']);
    expect(en.explain(d)).toContain('outside the allowed collection window');
    const zh = createGuard({ locale: 'zh-CN' });
    expect(Object.keys(zh.checkSync(c, late).violations[0]?.message ?? {})).toEqual(['zh', 'en']);
    expect(zh.explain(zh.checkSync(c, late))).toContain('不在允许的催收时段');
  });
});

describe('checkAction with a preset profile', () => {
  it('names the profile and throws only on an unknown id', () => {
    expect(checkAction(context(), action(), { profile: 'cba-2026' }).ruleset.profile).toBe('cba-2026');
    expect(() => checkAction(context(), action(), { profile: 'nope' })).toThrow(GuardConfigError);
  });
});
