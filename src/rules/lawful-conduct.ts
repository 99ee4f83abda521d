import { clauses } from '../clauses.js';
import { defineRule, NONE, violation } from './define-rule.js';

export default defineRule({
  id: 'lawful-conduct',
  clause: clauses.lawfulConduct,
  description: {
    zh: '不得暴力催收：不得威胁、侮辱、使用暴力、骚扰，不得冒充公检法或律师，不得伪造法律文书。',
    en: 'No violent or abusive collection: no threats, insults, violence, harassment, impersonating police, courts or lawyers, or forged legal documents.',
  },
  messages: {
    'prohibited-conduct': {
      zh: '该操作被标记了禁止的催收行为：{conduct}。',
      en: 'The action is flagged with prohibited conduct: {conduct}.',
    },
  },
  appliesTo: () => true,
  check: (f) => (f.conduct.length === 0 ? NONE : [violation('prohibited-conduct', { conduct: [...new Set(f.conduct)] })]),
});
