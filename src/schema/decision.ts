import { z } from 'zod';

export const ClauseRef = z.strictObject({
  standard: z.string(),
  clause: z.string(),
  topic: z.string(),
});

export const Message = z.strictObject({ zh: z.string(), en: z.string() });
export type Message = z.infer<typeof Message>;

/** A value in a finding's facts: counts, clock times, instants, rule ids, enumerated values. */
export const FactValue: z.ZodType<FactValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(FactValue), z.record(z.string(), FactValue)]),
);
export type FactValue = string | number | boolean | null | readonly FactValue[] | { readonly [key: string]: FactValue };
export type FactRecord = { readonly [key: string]: FactValue };

/**
 * Where a finding comes from when it is not the national profile alone: a limit an overlay or a preset
 * tightened (with the values given and national), or a house rule. Absent for national findings.
 */
export const FindingSource = z.strictObject({
  kind: z.enum(['overlay', 'profile', 'house']),
  /** The profile in force (`gb-t-45251-2025+overlay`, `cba-2026`, …). */
  profile: z.string(),
  /** The tightened limits behind the finding: the value in force and the national value. */
  limits: z.record(z.string(), z.strictObject({ value: FactValue, national: FactValue })).optional(),
  /** The national clause a stricter regime builds on, when the finding cites another standard. */
  basis: ClauseRef.optional(),
});
export type FindingSource = z.infer<typeof FindingSource>;

export const Finding = z.strictObject({
  rule: z.string(),
  clause: ClauseRef,
  code: z.string(),
  message: Message,
  facts: z.record(z.string(), FactValue),
  source: FindingSource.optional(),
});
export type Finding = z.infer<typeof Finding>;

/** A duty that comes with a decision: keep the records, say nothing of the debt, … */
export const Obligation = Finding;
export type Obligation = Finding;

export const Ruleset = z.strictObject({
  standard: z.string(),
  version: z.string(),
  profile: z.string(),
});

export const Decision = z.strictObject({
  outcome: z.enum(['allow', 'deny']),
  violations: z.array(Finding),
  obligations: z.array(Obligation),
  evaluated: z.array(z.string()),
  ruleset: Ruleset,
});
export type Decision = z.infer<typeof Decision>;
