import type { Locale } from '../../locale.js';

const en = {
  title: 'Collection log audit',
  records: 'records',
  allowed: 'allowed',
  denied: 'denied',
  inputErrors: 'input errors',
  violations: 'violations',
  period: 'period',
  profile: 'profile',
  byRule: 'Violations by rule',
  byClause: 'Violations by clause',
  byOrganization: 'Violations by organisation',
  byCollector: 'Violations by collector (or AI system)',
  byChannel: 'Violations by channel',
  byLocalHour: "Violations by hour of day (debtor's local time)",
  worstOrganizations: 'Organisations with the most violations',
  worstCollectors: 'Collectors with the most violations',
  rule: 'rule',
  clause: 'clause',
  organization: 'organisation',
  collector: 'collector',
  channel: 'channel',
  hour: 'hour',
  count: 'count',
  share: 'share',
  rank: '#',
  none: 'none',
  noViolations: 'No violations found.',
  generated: 'Identifiers and counts only: no names, phone references, party ids or free text from the log.',
};

export type Labels = typeof en;

const zh: Labels = {
  title: '催收记录审计',
  records: '记录数',
  allowed: '允许',
  denied: '拒绝',
  inputErrors: '输入错误',
  violations: '违规数',
  period: '时间范围',
  profile: '配置',
  byRule: '按规则统计的违规',
  byClause: '按条款统计的违规',
  byOrganization: '按机构统计的违规',
  byCollector: '按催收人员（或人工智能系统）统计的违规',
  byChannel: '按渠道统计的违规',
  byLocalHour: '按债务人当地时间小时统计的违规',
  worstOrganizations: '违规最多的机构',
  worstCollectors: '违规最多的催收人员',
  rule: '规则',
  clause: '条款',
  organization: '机构',
  collector: '催收人员',
  channel: '渠道',
  hour: '小时',
  count: '次数',
  share: '占比',
  rank: '#',
  none: '无',
  noViolations: '未发现违规。',
  generated: '仅含标识符与计数：不含日志中的姓名、电话标识、当事人标识或自由文本。',
};

export function labelsFor(locale: Locale): Labels {
  return locale === 'zh-CN' ? zh : en;
}
