import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'settled-debt',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.settledDebt,
  evidence: evidence('seed', 'Inclusive: an action at the instant of settlement is denied, toward anyone (5.3); the lender\'s duty to have agencies destroy the data comes with the deny as an obligation citing 5.5.'),
  description: {
    zh: '债务结清后应立即停止催收，并通知第三方催收机构销毁案件数据，双方继续履行保密义务。',
    en: 'Once the debt is repaid, collection stops at once; third-party agencies are told to destroy the case data, and both keep it confidential.',
  },
  messages: {
    'debt-settled': {
      zh: '该债务已于此操作之前（或同时）结清，应停止催收。',
      en: 'The debt was settled at or before this action: collection must stop.',
    },
    'destroy-case-data': {
      zh: '通知受托催收机构销毁该案件数据，并继续履行保密义务（GB/T 45251—2025 5.5）。',
      en: 'Tell every third-party agency on the case to destroy its case data, and keep it confidential (GB/T 45251—2025 5.5).',
    },
  },
  appliesTo: () => true,
  check: (f, _limits, report) => {
    if (!f.settled) return NONE;
    return [report.violation('debt-settled'), report.obligation('destroy-case-data', {}, 'always', clauses.settledDataDestruction)];
  },
});
