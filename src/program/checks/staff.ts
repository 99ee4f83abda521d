/** 5.2: hiring screens, training and pledges, conduct monitoring of the institution's collection staff. */
import { addZonedMonths } from '../../core/time.js';
import { evidence } from '../../core/define-rule.js';
import { programClauses } from '../clauses.js';
import { defineCheck, latest, subject, type CheckResult } from '../define-check.js';

export const staffScreening = defineCheck({
  id: 'staff-screening',
  clause: programClauses.staffScreening,
  evidence: evidence('seed, press', 'Hiring screens.'),
  description: {
    zh: '在岗催收人员应经准入审查，不得有暴力犯罪记录或严重不良信用记录。',
    en: 'Active collection staff are screened, with no violent-crime record and no serious bad-credit record.',
  },
  messages: {
    'screening-missing': {
      zh: '在岗人员 {staffId} 没有准入审查记录（暴力犯罪记录、严重不良信用记录）。',
      en: 'Active staff member {staffId} has no screening record (violent crime, serious bad credit).',
    },
    'violent-crime-record': {
      zh: '在岗人员 {staffId} 有暴力犯罪记录，不得从事催收。',
      en: 'Active staff member {staffId} has a violent-crime record and must not work in collection.',
    },
    'serious-bad-credit': {
      zh: '在岗人员 {staffId} 有严重不良信用记录，不得从事催收。',
      en: 'Active staff member {staffId} has a serious bad-credit record and must not work in collection.',
    },
  },
  assessable: (inst) => inst.staff !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const s of inst.staff ?? []) {
      if (s.status !== 'active') continue;
      const who = subject('staff', s.id);
      const screening = s.screening;
      if (screening === undefined || (screening.checkedAt !== undefined && ctx.happened(screening.checkedAt) === null)) {
        results.push(report.violation('screening-missing', who, { staffId: s.id }));
        continue;
      }
      if (screening.violentCrimeRecord) results.push(report.violation('violent-crime-record', who, { staffId: s.id }));
      if (screening.seriousBadCredit) results.push(report.violation('serious-bad-credit', who, { staffId: s.id }));
    }
    return results;
  },
});

export const staffTraining = defineCheck({
  id: 'staff-training',
  clause: programClauses.staffTraining,
  evidence: evidence('seed, press', 'Training before duty and yearly.'),
  description: {
    zh: '在岗催收人员应通过岗前培训考核、签署个人信息保密承诺，并至少每年培训考核一次。',
    en: 'Active collection staff passed pre-job training, signed the confidentiality pledge, and were trained and assessed within the last 12 months.',
  },
  messages: {
    'pre-job-training-missing': {
      zh: '在岗人员 {staffId} 没有通过岗前培训考核的记录。',
      en: 'Active staff member {staffId} has no record of passing pre-job training.',
    },
    'pledge-missing': {
      zh: '在岗人员 {staffId} 未签署个人信息保密承诺。',
      en: 'Active staff member {staffId} has not signed the personal-information confidentiality pledge.',
    },
    'training-overdue': {
      zh: '在岗人员 {staffId} 最近一次培训考核于 {lastAssessedAt}，已超过12个月（应于 {dueAt} 前完成）。',
      en: 'Active staff member {staffId} was last trained and assessed on {lastAssessedAt}, more than 12 months ago (due by {dueAt}).',
    },
  },
  assessable: (inst) => inst.staff !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const s of inst.staff ?? []) {
      if (s.status !== 'active') continue;
      const who = subject('staff', s.id);
      const preJob = ctx.happened(s.preJobTrainingPassedAt);
      if (preJob === null) results.push(report.violation('pre-job-training-missing', who, { staffId: s.id }));
      if (ctx.happened(s.confidentialityPledgeSignedAt) === null) results.push(report.violation('pledge-missing', who, { staffId: s.id }));
      // Passing the pre-job training is itself an assessment: the yearly clock starts there.
      const last = latest(preJob, ctx.happened(s.lastTrainingAssessedAt));
      if (last !== null && last < ctx.trainingDueSinceMs) {
        results.push(
          report.violation('training-overdue', who, {
            staffId: s.id,
            lastAssessedAt: ctx.format(last),
            dueAt: ctx.format(addZonedMonths(last, 12, ctx.zone)),
          }),
        );
      }
    }
    return results;
  },
});

export const staffConduct = defineCheck({
  id: 'staff-conduct',
  clause: programClauses.staffConduct,
  evidence: evidence('seed, press', 'Conduct monitoring.'),
  description: {
    zh: '经行为监测认定不适宜从事催收的人员应调离催收岗位；严重违规人员应解除劳动关系并报告自律组织。',
    en: 'Staff found unfit by conduct monitoring are moved out of collection; serious offenders are dismissed and reported to the self-regulatory organisation.',
  },
  messages: {
    'flagged-staff-active': {
      zh: '人员 {staffId} 被认定为"{conductFlag}"，仍在催收岗位，应调离。',
      en: 'Staff member {staffId} is flagged "{conductFlag}" and is still active in collection; move them out.',
    },
    'serious-offender-not-dismissed': {
      zh: '人员 {staffId} 有严重违规行为，当前状态为"{status}"，应解除劳动关系。',
      en: 'Staff member {staffId} committed a serious offence and is "{status}"; they must be dismissed.',
    },
    'serious-offence-not-reported': {
      zh: '人员 {staffId} 的严重违规行为截至 {at} 未报告自律组织。',
      en: 'The serious offence of staff member {staffId} has not been reported to the self-regulatory organisation as of {at}.',
    },
  },
  assessable: (inst) => inst.staff !== undefined,
  run: (inst, ctx, report) => {
    const results: CheckResult[] = [];
    for (const s of inst.staff ?? []) {
      if (s.conductFlag === 'none') continue;
      const who = subject('staff', s.id);
      // A serious offender is unfit a fortiori: the duty to move them out holds for both flags.
      if (s.status === 'active') results.push(report.violation('flagged-staff-active', who, { staffId: s.id, conductFlag: s.conductFlag }));
      if (s.conductFlag !== 'serious_offence') continue;
      if (s.status !== 'dismissed') results.push(report.violation('serious-offender-not-dismissed', who, { staffId: s.id, status: s.status }));
      if (ctx.happened(s.reportedToSelfRegulatorAt) === null) {
        results.push(report.violation('serious-offence-not-reported', who, { staffId: s.id, at: ctx.format(ctx.atMs) }));
      }
    }
    return results;
  },
});
