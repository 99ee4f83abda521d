import { clauses } from '../core/clauses.js';
import { defineRule, evidence } from '../core/define-rule.js';

export default defineRule({
  id: 'contact-disclosure',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.contactDisclosure,
  evidence: evidence('seed, press', 'No disclosure to a contact, repayment information included, except repayment information to a contact who volunteered, which carries the repayment-info-only duty.'),
  description: {
    zh: '不得向联系人透露债务金额、逾期时长等债务信息；主动表示代偿的联系人仅可获告知还款所需信息。',
    en: 'Never disclose the debt amount, overdue duration or other debt details to a contact, except repayment information to a contact who volunteered to repay.',
  },
  messages: {
    'debt-disclosed': {
      zh: '不得向联系人透露债务信息：{disclosures}。',
      en: 'Debt information must not be disclosed to a contact: {disclosures}.',
    },
    'no-debt-disclosure': {
      zh: '与联系人沟通时不得提及债务的任何信息（金额、逾期时长、债务细节、还款方式）。',
      en: 'Say nothing of the debt to the contact: no amount, overdue duration, details or repayment information.',
    },
    'repayment-info-only': {
      zh: '该联系人已主动表示代为还款：仅可告知还款所需信息，不得告知其他债务信息。',
      en: 'The contact volunteered to repay: give only the information needed to repay, nothing else about the debt.',
    },
  },
  dated: ['context.contacts[].volunteeredToRepayAt'],
  scope: { targetRoles: ['contact'] },
  appliesTo: (f) => f.targetRole === 'contact',
  check: (f, _limits, report) => {
    const volunteeredAtMs = f.contact?.volunteeredToRepayAtMs ?? null;
    const repaying = f.purpose === 'repayment_info' && volunteeredAtMs !== null && volunteeredAtMs <= f.atMs;
    if (repaying) return [report.obligation('repayment-info-only', { volunteered: true })];
    // Repayment information is debt information too unless the contact is the one repaying.
    const disclosed = [...new Set(f.disclosures)];
    if (disclosed.length > 0) return [report.violation('debt-disclosed', { disclosures: disclosed })];
    return [report.obligation('no-debt-disclosure')];
  },
});
