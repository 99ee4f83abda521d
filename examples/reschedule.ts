/**
 * A dialer's day: the calls it could not place are moved to the earliest instant the rules allow, or
 * dropped with the reason when no waiting will help. Run: `npx tsx examples/reschedule.ts`; checked by
 * test/examples.test.ts.
 */
import actor from './data/actor.json' with { type: 'json' };
import { scheduleAction, type ActionInput, type ContextInput } from '../src/index.js';

const base: ContextInput = { debtor: { id: 'D1' }, debt: { id: 'L1', status: 'overdue' } };
const call = (at: string): ActionInput => ({ channel: 'voice', at, target: { role: 'debtor', partyId: 'D1' }, purpose: 'reminder', actor: actor as ActionInput['actor'] });
const connected = (...times: string[]): ContextInput['history'] => times.map((t) => ({ channel: 'voice', at: `2026-11-30T${t}:00+08:00`, target: { role: 'debtor' }, outcome: 'connected' }));

/** The blocked dial list: each case with the call the dialer wanted to place. */
export const blocked: { account: string; context: ContextInput; action: ActionInput }[] = [
  { account: 'A-001', context: base, action: call('2026-11-30T22:15:00+08:00') },
  { account: 'A-002', context: { ...base, history: connected('09:00', '11:00', '14:00') }, action: call('2026-11-30T16:00:00+08:00') },
  { account: 'A-003', context: { ...base, agreement: { ref: 'AGR-7', windows: [{ start: '12:00', end: '13:30', days: [1, 2, 3, 4, 5] }] } }, action: call('2026-11-30T10:00:00+08:00') },
  { account: 'A-004', context: { ...base, debtor: { id: 'D1', timeZone: 'America/New_York' } }, action: call('2026-11-30T12:00:00+08:00') },
  { account: 'A-005', context: { ...base, debt: { id: 'L1', status: 'settled', settledAt: '2026-11-29T18:00:00+08:00' } }, action: call('2026-11-30T10:00:00+08:00') },
];

export const plan = blocked.map(({ account, context, action }) => {
  const r = scheduleAction(context, action);
  return { account, requested: action.at, retryAt: r.at, permanent: r.permanent, reasons: r.reasons.map((v) => v.rule) };
});

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const p of plan) {
    console.log(p.retryAt === null ? `${p.account}: drop (${p.reasons.join(', ')})` : `${p.account}: ${p.requested} → retry at ${p.retryAt}`);
  }
}
