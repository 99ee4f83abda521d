import { GuardConfigError } from '../core/errors.js';
import { compileGuard, type CompiledGuard, type GuardOptions } from '../guard/guard.js';
import { createAuditor, type Auditor, type AuditStats, type AuditVerdict } from './auditor.js';

/**
 * Options of `audit` and `auditSync`: the guard every record is judged by (createGuard's options). House
 * rules run in `audit` only: `auditSync` refuses them.
 */
export type AuditOptions = GuardOptions;

/** The verdicts of `audit`, in input order, with what the audit holds in memory (`stats`). */
export type AsyncAuditRun = AsyncGenerator<AuditVerdict, void, undefined> & { readonly stats: AuditStats };
/** The verdicts of `auditSync`, in input order, with what the audit holds in memory (`stats`). */
export type SyncAuditRun = Generator<AuditVerdict, void, undefined> & { readonly stats: AuditStats };

function withStats<G extends object>(generator: G, auditor: Auditor): G & { readonly stats: AuditStats } {
  return Object.defineProperty(generator, 'stats', { get: () => auditor.stats(), enumerable: true }) as G & { readonly stats: AuditStats };
}

async function* judgeAsync(records: Iterable<unknown> | AsyncIterable<unknown>, auditor: Auditor, guard: CompiledGuard, sync: boolean): AsyncGenerator<AuditVerdict, void, undefined> {
  let index = 0;
  for await (const raw of records) {
    const opened = auditor.open(raw, index);
    index += 1;
    if (opened.kind === 'verdict') yield opened.verdict;
    // Without house rules a check is synchronous: no promise per record.
    else yield auditor.close(opened, sync ? guard.checkValidatedSync(opened.context, opened.action, opened.history) : await guard.checkValidated(opened.context, opened.action, opened.history));
  }
}

const withoutHouseRules = (options: AuditOptions): boolean => options.houseRules === undefined || options.houseRules.length === 0;

function* judgeSync(records: Iterable<unknown>, auditor: Auditor, guard: CompiledGuard): Generator<AuditVerdict, void, undefined> {
  let index = 0;
  for (const raw of records) {
    const opened = auditor.open(raw, index);
    index += 1;
    yield opened.kind === 'verdict' ? opened.verdict : auditor.close(opened, guard.checkValidatedSync(opened.context, opened.action, opened.history));
  }
}

/**
 * Replays a collection log: one verdict per record, in input order, each judged by the guard's decision
 * on that record's action against the history built from the earlier records of the same debtor. Takes
 * an iterable or an async iterable of records (docs/audit.md); reads it lazily, one record per verdict,
 * and holds only the recent history of recently active debtors. Invalid or out-of-order records give a
 * deny verdict with `inputError`; the audit goes on. Summarise with `summarize(audit(records))`.
 * Throws a GuardConfigError at once for a bad profile, overlay or house rule.
 */
export function audit(records: Iterable<unknown> | AsyncIterable<unknown>, options: AuditOptions = {}): AsyncAuditRun {
  const auditor = createAuditor();
  return withStats(judgeAsync(records, auditor, compileGuard(options), withoutHouseRules(options)), auditor);
}

/**
 * `audit` for a plain iterable, synchronously: the same verdicts. House rules are asynchronous
 * (json-rules-engine), so `auditSync` throws a GuardConfigError when they are given: use `audit`.
 */
export function auditSync(records: Iterable<unknown>, options: AuditOptions = {}): SyncAuditRun {
  if (!withoutHouseRules(options)) {
    throw new GuardConfigError('auditSync cannot run house rules', [{ path: 'houseRules', message: 'json-rules-engine is asynchronous: use audit()' }]);
  }
  const auditor = createAuditor();
  return withStats(judgeSync(records, auditor, compileGuard(options)), auditor);
}
