/**
 * Issue 14, "Law first": one allowed and one denied case at each boundary the compliance review found.
 * Each test would have failed before the fix it names.
 */
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, engineRequirements, nationalProfile, quota, type ContextInput } from '../../src/index.js';
import { internalError } from '../../src/core/evaluate.js';
import { assessProgram } from '../../src/program/index.js';
import { institution as programInstitution, staffMember } from '../program/support.js';
import { action, codesOf, context, humanActor, past } from '../support/fixtures.js';

const collector = () => (humanActor() as { collector: Record<string, unknown> }).collector;

type Entry = NonNullable<ContextInput['history']>[number];
const MORNING = ['2026-11-30T08:05:00+08:00', '2026-11-30T08:30:00+08:00', '2026-11-30T09:15:00+08:00'] as const;
const connected = (...ats: readonly string[]): Entry[] => ats.map((at) => past('voice', at, 'connected'));
const inbound = (at: string, outcome = 'connected'): Entry => ({ ...past('voice', at, outcome), direction: 'inbound' } as Entry);

describe('item 1: an agreement can only lower the voice cap', () => {
  const agreed5 = (history: Entry[]) => context({ agreement: { ref: 'AGR-1', voiceDailyCap: 5 }, history });

  it('an agreed cap of 5 with 3 outbound connected calls: denied nationally, the finding says why', () => {
    const d = checkAction(agreed5(connected(...MORNING)), action());
    expect(d.outcome).toBe('deny');
    expect(codesOf(d, 'voice-daily-cap')).toEqual(['cap-reached']);
    expect(d.violations[0]?.facts).toMatchObject({ count: 3, cap: 3, capSource: 'profile', capReason: 'agreement-not-higher', profileCap: 3, agreedCap: 5 });
    expect(d.violations[0]?.message.en).toContain("(an agreed cap cannot raise the profile's)");
    expect(d.violations[0]?.message.zh).toContain('（约定的上限不高于配置，按配置上限）');
  });

  it('the same under cba-2026 and under a tightening overlay', () => {
    expect(codesOf(checkAction(agreed5(connected(...MORNING)), action({ phoneRef: 'P1' }), { profile: 'cba-2026' }), 'voice-daily-cap')).toEqual(['cap-reached']);
    const strict = createGuard({ overlay: { voiceDailyCap: 2 } });
    expect(codesOf(strict.checkSync(agreed5(connected(MORNING[0], MORNING[1])), action()), 'voice-daily-cap')).toEqual(['cap-reached']);
  });

  it('an agreed cap of 5 with 2 calls: the third is allowed (the national cap is not lowered by a higher agreement)', () => {
    expect(checkAction(agreed5(connected(MORNING[0], MORNING[1])), action()).outcome).toBe('allow');
  });

  it('quota says which cap applied and why', () => {
    const q = quota(agreed5(connected(MORNING[0])), '2026-11-30T10:00:00+08:00');
    expect(q.quota?.voice).toEqual({ used: 1, cap: 3, left: 2, capSource: 'profile', capReason: 'agreement-not-higher', profileCap: 3, agreedCap: 5 });
  });

  describe('a custom profile that opts in with agreementMayRaiseVoiceCap: { upTo: 5 }', () => {
    const raising = createGuard({ profile: { ...nationalProfile, id: 'bank-x', title: 'Bank X', agreementMayRaiseVoiceCap: { upTo: 5 } } });

    it('an agreed 5 allows the fourth and fifth call and denies the sixth, citing the setting', () => {
      expect(raising.checkSync(agreed5(connected(...MORNING)), action()).outcome).toBe('allow');
      const five = raising.checkSync(agreed5(connected(...MORNING, '2026-11-30T09:30:00+08:00', '2026-11-30T09:45:00+08:00')), action());
      expect(codesOf(five, 'voice-daily-cap')).toEqual(['cap-reached']);
      expect(five.violations[0]?.facts).toMatchObject({ cap: 5, capSource: 'agreement', capReason: 'agreement-raised' });
    });

    it('an agreed cap above the ceiling counts as the ceiling', () => {
      const ten = context({ agreement: { ref: 'AGR-1', voiceDailyCap: 10 }, history: connected(...MORNING, '2026-11-30T09:30:00+08:00', '2026-11-30T09:45:00+08:00') });
      const d = raising.checkSync(ten, action());
      expect(d.violations[0]?.facts).toMatchObject({ cap: 5, capReason: 'agreement-raised-to-ceiling' });
      expect(raising.quota(ten, '2026-11-30T10:00:00+08:00').quota?.voice).toMatchObject({ cap: 5, capReason: 'agreement-raised-to-ceiling' });
    });

    it('the setting is read strictly: a ceiling must be a whole number 0–100', () => {
      expect(() => createGuard({ profile: { ...nationalProfile, id: 'bank-y', title: 'Y', agreementMayRaiseVoiceCap: { upTo: 101 } } })).toThrow(/agreementMayRaiseVoiceCap/);
      expect(() => createGuard({ profile: { ...nationalProfile, id: 'bank-y', title: 'Y', agreementMayRaiseVoiceCap: {} } as never })).toThrow(/upTo/);
    });
  });
});

