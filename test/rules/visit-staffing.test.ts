import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import visitStaffing from '../../src/rules/visit-staffing.js';
import { action, codesOf, context, visitAction } from '../support/fixtures.js';
import { runRuleTester } from '../support/rule-tester.js';

const staffed = (staffCount: number, target: { role: 'debtor' | 'guarantor'; partyId: string } = { role: 'debtor', partyId: 'D1' }) =>
  visitAction({ target, visit: { staffCount, entersPrivateResidence: false, entersOfficeArea: false } });

describe('visit-staffing', () => {
  it.each([
    [0, 'too-few-staff'],
    [1, 'too-few-staff'],
    [2, null],
    [3, null],
    [4, 'too-many-staff'],
    [10, 'too-many-staff'],
  ])('%i staff: %s', (staffCount, code) => {
    const d = checkAction(context(), staffed(staffCount));
    expect(codesOf(d, 'visit-staffing')).toEqual(code === null ? [] : [code]);
    expect(d.outcome).toBe(code === null ? 'allow' : 'deny');
    expect(d.evaluated).toContain('visit-staffing');
  });

  it('reports the staff count and both bounds', () => {
    for (const [staffCount, code] of [[1, 'too-few-staff'], [4, 'too-many-staff']] as const) {
      const d = checkAction(context(), staffed(staffCount));
      expect(d.violations).toHaveLength(1);
      expect(d.violations[0]).toMatchObject({
        rule: 'visit-staffing',
        clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '上门催收人数' },
        code,
        facts: { staffCount, min: 2, max: 3 },
      });
      expect(d.violations[0]?.message.en).toContain(String(staffCount));
    }
  });

  it('applies to a visit to a guarantor too', () => {
    const d = checkAction(context(), staffed(1, { role: 'guarantor', partyId: 'G1' }));
    expect(codesOf(d, 'visit-staffing')).toEqual(['too-few-staff']);
    expect(checkAction(context(), staffed(2, { role: 'guarantor', partyId: 'G1' })).outcome).toBe('allow');
  });

  it('does not apply to other channels', () => {
    const d = checkAction(context(), action());
    expect(d.evaluated).not.toContain('visit-staffing');
  });
});

runRuleTester(visitStaffing, {
  valid: [
    { name: 'two staff, the minimum', context: context(), action: staffed(2) },
    { name: 'three staff, the maximum', context: context(), action: staffed(3) },
    { name: 'not a visit: the rule does not apply', context: context(), action: action() },
  ],
  invalid: [
    { name: 'one staff', context: context(), action: staffed(1), violations: [{ code: 'too-few-staff', facts: { staffCount: 1, min: 2, max: 3 } }] },
    { name: 'four staff', context: context(), action: staffed(4), violations: [{ code: 'too-many-staff', facts: { staffCount: 4, min: 2, max: 3 } }] },
  ],
});
