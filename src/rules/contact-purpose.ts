import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

const ALWAYS_ALLOWED: readonly string[] = ['locate_debtor', 'relay_message'];

export default defineRule({
  id: 'contact-purpose',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.contactPurpose,
  evidence: evidence('seed, press', 'Only locate_debtor and relay_message, plus repayment_info to a contact who volunteered at or before the action; a missing purpose is denied.'),
  description: {
    zh: '联系联系人时仅可询问债务人的联系方式或请其转告信息，不得向其催要还款；主动表示代偿的联系人可获告知还款所需信息。',
    en: "With a contact: only ask for the debtor's contact details or ask them to pass on a message, never demand payment; a contact who volunteered to repay may be given repayment information.",
  },
  messages: {
    'purpose-missing': {
      zh: '联系联系人须说明目的（允许：{allowed}），目的缺失的操作无法核验。',
      en: 'An action toward a contact must state its purpose (allowed: {allowed}); without one it cannot be verified.',
    },
    'purpose-not-allowed': {
      zh: '不得以“{purpose}”为目的联系联系人；允许的目的：{allowed}。',
      en: 'A contact must not be approached for "{purpose}"; allowed purposes: {allowed}.',
    },
    'repayment-not-volunteered': {
      zh: '该联系人在本次操作前未主动表示代为还款，不得以“{purpose}”为目的联系。',
      en: 'The contact had not volunteered to repay by the time of this action: "{purpose}" is not allowed.',
    },
  },
  dated: ['context.contacts[].volunteeredToRepayAt'],
  scope: { targetRoles: ['contact'] },
  appliesTo: (f) => f.targetRole === 'contact',
  check: (f, _limits, report) => {
    const allowed = [...ALWAYS_ALLOWED];
    const purpose = f.purpose ?? null;
    if (purpose === null) return [report.violation('purpose-missing', { purpose: null, allowed })];
    if (ALWAYS_ALLOWED.includes(purpose)) return NONE;
    if (purpose === 'repayment_info') {
      const volunteeredAtMs = f.contact?.volunteeredToRepayAtMs ?? null;
      return volunteeredAtMs !== null && volunteeredAtMs <= f.atMs ? NONE : [report.violation('repayment-not-volunteered', { purpose, volunteered: false })];
    }
    return [report.violation('purpose-not-allowed', { purpose, allowed })];
  },
});