describe('item 2: mainland debtors are judged at Beijing time', () => {
  const urumqi = (overrides: Partial<ContextInput> = {}) => context({ debtor: { id: 'D1', timeZone: 'Asia/Urumqi' }, ...overrides });

  it('an Asia/Urumqi debtor at 22:30 Beijing time: denied (it is 20:30 in UTC+6, which used to pass)', () => {
    const d = checkAction(urumqi(), action({ at: '2026-11-30T22:30:00+08:00' }));
    expect(d.outcome).toBe('deny');
    expect(d.violations.map((v) => [v.rule, v.facts.localTime, v.facts.timeZone])).toEqual([['collection-hours', '22:30', 'Asia/Shanghai']]);
  });

  it('an Asia/Urumqi debtor at 21:59 and at 08:00 Beijing time: allowed; at 07:59: denied', () => {
    expect(checkAction(urumqi(), action({ at: '2026-11-30T21:59:59+08:00' })).outcome).toBe('allow');
    expect(checkAction(urumqi(), action({ at: '2026-11-30T08:00:00+08:00' })).outcome).toBe('allow');
    expect(codesOf(checkAction(urumqi(), action({ at: '2026-11-30T07:59:59+08:00' })), 'collection-hours')).toEqual(['outside-default-window']);
  });

  it.each(['PRC', 'prc', 'asia/shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'Asia/Kashgar', 'ASIA/URUMQI'])('%s is accepted and judged as Beijing time', (zone) => {
    const ctx = context({ debtor: { id: 'D1', timeZone: zone } });
    expect(checkAction(ctx, action({ at: '2026-11-30T21:59:00+08:00' })).outcome).toBe('allow');
    const late = checkAction(ctx, action({ at: '2026-11-30T22:00:00+08:00' }));
    expect(late.violations.map((v) => [v.rule, v.facts.timeZone])).toEqual([['collection-hours', 'Asia/Shanghai']]);
  });

  it("the local day of the voice cap is Beijing's: calls at 23:30 Beijing the day before do not count, at 00:30 they do", () => {
    // 23:30 Beijing on 29 Nov is 21:30 in UTC+6 (29 Nov); 00:30 Beijing on 30 Nov is 22:30 in UTC+6, still 29 Nov there.
    const before = urumqi({ history: connected('2026-11-29T23:30:00+08:00', MORNING[0], MORNING[1]) });
    expect(codesOf(checkAction(before, action()), 'voice-daily-cap')).toEqual([]);
    const after = urumqi({ history: connected('2026-11-30T00:30:00+08:00', MORNING[0], MORNING[1]) });
    const d = checkAction(after, action());
    expect(codesOf(d, 'voice-daily-cap')).toEqual(['cap-reached']);
    expect(d.violations[0]?.facts).toMatchObject({ localDate: '2026-11-30', timeZone: 'Asia/Shanghai' });
    expect(quota(after, '2026-11-30T10:00:00+08:00').quota).toMatchObject({ localDate: '2026-11-30', timeZone: 'Asia/Shanghai', voice: { used: 3 } });
  });

  it('a contact recorded in a mainland alias is judged at Beijing time too', () => {
    const ctx = context({ debtor: { id: 'D1', reachable: false }, contacts: [{ partyId: 'C1', timeZone: 'Asia/Kashgar' }] });
    const locate = action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor' });
    expect(checkAction(ctx, { ...locate, at: '2026-11-30T21:30:00+08:00' }).outcome).toBe('allow');
    expect(codesOf(checkAction(ctx, { ...locate, at: '2026-11-30T22:30:00+08:00' }), 'collection-hours')).toEqual(['outside-default-window']);
  });

  it('zones outside the mainland keep their own local time: Hong Kong and Almaty', () => {
    // Hong Kong is UTC+8 too; Almaty (UTC+5) at 22:30 Beijing is 19:30 there: allowed.
    expect(checkAction(context({ debtor: { id: 'D1', timeZone: 'Asia/Almaty' } }), action({ at: '2026-11-30T22:30:00+08:00' })).outcome).toBe('allow');
    expect(checkAction(context({ debtor: { id: 'D1', timeZone: 'Hongkong' } }), action({ at: '2026-11-30T22:30:00+08:00' })).violations.map((v) => v.facts.timeZone)).toEqual(['Asia/Hong_Kong']);
  });

  it('ambiguous abbreviations ICU knows but IANA does not (CST, BST) are invalid input, naming the field', () => {
    for (const zone of ['CST', 'BST', 'Mars/Base']) {
      const d = checkAction(context({ debtor: { id: 'D1', timeZone: zone } }), action());
      expect(d.violations.map((v) => v.rule)).toEqual(['invalid-input']);
      expect(d.violations[0]?.facts.issues).toEqual([expect.objectContaining({ path: 'context.debtor.timeZone' })]);
    }
  });
});

