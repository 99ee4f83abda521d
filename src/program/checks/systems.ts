import { nationalProfile } from '../../profiles/national.js';
import { parseInstant } from '../../core/time.js';
import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, subject, type CheckResult } from '../define-check.js';

/** The minimum MLPS level of a collection system: the national profile's, as for the per-action rule. */
export const MIN_MLPS_LEVEL = nationalProfile.limits.minMlpsLevel;

export const systemSecurity = defineCheck({
  id: 'system-security',
  clause: programClauses.systemSecurity,
  evidence: evidence('seed', 'Systems at MLPS level 2 or above, masking and encryption.'),
  description: {
    zh: '催收系统应达到网络安全等级保护第二级及以上（证明在有效期内），展示个人信息时脱敏，传输时加密。',
    en: 'Collection systems are at MLPS level 2 or above with valid evidence, mask personal information on display and encrypt it in transit.',
  },
  messages: {
    'mlps-level-too-low': {
      zh: '系统 {systemId} 的网络安全等级保护级别为 {mlpsLevel} 级，低于要求的 {minLevel} 级。',
      en: 'System {systemId} is at MLPS level {mlpsLevel}, below the required level {minLevel}.',
    },
    'mlps-certificate-missing': {
      zh: '系统 {systemId} 没有网络安全等级保护备案或测评证明的有效期记录。',
      en: 'System {systemId} has no MLPS certificate (filing or assessment) on record.',
    },
    'mlps-certificate-expired': {
      zh: '系统 {systemId} 的网络安全等级保护证明已于 {expiredAt} 过期。',
      en: "System {systemId}'s MLPS certificate expired on {expiredAt}.",
    },
    'pii-not-masked': {
      zh: '系统 {systemId} 展示个人信息时未脱敏。',
      en: 'System {systemId} does not mask personal information on display.',
    },
    'not-encrypted-in-transit': {
      zh: '系统 {systemId} 传输个人信息时未加密。',
      en: 'System {systemId} does not encrypt personal information in transit.',
    },
  },
  assessable: (inst) => inst.systems !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const s of inst.systems ?? []) {
      const which = subject('system', s.id);
      if (s.mlpsLevel < MIN_MLPS_LEVEL) results.push(report.violation('mlps-level-too-low', which, { systemId: s.id, mlpsLevel: s.mlpsLevel, minLevel: MIN_MLPS_LEVEL }));
      if (s.certificateExpiresAt === undefined) {
        results.push(report.violation('mlps-certificate-missing', which, { systemId: s.id }));
      } else {
        // Valid through its expiry instant, inclusive.
        const expires = parseInstant(s.certificateExpiresAt);
        if (expires < ctx.atMs) results.push(report.violation('mlps-certificate-expired', which, { systemId: s.id, expiredAt: ctx.format(expires) }));
      }
      if (!s.piiMasked) results.push(report.violation('pii-not-masked', which, { systemId: s.id }));
      if (!s.encryptedInTransit) results.push(report.violation('not-encrypted-in-transit', which, { systemId: s.id }));
    }
    return results;
  },
});
