import { clauses } from '../core/clauses.js';
import { defineRule, evidence, NONE } from '../core/define-rule.js';

export default defineRule({
  id: 'lawful-conduct',
  // Waiting cannot cure it: it depends on who, what and how, or only gets worse with time.
  timeDependent: false,
  clause: clauses.lawfulConduct,
  evidence: evidence('seed (暴力催收), seed (clause 4: fact-based) for false_statement, press (no public posting) for public_shaming; interp for the list', 'Eight flagged behaviours (threat, insult, violence, harassment, impersonation, forged document, false or misleading statement, public shaming); one is enough; flagged by the caller, not detected.'),
  description: {
    zh: '依法合规、以事实为依据催收：不得威胁、侮辱、使用暴力、骚扰，不得冒充公检法或律师，不得伪造法律文书，不得就债务、法律或后果作虚假或误导性陈述，不得公开张贴或散布债务信息。',
    en: 'Lawful, fact-based collection: no threats, insults, violence, harassment, impersonating police, courts or lawyers, forged legal documents, false or misleading statements about the debt, the law or the consequences, or publicly posting or spreading the debt.',
  },
  messages: {
    'prohibited-conduct': {
      zh: '该操作被标记了禁止的催收行为：{conduct}。',
      en: 'The action is flagged with prohibited conduct: {conduct}.',
    },
  },
  appliesTo: () => true,
  check: (f, _limits, report) => (f.conduct.length === 0 ? NONE : [report.violation('prohibited-conduct', { conduct: [...new Set(f.conduct)] })]),
});