describe('item 3: only our calls count', () => {
  it('an inbound connected call is not counted: 2 outbound + 1 inbound leaves the third outbound call allowed', () => {
    const d = checkAction(context({ history: [...connected(MORNING[0], MORNING[1]), inbound(MORNING[2])] }), action());
    expect(codesOf(d, 'voice-daily-cap')).toEqual([]);
    expect(d.outcome).toBe('allow');
  });

  it('an explicit outbound direction counts, as the default does', () => {
    const explicit = [...connected(MORNING[0], MORNING[1]), { ...past('voice', MORNING[2], 'connected'), direction: 'outbound' } as Entry];
    expect(codesOf(checkAction(context({ history: explicit }), action()), 'voice-daily-cap')).toEqual(['cap-reached']);
  });

  it('inbound unanswered calls do not count toward the unanswered-attempts cap (cba-2026)', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ ...past('voice', `2026-11-30T08:${String(10 + i).padStart(2, '0')}:00+08:00`, 'not_connected'), phoneRef: 'P1' }) as Entry);
    const asInbound = six.map((e) => ({ ...e, direction: 'inbound' }) as Entry);
    expect(codesOf(checkAction(context({ history: six }), action({ phoneRef: 'P1' }), { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual(['cap-reached']);
    expect(codesOf(checkAction(context({ history: asInbound }), action({ phoneRef: 'P1' }), { profile: 'cba-2026' }), 'unanswered-attempts-cap')).toEqual([]);
  });

  it('quota does not count inbound calls', () => {
    expect(quota(context({ history: [inbound(MORNING[0]), ...connected(MORNING[1])] }), '2026-11-30T10:00:00+08:00').quota?.voice.used).toBe(1);
  });

  it('an unknown direction is invalid input naming the field', () => {
    const d = checkAction(context({ history: [{ ...past('voice', MORNING[0], 'connected'), direction: 'callback' } as unknown as Entry] }), action());
    expect(d.violations[0]?.facts.issues).toEqual([expect.objectContaining({ path: 'context.history[0].direction' })]);
  });
});

