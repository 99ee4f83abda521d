/**
 * Issue 15, breakages 7 and 8. Control characters from the input (ESC sequences, BEL, C1, U+202E) must
 * not reach any text report raw; an absurd "stricter" profile limit must be refused at load with the
 * limit's name, not break every check later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createGuard, GuardConfigError } from '../../src/index.js';
import { auditSync, renderSummary, summarize } from '../../src/audit/index.js';
import { renderAssessment } from '../../src/program/index.js';
import { printable, printableJson } from '../../src/report-kit/printable.js';
import { Limits } from '../../src/schema/profile.js';
import { nationalProfile } from '../../src/profiles/national.js';
import { record } from '../audit/support.js';
import { aiActor, action, context, humanActor, visitAction } from '../support/fixtures.js';
import { assess, institution, staffMember } from '../program/support.js';

/** Every character a report must not carry raw. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/;
const HOSTILE = 'ORG\u001b[31mRED\u0007\u202Eevil\u009b2J\u007f\u2066x';

describe('control characters never reach a report raw', () => {
  const records = [
    { ...record('2026-11-30T23:00:00+08:00'), action: { ...action({ at: '2026-11-30T23:00:00+08:00' }), actor: humanActor({ organization: { id: HOSTILE, kind: 'lender' }, collector: { ...(humanActor().collector as object), id: `E\u001b]0;title\u0007${HOSTILE}` } }) } },
  ];
  const summary = summarize(auditSync(records));

  it('the hostile ids are in the summary (the test has teeth)', () => {
    expect(Object.keys(summary.byOrganization)).toContain(HOSTILE);
  });

  it.each(['table', 'csv', 'html', 'json'] as const)('%s', (format) => {
    const text = renderSummary(summary, { format, profile: `p\u001b[2J` });
    expect(text).not.toMatch(RAW);
    if (format !== 'json') expect(text).toContain('\\u001B[31mRED\\u0007\\u202Eevil\\u009B2J');
    else expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(summary))); // the same data, escaped
  });

  it.each(['table', 'html', 'json'] as const)('program report: %s', (format) => {
    const a = assess(institution({ staff: [staffMember({ id: HOSTILE, screening: undefined } as never)] }));
    expect(JSON.stringify(a)).toContain('\\u001b'); // the id reached a finding
    expect(renderAssessment(a, { format })).not.toMatch(RAW);
  });

  it('printable: every character shown or escaped, and nothing else changed (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const out = printable(s);
        expect(out).not.toMatch(RAW);
        expect(out.replace(/\\u[0-9A-F]{4}/g, '')).toBe(s.replace(new RegExp(RAW.source, 'g'), '').replace(/[\n\t]/g, '').replace(/\\u[0-9A-F]{4}/g, ''));
        expect(JSON.parse(printableJson(JSON.stringify(s)))).toBe(s);
      }),
    );
  });
});

describe('profile limits have sane maxima', () => {
  it('recordRetentionYears: 273790 is refused at load, naming the limit', () => {
    let error: unknown;
    try {
      createGuard({ overlay: { recordRetentionYears: 273790 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GuardConfigError);
    expect((error as GuardConfigError).problems).toEqual([expect.objectContaining({ path: 'overlay.recordRetentionYears', message: expect.stringContaining('at most 100 years') as string })]);
    expect(() => createGuard({ profile: { ...nationalProfile, id: 'p', limits: { ...nationalProfile.limits, recordRetentionYears: 273790 } } })).toThrow(GuardConfigError);
  });

  it.each([
    ['trainingIntervalMonths', 100_000], ['agencyEvaluationIntervalMonths', 100_000], ['visitStaffMin', 1e6], ['voiceDailyCap', 1e9], ['unansweredAttemptsPerNumberDailyCap', 1e9],
  ])('%s: %d is refused by the schema', (name, value) => {
    expect(Limits.shape[name as keyof typeof Limits.shape].safeParse(value).success).toBe(false);
  });

  const ACTIONS = [action(), visitAction(), action({ actor: aiActor() }), action({ at: '2026-11-30T23:00:00+08:00' })];
  const numeric = Object.entries(Limits.shape).filter(([name]) => !['windowStart', 'windowEnd'].includes(name));

  it('any overlay: refused at load, or every check decides without internal-error (property)', () => {
    fc.assert(
      fc.property(fc.subarray(numeric.map(([n]) => n), { minLength: 1 }), fc.array(fc.oneof(fc.integer({ min: -1, max: 130 }), fc.integer({ min: -1, max: 400_000 })), { minLength: 11, maxLength: 11 }), (names, values) => {
        const overlay = Object.fromEntries(names.map((n, i) => [n, values[i]]));
        let guard;
        try {
          guard = createGuard({ overlay });
        } catch (error) {
          expect(error).toBeInstanceOf(GuardConfigError);
          return;
        }
        for (const a of ACTIONS) {
          const d = guard.checkSync(context(), a);
          expect(d.violations.filter((v) => v.code === 'internal-error')).toEqual([]);
          expect(d.violations.some((v) => v.rule === 'invalid-input')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the largest accepted retention still gives a retainUntil', () => {
    const d = createGuard({ overlay: { recordRetentionYears: 100 } }).checkSync(context(), action());
    expect(d.violations).toEqual([]);
    expect(JSON.stringify(d.obligations)).toMatch(/2126-/);
  });
});
