import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { action, aiActor, codesOf, context } from '../support/fixtures.js';
import { withCollector } from '../support/who.js';

const rule = 'collector-standing';
const by = (fields: Record<string, unknown>) => checkAction(context(), action({ actor: withCollector(fields) }));

describe('collector-standing', () => {
  it('allows an active collector', () => {
    const d = by({ standing: 'active' });
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it.each(['suspended', 'dismissed'])('denies a %s collector', (standing) => {
    const d = by({ standing });
    expect(codesOf(d, rule)).toEqual(['collector-not-active']);
    expect(d.violations[0]?.facts).toEqual({ standing });
    expect(d.violations[0]?.message.en).toContain(standing);
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.2' });
  });

  it('denies a collector whose standing is not stated', () => {
    const d = by({ standing: undefined });
    expect(codesOf(d, rule)).toEqual(['standing-unknown']);
    expect(d.outcome).toBe('deny');
  });

  it('does not apply to an AI actor', () => {
    expect(checkAction(context(), action({ actor: aiActor() })).evaluated).not.toContain(rule);
  });
});
