/**
 * `npm start`: a few decisions on the bundled example case, explained in both languages.
 * Run by the test suite (test/examples.test.ts), which also checks the outcomes printed here.
 */
import actor from './data/actor.json' with { type: 'json' };
import caseJson from './data/case.json' with { type: 'json' };
import { checkAction, explain, type ActionInput, type ContextInput, type Decision } from '../src/index.js';

// TypeScript widens a JSON file's strings ("overdue" becomes string): say which input it is. checkAction
// validates it at run time anyway, as it does any input.
const caseFile = caseJson as ContextInput;

const noHistory = { ...caseFile, history: [] };
const call = (at: string): ActionInput => ({
  channel: 'voice',
  at,
  target: { role: 'debtor', partyId: 'D1' },
  purpose: 'demand_payment',
  actor: actor as ActionInput['actor'],
});

export const scenarios: { title: string; decision: Decision }[] = [
  { title: 'A call at 10:00 on a fresh day', decision: checkAction(noHistory, call('2026-11-30T10:00:00+08:00')) },
  { title: 'A call at 23:00', decision: checkAction(noHistory, call('2026-11-30T23:00:00+08:00')) },
  { title: 'A fourth connected call (three connected today, across the lender and its agency)', decision: checkAction(caseFile, call('2026-11-30T18:00:00+08:00')) },
  {
    title: 'A visit with four staff',
    decision: checkAction(noHistory, {
      ...call('2026-11-30T15:00:00+08:00'),
      channel: 'visit',
      purpose: 'reminder',
      visit: { staffCount: 4, entersPrivateResidence: false, entersOfficeArea: false },
    }),
  },
];

/** Prints every scenario's decision, explained in English and in Chinese. */
export const main = (): void => {
  for (const { title, decision } of scenarios) {
    console.log(`\n## ${title}`);
    console.log(explain(decision, 'en'));
    console.log(explain(decision, 'zh-CN'));
  }
};

if (import.meta.url === `file://${process.argv[1]}`) main();
