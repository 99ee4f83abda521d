/**
 * Approaching a debtor's contact (联系人) when the debtor cannot be reached (失联): asking where the
 * debtor is is allowed and comes with the duty to say nothing of the debt; demanding payment is denied;
 * once the contact has asked not to be called again, every later call is denied.
 * Run with `npx tsx examples/contact-call.ts`; test/examples-who.test.ts checks the outcomes.
 */
import collector from './data/actor.json' with { type: 'json' };
import { checkAction, explain, type ActionInput, type ContextInput, type Decision } from '../src/index.js';

const unreachable = (contact: NonNullable<ContextInput['contacts']>[number]): ContextInput => ({
  debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false },
  debt: { id: 'L1', status: 'overdue' },
  contacts: [contact],
  history: [],
});

const callContact = (at: string, purpose: ActionInput['purpose'], more: Partial<ActionInput> = {}): ActionInput => ({
  channel: 'voice',
  at,
  target: { role: 'contact', partyId: 'C1' },
  purpose,
  actor: collector as ActionInput['actor'],
  ...more,
});

export const scenarios: { title: string; decision: Decision }[] = [
  {
    title: 'Ask contact C1 how to reach the debtor',
    decision: checkAction(unreachable({ partyId: 'C1' }), callContact('2026-11-30T10:00:00+08:00', 'locate_debtor')),
  },
  {
    title: 'Ask contact C1 to pay the debt',
    decision: checkAction(unreachable({ partyId: 'C1' }), callContact('2026-11-30T10:30:00+08:00', 'demand_payment')),
  },
  {
    title: 'Call C1 again at 15:00, after C1 asked at 10:05 not to be called again',
    decision: checkAction(unreachable({ partyId: 'C1', optedOutAt: '2026-11-30T10:05:00+08:00' }), callContact('2026-11-30T15:00:00+08:00', 'locate_debtor')),
  },
  {
    title: 'C1 offered to repay at 10:05: tell C1 how to repay at 11:00',
    decision: checkAction(
      unreachable({ partyId: 'C1', volunteeredToRepayAt: '2026-11-30T10:05:00+08:00' }),
      callContact('2026-11-30T11:00:00+08:00', 'repayment_info', { disclosures: ['debt_amount', 'repayment_info'] }),
    ),
  },
];

const main = (): void => {
  for (const { title, decision } of scenarios) {
    console.log(`\n## ${title}`);
    console.log(explain(decision, 'en'));
    console.log(explain(decision, 'zh-CN'));
  }
};

if (import.meta.url === `file://${process.argv[1]}`) main();
