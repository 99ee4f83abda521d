import { z } from 'zod';
import { Action } from './action.js';
import { Context, Direction, HistoryOutcome } from './context.js';
import { Id } from './primitives.js';

// The case snapshot of a record is the Context of docs/contract.md without `history`: the audit builds the
// history itself from the earlier records of the same debtor. Taken from Context's own shape, so that a
// field added to the case is a field of the record too.
const { history: _history, ...caseShape } = Context.shape;

/**
 * One line of a collection log: the case as it stood (debtor, debt, agreement, contacts, guarantors), the
 * action taken (the Action of docs/contract.md), what happened (`outcome`) and an optional record id.
 * Strict: an unknown key is an input error, as everywhere else.
 */
export const AuditRecord = z.strictObject({
  /** The log's own id of the record, echoed in its verdict. */
  id: Id.optional(),
  ...caseShape,
  action: Action,
  /** What happened: a call connected or not, a message delivered or failed, a visit completed. */
  outcome: HistoryOutcome,
  /**
   * `outbound` (the default) or `inbound`: an inbound call is the debtor calling us. It is still judged as
   * an action (what is said on it must be lawful), but it never counts toward a later record's caps on our calls.
   */
  direction: Direction.default('outbound'),
});

/** A record as written in a log (defaults may be omitted). */
export type AuditRecordInput = z.input<typeof AuditRecord>;
/** A validated record, defaults filled in. */
export type AuditRecord = z.output<typeof AuditRecord>;
/** What happened to an action: `connected`, `not_connected`, `delivered`, `failed` or `completed`. */
export type RecordOutcome = z.infer<typeof HistoryOutcome>;
