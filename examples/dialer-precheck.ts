/**
 * A dialer's pre-check: before placing a batch of queued calls, filter each through `checkAction` and
 * dial only the allowed ones. The denied ones are printed with their reasons (`explain`).
 * Run with `npx tsx examples/dialer-precheck.ts`; test/examples-who.test.ts checks the results.
 */
import collector from './data/actor.json' with { type: 'json' };
import { checkAction, explain, type ActionInput, type ContextInput, type Decision } from '../src/index.js';

const humanCollector = collector as ActionInput['actor'];
const system = { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true };
const voiceBot: ActionInput['actor'] = {
  kind: 'ai',
  ai: {
    id: 'BOT1',
    fairnessReviewedAt: '2026-06-01T09:00:00+08:00',
    usesProtectedAttributes: false,
    reliabilityValidatedAt: '2026-06-01T09:00:00+08:00',
    humanHandoff: true,
    securityAssessedAt: '2026-06-01T09:00:00+08:00',
  },
  organization: { id: 'ORG1', kind: 'lender' },
  system,
};

const overdueCase: ContextInput = {
  debtor: { id: 'D1', timeZone: 'Asia/Shanghai' },
  debt: { id: 'L1', status: 'overdue' },
  contacts: [{ partyId: 'C1' }],
  history: [],
};

const call = (at: string, actor: ActionInput['actor'], target: ActionInput['target'] = { role: 'debtor', partyId: 'D1' }): ActionInput => ({
  channel: 'voice',
  at,
  target,
  purpose: target.role === 'debtor' ? 'demand_payment' : 'locate_debtor',
  actor,
});

/** The dialer's queue: what it would like to dial, and who would speak. */
export const candidates: { label: string; context: ContextInput; action: ActionInput }[] = [
  { label: 'Debtor at 10:00, collector E1', context: overdueCase, action: call('2026-11-30T10:00:00+08:00', humanCollector) },
  { label: 'Debtor at 10:05, voice bot BOT1', context: overdueCase, action: call('2026-11-30T10:05:00+08:00', voiceBot) },
  { label: 'Debtor at 22:30, collector E1', context: overdueCase, action: call('2026-11-30T22:30:00+08:00', humanCollector) },
  {
    label: 'Debtor at 10:10, collector whose yearly assessment lapsed',
    context: overdueCase,
    action: call('2026-11-30T10:10:00+08:00', { ...humanCollector, collector: { ...humanCollector.collector!, lastTrainingAssessedAt: '2025-09-01T09:00:00+08:00' } }),
  },
  {
    label: 'Debtor at 10:15, voice bot without a hand-off to a human',
    context: overdueCase,
    action: call('2026-11-30T10:15:00+08:00', { ...voiceBot, ai: { ...voiceBot.ai!, humanHandoff: false } }),
  },
  {
    label: 'Debtor at 10:20, agency AG1 last evaluated 14 months ago',
    context: overdueCase,
    action: call('2026-11-30T10:20:00+08:00', {
      ...humanCollector,
      organization: { id: 'AG1', kind: 'agency', outsourcingAgreement: { ref: 'OA-1', validFrom: '2026-01-01T00:00:00+08:00' }, lastEvaluatedAt: '2025-09-30T09:00:00+08:00' },
    }),
  },
  { label: 'Contact C1 at 10:25 while the debtor answers the phone', context: overdueCase, action: call('2026-11-30T10:25:00+08:00', humanCollector, { role: 'contact', partyId: 'C1' }) },
  { label: 'A neighbour at 10:30', context: overdueCase, action: call('2026-11-30T10:30:00+08:00', humanCollector, { role: 'third_party' }) },
];

export const results: { label: string; decision: Decision }[] = candidates.map((c) => ({ label: c.label, decision: checkAction(c.context, c.action) }));
export const allowed = results.filter((r) => r.decision.outcome === 'allow');
export const denied = results.filter((r) => r.decision.outcome === 'deny');

const main = (): void => {
  console.log(`# Dial (${allowed.length})`);
  for (const { label } of allowed) console.log(`  ✓ ${label}`);
  console.log(`\n# Hold back (${denied.length})`);
  for (const { label, decision } of denied) {
    console.log(`\n## ${label}`);
    console.log(explain(decision, 'en'));
  }
};

if (import.meta.url === `file://${process.argv[1]}`) main();
