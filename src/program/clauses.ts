/**
 * Citations of the institution-level checks. They reuse the per-action table (src/core/clauses.ts) where a
 * topic is shared, so that refining a topic to a sub-clause there refines it here too.
 */
import { ENGINE, STANDARD, clauses, type Clause } from '../core/clauses.js';
import type { Message } from '../schema/decision.js';

/** The clauses a program assessment covers (docs/guideline.md, "Institution-level requirements"). */
export const PROGRAM_CLAUSES = ['5.1', '5.2', '5.4', '5.5', '5.6', '5.7'] as const;
export type ProgramClause = (typeof PROGRAM_CLAUSES)[number];

/** A citation of one of the institution-level clauses. */
export type ProgramCitation = Clause & { readonly clause: ProgramClause };

function isProgramClause(clause: string): clause is ProgramClause {
  return (PROGRAM_CLAUSES as readonly string[]).includes(clause);
}

function program(citation: Clause): ProgramCitation {
  if (!isProgramClause(citation.clause)) throw new Error(`clause ${citation.clause} is not assessed at institution level`);
  return citation as ProgramCitation;
}

function cite(clause: ProgramClause, topic: string): ProgramCitation {
  return Object.freeze({ standard: STANDARD, clause, topic });
}

export const programClauses = {
  policies: cite('5.1', '书面催收制度与操作规程'),
  department: cite('5.2', '专门的催收管理部门'),
  staffScreening: program(clauses.collectorEligibility),
  staffTraining: program(clauses.collectorTraining),
  staffConduct: program(clauses.collectorStanding),
  performancePay: cite('5.2', '催收人员绩效考核'),
  agencyEvaluation: program(clauses.agencyAuthorization),
  agencyPlans: cite('5.4', '风险预警与应急预案'),
  agencyInspection: cite('5.4', '对第三方催收机构的监督检查'),
  inHouseCapability: cite('5.4', '自主催收能力'),
  systemSecurity: program(clauses.systemSecurity),
  dataDestruction: cite('5.5', '结清后第三方催收机构销毁数据'),
  complaintChannel: cite('5.6', '投诉渠道'),
  complaintHandling: cite('5.6', '投诉处理时限'),
  incidentReporting: cite('5.7', '重大风险事项48小时内书面报告'),
} as const satisfies Record<string, ProgramCitation>;

/** The citation of an `invalid-input` finding: the engine's fail-closed principle, not a clause of the standard. */
export const inputUnverifiable: Clause = Object.freeze({ standard: ENGINE, clause: 'fail-closed', topic: '引擎原则：无法核验的机构资料不予评估（非 GB/T 45251 条款）/ engine principle: what cannot be verified is not assessed' });

/** The headings of the clauses, from the standard's table of contents. */
export const clauseHeadings: Readonly<Record<ProgramClause, Message>> = {
  '5.1': { zh: '制度管理', en: 'Policies and procedures' },
  '5.2': { zh: '组织和人员管理', en: 'Organisation and staff' },
  '5.4': { zh: '金融机构对第三方催收机构的管理', en: 'Management of third-party collection agencies' },
  '5.5': { zh: '个人信息安全保护', en: 'Personal-information security' },
  '5.6': { zh: '投诉处理', en: 'Complaint handling' },
  '5.7': { zh: '重大风险事项报告', en: 'Reporting of major risk events' },
};
