import { clauses } from '../core/clauses.js';
import { defineRule, evidence, type RuleResult } from '../core/define-rule.js';

export default defineRule({
  id: 'visit-premises',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.visitPremises,
  evidence: evidence('seed', 'Any private residence or office area, whoever\'s; the flags are the visit plan\'s declaration.'),
  description: {
    zh: '上门催收不得进入债务人私人住宅或办公区域。',
    en: 'An on-site visit must not enter a private residence or an office area.',
  },
  messages: {
    'enters-private-residence': {
      zh: '上门催收不得进入私人住宅。',
      en: 'The visit would enter a private residence.',
    },
    'enters-office-area': {
      zh: '上门催收不得进入办公区域。',
      en: 'The visit would enter an office area.',
    },
  },
  scope: { channels: ['visit'] },
  appliesTo: (f) => f.visit !== null,
  check: (f, _limits, report) => {
    const found: RuleResult[] = [];
    if (f.visit?.entersPrivateResidence === true) found.push(report.violation('enters-private-residence'));
    if (f.visit?.entersOfficeArea === true) found.push(report.violation('enters-office-area'));
    return found;
  },
});
