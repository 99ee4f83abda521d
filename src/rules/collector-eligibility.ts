import { clauses } from '../core/clauses.js';
import { defineRule, evidence, type RuleResult } from '../core/define-rule.js';

export default defineRule({
  id: 'collector-eligibility',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.collectorEligibility,
  evidence: evidence('seed', 'A violent-crime or serious bad-credit record denies; a screening answer that is not given denies too, with its own code.'),
  description: {
    zh: '不得聘用有暴力犯罪记录或严重不良信用记录的人员从事催收；未经准入审查的不得上岗。',
    en: 'No collector with a violent-crime record or a serious bad-credit record; a collector whose screening is not attested does not collect.',
  },
  messages: {
    'violent-crime-record': {
      zh: '催收人员有暴力犯罪记录，不得从事催收。',
      en: 'The collector has a violent-crime record and must not collect.',
    },
    'serious-bad-credit': {
      zh: '催收人员有严重不良信用记录，不得从事催收。',
      en: 'The collector has a serious bad-credit record and must not collect.',
    },
    'screening-not-attested': {
      zh: '未说明催收人员的准入审查结果（{unattested}），无法核验，不得从事催收。',
      en: "The collector's screening is not attested ({unattested}): eligibility cannot be verified.",
    },
  },
  scope: { actorKinds: ['human'] },
  appliesTo: (f) => f.actorKind === 'human',
  check: (f, _limits, report) => {
    const c = f.collector;
    const found: RuleResult[] = [];
    if (c?.violentCrimeRecord === true) found.push(report.violation('violent-crime-record', { violentCrimeRecord: true }));
    if (c?.seriousBadCredit === true) found.push(report.violation('serious-bad-credit', { seriousBadCredit: true }));
    const unattested: string[] = [];
    if ((c?.violentCrimeRecord ?? null) === null) unattested.push('violentCrimeRecord');
    if ((c?.seriousBadCredit ?? null) === null) unattested.push('seriousBadCredit');
    if (unattested.length > 0) found.push(report.violation('screening-not-attested', { unattested }));
    return found;
  },
});
