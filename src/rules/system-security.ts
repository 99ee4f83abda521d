import { clauses } from '../core/clauses.js';
import { defineRule, evidence, type RuleResult } from '../core/define-rule.js';

export default defineRule({
  id: 'system-security',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.systemSecurity,
  evidence: evidence('seed', 'MLPS level 2 or above, masking on display and encryption in transit, as attested by the caller; no attestation denies.'),
  description: {
    zh: '催收系统须达到网络安全等级保护二级及以上，展示个人信息时脱敏，传输时加密。',
    en: 'The collection system is at MLPS level 2 or above, masks personal information on display and encrypts it in transit.',
  },
  messages: {
    'not-attested': {
      zh: '未提供催收系统的安全证明（等级保护级别、脱敏、传输加密），无法核验。',
      en: "The collection system's security is not attested (MLPS level, masking, encryption in transit): it cannot be verified.",
    },
    'mlps-below-minimum': {
      zh: '催收系统网络安全等级保护级别为 {mlpsLevel} 级，低于要求的 {minMlpsLevel} 级。',
      en: 'The collection system is at MLPS level {mlpsLevel}, below the required level {minMlpsLevel}.',
    },
    'pii-not-masked': {
      zh: '催收系统展示个人信息时未脱敏。',
      en: 'The collection system does not mask personal information on display.',
    },
    'not-encrypted-in-transit': {
      zh: '催收系统传输个人信息时未加密。',
      en: 'The collection system does not encrypt personal information in transit.',
    },
  },
  limits: ['minMlpsLevel'],
  appliesTo: () => true,
  check: (f, limits, report) => {
    const s = f.system ?? null;
    if (s === null) return [report.violation('not-attested')];
    const found: RuleResult[] = [];
    if (s.mlpsLevel < limits.minMlpsLevel) found.push(report.violation('mlps-below-minimum', { mlpsLevel: s.mlpsLevel, minMlpsLevel: limits.minMlpsLevel }));
    if (!s.piiMasked) found.push(report.violation('pii-not-masked', { piiMasked: false }));
    if (!s.encryptedInTransit) found.push(report.violation('not-encrypted-in-transit', { encryptedInTransit: false }));
    return found;
  },
});
