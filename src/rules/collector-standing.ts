import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'collector-standing',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.collectorStanding,
  evidence: evidence('seed; interp for the vocabulary', 'Only an active collector collects; one vocabulary with the program assessment (active, suspended, reassigned, dismissed); a collector flagged unfit is sent as suspended; an unknown standing is denied.'),
  description: {
    zh: '只有在岗（active）的催收人员可以催收；经行为监测认定不适合而停职（suspended）、调离催收岗位（reassigned）或已辞退（dismissed）的不得从事催收。',
    en: 'Only an active collector collects; one flagged unfit by conduct monitoring and suspended, reassigned out of collection, or dismissed performs no collection.',
  },
  messages: {
    'collector-not-active': {
      zh: '催收人员状态为 {standing}，不得从事催收。',
      en: 'The collector is {standing} and must not collect.',
    },
    'standing-unknown': {
      zh: '未说明催收人员的在岗状态，无法核验，不得从事催收。',
      en: "The collector's standing is not stated: it cannot be verified that they may collect.",
    },
  },
  scope: { actorKinds: ['human'] },
  appliesTo: (f) => f.actorKind === 'human',
  check: (f, _limits, report) => {
    const standing = f.collector?.standing ?? null;
    if (standing === null) return [report.violation('standing-unknown', { standing: null })];
    return standing === 'active' ? NONE : [report.violation('collector-not-active', { standing })];
  },
});
