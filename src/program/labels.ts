/**
 * Human labels of the enumerated values that findings carry as facts. Facts stay language-neutral codes
 * (`collection_management`); messages show the label in the message's language.
 */
import type { Labels, LabelsByFact } from '../core/labels.js';
import type { FactRecord, Message } from '../schema/decision.js';
import { renderPair } from '../core/template.js';

const policyKinds: Labels = {
  collection_management: { zh: '贷后催收管理制度', en: 'collection management policy' },
  collection_procedures: { zh: '催收业务操作规程', en: 'collection operating procedures' },
  staff_management: { zh: '催收人员管理制度', en: 'collection staff policy' },
  outsourcing_management: { zh: '委外催收管理制度', en: 'outsourcing policy' },
  personal_information_protection: { zh: '个人信息保护制度', en: 'personal-information protection policy' },
  complaint_handling: { zh: '投诉处理制度', en: 'complaint handling policy' },
  major_risk_reporting: { zh: '重大风险事项报告制度', en: 'major risk event reporting policy' },
  other: { zh: '其他制度', en: 'other policy' },
};

const staffStatuses: Labels = {
  active: { zh: '在岗', en: 'active' },
  suspended: { zh: '已停职', en: 'suspended' },
  reassigned: { zh: '已调离催收岗位', en: 'reassigned' },
  dismissed: { zh: '已解除劳动关系', en: 'dismissed' },
};

const conductFlags: Labels = {
  none: { zh: '无', en: 'none' },
  unfit: { zh: '不适宜从事催收', en: 'unfit for collection' },
  serious_offence: { zh: '严重违规', en: 'serious offence' },
};

const metrics: Labels = {
  recoveredAmount: { zh: '回款金额', en: 'recovered amount' },
  effectiveness: { zh: '催收成效', en: 'effectiveness' },
  compliance: { zh: '合规', en: 'compliance' },
  informationSecurity: { zh: '信息安全', en: 'information security' },
  complaints: { zh: '投诉', en: 'complaints' },
  other: { zh: '其他指标', en: 'other metrics' },
};

export const incidentTypeLabels: Labels = {
  regulatory_action: { zh: '催收业务被监管调查或受到刑事处罚、重大行政处罚', en: 'regulatory investigation, criminal or major administrative penalty over collection' },
  violent_collection: { zh: '催收人员暴力催收，危及人身或财产安全', en: 'violent collection by staff endangering people or property' },
  personal_information_breach: { zh: '个人信息严重泄露、丢失或被篡改', en: 'serious leak, loss or tampering of personal information' },
  anti_collection_interference: { zh: '"反催收"黑灰产严重干扰', en: 'serious interference by "anti-collection" black or grey-market groups' },
};

export const reportFieldLabels: Labels = {
  cause: { zh: '事件原因', en: 'cause' },
  status: { zh: '事件进展', en: 'status' },
  impact: { zh: '影响', en: 'impact' },
  measures: { zh: '应对措施', en: 'measures' },
};

/** Which label table a fact's value is looked up in; any other fact (an id, an instant) is shown as it is. */
const labelsByFact: LabelsByFact = {
  policyKind: policyKinds,
  status: staffStatuses,
  conductFlag: conductFlags,
  weighted: metrics,
  incidentType: incidentTypeLabels,
  missingFields: reportFieldLabels,
};

/** Renders a template pair with the finding's facts; enumerated codes are shown by their label. */
export function renderProgramMessage(template: Message, facts: FactRecord): Message {
  return renderPair(template, facts, labelsByFact);
}
