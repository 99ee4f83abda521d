/**
 * The playground's scenario menu: the README's example case and the fixtures in examples/data, each a
 * context and an action as a person would paste them. Plain data (no DOM), so the page and its test
 * (test/playground.test.ts) read the same cases.
 */
import actorFile from '../data/actor.json' with { type: 'json' };
import actionFile from '../data/action.json' with { type: 'json' };
import caseFile from '../data/case.json' with { type: 'json' };
import type { ActionInput, ContextInput } from '../../src/index.js';

export interface Scenario {
  readonly id: string;
  readonly title: { readonly en: string; readonly zh: string };
  readonly context: ContextInput;
  readonly action: ActionInput;
}

const collector = actorFile as ActionInput['actor'];

/** The README's example case: one connected call at 09:05 today (README.md, "Use"). */
const readmeCase: ContextInput = {
  debtor: { id: 'D1', timeZone: 'Asia/Shanghai' },
  debt: { id: 'L1', status: 'overdue' },
  history: [{ channel: 'voice', at: '2026-11-30T09:05:00+08:00', target: { role: 'debtor' }, outcome: 'connected' }],
};

const callDebtor = (at: string): ActionInput => ({
  channel: 'voice',
  at,
  target: { role: 'debtor', partyId: 'D1' },
  purpose: 'demand_payment',
  phoneRef: 'P1',
  actor: collector,
});

/** examples/contact-call.ts: the debtor cannot be reached, so contact C1 may be asked where the debtor is. */
const unreachableDebtor: ContextInput = {
  debtor: { id: 'D1', timeZone: 'Asia/Shanghai', reachable: false },
  debt: { id: 'L1', status: 'overdue' },
  contacts: [{ partyId: 'C1' }],
  history: [],
};

/** examples/dialer-precheck.ts's voice bot, with no path to a human. */
const botWithoutHandoff: ActionInput['actor'] = {
  kind: 'ai',
  ai: {
    id: 'BOT1',
    fairnessReviewedAt: '2026-06-01T09:00:00+08:00',
    usesProtectedAttributes: false,
    reliabilityValidatedAt: '2026-06-01T09:00:00+08:00',
    humanHandoff: false,
    securityAssessedAt: '2026-06-01T09:00:00+08:00',
  },
  organization: { id: 'ORG1', kind: 'lender' },
  system: { mlpsLevel: 3, piiMasked: true, encryptedInTransit: true },
};

export const scenarios: readonly Scenario[] = [
  {
    id: 'allowed-call',
    title: { en: 'The allowed call (10:00)', zh: '允许的电话（10:00）' },
    context: readmeCase,
    action: callDebtor('2026-11-30T10:00:00+08:00'),
  },
  {
    id: 'late-call',
    title: { en: 'The 23:00 call (README example)', zh: '23:00 的电话（README 示例）' },
    context: readmeCase,
    action: callDebtor('2026-11-30T23:00:00+08:00'),
  },
  {
    id: 'fourth-connected-call',
    title: { en: 'The fourth connected call of the day', zh: '当天第四次接通的电话' },
    context: caseFile as ContextInput,
    action: actionFile as ActionInput,
  },
  {
    id: 'visit-one-person',
    title: { en: 'A visit with one person', zh: '一人上门催收' },
    context: { ...(caseFile as ContextInput), history: [] },
    action: {
      ...callDebtor('2026-11-30T15:00:00+08:00'),
      channel: 'visit',
      purpose: 'reminder',
      visit: { staffCount: 1, entersPrivateResidence: false, entersOfficeArea: false },
    },
  },
  {
    id: 'contact-told-debt',
    title: { en: 'A contact told the debt', zh: '向联系人透露债务' },
    context: unreachableDebtor,
    action: {
      channel: 'voice',
      at: '2026-11-30T10:00:00+08:00',
      target: { role: 'contact', partyId: 'C1' },
      purpose: 'locate_debtor',
      disclosures: ['debt_amount'],
      phoneRef: 'P2',
      actor: collector,
    },
  },
  {
    id: 'ai-without-handoff',
    title: { en: 'An AI call without a human hand-off', zh: '无人工转接的 AI 电话' },
    context: { ...readmeCase, history: [] },
    action: { ...callDebtor('2026-11-30T10:00:00+08:00'), actor: botWithoutHandoff },
  },
];
