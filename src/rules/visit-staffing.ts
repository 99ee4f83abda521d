import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'visit-staffing',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.visitStaffing,
  evidence: evidence('seed', 'Both bounds inclusive (2 and 3); every visit, whoever is visited; the count is the caller\'s declaration.'),
  description: {
    zh: '上门催收人员不少于2人、不超过3人。',
    en: 'An on-site visit needs at least 2 and at most 3 staff.',
  },
  messages: {
    'too-few-staff': {
      zh: '上门人数 {staffCount} 人，少于最低 {min} 人。',
      en: 'The visit has {staffCount} staff, fewer than the minimum of {min}.',
    },
    'too-many-staff': {
      zh: '上门人数 {staffCount} 人，超过最多 {max} 人。',
      en: 'The visit has {staffCount} staff, more than the maximum of {max}.',
    },
  },
  limits: ['visitStaffMin', 'visitStaffMax'],
  scope: { channels: ['visit'] },
  appliesTo: (f) => f.visit !== null,
  check: (f, limits, report) => {
    const staffCount = f.visit?.staffCount ?? 0;
    const bounds = { staffCount, min: limits.visitStaffMin, max: limits.visitStaffMax };
    if (staffCount < limits.visitStaffMin) return [report.violation('too-few-staff', bounds)];
    if (staffCount > limits.visitStaffMax) return [report.violation('too-many-staff', bounds)];
    return NONE;
  },
});
