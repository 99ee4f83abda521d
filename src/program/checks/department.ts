import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, INSTITUTION } from '../define-check.js';

export const collectionDepartment = defineCheck({
  id: 'collection-department',
  clause: programClauses.department,
  evidence: evidence('seed, press', 'A dedicated department.'),
  description: {
    zh: '应设立专门的部门负责贷后催收管理。',
    en: 'A dedicated department manages collection.',
  },
  messages: {
    'department-missing': {
      zh: '未设立负责贷后催收管理的部门。',
      en: 'There is no department in charge of collection.',
    },
    'department-not-dedicated': {
      zh: '催收管理由非专门部门兼管，应设立专门部门。',
      en: 'Collection is managed by a department that is not dedicated to it.',
    },
  },
  assessable: (inst) => inst.collectionDepartment !== undefined,
  run: (inst, _ctx, report) => {
    const d = inst.collectionDepartment;
    if (d === undefined) return [];
    if (!d.exists) return [report.violation('department-missing', INSTITUTION, {})];
    if (!d.dedicated) return [report.violation('department-not-dedicated', INSTITUTION, {})];
    return [];
  },
});
