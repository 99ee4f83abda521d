/**
 * Type test, checked by `tsc --noEmit` (npm test's typecheck; tsconfig includes test/): inside a rule's
 * `check` (and a program check's `run`), `report` only accepts the codes the module declares, and the
 * facts of a code must give every `{placeholder}` of its zh and en templates, not null. A rule or check
 * without evidence does not compile. Each `@ts-expect-error` fails the typecheck if the line below it
 * ever compiles.
 */
import { clauses } from '../../src/core/clauses.js';
import { defineCheck, INSTITUTION } from '../../src/program/define-check.js';
import { programClauses } from '../../src/program/clauses.js';
import { defineRule, evidence, NONE } from '../../src/core/define-rule.js';

const meta = {
  id: 'type-test',
  clause: clauses.visitStaffing,
  description: { zh: '类型测试。', en: 'A type test.' },
  evidence: evidence('interp', 'A type test.'),
  timeDependent: false,
  appliesTo: () => true,
} as const;

export const typedRule = defineRule({
  ...meta,
  messages: {
    'too-many': { zh: '{count} 人，超过 {max} 人。', en: '{count} staff, more than {max}.' },
    'only-en': { zh: '人数不对。', en: 'Wrong staff count ({count}).' },
    plain: { zh: '无占位符。', en: 'No placeholder.' },
  },
  check: (f, _limits, report) => {
    const n = f.visit?.staffCount ?? 0;
    const found = [
      // Declared codes with every placeholder's fact compile; extra facts are fine; a code without
      // placeholders needs no facts.
      report.violation('too-many', { count: n, max: 3, zone: f.debtorLocal.zone }),
      report.violation('only-en', { count: n }),
      report.violation('plain'),
      report.obligation('plain', {}, 'always'),
      // @ts-expect-error `too-few` is not a code of this rule
      report.violation('too-few', { count: n }),
      // @ts-expect-error `{max}` has no fact
      report.violation('too-many', { count: n }),
      // @ts-expect-error a placeholder of the en template only still needs its fact
      report.violation('only-en', {}),
      // @ts-expect-error the facts of a code with placeholders are required
      report.violation('too-many'),
      // @ts-expect-error a null fact is no fact: the message would read "null"
      report.violation('too-many', { count: null, max: 3 }),
      // @ts-expect-error obligations are typed the same way
      report.obligation('too-many', { count: n }, 'always'),
    ];
    return n > 3 ? found : NONE;
  },
});

// @ts-expect-error a rule module without evidence does not compile
export const noEvidence = defineRule({
  id: 'no-evidence',
  clause: clauses.visitStaffing,
  description: { zh: '类型测试。', en: 'A type test.' },
  timeDependent: false,
  messages: { plain: { zh: '无。', en: 'None.' } },
  appliesTo: () => true,
  check: () => NONE,
});

export const typedCheck = defineCheck({
  id: 'type-test',
  clause: programClauses.department,
  description: { zh: '类型测试。', en: 'A type test.' },
  evidence: evidence('interp', 'A type test.'),
  messages: {
    'system-low': { zh: '系统 {systemId} 级别过低。', en: 'System {systemId} is below the level.' },
  },
  assessable: () => true,
  run: (_inst, _ctx, report) => [
    report.violation('system-low', INSTITUTION, { systemId: 'S1' }),
    report.warning('system-low', INSTITUTION, { systemId: 'S1', extra: 1 }),
    // @ts-expect-error `system-high` is not a code of this check
    report.violation('system-high', INSTITUTION, { systemId: 'S1' }),
    // @ts-expect-error `{systemId}` has no fact
    report.warning('system-low', INSTITUTION, {}),
  ],
});