describe('item 4: the pre-expiry agency evaluation, per action', () => {
  const agencyActor = (validUntil: string, lastEvaluatedAt: string) =>
    humanActor({ organization: { id: 'AG1', kind: 'agency', outsourcingAgreement: { ref: 'OA-1', validFrom: '2026-01-01T00:00:00+08:00', validUntil }, lastEvaluatedAt } });
  const due = (validUntil: string, lastEvaluatedAt: string) => {
    const d = checkAction(context(), action({ actor: agencyActor(validUntil, lastEvaluatedAt) }));
    return { d, due: d.obligations.filter((o) => o.code === 'pre-expiry-evaluation-due') };
  };

  it('in the final 30 days without an evaluation in the final 90: allowed, with an obligation naming the due date', () => {
    // Action 2026-11-30T10:00; agreement ends 2026-12-30T10:00 (30 days later); yearly evaluation in May.
    const { d, due: found } = due('2026-12-30T10:00:00+08:00', '2026-05-01T09:00:00+08:00');
    expect(d.outcome).toBe('allow');
    expect(found).toHaveLength(1);
    expect(found[0]?.facts).toEqual({ dueBy: '2026-12-30T10:00:00+08:00', periodFrom: '2026-10-01T10:00:00+08:00' });
  });

  it('30 days and a second before the end: no obligation yet', () => {
    expect(due('2026-12-30T10:00:01+08:00', '2026-05-01T09:00:00+08:00').due).toEqual([]);
  });

  it('an evaluation in the final 90 days discharges it; one a second earlier does not', () => {
    expect(due('2026-12-30T10:00:00+08:00', '2026-10-01T10:00:00+08:00').due).toEqual([]);
    expect(due('2026-12-30T10:00:00+08:00', '2026-10-01T09:59:59+08:00').due).toHaveLength(1);
  });
});

describe('item 6: one vocabulary for a collector\'s standing', () => {
  it.each(['suspended', 'reassigned', 'dismissed'] as const)('a %s collector is denied per action', (standing) => {
    const d = checkAction(context(), action({ actor: humanActor({ collector: { ...collector(), standing } }) }));
    expect(d.violations.map((v) => [v.rule, v.code, v.facts.standing])).toEqual([['collector-standing', 'collector-not-active', standing]]);
  });

  it('the program assessment takes the same four values', () => {
    for (const status of ['active', 'suspended', 'reassigned', 'dismissed'] as const) {
      const result = assessProgram(programInstitution({ staff: [staffMember({ status })] }), { at: '2026-11-30T10:00:00+08:00' });
      expect(result.findings.map((f) => f.check), status).not.toContain('invalid-input');
    }
    // A suspended serious offender still has to be dismissed.
    const offender = assessProgram(programInstitution({ staff: [staffMember({ status: 'suspended', conductFlag: 'serious_offence', reportedToSelfRegulatorAt: '2026-11-01T10:00:00+08:00' })] }), { at: '2026-11-30T10:00:00+08:00' });
    expect(offender.findings.map((f) => f.code)).toContain('serious-offender-not-dismissed');
  });
});

