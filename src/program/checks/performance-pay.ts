import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, INSTITUTION, type CheckResult } from '../define-check.js';

/** The four dimensions the standard asks performance pay to weigh together (兼顾), and the weights that make each. */
const DIMENSIONS = {
  compliance: ['compliance'],
  effectiveness: ['recoveredAmount', 'effectiveness'],
  informationSecurity: ['informationSecurity'],
  complaints: ['complaints'],
} as const;
const COMPLIANCE_METRICS = ['compliance', 'informationSecurity', 'complaints'] as const;
const ALL_METRICS = ['recoveredAmount', 'effectiveness', ...COMPLIANCE_METRICS, 'other'] as const;

/**
 * Above this share of all weight, recovery (recovered amount plus effectiveness) dominates the scheme: a
 * warning. Our threshold (docs/program.md): recovery outweighing every other dimension together is
 * "nearly alone" in the stricter reading of 兼顾.
 */
export const RECOVERY_DOMINANCE_SHARE = 0.5;

export const performancePay = defineCheck({
  id: 'performance-pay',
  clause: programClauses.performancePay,
  evidence: evidence('seed, press', 'Performance pay weighs all four dimensions, recovery not dominating, with penalties (seed).'),
  description: {
    zh: '催收人员绩效考核应兼顾合规、成效、信息安全和投诉四个维度（每个维度都有实际权重），回款不得占主导，并纳入综合奖惩体系。',
    en: 'Performance pay weighs all of compliance, effectiveness, information security and complaints (each with a real weight), recovery does not dominate, and the scheme rewards and penalises.',
  },
  messages: {
    'recovered-amount-only': {
      zh: '绩效考核仅计入 {weighted}，合规、信息安全和投诉的权重均为零。',
      en: 'Performance pay weighs only {weighted}; compliance, information security and complaints all carry zero weight.',
    },
    'dimension-not-weighted': {
      zh: '绩效考核未兼顾全部维度：{missing} 的权重为零。',
      en: 'Performance pay does not weigh every dimension: {missing} carry zero weight.',
    },
    'recovery-dominates': {
      zh: '回款相关指标占绩效权重的 {recoveryPercent}%，超过 {thresholdPercent}%：回款占主导。',
      en: 'Recovery metrics carry {recoveryPercent}% of the performance weight, above {thresholdPercent}%: recovery dominates.',
    },
    'no-penalties': {
      zh: '绩效方案未表明包含处罚（综合奖惩体系）。',
      en: 'The performance scheme does not show penalties (a combined reward-and-penalty scheme).',
    },
  },
  assessable: (inst) => inst.performancePay !== undefined,
  run: (inst, _ctx, report) => {
    const pay = inst.performancePay;
    if (pay === undefined) return [];
    const w = pay.weights;
    const weights = Object.fromEntries(ALL_METRICS.filter((m) => w[m] !== undefined).map((m) => [m, w[m] as number]));
    const results: CheckResult[] = [];
    if (!COMPLIANCE_METRICS.some((m) => w[m] > 0)) {
      const weighted = ALL_METRICS.filter((m) => (w[m] ?? 0) > 0);
      results.push(report.violation('recovered-amount-only', INSTITUTION, { weighted, weights }));
    } else {
      const missing = (Object.keys(DIMENSIONS) as (keyof typeof DIMENSIONS)[]).filter((d) => DIMENSIONS[d].every((m) => w[m] === 0));
      if (missing.length > 0) results.push(report.violation('dimension-not-weighted', INSTITUTION, { missing, weights }));
    }
    const total = ALL_METRICS.reduce((sum, m) => sum + (w[m] ?? 0), 0);
    const recovery = w.recoveredAmount + w.effectiveness;
    if (total > 0 && recovery / total > RECOVERY_DOMINANCE_SHARE) {
      results.push(report.warning('recovery-dominates', INSTITUTION, {
        recoveryPercent: Math.round((recovery / total) * 1000) / 10,
        thresholdPercent: RECOVERY_DOMINANCE_SHARE * 100,
        weights,
      }));
    }
    if (pay.penalties !== true) results.push(report.warning('no-penalties', INSTITUTION, { penalties: pay.penalties ?? null }));
    return results;
  },
});
