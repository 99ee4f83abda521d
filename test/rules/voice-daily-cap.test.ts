import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import type { ContextInput } from '../../src/index.js';
import rule from '../../src/rules/voice-daily-cap.js';
import { action, context, past } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';
import table from './voice-daily-cap.cases.js';

type Entry = NonNullable<ContextInput['history']>[number];
const connected = (...ats: string[]): Entry[] => ats.map((at) => past('voice', at, 'connected'));
const MORNING = ['2026-11-30T08:05:00+08:00', '2026-11-30T08:30:00+08:00', '2026-11-30T09:15:00+08:00'] as const;

runRuleTester(rule, table);

describe('voice-daily-cap (beyond the table)', () => {
  const NOT_APPLYING = new Set([
    'an sms after three connected calls: the rule does not apply',
    'a call to a guarantor after three connected calls to the debtor: the rule does not apply',
  ]);

  it('its valid cases are allowed as a whole, and it applies unless named; its denies are its own alone', () => {
    for (const c of table.valid) {
      const d = createGuard(c.guard ?? {}).checkSync(c.context, c.action);
      expect(d.outcome, c.name).toBe('allow');
      expect(d.evaluated.includes(rule.id), c.name).toBe(!NOT_APPLYING.has(c.name));
    }
    for (const c of table.invalid) expect(createGuard(c.guard ?? {}).checkSync(c.context, c.action).violations.map((v) => v.rule), c.name).toEqual([rule.id]);
  });

  it('cites 5.3, topic 语音催收频次, and names the day and the count in its message', () => {
    const d = checkAction(context({ history: connected(...MORNING) }), action());
    expect(d.violations[0]).toMatchObject({ rule: 'voice-daily-cap', clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '语音催收频次' } });
    expect(d.violations[0]?.message.en).toContain('2026-11-30');
    expect(d.violations[0]?.message.zh).toContain('3');
  });

  it('names why the cap applies in each language, never as a bare code in the Chinese message', () => {
    const d = checkAction(context({ history: connected(...MORNING) }), action());
    expect(d.violations[0]?.facts).toMatchObject({ capReason: 'profile' });
    expect(d.violations[0]?.message.zh).toContain('（配置的上限）');
    expect(d.violations[0]?.message.en).toContain("(the profile's cap)");
    const lower = checkAction(context({ history: connected(MORNING[0], MORNING[1]), agreement: { ref: 'AGR-1', voiceDailyCap: 2 } }), action());
    expect(lower.violations.find((v) => v.rule === 'voice-daily-cap')?.message.zh).toContain('（与债务人约定的较低上限）');
  });
});
