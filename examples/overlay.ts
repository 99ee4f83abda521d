/**
 * A lender's stricter policy on top of GB/T 45251: two connected calls a day, nothing after 21:00,
 * records kept five years — plus its house rules (examples/house-rules.json). A loosening overlay is
 * refused when the guard is created. Run: `npx tsx examples/overlay.ts`; checked by test/examples.test.ts.
 */
import houseRules from './house-rules.json' with { type: 'json' };
import actor from './data/actor.json' with { type: 'json' };
import { createGuard, GuardConfigError, type ActionInput, type ContextInput, type Decision } from '../src/index.js';

const guard = createGuard({
  overlay: { voiceDailyCap: 2, windowEnd: '21:00', recordRetentionYears: 5 },
  overlayId: 'example-bank',
  houseRules,
  locale: 'en',
});

const history = (n: number): ContextInput['history'] =>
  Array.from({ length: n }, (_, i) => ({ channel: 'voice' as const, at: `2026-11-30T${String(8 + i).padStart(2, "0")}:10:00+08:00`, target: { role: 'debtor' as const }, outcome: 'connected' as const }));
const caseWith = (calls: number): ContextInput => ({ debtor: { id: 'D1' }, debt: { id: 'L1', status: 'overdue' }, history: history(calls) });
const act = (channel: ActionInput['channel'], at: string): ActionInput => ({
  channel, at, target: { role: 'debtor', partyId: 'D1' }, purpose: 'reminder', actor: actor as ActionInput['actor'],
});

export async function run(): Promise<{ title: string; decision: Decision }[]> {
  return [
    { title: 'Third connected call of the day (policy: 2)', decision: await guard.check(caseWith(2), act('voice', '2026-11-30T15:00:00+08:00')) },
    { title: 'SMS at 21:30 (policy: window ends 21:00)', decision: await guard.check(caseWith(0), act('sms', '2026-11-30T21:30:00+08:00')) },
    { title: 'SMS on Sunday afternoon (house rule)', decision: await guard.check(caseWith(0), act('sms', '2026-11-29T15:00:00+08:00')) },
    { title: 'Call during the Spring Festival (house rule)', decision: await guard.check(caseWith(0), act('voice', '2027-02-08T10:00:00+08:00')) },
    { title: 'SMS on Monday morning', decision: await guard.check(caseWith(0), act('sms', '2026-11-30T09:00:00+08:00')) },
  ];
}

export function loosening(): GuardConfigError | undefined {
  try {
    createGuard({ overlay: { voiceDailyCap: 4 } });
  } catch (error) {
    if (error instanceof GuardConfigError) return error;
    throw error;
  }
  return undefined;
}

async function main(): Promise<void> {
  for (const { title, decision } of await run()) console.log(`\n## ${title}\n${guard.explain(decision)}`);
  console.log(`\n## A loosening overlay (4 calls a day)\n${loosening()?.message}`);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
