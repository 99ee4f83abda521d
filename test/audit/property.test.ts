import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, auditSync, AuditRecordSchema, checkAction, type ActionInput, type AuditRecordInput, type AuditVerdict, type ContextInput } from '../../src/index.js';
import { parseInstant } from '../../src/core/time.js';
import { action as actionArb, context as contextArb, iso } from '../support/arbitraries.js';
import { asyncFrom } from './support.js';

const START = Date.UTC(2026, 10, 28);
const DEBTORS = ['D1', 'D2', 'D3'] as const;

/** A record of one of three debtors, within six days, so that many share a local day. */
const recordArb = fc
  .record({
    debtor: fc.constantFrom(...DEBTORS),
    snapshot: contextArb,
    action: actionArb,
    ms: fc.integer({ min: START, max: START + 6 * 86_400_000 }),
    offset: fc.constantFrom(0, 480, -300, 330),
    outcome: fc.constantFrom('connected', 'not_connected', 'delivered', 'failed', 'completed') as fc.Arbitrary<AuditRecordInput['outcome']>,
  })
  .map(({ debtor, snapshot, action, ms, offset, outcome }) => {
    const { history: _history, ...rest } = snapshot;
    const target = action.target.role === 'debtor' ? { role: 'debtor' as const, partyId: debtor } : action.target;
    return { ...rest, debtor: { ...rest.debtor, id: debtor }, action: { ...action, at: iso(ms, offset), target }, outcome } as AuditRecordInput;
  });

/**
 * Logs in time order (the order audit requires), ties kept in generation order. The shared arbitraries
 * compare validFrom and validUntil as text, so a rare agreement ends before it starts: such records are
 * invalid input, tested elsewhere, and left out here.
 */
const logArb = fc.array(recordArb, { maxLength: 16 }).map((records) => records.filter((r) => AuditRecordSchema.safeParse(r).success).map((r, i) => ({ r, i, ms: parseInstant(r.action.at) })).sort((a, b) => a.ms - b.ms || a.i - b.i).map(({ r }) => r));

/** The model: the record's case, with every earlier record of the same debtor as history. */
function expected(log: readonly AuditRecordInput[]) {
  return log.map((record, i) => {
    const { action, outcome: _o, id: _id, ...snapshot } = record;
    const history = log.slice(0, i).filter((r) => r.debtor.id === record.debtor.id).map((r) => ({
      channel: r.action.channel, at: r.action.at, target: r.action.target, outcome: r.outcome, organizationId: r.action.actor.organization.id,
      ...(r.action.phoneRef === undefined ? {} : { phoneRef: r.action.phoneRef }),
    }));
    return checkAction({ ...snapshot, history } as ContextInput, action as ActionInput);
  });
}

describe('audit against its model (fast-check)', () => {
  it("each verdict equals checkAction on the record's case with the earlier records of its debtor as history", async () => {
    await fc.assert(
      fc.asyncProperty(logArb, async (log) => {
        const verdicts = [...auditSync(log)];
        const decisions = expected(log);
        expect(verdicts).toHaveLength(log.length);
        verdicts.forEach((v, i) => {
          expect(v.inputError).toBeUndefined();
          expect(v.index).toBe(i);
          expect(v.outcome).toBe(decisions[i]?.outcome);
          expect(v.violations).toEqual(decisions[i]?.violations);
        });
        const fromAsync: AuditVerdict[] = [];
        for await (const v of audit(asyncFrom(log))) fromAsync.push(v);
        expect(fromAsync).toEqual(verdicts);
      }),
      { numRuns: 100 },
    );
  });

  it('a record out of order for its debtor is an input error, and every other record is judged as if it were absent', () => {
    fc.assert(
      fc.property(logArb.filter((l) => l.length >= 2), fc.nat(), (log, pick) => {
        // Take one record out and put it back just after a later record of the same debtor.
        const i = pick % log.length;
        const moved = log[i] as AuditRecordInput;
        const rest = [...log.slice(0, i), ...log.slice(i + 1)];
        const j = rest.findIndex((r, k) => k >= i && r.debtor.id === moved.debtor.id && parseInstant(r.action.at) > parseInstant(moved.action.at));
        fc.pre(j >= 0);
        const shuffled = [...rest.slice(0, j + 1), moved, ...rest.slice(j + 1)];
        const verdicts = [...auditSync(shuffled)];
        expect(verdicts[j + 1]?.inputError?.issues[0]?.message).toMatch(/^out of order/);
        const others = verdicts.filter((_, k) => k !== j + 1).map(({ index: _index, ...v }) => v);
        expect(others).toEqual([...auditSync(rest)].map(({ index: _index, ...v }) => v));
      }),
      { numRuns: 100 },
    );
  });
});
