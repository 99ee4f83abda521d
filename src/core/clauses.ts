/**
 * The citation table. Sub-clause numbers of GB/T 45251—2025 are not confirmed (see docs/guideline.md), so
 * rules cite the clause plus a topic; refining a citation to a sub-clause changes this table only.
 */

export const STANDARD = 'GB/T 45251—2025';

/** China Banking Association guideline (press reports; article numbers not confirmed). */
export const CBA_GUIDELINE = '中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》(2026-01-30)';

/**
 * The engine itself, for its own principles (fail closed, no personal data out): they are not clauses of
 * GB/T 45251 and are never cited as if the standard said so (GUIDELINE.md, "Engine principles are not clauses").
 */
export const ENGINE = 'cuishou-guard';

export interface Clause {
  readonly standard: string;
  readonly clause: string;
  readonly topic: string;
}

function cite(clause: string, topic: string): Clause {
  return Object.freeze({ standard: STANDARD, clause, topic });
}

export const clauses = {
  general: cite('4', '贷后催收风险控制总体要求'),
  /** The engine's fail-closed principle (invalid input, a rule that throws): not a clause of the standard. */
  inputUnverifiable: Object.freeze({ standard: ENGINE, clause: 'fail-closed', topic: '引擎原则：无法核验的操作不予放行（非 GB/T 45251 条款）/ engine principle: what cannot be verified is denied' }),
  /** The engine's privacy principle: decisions carry no personal data. Protects clauses 4 and 5.5, as the engine reads them. */
  noPersonalDataOut: Object.freeze({ standard: ENGINE, clause: 'no-personal-data-out', topic: '引擎原则：决策不含个人信息（保护第4章、5.5，属引擎解释）/ engine principle: no personal data out' }),
  collectionHours: cite('5.3', '催收时间'),
  agreedHours: cite('5.3', '与债务人约定的催收时间'),
  voiceFrequency: cite('5.3', '语音催收频次'),
  visitFrequency: cite('5.3', '上门催收频次'),
  visitStaffing: cite('5.3', '上门催收人数'),
  visitPremises: cite('5.3', '上门催收场所'),
  targets: cite('5.3', '催收对象'),
  guarantors: cite('5.3', '担保人催收范围'),
  contactPrecondition: cite('5.3', '联系人联系前提'),
  contactPurpose: cite('5.3', '联系人联系目的'),
  contactDisclosure: cite('5.3', '不得向联系人披露债务信息'),
  contactOptOut: cite('5.3', '联系人拒绝联系'),
  settledDebt: cite('5.3', '债务结清后停止催收'),
  settledDataDestruction: cite('5.5', '结清后通知第三方催收机构销毁数据'),
  lawfulConduct: cite('5.3', '依法合规催收：禁止暴力催收、虚假陈述与公开散布'),
  recordKeeping: cite('5.3', '催收过程记录与留存'),
  collectorEligibility: cite('5.2', '催收人员准入'),
  collectorTraining: cite('5.2', '催收人员培训与承诺'),
  collectorStanding: cite('5.2', '催收人员行为监测与退出'),
  agencyAuthorization: cite('5.4', '第三方催收机构委托与评估'),
  systemSecurity: cite('5.5', '催收系统安全'),
  aiFairness: cite('5.3', '人工智能催收（条款位置未确认）'),
  cbaUnansweredAttempts: Object.freeze({ standard: CBA_GUIDELINE, clause: 'unconfirmed', topic: '未接通呼叫次数 / unanswered call attempts per number' }),
} as const satisfies Record<string, Clause>;
