/**
 * The audit's history index, grown one record at a time and trimmed to the horizon, is the index that
 * indexHistory builds from the same entries: the counts (hence the facts) cannot differ.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToHistoryIndex, emptyHistoryIndex, forgetHistoryBefore, indexHistory } from '../src/core/facts.js';
import type { Context } from '../src/schema/context.js';
import { iso } from './support/arbitraries.js';

const entry = fc.record({
  channel: fc.constantFrom('voice', 'visit', 'sms'),
  gapMs: fc.integer({ min: 0, max: 6 * 3_600_000 }),
  target: fc.constantFrom({ role: 'debtor' as const }, { role: 'debtor' as const, partyId: 'D1' }, { role: 'debtor' as const, partyId: 'D2' }, { role: 'contact' as const, partyId: 'C1' }),
  outcome: fc.constantFrom('connected', 'not_connected', 'failed', 'completed', 'delivered'),
  phoneRef: fc.option(fc.constantFrom('P1', 'P2'), { nil: undefined }),
  direction: fc.constantFrom('outbound' as const, 'outbound' as const, 'inbound' as const),
});

describe('the growing history index', () => {
  it('equals indexHistory over the entries kept, after every record and every trim', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 80 }), fc.integer({ min: 3_600_000, max: 30 * 3_600_000 }), (entries, horizonMs) => {
      const index = emptyHistoryIndex();
      const kept: { ms: number; e: (typeof entries)[number] }[] = [];
      let ms = Date.UTC(2026, 10, 1);
      for (const e of entries) {
        ms += e.gapMs;
        addToHistoryIndex(index, 'D1', e, ms);
        kept.push({ ms, e });
        const cutoff = ms - horizonMs;
        forgetHistoryBefore(index, cutoff);
        while (kept.length > 0 && (kept[0]?.ms as number) < cutoff) kept.shift();
        const history = kept.map(({ ms: at, e: k }) => ({ channel: k.channel, at: iso(at), target: k.target, outcome: k.outcome, direction: k.direction, ...(k.phoneRef === undefined ? {} : { phoneRef: k.phoneRef }) }));
        const rebuilt = indexHistory({ debtor: { id: 'D1' }, history } as unknown as Context);
        expect(index.voiceConnected).toEqual(rebuilt.voiceConnected);
        expect(index.visits).toEqual(rebuilt.visits);
        expect(index.debtorAttempts).toEqual(rebuilt.debtorAttempts);
        expect(index.debtorAttemptUnanswered).toEqual(rebuilt.debtorAttemptUnanswered);
        expect(new Map([...index.unansweredByPhone].sort())).toEqual(new Map([...rebuilt.unansweredByPhone].sort()));
      }
    }), { numRuns: 200 });
  });

  it('indexHistory sorts a history in any order as a stable sort by instant would (ties keep the history\'s order)', () => {
    // Ascending, descending (reversed with ties put back) and mixed orders take different paths.
    const timed = fc.record({ e: entry, at: fc.integer({ min: 0, max: 5 }) });
    const orders = fc.constantFrom('as-is', 'ascending', 'descending');
    fc.assert(fc.property(fc.array(timed, { maxLength: 40 }), orders, (raw, order) => {
      const items = order === 'as-is' ? raw : [...raw].sort((a, b) => (order === 'ascending' ? a.at - b.at : b.at - a.at));
      const msOf = (at: number): number => Date.UTC(2026, 10, 1) + at * 3_600_000;
      const history = items.map(({ e, at }) => ({ channel: e.channel, at: iso(msOf(at)), target: e.target, outcome: e.outcome, direction: e.direction, ...(e.phoneRef === undefined ? {} : { phoneRef: e.phoneRef }) }));
      const built = indexHistory({ debtor: { id: 'D1' }, history } as unknown as Context);
      // The reference: the same counting rules, then Array.prototype.sort (stable) on each list.
      const toDebtor = items.filter(({ e }) => e.target.role === 'debtor' && (e.target.partyId === undefined || e.target.partyId === 'D1'));
      const voice = toDebtor.filter(({ e }) => e.channel === 'voice' && e.direction === 'outbound').sort((a, b) => a.at - b.at);
      const unanswered = (o: string): boolean => o === 'not_connected' || o === 'failed';
      expect(built.debtorAttempts).toEqual(voice.map(({ at }) => msOf(at)));
      expect(built.debtorAttemptUnanswered).toEqual(voice.map(({ e }) => unanswered(e.outcome)));
      expect(built.voiceConnected).toEqual(voice.filter(({ e }) => e.outcome === 'connected' || e.outcome === 'completed').map(({ at }) => msOf(at)));
      expect(built.visits).toEqual(toDebtor.filter(({ e }) => e.channel === 'visit').map(({ at }) => msOf(at)).sort((a, b) => a - b));
      for (const phone of ['P1', 'P2']) {
        const expected = voice.filter(({ e }) => unanswered(e.outcome) && e.phoneRef === phone).map(({ at }) => msOf(at));
        expect(built.unansweredByPhone.get(phone) ?? []).toEqual(expected);
      }
    }), { numRuns: 500 });
  });

  it('takes an entry out of order at its sorted place', () => {
    const index = emptyHistoryIndex();
    for (const [ms, outcome] of [[30, 'connected'], [10, 'connected'], [20, 'failed'], [20, 'connected']] as const) {
      addToHistoryIndex(index, 'D1', { channel: 'voice', target: { role: 'debtor' }, outcome, phoneRef: undefined, direction: 'outbound' }, ms);
    }
    expect(index.voiceConnected).toEqual([10, 20, 30]);
    // Equal instants keep their order of arrival, as indexHistory's stable sort keeps the history's.
    expect(index.debtorAttempts).toEqual([10, 20, 20, 30]);
    expect(index.debtorAttemptUnanswered).toEqual([false, true, false, false]);
  });
});
