import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { action, codesOf, context, visitAction } from '../support/fixtures.js';

const visiting = (entersPrivateResidence: boolean, entersOfficeArea: boolean, target: { role: 'debtor' | 'guarantor'; partyId: string } = { role: 'debtor', partyId: 'D1' }) =>
  visitAction({ target, visit: { staffCount: 2, entersPrivateResidence, entersOfficeArea } });

describe('visit-premises', () => {
  it('allows a visit that enters neither', () => {
    const d = checkAction(context(), visiting(false, false));
    expect(codesOf(d, 'visit-premises')).toEqual([]);
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain('visit-premises');
  });

  it.each([
    [true, false, 'enters-private-residence'],
    [false, true, 'enters-office-area'],
  ])('residence=%s office=%s is denied with %s', (residence, office, code) => {
    const d = checkAction(context(), visiting(residence, office));
    expect(codesOf(d, 'visit-premises')).toEqual([code]);
    expect(d.outcome).toBe('deny');
    expect(d.violations[0]).toMatchObject({
      rule: 'visit-premises',
      clause: { standard: 'GB/T 45251—2025', clause: '5.3', topic: '上门催收场所' },
      code,
    });
    expect(d.violations[0]?.message.zh).not.toBe('');
  });

  it('both flags give two violations of this rule', () => {
    const d = checkAction(context(), visiting(true, true));
    expect(codesOf(d, 'visit-premises')).toEqual(['enters-private-residence', 'enters-office-area']);
    expect(d.violations.filter((v) => v.rule === 'visit-premises')).toHaveLength(2);
  });

  it('applies to a visit to a guarantor too', () => {
    expect(codesOf(checkAction(context(), visiting(true, false, { role: 'guarantor', partyId: 'G1' })), 'visit-premises')).toEqual(['enters-private-residence']);
  });

  it('does not apply to other channels', () => {
    expect(checkAction(context(), action()).evaluated).not.toContain('visit-premises');
  });
});
