import { z } from 'zod';
import { parseInstant } from '../core/time.js';
import { Channel, ClockTime, DEFAULT_TIME_ZONE, Id, Instant, Target, TimeZone } from './primitives.js';

export const Debtor = z.strictObject({
  id: Id,
  timeZone: TimeZone.default(DEFAULT_TIME_ZONE),
  /** Other zones the debtor may be in when the location is uncertain: windows must hold in every one. */
  timeZones: z.array(TimeZone).min(1).max(8).optional(),
  reachable: z.boolean().default(true),
  deceased: z.boolean().default(false),
  legalCapacity: z.enum(['full', 'limited', 'none']).default('full'),
});

export const Debt = z
  .strictObject({
    id: Id,
    status: z.enum(['overdue', 'settled']),
    settledAt: Instant.optional(),
  })
  .superRefine((debt, ctx) => {
    if (debt.status === 'settled' && debt.settledAt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['settledAt'], message: 'settledAt is required when status is "settled"', params: { zh: '已结清（status 为 "settled"）须提供 settledAt' } });
    }
    if (debt.status === 'overdue' && debt.settledAt !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['settledAt'], message: 'settledAt given but status is "overdue": say "settled"', params: { zh: '提供了 settledAt，但 status 为 "overdue"：应为 "settled"' } });
    }
  });

export const Weekday = z.number().int().min(1).max(7);

export const CollectionWindow = z
  .strictObject({
    start: ClockTime,
    end: ClockTime,
    days: z.array(Weekday).min(1).max(7).optional(),
  })
  .superRefine((w, ctx) => {
    if (w.start === w.end) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'a window needs end ≠ start (end is exclusive)', params: { zh: '时段的结束时间不得等于开始时间（结束时间不含）' } });
    }
  });
export type CollectionWindow = z.infer<typeof CollectionWindow>;

/** Checks that validFrom ≤ validUntil when both are given. */
function orderedValidity(value: { validFrom?: string | undefined; validUntil?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.validFrom !== undefined && value.validUntil !== undefined && parseInstant(value.validFrom) > parseInstant(value.validUntil)) {
    ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil is before validFrom', params: { zh: 'validUntil 早于 validFrom' } });
  }
}

export const Agreement = z
  .strictObject({
    ref: Id.optional(),
    windows: z.array(CollectionWindow).max(50).optional(),
    voiceDailyCap: z.number().int().min(0).max(100).optional(),
    /**
     * The unanswered-attempts cap agreed with the debtor (cba-2026's "unless agreed otherwise"): like the
     * voice cap, it only lowers a profile's cap, and has no effect under a profile without one.
     */
    unansweredAttemptsDailyCap: z.number().int().min(0).max(100).optional(),
    validFrom: Instant.optional(),
    validUntil: Instant.optional(),
  })
  .superRefine(orderedValidity);

export const Contact = z.strictObject({
  partyId: Id,
  timeZone: TimeZone.optional(),
  optedOutAt: Instant.optional(),
  volunteeredToRepayAt: Instant.optional(),
});

export const Guarantor = z
  .strictObject({
    partyId: Id,
    timeZone: TimeZone.optional(),
    agreementRef: Id.optional(),
    coversDebt: z.boolean(),
    validFrom: Instant.optional(),
    validUntil: Instant.optional(),
    liabilityCap: z.number().nonnegative().finite().optional(),
  })
  .superRefine(orderedValidity);

export const HistoryOutcome = z.enum(['connected', 'not_connected', 'delivered', 'failed', 'completed']);

/**
 * Who placed a call: `outbound` (ours, the default) or `inbound` (the debtor calling us). The standard's
 * voice cap counts 主动有效通话, our calls: an inbound call never counts toward a cap on our calls.
 */
export const Direction = z.enum(['outbound', 'inbound']);

export const HistoryEntry = z.strictObject({
  channel: Channel,
  at: Instant,
  target: Target,
  outcome: HistoryOutcome,
  direction: Direction.default('outbound'),
  organizationId: Id.optional(),
  phoneRef: Id.optional(),
});

/** The bound on history length: enough for years of one case, small enough that a check stays fast. */
export const MAX_HISTORY = 100_000;

export const Context = z.strictObject({
  debtor: Debtor,
  debt: Debt,
  agreement: Agreement.optional(),
  contacts: z.array(Contact).max(1000).optional(),
  guarantors: z.array(Guarantor).max(1000).optional(),
  history: z.array(HistoryEntry).max(MAX_HISTORY).optional(),
});

/** A case as given by the caller (defaults may be omitted). */
export type ContextInput = z.input<typeof Context>;
/** A validated case, defaults filled in. */
export type Context = z.output<typeof Context>;
export type HistoryEntry = z.output<typeof HistoryEntry>;
