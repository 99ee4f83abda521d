import { describe, expect, it } from 'vitest';
import { RULE_FACT_LABELS } from '../../src/core/labels.js';
import { checkAction } from '../../src/index.js';
import type { ActionInput } from '../../src/index.js';
import rule from '../../src/rules/lawful-conduct.js';
import { action, context } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './lawful-conduct.cases.js';

type Conduct = NonNullable<ActionInput['conduct']>[number];
const ALL: Conduct[] = ['threat', 'insult', 'violence', 'harassment', 'impersonation', 'forged_document', 'false_statement', 'public_shaming'];

runRuleTester(rule, table);

describe('lawful-conduct (beyond the table)', () => {
  it('its valid cases are allowed as a whole; its invalid cases are denied by this rule alone (the flag alone makes the deny)', () => {
    for (const c of table.valid) {
      const d = checkAction(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated, c.name).toContain(rule.id);
    }
    for (const c of table.invalid) {
      const found = checkAction(c.context, c.action).violations.map((v) => [v.rule, v.code, v.facts]);
      expect(found, c.name).toEqual([['lawful-conduct', 'prohibited-conduct', c.violations[0]?.facts]]);
    }
  });

  it.each(ALL)('%s: cites 5.3, named by its code in English and by its label in Chinese', (value) => {
    const d = checkAction(context(), action({ conduct: [value] }));
    expect(d.violations[0]).toMatchObject({
      rule: 'lawful-conduct',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '依法合规催收：禁止暴力催收、虚假陈述与公开散布' },
      code: 'prohibited-conduct',
    });
    expect(d.violations[0]?.message.en).toContain(value);
    expect(d.violations[0]?.message.zh).toContain(RULE_FACT_LABELS.conduct?.[value]?.zh ?? '(no label)');
    expect(d.violations[0]?.message.zh).not.toContain(value);
  });

  it('an unknown conduct value is invalid input', () => {
    const d = checkAction(context(), { ...action(), conduct: ['shouting' as never] });
    expect(d.violations[0]?.rule).toBe('invalid-input');
    expect(d.violations[0]?.facts.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'action.conduct[0]' })]));
  });
});
