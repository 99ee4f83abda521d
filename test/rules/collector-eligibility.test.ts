import { describe, expect, it } from 'vitest';
import { checkAction } from '../../src/index.js';
import { action, aiActor, codesOf, context } from '../support/fixtures.js';
import { withCollector } from '../support/who.js';

const rule = 'collector-eligibility';
const by = (fields: Record<string, unknown>) => checkAction(context(), action({ actor: withCollector(fields) }));

describe('collector-eligibility', () => {
  it('allows a screened collector with neither record', () => {
    const d = by({});
    expect(d.outcome).toBe('allow');
    expect(d.evaluated).toContain(rule);
  });

  it('denies a collector with a violent-crime record', () => {
    const d = by({ violentCrimeRecord: true });
    expect(codesOf(d, rule)).toEqual(['violent-crime-record']);
    expect(d.violations[0]?.clause).toMatchObject({ clause: '5.2', topic: '催收人员准入' });
  });

  it('denies a collector with a serious bad-credit record', () => {
    expect(codesOf(by({ seriousBadCredit: true }), rule)).toEqual(['serious-bad-credit']);
  });

  it('reports both records at once', () => {
    expect(codesOf(by({ violentCrimeRecord: true, seriousBadCredit: true }), rule)).toEqual(['violent-crime-record', 'serious-bad-credit']);
  });

  it('denies a collector whose screening is not stated, naming the missing attestations', () => {
    const one = by({ violentCrimeRecord: undefined });
    expect(codesOf(one, rule)).toEqual(['screening-not-attested']);
    expect(one.violations[0]?.facts).toEqual({ unattested: ['violentCrimeRecord'] });
    const both = by({ violentCrimeRecord: undefined, seriousBadCredit: undefined });
    expect(both.violations[0]?.facts).toEqual({ unattested: ['violentCrimeRecord', 'seriousBadCredit'] });
    expect(both.outcome).toBe('deny');
  });

  it('never puts the collector id in the decision', () => {
    const d = by({ id: 'EMP-张三-0042', violentCrimeRecord: true });
    expect(JSON.stringify(d)).not.toContain('0042');
  });

  it('does not apply to an AI actor', () => {
    expect(checkAction(context(), action({ actor: aiActor() })).evaluated).not.toContain(rule);
  });
});