describe('item 9: cba-2026, the parts the sources support', () => {
  const lostCase = (history: Entry[]) => context({ debtor: { id: 'D1', reachable: false }, history });
  const locate = action({ target: { role: 'contact', partyId: 'C1' }, purpose: 'locate_debtor' });
  const tries = (...outcomes: string[]) => outcomes.map((o, i) => past('voice', `2026-11-29T${String(9 + i).padStart(2, '0')}:00:00+08:00`, o));

  it('nationally, debtor.reachable: false alone lets a contact be approached', () => {
    expect(checkAction(lostCase([]), locate).outcome).toBe('allow');
  });

  it('under cba-2026, "lost" needs three consecutive unanswered attempts besides reachable: false', () => {
    const none = checkAction(lostCase([]), locate, { profile: 'cba-2026' });
    expect(none.violations.map((v) => [v.rule, v.code, v.facts.required])).toEqual([['contact-precondition', 'debtor-not-shown-lost', 3]]);
    expect(checkAction(lostCase(tries('not_connected', 'failed', 'not_connected')), locate, { profile: 'cba-2026' }).outcome).toBe('allow');
    // Two in a row are not three; an answered call breaks the run.
    expect(codesOf(checkAction(lostCase(tries('not_connected', 'not_connected')), locate, { profile: 'cba-2026' }), 'contact-precondition')).toEqual(['debtor-not-shown-lost']);
    expect(codesOf(checkAction(lostCase(tries('not_connected', 'not_connected', 'not_connected', 'connected')), locate, { profile: 'cba-2026' }), 'contact-precondition')).toEqual(['debtor-not-shown-lost']);
    // The debtor's own unanswered call-backs are no attempts of ours.
    const inboundTries = tries('not_connected', 'not_connected', 'not_connected').map((e) => ({ ...e, direction: 'inbound' }) as Entry);
    expect(codesOf(checkAction(lostCase(inboundTries), locate, { profile: 'cba-2026' }), 'contact-precondition')).toEqual(['debtor-not-shown-lost']);
  });

  it('the history never makes a reachable debtor lost (the stricter reading)', () => {
    const reachable = context({ history: tries('failed', 'failed', 'failed', 'failed') });
    expect(codesOf(checkAction(reachable, locate, { profile: 'cba-2026' }), 'contact-precondition')).toEqual(['debtor-reachable']);
  });

  it('an overlay on cba-2026 keeps its profile settings', () => {
    const guard = createGuard({ profile: 'cba-2026', overlay: { voiceDailyCap: 2 } });
    expect(guard.profile.debtorLostAfterFailedAttempts).toBe(3);
    expect(codesOf(guard.checkSync(lostCase([]), locate), 'contact-precondition')).toEqual(['debtor-not-shown-lost']);
  });
});

describe('item 8: citations that do not claim too much', () => {
  it('invalid input cites the engine, not a clause of GB/T 45251', () => {
    const d = checkAction({} as never, action());
    expect(d.violations[0]).toMatchObject({ rule: 'invalid-input', clause: { standard: 'cuishou-guard', clause: 'fail-closed' } });
  });

  it('an internal error (a rule that throws) cites the engine too', () => {
    expect(internalError('some-rule', new TypeError('x')).clause).toMatchObject({ standard: 'cuishou-guard', clause: 'fail-closed' });
  });

  it('the program assessment\'s invalid input cites the engine', () => {
    expect(assessProgram({ staff: 'x' }, { at: '2026-11-30T10:00:00+08:00' }).findings[0]?.clause).toMatchObject({ standard: 'cuishou-guard', clause: 'fail-closed' });
  });

  it('no rule or engine requirement cites GB/T 45251 for an engine principle', () => {
    const engine = engineRequirements.filter((q) => q.id === 'invalid-input' || q.id === 'no-personal-data-out');
    expect(engine.map((q) => q.clause.standard)).toEqual(['cuishou-guard', 'cuishou-guard']);
  });

  it('settled-debt: the deny cites 5.3, the destruction duty 5.5', () => {
    const d = checkAction(context({ debt: { id: 'L1', status: 'settled', settledAt: '2026-11-29T10:00:00+08:00' } }), action());
    expect(d.violations.find((v) => v.rule === 'settled-debt')?.clause.clause).toBe('5.3');
    expect(d.obligations.find((o) => o.code === 'destroy-case-data')?.clause.clause).toBe('5.5');
  });
});

describe('quota agrees with the agreed unanswered-attempts cap (cba-2026)', () => {
  it('an agreed cap of 3 lowers the per-number cap in quota; an agreed 10 does not raise it', () => {
    const history = [{ ...past('voice', MORNING[0], 'not_connected'), phoneRef: 'P1' } as Entry];
    const at = '2026-11-30T10:00:00+08:00';
    expect(quota(context({ agreement: { ref: 'AGR-1', unansweredAttemptsDailyCap: 3 }, history }), at, { profile: 'cba-2026' }).quota?.unansweredByNumber).toEqual({ P1: { used: 1, cap: 3, left: 2 } });
    expect(quota(context({ agreement: { ref: 'AGR-1', unansweredAttemptsDailyCap: 10 }, history }), at, { profile: 'cba-2026' }).quota?.unansweredByNumber).toEqual({ P1: { used: 1, cap: 6, left: 5 } });
  });
});
