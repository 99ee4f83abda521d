import { programClauses } from '../clauses.js';
import { defineCheck, INSTITUTION, violation } from '../define-check.js';

const COMPLIANCE_METRICS = ['compliance', 'informationSecurity', 'complaints'] as const;
const ALL_METRICS = ['recoveredAmount', 'effectiveness', ...COMPLIANCE_METRICS, 'other'] as const;

export const performancePay = defineCheck({
  id: 'performance-pay',
  clause: programClauses.performancePay,
  description: {
    zh: '催收人员绩效考核应综合合规、成效、信息安全和投诉等因素，不得仅以回款金额考核。',
    en: 'Performance pay weighs compliance, effectiveness, information security and complaints; never the recovered amount alone.',
  },
  messages: {
    'recovered-amount-only': {
      zh: '绩效考核仅计入 {weighted}，合规、信息安全和投诉的权重均为零。',
      en: 'Performance pay weighs only {weighted}; compliance, information security and complaints all carry zero weight.',
    },
  },
  assessable: (inst) => inst.performancePay !== undefined,
  run: (inst) => {
    const w = inst.performancePay?.weights;
    if (w === undefined) return [];
    if (COMPLIANCE_METRICS.some((m) => w[m] > 0)) return [];
    const weighted = ALL_METRICS.filter((m) => (w[m] ?? 0) > 0);
    const weights = Object.fromEntries(ALL_METRICS.filter((m) => w[m] !== undefined).map((m) => [m, w[m] as number]));
    return [violation('recovered-amount-only', INSTITUTION, { weighted, weights })];
  },
});
