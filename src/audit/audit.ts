import { GuardConfigError } from '../core/errors.js';
import { compileGuard, type GuardOptions } from '../guard/guard.js';
import { createAuditor, type AuditStats, type AuditVerdict } from './auditor.js';

/**
 * Options of `audit` and `auditSync`: the guard every record is judged by (createGuard's options). House
 * rules run in `audit` only: `auditSync` refuses them.
 */
export type AuditOptions = GuardOptions;

/** The verdicts of `audit`, in input order, with what the audit holds in memory (`stats`). */
export type AsyncAuditRun = AsyncGenerator<AuditVerdict, void, undefined> & { readonly stats: AuditStats };
/** The verdicts of `auditSync`, in input order, with what the audit holds in memory (`stats`). */
export type SyncAuditRun = Generator<AuditVerdict, void, undefined> & { readonly stats: AuditStats };

function withStats<G extends object>(generator: G, judge: RecordJudge): G & { readonly stats: AuditStats } {
  return Object.defineProperty(generator, 'stats', { get: () => judge.stats(), enumerable: true }) as G & { readonly stats: AuditStats };
}

/**
 * The records of one audit judged one at a time, as `audit` and `auditSync` judge them: for a caller
 * that reads in batches (the CLI) and should not pay a promise per record. Internal.
 */
export interface RecordJudge {
  /** Whether `judgeSync` may be used: no house rules, which are asynchronous. */
  readonly sync: boolean;
  /** The verdict on the next record (`index`: its 0-based position in the input); throws when `sync` is false. */
  judgeSync(raw: unknown, index: number): AuditVerdict;
  /** The verdict on the next record, house rules included. */
  judge(raw: unknown, index: number): Promise<AuditVerdict>;
  readonly stats: () => AuditStats;
}

const withoutHouseRules = (options: AuditOptions): boolean => options.houseRules === undefined || options.houseRules.length === 0;

/** A RecordJudge under `options` (createGuard's): throws a GuardConfigError at once for a bad configuration. */
export function createRecordJudge(options: AuditOptions = {}): RecordJudge {
  const auditor = createAuditor();
  const guard = compileGuard(options);
  const sync = withoutHouseRules(options);
  const judgeSync = (raw: unknown, index: number): AuditVerdict => {
    const opened = auditor.open(raw, index);
    // A verdict keeps no obligations: they are not rendered.
    return opened.kind === 'verdict' ? opened.verdict : auditor.close(opened, guard.checkValidatedSync(opened.context, opened.action, opened.history, opened.atMs, false));
  };
  return {
    sync,
    judgeSync,
    async judge(raw, index) {
      // Without house rules a check is synchronous: no promise per check.
      if (sync) return judgeSync(raw, index);
      const opened = auditor.open(raw, index);
      if (opened.kind === 'verdict') return opened.verdict;
      return auditor.close(opened, await guard.checkValidated(opened.context, opened.action, opened.history, opened.atMs, false));
    },
    stats: () => auditor.stats(),
  };
}

async function* judgeAsync(records: Iterable<unknown> | AsyncIterable<unknown>, judge: RecordJudge): AsyncGenerator<AuditVerdict, void, undefined> {
  let index = 0;
  for await (const raw of records) {
    yield judge.sync ? judge.judgeSync(raw, index) : await judge.judge(raw, index);
    index += 1;
  }
}

function* judgeSync(records: Iterable<unknown>, judge: RecordJudge): Generator<AuditVerdict, void, undefined> {
  let index = 0;
  for (const raw of records) {
    yield judge.judgeSync(raw, index);
    index += 1;
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
  const judge = createRecordJudge(options);
  return withStats(judgeAsync(records, judge), judge);
}

/**
 * `audit` for a plain iterable, synchronously: the same verdicts. House rules are asynchronous
 * (json-rules-engine), so `auditSync` throws a GuardConfigError when they are given: use `audit`.
 */
export function auditSync(records: Iterable<unknown>, options: AuditOptions = {}): SyncAuditRun {
  if (!withoutHouseRules(options)) {
    throw new GuardConfigError('auditSync cannot run house rules', [{ path: 'houseRules', message: 'json-rules-engine is asynchronous: use audit()' }]);
  }
  const judge = createRecordJudge(options);
  return withStats(judgeSync(records, judge), judge);
}
