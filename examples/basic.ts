import { checkAction, explain } from '../src/index.js';

export const decision = checkAction(
  {
    debtor: { id: 'D1', timeZone: 'Asia/Shanghai' },
    debt: { id: 'L1', status: 'overdue' },
    history: [
      { channel: 'voice', at: '2026-11-30T09:05:00+08:00', target: { role: 'debtor' }, outcome: 'connected' },
    ],
  },
  {
    channel: 'voice',
    at: '2026-11-30T23:00:00+08:00',
    target: { role: 'debtor', partyId: 'D1' },
    purpose: 'demand_payment',
    actor: {
      kind: 'human',
      collector: {
        id: 'E1', violentCrimeRecord: false, seriousBadCredit: false,
        preJobTrainingPassedAt: '2026-01-05T09:00:00+08:00', lastTrainingAssessedAt: '2026-06-01T09:00:00+08:00',
        confidentialityPledgeSignedAt: '2026-01-05T09:00:00+08:00', standing: 'active',
      },
      organization: { id: 'ORG1', kind: 'lender' },
      system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
    },
  },
);

console.log(decision.outcome);             // 'deny'
console.log(decision.violations[0]?.rule); // 'collection-hours'
console.log(explain(decision));            // DENY … collection-hours [GB/T 45251—2025 5.3 催收时间] …
