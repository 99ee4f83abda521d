/**
 * `assessProgram`: the institution-level assessment of GB/T 45251—2025 (clauses 5.1, 5.2, 5.4–5.7).
 * validate ▶ derive the assessment context once ▶ run every check (no short-circuit) ▶ tabulate per clause.
 * Pure and synchronous; never throws.
 */
import { INTERNAL_ERROR, INVALID_INPUT } from '../core/decision.js';
import { STANDARD } from '../core/clauses.js';
import type { InputProblem } from '../core/decision.js';
import type { FactRecord } from '../schema/decision.js';
import { validate } from '../core/validate.js';
import { VERSION } from '../core/version.js';
import { programChecks } from './checks/index.js';
import { PROGRAM_CLAUSES, clauseHeadings, inputUnverifiable } from './clauses.js';
import { assessmentContext, INSTITUTION, type ProgramCheck } from './define-check.js';
import { renderProgramMessage } from './labels.js';
import type { CheckResultSummary, CheckStatus, ClauseResult, ProgramAssessment, ProgramFinding } from './result.js';
import { AssessOptions, Institution, type AssessOptionsInput } from './schema.js';

const invalidInputTemplate = {
  zh: '机构资料无效，无法评估：{summary}',
  en: 'Invalid institution profile or options; nothing was assessed: {summary}',
};

const internalErrorTemplate = {
  zh: '检查 {check} 执行出错（{error}），该项无法评估。',
  en: 'Check {check} failed ({error}); it could not be assessed.',
};

function invalidInputFinding(problems: readonly InputProblem[]): ProgramFinding {
  const summary = problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join('; ') + (problems.length > 5 ? ` (+${problems.length - 5})` : '');
  return {
    check: INVALID_INPUT,
    clause: inputUnverifiable,
    severity: 'violation',
    code: INVALID_INPUT,
    subject: INSTITUTION,
    message: renderProgramMessage(invalidInputTemplate, { summary }),
    facts: { issues: problems.map((p) => ({ path: p.path, message: p.message })) },
  };
}

function internalErrorFinding(check: ProgramCheck, error: unknown): ProgramFinding {
  const facts = { check: check.id, error: error instanceof Error ? error.name : typeof error };
  return { check: check.id, clause: check.clause, severity: 'violation', code: INTERNAL_ERROR, subject: INSTITUTION, message: renderProgramMessage(internalErrorTemplate, facts), facts };
}

function findingOf(check: ProgramCheck, result: { severity: ProgramFinding['severity']; code: string; subject: ProgramFinding['subject']; facts: FactRecord }): ProgramFinding {
  const template = check.messages[result.code];
  if (template === undefined) throw new Error(`check ${check.id} has no message for code "${result.code}"`);
  return {
    check: check.id,
    clause: check.clause,
    severity: result.severity,
    code: result.code,
    subject: result.subject,
    message: renderProgramMessage(template, result.facts),
    facts: result.facts as ProgramFinding['facts'],
  };
}

function tabulate(at: string | null, timeZone: string | null, findings: ProgramFinding[], checks: CheckResultSummary[]): ProgramAssessment {
  const clauses: ClauseResult[] = PROGRAM_CLAUSES.map((clause) => {
    const own = checks.filter((c) => c.clause === clause);
    const ownFindings = findings.filter((f) => f.clause.clause === clause);
    const violations = ownFindings.filter((f) => f.severity === 'violation').length;
    const warnings = ownFindings.length - violations;
    const notAssessed = own.filter((c) => c.status === 'not-assessed').map((c) => c.id);
    // "compliant" is only claimed when every check of the clause could run.
    const status = ownFindings.length > 0 ? 'findings' : own.length > 0 && notAssessed.length === 0 ? 'compliant' : 'not-assessed';
    return { clause, heading: clauseHeadings[clause], status, violations, warnings, notAssessed };
  });
  const violations = findings.filter((f) => f.severity === 'violation').length;
  return {
    standard: STANDARD,
    version: VERSION,
    at,
    timeZone,
    findings,
    clauses,
    checks,
    summary: {
      findings: findings.length,
      violations,
      warnings: findings.length - violations,
      clauses: {
        compliant: clauses.filter((c) => c.status === 'compliant').length,
        findings: clauses.filter((c) => c.status === 'findings').length,
        notAssessed: clauses.filter((c) => c.status === 'not-assessed').length,
      },
    },
  };
}

/**
 * Assesses an institution's collection programme against the institution-level requirements of
 * GB/T 45251—2025 as of `options.at`. Never throws: an invalid profile or option gives one
 * `invalid-input` violation listing each problem's path, with every clause "not-assessed".
 */
export function assessProgram(institution: unknown, options: AssessOptionsInput): ProgramAssessment {
  const opts = validate(AssessOptions, options, 'options');
  const inst = validate(Institution, institution, 'institution');
  if (!opts.ok || !inst.ok) {
    const problems = [...(opts.ok ? [] : opts.problems), ...(inst.ok ? [] : inst.problems)];
    const checks = programChecks.map((c) => ({ id: c.id, clause: c.clause.clause, status: 'not-assessed' as const }));
    return tabulate(opts.ok ? opts.value.at : null, opts.ok ? opts.value.timeZone : null, [invalidInputFinding(problems)], checks);
  }
  const ctx = assessmentContext(opts.value);
  const findings: ProgramFinding[] = [];
  const checks: CheckResultSummary[] = [];
  for (const check of programChecks) {
    let status: CheckStatus;
    try {
      if (!check.assessable(inst.value)) {
        status = 'not-assessed';
      } else {
        const own = check.run(inst.value, ctx).map((r) => findingOf(check, r));
        findings.push(...own);
        status = own.length > 0 ? 'findings' : 'passed';
      }
    } catch (error) {
      findings.push(internalErrorFinding(check, error));
      status = 'findings';
    }
    checks.push({ id: check.id, clause: check.clause.clause, status });
  }
  return tabulate(opts.value.at, opts.value.timeZone, findings, checks);
}
