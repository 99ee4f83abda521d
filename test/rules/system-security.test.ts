import { describe, expect, it } from 'vitest';
import { checkAction, createGuard } from '../../src/index.js';
import { action, aiActor, codesOf, context } from '../support/fixtures.js';
import { withSystem } from '../support/who.js';

const rule = 'system-security';
const by = (fields: Record<string, unknown> | null) => checkAction(context(), action({ actor: withSystem(fields) }));

describe('system-security', () => {
  it('allows an attested system at MLPS 3, masking and encrypting', () => {
    const d = by({});
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it('allows exactly the minimum level', () => {
    expect(codesOf(by({ mlpsLevel: 2 }), rule)).toEqual([]);
  });

  it('denies an action whose system is not attested', () => {
    const d = by(null);
    expect(codesOf(d, rule)).toEqual(['not-attested']);
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.5', topic: '催收系统安全' });
  });

  it('denies a system below the minimum MLPS level', () => {
    const d = by({ mlpsLevel: 1 });
    expect(codesOf(d, rule)).toEqual(['mlps-below-minimum']);
    expect(d.violations[0]?.facts).toEqual({ mlpsLevel: 1, minMlpsLevel: 2 });
  });

  it('denies unmasked display and unencrypted transit, one violation each', () => {
    expect(codesOf(by({ piiMasked: false }), rule)).toEqual(['pii-not-masked']);
    expect(codesOf(by({ encryptedInTransit: false }), rule)).toEqual(['not-encrypted-in-transit']);
    expect(codesOf(by({ mlpsLevel: 0, piiMasked: false, encryptedInTransit: false }), rule)).toEqual([
      'mlps-below-minimum',
      'pii-not-masked',
      'not-encrypted-in-transit',
    ]);
  });

  it('takes the minimum level from the limits', () => {
    const level3 = createGuard({ overlay: { minMlpsLevel: 3 } });
    const act = action({ actor: withSystem({ mlpsLevel: 2 }) });
    expect(codesOf(level3.checkSync(context(), act), rule)).toEqual(['mlps-below-minimum']);
    expect(codesOf(level3.checkSync(context(), action()), rule)).toEqual([]);
  });

  it('applies to AI actors too', () => {
    const ai = aiActor({ system: { mlpsLevel: 1, piiMasked: true, encryptedInTransit: true } });
    expect(codesOf(checkAction(context(), action({ actor: ai })), rule)).toEqual(['mlps-below-minimum']);
  });
});
