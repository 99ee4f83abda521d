import { z } from 'zod';
import { Channel, Id, Instant, Target, CollectorStanding } from './primitives.js';

export const Purpose = z.enum(['demand_payment', 'reminder', 'locate_debtor', 'relay_message', 'repayment_info']);
export const Disclosure = z.enum(['debt_amount', 'overdue_duration', 'debt_details', 'repayment_info']);
/**
 * Flagged behaviour, each denied under lawful-conduct: abuse (暴力催收: threat … forged_document), a false or
 * misleading statement about the debt, the law or the consequences (以事实为依据), and publicly posting or
 * spreading the debt (public_shaming).
 */
export const Conduct = z.enum(['threat', 'insult', 'violence', 'harassment', 'impersonation', 'forged_document', 'false_statement', 'public_shaming']);
export type Conduct = z.infer<typeof Conduct>;

export const Visit = z.strictObject({
  staffCount: z.number().int().min(0).max(1000),
  entersPrivateResidence: z.boolean(),
  entersOfficeArea: z.boolean(),
});

export const Collector = z.strictObject({
  id: Id,
  violentCrimeRecord: z.boolean().optional(),
  seriousBadCredit: z.boolean().optional(),
  preJobTrainingPassedAt: Instant.optional(),
  lastTrainingAssessedAt: Instant.optional(),
  confidentialityPledgeSignedAt: Instant.optional(),
  standing: CollectorStanding.optional(),
});

export const AiSystem = z.strictObject({
  id: Id,
  fairnessReviewedAt: Instant.optional(),
  usesProtectedAttributes: z.boolean().optional(),
  reliabilityValidatedAt: Instant.optional(),
  humanHandoff: z.boolean().optional(),
  securityAssessedAt: Instant.optional(),
});

/** Who the acting organization is: the lender itself, or a collection agency acting for it. */
export const OrganizationKind = z.enum(['lender', 'agency']);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const Organization = z.strictObject({
  id: Id,
  kind: OrganizationKind,
  outsourcingAgreement: z
    .strictObject({ ref: Id, validFrom: Instant.optional(), validUntil: Instant.optional() })
    .optional(),
  lastEvaluatedAt: Instant.optional(),
});

export const SystemAttestation = z.strictObject({
  mlpsLevel: z.number().int().min(0).max(5),
  piiMasked: z.boolean(),
  encryptedInTransit: z.boolean(),
});

/** Who acts: a human collector, or an AI system (智能催收). */
export const ActorKind = z.enum(['human', 'ai']);
export type ActorKind = z.infer<typeof ActorKind>;

export const Actor = z
  .strictObject({
    kind: ActorKind,
    collector: Collector.optional(),
    ai: AiSystem.optional(),
    organization: Organization,
    system: SystemAttestation.optional(),
  })
  .superRefine((actor, ctx) => {
    if (actor.kind === 'human' && actor.collector === undefined) {
      ctx.addIssue({ code: 'custom', path: ['collector'], message: 'collector is required when kind is "human"', params: { zh: '人工催收（kind 为 "human"）须提供 collector' } });
    }
    if (actor.kind === 'ai' && actor.ai === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ai'], message: 'ai is required when kind is "ai"', params: { zh: '智能催收（kind 为 "ai"）须提供 ai' } });
    }
  });

export const Action = z
  .strictObject({
    channel: Channel,
    at: Instant,
    target: Target,
    purpose: Purpose.optional(),
    disclosures: z.array(Disclosure).max(10).default([]),
    amountDemanded: z.number().nonnegative().finite().optional(),
    conduct: z.array(Conduct).max(10).default([]),
    phoneRef: Id.optional(),
    visit: Visit.optional(),
    actor: Actor,
  })
  .superRefine((action, ctx) => {
    if (action.channel === 'visit' && action.visit === undefined) {
      ctx.addIssue({ code: 'custom', path: ['visit'], message: 'visit is required when channel is "visit"', params: { zh: '上门催收（channel 为 "visit"）须提供 visit' } });
    }
    if (action.channel !== 'visit' && action.visit !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['visit'], message: `visit is only allowed when channel is "visit", not "${action.channel}"`, params: { zh: `仅上门催收可提供 visit，而 channel 为 "${action.channel}"` } });
    }
  });

/** An action as given by the caller (defaults may be omitted). */
export type ActionInput = z.input<typeof Action>;
/** A validated action, defaults filled in. */
export type Action = z.output<typeof Action>;
