/**
 * The ledger adds no rule of its own: for random sequences of reserve, commit, release and the clock moving
 * on, in one process, every decision equals `checkAction` on the context with the ledger's history merged
 * in, as a simple model of the ledger computes it (committed entries with their outcome; live reservations
 * as if they happened: a call as connected, and, when that allows, as unanswered too: the stricter wins).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAction, createGuard, type ActionInput, type ContextInput, type HistoryEntry } from '../../src/index.js';
import { createLedger } from '../../src/ledger/index.js';
import { action, context, visitAction } from '../support/fixtures.js';

const DAY = '2026-11-30';
const pad = (n: number): string => String(n).padStart(2, '0');
const localAt = (minute: number): string => `${DAY}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00+08:00`;
const T0 = Date.parse(`${DAY}T07:00:00+08:00`);
const TTL = 60_000;

type Op =
  | { kind: 'reserve'; channel: 'voice' | 'visit' | 'sms'; minute: number; phone: 'P1' | 'P2' | null; target: 'debtor' | 'contact' }
  | { kind: 'commit'; pick: number; outcome: HistoryEntry['outcome'] }
  | { kind: 'release'; pick: number }
  | { kind: 'wait'; ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('reserve' as const), channel: fc.constantFrom('voice' as const, 'visit' as const, 'sms' as const), minute: fc.integer({ min: 7 * 60 + 30, max: 22 * 60 + 30 }), phone: fc.constantFrom('P1' as const, 'P1' as const, 'P2' as const, null), target: fc.constantFrom('debtor' as const, 'debtor' as const, 'contact' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('commit' as const), pick: fc.nat(), outcome: fc.constantFrom('connected' as const, 'not_connected' as const, 'failed' as const, 'completed' as const, 'delivered' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
  // Exact TTL steps too, so that a reservation is read at its expiry instant (it no longer counts then).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.oneof(fc.constantFrom(TTL, TTL - 1, 1), fc.integer({ min: 0, max: 90_000 })) }) },
);

interface ModelRow {
  id: string;
  entry: Omit<HistoryEntry, 'outcome'>;
  state: 'reserved' | 'committed' | 'released';
  outcome?: HistoryEntry['outcome'];
  expiresAtMs: number;
}

/** The model's history at `nowMs`, with the live calls imagined as `ending`. */
function modelHistory(rows: readonly ModelRow[], nowMs: number, ending: 'connected' | 'not_connected'): HistoryEntry[] {
  return rows.flatMap((r): HistoryEntry[] => {
    if (r.state === 'committed') return [{ ...r.entry, outcome: r.outcome as HistoryEntry['outcome'] }];
    if (r.state === 'released' || r.expiresAtMs <= nowMs) return [];
    if (r.entry.channel === 'visit') return [{ ...r.entry, outcome: 'completed' }];
    if (r.entry.channel !== 'voice') return [{ ...r.entry, outcome: 'delivered' }];
    return [{ ...r.entry, outcome: ending }];
  });
}

function actionOf(o: Extract<Op, { kind: 'reserve' }>): ActionInput {
  const base = o.channel === 'visit' ? visitAction() : action({ channel: o.channel });
  const target = o.target === 'debtor' ? { role: 'debtor' as const, partyId: 'D1' } : { role: 'contact' as const, partyId: 'C1' };
  return { ...base, at: localAt(o.minute), target, purpose: o.target === 'contact' ? 'locate_debtor' : base.purpose, ...(o.phone === null || o.channel === 'visit' ? {} : { phoneRef: o.phone }) };
}

