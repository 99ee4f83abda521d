/**
 * Chinese and English labels of the enumerated values that findings carry as facts. Facts stay
 * language-neutral codes (`full`, `demand_payment`); a message shows the label in its own language, so a
 * Chinese message reads `民事行为能力：完全民事行为能力`, not `民事行为能力：full`.
 */
import type { z } from 'zod';
import type { Conduct, Disclosure, Purpose } from '../schema/action.js';
import type { VoiceCapReason } from './caps.js';
import type { Message } from '../schema/decision.js';
import type { Channel, TargetRole } from '../schema/primitives.js';

/** A label for every value of an enumeration: a value added to the schema without a label fails to compile. */
type Complete<E extends string> = Readonly<Record<E, Message>>;

/** Labels of one enumeration, by value. */
export type Labels = Readonly<Record<string, Message>>;
/** Which label table a fact's value is looked up in, by fact name; any other fact is shown as it is. */
export type LabelsByFact = Readonly<Record<string, Labels>>;

const roles: Complete<z.infer<typeof TargetRole>> = {
  debtor: { zh: '债务人', en: 'debtor' },
  guarantor: { zh: '担保人', en: 'guarantor' },
  contact: { zh: '联系人', en: 'contact' },
  third_party: { zh: '第三人', en: 'third party' },
};

const purposes: Complete<z.infer<typeof Purpose>> = {
  demand_payment: { zh: '催收还款', en: 'demand_payment' },
  reminder: { zh: '还款提醒', en: 'reminder' },
  locate_debtor: { zh: '寻找债务人', en: 'locate_debtor' },
  relay_message: { zh: '转告信息', en: 'relay_message' },
  repayment_info: { zh: '告知还款信息', en: 'repayment_info' },
};

const disclosures: Complete<z.infer<typeof Disclosure>> = {
  debt_amount: { zh: '欠款金额', en: 'debt_amount' },
  overdue_duration: { zh: '逾期时长', en: 'overdue_duration' },
  debt_details: { zh: '债务详情', en: 'debt_details' },
  repayment_info: { zh: '还款信息', en: 'repayment_info' },
};

const conduct: Complete<z.infer<typeof Conduct>> = {
  threat: { zh: '威胁', en: 'threat' },
  insult: { zh: '侮辱', en: 'insult' },
  violence: { zh: '暴力', en: 'violence' },
  harassment: { zh: '骚扰', en: 'harassment' },
  impersonation: { zh: '冒用身份', en: 'impersonation' },
  forged_document: { zh: '伪造文书', en: 'forged_document' },
  false_statement: { zh: '虚假陈述', en: 'false_statement' },
  public_shaming: { zh: '公开曝光、羞辱', en: 'public_shaming' },
};

const legalCapacity: Labels = {
  full: { zh: '完全民事行为能力', en: 'full' },
  limited: { zh: '限制民事行为能力', en: 'limited' },
  none: { zh: '无民事行为能力', en: 'none' },
};

const standing: Labels = {
  active: { zh: '在岗', en: 'active' },
  suspended: { zh: '暂停催收', en: 'suspended' },
  dismissed: { zh: '已解聘', en: 'dismissed' },
};

const attestations: Labels = {
  violentCrimeRecord: { zh: '暴力犯罪记录', en: 'violentCrimeRecord' },
  seriousBadCredit: { zh: '严重不良信用记录', en: 'seriousBadCredit' },
};

const channels: Complete<z.infer<typeof Channel>> = {
  voice: { zh: '语音', en: 'voice' },
  sms: { zh: '短信', en: 'sms' },
  im: { zh: '即时通讯', en: 'im' },
  email: { zh: '电子邮件', en: 'email' },
  letter: { zh: '信函', en: 'letter' },
  visit: { zh: '上门', en: 'visit' },
};

/** Why a voice cap applies (src/core/caps.ts), as the voice-cap message names it. */
const capReasons: Complete<VoiceCapReason> = {
  profile: { zh: '配置的上限', en: "the profile's cap" },
  'agreement-lower': { zh: '与债务人约定的较低上限', en: 'a lower cap agreed with the debtor' },
  'agreement-not-higher': { zh: '约定的上限不高于配置，按配置上限', en: "an agreed cap cannot raise the profile's" },
  'agreement-raised': { zh: '经配置允许、与债务人约定提高的上限', en: 'raised by agreement, as the profile allows' },
  'agreement-raised-to-ceiling': { zh: '约定提高至配置允许的最高值', en: "raised by agreement to the profile's ceiling" },
};

/** The label tables of the built-in rules' facts. */
export const RULE_FACT_LABELS: LabelsByFact = {
  role: roles,
  targetRole: roles,
  purpose: purposes,
  allowed: purposes,
  disclosures,
  conduct,
  debtorLegalCapacity: legalCapacity,
  legalCapacity,
  standing,
  unattested: attestations,
  channel: channels,
  capReason: capReasons,
};

/** The Chinese label of each value of the input's enumerations, for invalid-input messages. */
export const ENUM_VALUE_ZH: Readonly<Record<string, string>> = Object.fromEntries(
  [roles, purposes, disclosures, conduct, standing, channels].flatMap((table) => Object.entries(table).map(([value, m]) => [value, m.zh])),
);
