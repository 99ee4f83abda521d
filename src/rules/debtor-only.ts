import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

// Facts name the target's role only: party ids are input strings and never leave the engine.
export default defineRule({
  id: 'debtor-only',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.targets,
  evidence: evidence('seed, press', 'Registered means listed in context.contacts or context.guarantors; a debtor target without partyId is the case\'s debtor; anyone else is a third party.'),
  description: {
    zh: '催收对象仅限债务人本人；既非担保人也非登记联系人的其他人不得联系。',
    en: 'Collection is directed at the debtor only: anyone who is neither a guarantor nor a registered contact must not be approached.',
  },
  messages: {
    'third-party': {
      zh: '催收对象角色为 {role}：不得向既非担保人也非登记联系人的第三方催收。',
      en: 'The target role is {role}: a third party who is neither a guarantor nor a registered contact must not be approached.',
    },
    'unregistered-contact': {
      zh: '目标（角色 {role}）不在本案登记的联系人之列，不得联系。',
      en: 'The target (role {role}) is not among the registered contacts of this case and must not be approached.',
    },
    'unregistered-guarantor': {
      zh: '目标（角色 {role}）不在本案登记的担保人之列，不得联系。',
      en: 'The target (role {role}) is not among the registered guarantors of this case and must not be approached.',
    },
    'not-the-debtor': {
      zh: '目标标记为 {role}，但并非本案债务人本人，不得联系。',
      en: 'The target is marked {role} but is not the debtor of this case and must not be approached.',
    },
  },
  appliesTo: () => true,
  check: (f, _limits, report) => {
    const facts = { role: f.targetRole };
    switch (f.targetRole) {
      case 'third_party': return [report.violation('third-party', facts)];
      case 'contact': return f.targetRegistered ? NONE : [report.violation('unregistered-contact', facts)];
      case 'guarantor': return f.targetRegistered ? NONE : [report.violation('unregistered-guarantor', facts)];
      case 'debtor': return f.targetRegistered ? NONE : [report.violation('not-the-debtor', facts)];
    }
  },
});