describe('ledger decisions equal checkAction on the merged history (property)', () => {
  it.each(['gb-t-45251-2025', 'cba-2026'])('profile %s', async (profile) => {
    const presetGuard = createGuard({ profile });
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), fc.boolean(), async (ops, debtorLost) => {
        const clock = { ms: T0 };
        const ledger = createLedger({ guard: { profile }, reservationTtlMs: TTL, now: () => clock.ms });
        const ctx: ContextInput = context({ debtor: { id: 'D1', reachable: !debtorLost }, history: [
          { channel: 'voice', at: `${DAY}T07:10:00+08:00`, target: { role: 'debtor', partyId: 'D1' }, outcome: 'connected' },
          // Five unanswered attempts on P1 already: under cba-2026 one more (even a live reservation) reaches its cap of 6.
          ...[11, 12, 13, 14, 15].map((m) => ({ channel: 'voice' as const, at: `${DAY}T07:${m}:00+08:00`, target: { role: 'debtor' as const, partyId: 'D1' }, outcome: 'not_connected' as const, phoneRef: 'P1' })),
        ] });
        const rows: ModelRow[] = [];
        for (const o of ops) {
          if (o.kind === 'wait') {
            clock.ms += o.ms;
          } else if (o.kind === 'reserve') {
            const act = actionOf(o);
            // checkAction for the national profile; for a preset, the same guard's checkSync (checkAction does
            // not add the `source` provenance that a guard gives findings of a tightened limit).
            const decide = (ending: 'connected' | 'not_connected') => {
              const merged = { ...ctx, history: [...(ctx.history ?? []), ...modelHistory(rows, clock.ms, ending)] };
              return profile === 'gb-t-45251-2025' ? checkAction(merged, act) : presetGuard.checkSync(merged, act);
            };
            // Live calls as connected; if that allows, as unanswered too: allowed only when both allow.
            const asConnected = decide('connected');
            const liveCall = rows.some((r) => r.state === 'reserved' && r.expiresAtMs > clock.ms && r.entry.channel === 'voice');
            const asUnanswered = asConnected.outcome === 'allow' && liveCall ? decide('not_connected') : asConnected;
            const expected = asUnanswered.outcome === 'deny' ? asUnanswered : asConnected;
            const got = await ledger.reserve(ctx, act);
            expect(got.decision).toEqual(expected);
            expect(got.reservationId === null).toBe(expected.outcome === 'deny');
            if (got.reservationId !== null) {
              const { outcome: _o, ...entry } = { channel: act.channel, at: act.at, target: act.target, outcome: 'x', direction: 'outbound', organizationId: 'ORG1', ...(act.phoneRef === undefined ? {} : { phoneRef: act.phoneRef }) };
              rows.push({ id: got.reservationId, entry: entry as ModelRow['entry'], state: 'reserved', expiresAtMs: clock.ms + TTL });
            }
          } else if (rows.length > 0) {
            const row = rows[o.pick % rows.length] as ModelRow;
            if (o.kind === 'commit') {
              const result = await ledger.commit(row.id, { outcome: o.outcome });
              expect(result.status).toBe(row.state === 'committed' ? 'already-committed' : 'committed');
              if (row.state !== 'committed') {
                expect(result.late).toBe(row.state === 'released' || row.expiresAtMs <= clock.ms);
                row.state = 'committed';
                row.outcome = o.outcome;
              }
            } else {
              const result = await ledger.release(row.id);
              expect(result.status).toBe(row.state === 'committed' ? 'already-committed' : row.state === 'released' ? 'already-released' : 'released');
              if (row.state === 'reserved') row.state = 'released';
            }
          }
        }
        // The ledger's history is the model's committed entries.
        const committed = rows.filter((r) => r.state === 'committed').map((r) => ({ ...r.entry, outcome: r.outcome }));
        const history = await ledger.history('D1');
        expect(history.map((e) => e.entry).sort((a, b) => a.at.localeCompare(b.at) || a.outcome.localeCompare(b.outcome))).toEqual(
          committed.sort((a, b) => a.at.localeCompare(b.at) || String(a.outcome).localeCompare(String(b.outcome))),
        );
        await ledger.close();
      }),
      { numRuns: 60 },
    );
  });
});
