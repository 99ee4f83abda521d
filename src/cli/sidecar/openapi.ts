/**
 * The OpenAPI 3.1 document of the HTTP sidecar (schemas/openapi.json), generated from the same zod schemas
 * as the JSON Schema files, so that Java, Go and Python teams can generate a client. The request schemas
 * are the input side (fields with defaults optional), the answers the output side. As with the JSON
 * Schema files, checks zod cannot express (instants with an offset, IANA zones, cross-field rules) are only
 * made by the sidecar: a request valid against the document may still be answered 400.
 */
import { z } from 'zod';
import type { VoiceCapReason } from '../../core/caps.js';
import type { QuotaResult, ScheduleResult, ScheduleStatus } from '../../schedule/schedule.js';
import { Action } from '../../schema/action.js';
import { Context, HistoryEntry, HistoryOutcome } from '../../schema/context.js';
import type { CommitResult, ReleaseResult, Reservation } from '../../ledger/ledger.js';
import { ClauseRef, Decision, FactValue, Finding } from '../../schema/decision.js';
import { Limits } from '../../schema/profile.js';
import { VERSION } from '../../core/version.js';
import { DEFAULT_PORT } from './server.js';

const Instant = z.string().describe('ISO 8601 instant with an offset or Z, e.g. 2026-11-30T10:00:00+08:00');
const Problem = z.strictObject({ path: z.string(), message: z.string(), zh: z.string().optional().describe('the same problem in Chinese') });

export const CheckRequest = z.strictObject({ context: Context, action: Action });
export const CheckBatchRequest = z.strictObject({ items: z.array(CheckRequest) });
export const CheckBatchResponse = z.strictObject({ decisions: z.array(Decision) });
export const NextAllowedRequest = z.strictObject({ context: Context, action: Action, horizonDays: z.number().min(0).max(366).optional() });
export const NextAllowedResponse = z.strictObject({
  at: Instant.nullable(),
  decision: Decision,
  reasons: z.array(Finding),
  permanent: z.boolean(),
  horizonEnd: Instant.nullable(),
  status: z.enum(['allowed', 'permanent', 'horizon-exhausted', 'search-limit'] as const satisfies readonly ScheduleStatus[])
    .describe('why the search ended; search-limit: the cap on work per call was reached, schedule again from searchedUntil'),
  searchedUntil: Instant.nullable(),
  work: z.strictObject({ candidates: z.number().int(), checks: z.number().int() }),
});
export const QuotaRequest = z.strictObject({ context: Context, at: Instant });
const Count = z.strictObject({ used: z.number().int(), cap: z.number().int(), left: z.number().int() });
export const QuotaResponse = z.strictObject({
  ok: z.boolean(),
  quota: z.strictObject({
    localDate: z.string(),
    timeZone: z.string(),
    voice: z.strictObject({
      ...Count.shape,
      capSource: z.enum(['profile', 'agreement']),
      capReason: z.enum(['profile', 'agreement-lower', 'agreement-not-higher', 'agreement-raised', 'agreement-raised-to-ceiling'] as const satisfies readonly VoiceCapReason[]),
      profileCap: z.number().int(),
      agreedCap: z.number().int().nullable(),
    }),
    visits: Count,
    window: z.strictObject({ source: z.enum(['default', 'agreement']), open: z.boolean(), opensAt: Instant.nullable(), closesAt: Instant.nullable() }),
    unansweredByNumber: z.record(z.string(), Count).nullable(),
  }).nullable(),
  issues: z.array(Problem),
});
export const Ruleset = z.strictObject({
  standard: z.string(),
  version: z.string(),
  profile: z.string(),
  limits: Limits,
  rules: z.array(z.strictObject({ id: z.string(), clause: ClauseRef })),
  houseRules: z.array(z.string()),
});
export const Health = z.strictObject({ status: z.literal('ok') });
// The ledger endpoints (serve --ledger): src/cli/sidecar/ledger-routes.ts.
export const ReserveRequest = z.strictObject({ context: Context, action: Action });
export const ReserveResponse = z.strictObject({
  decision: Decision,
  reservationId: z.string().nullable().describe('present when allowed: pass it to /v1/commit or /v1/release'),
  expiresAt: Instant.nullable().describe('when an uncommitted reservation stops counting (UTC); null when denied'),
});
const ReservationId = z.string().min(1).max(400);
export const CommitRequest = z.strictObject({ reservationId: ReservationId, outcome: HistoryOutcome });
export const CommitResponse = z.strictObject({
  status: z.enum(['committed', 'already-committed', 'unknown']).describe('unknown: no such reservation (never made, or pruned after the retention window)'),
  late: z.boolean().describe('committed after the reservation lapsed or was released: still recorded, since the action happened'),
  entry: HistoryEntry.nullable(),
});
export const ReleaseRequest = z.strictObject({ reservationId: ReservationId });
export const ReleaseResponse = z.strictObject({ status: z.enum(['released', 'already-released', 'already-committed', 'unknown']) });
export const ErrorBody = z.strictObject({
  error: z.looseObject({ code: z.string(), message: z.string() }).describe('code and message, and for some codes more fields (issues, limit, items)'),
});

// The answers the sidecar sends are the library's own types: these lines fail to compile if they drift
// (a field added to, or missing from, either side), in both directions.
type Assignable<A, B extends A> = B;
export type _QuotaMatches = Assignable<z.output<typeof QuotaResponse>, QuotaResult & { issues: { path: string; message: string }[] }>;
export type _QuotaMatchesBack = Assignable<NonNullable<QuotaResult['quota']>, NonNullable<z.output<typeof QuotaResponse>['quota']>>;
export type _ScheduleMatches = Assignable<z.output<typeof NextAllowedResponse>, ScheduleResult & { reasons: z.output<typeof Finding>[] }>;
export type _ReserveMatches = Assignable<z.output<typeof ReserveResponse>, Reservation>;
export type _ReserveMatchesBack = Assignable<Omit<Reservation, 'decision'>, Omit<z.output<typeof ReserveResponse>, 'decision'>>;
export type _CommitMatches = Assignable<z.output<typeof CommitResponse>, CommitResult>;
export type _CommitMatchesBack = Assignable<CommitResult, z.output<typeof CommitResponse>>;
export type _ReleaseMatches = Assignable<z.output<typeof ReleaseResponse>, ReleaseResult>;
export type _ReleaseMatchesBack = Assignable<ReleaseResult, z.output<typeof ReleaseResponse>>;
export type _ScheduleMatchesBack = Assignable<Omit<ScheduleResult, 'decision' | 'reasons'>, Omit<z.output<typeof NextAllowedResponse>, 'decision' | 'reasons'>>;

const inputs = { Context, Action, CheckRequest, CheckBatchRequest, NextAllowedRequest, QuotaRequest, ReserveRequest, CommitRequest, ReleaseRequest } as const;
const outputs = { Decision, FactValue, CheckBatchResponse, NextAllowedResponse, QuotaResponse, Ruleset, Health, ErrorBody, ReserveResponse, CommitResponse, ReleaseResponse } as const;

/** Component schemas of one side, with references between them pointing into #/components/schemas. */
function components(schemas: Readonly<Record<string, z.ZodType>>, io: 'input' | 'output'): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: out } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, Record<string, unknown>> };
  // Each component is embedded in the document: drop the per-file $schema and $id.
  return Object.fromEntries(Object.entries(out).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]));
}

const ref = (id: string): { $ref: string } => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({ description, content: { 'application/json': { schema: ref(id) } } });
const errors = {
  '401': json('ErrorBody', 'a token is required (--token-file) and was missing or wrong'),
  '413': json('ErrorBody', 'the body (or the batch) is larger than the limit'),
  '415': json('ErrorBody', 'the content type is not application/json'),
  '503': json('ErrorBody', 'too many open connections (--max-connections): answered before the request is read, with Retry-After: 1, and the connection is closed'),
};

/** The OpenAPI 3.1 document as a plain object. */
export function openApiDocument(): Record<string, unknown> {
  const ledgerAnswers = (answer: string): Record<string, unknown> => ({
    '200': json(answer, 'the status'),
    '400': json('ErrorBody', 'the body does not match: error.issues names the field (body.reservationId, body.outcome)'),
    '404': json('ErrorBody', 'the sidecar runs without --ledger'),
    '503': json('ErrorBody', 'the ledger store is down (code ledger-unavailable: retry), or too many open connections'),
  });
  const post = (operationId: string, summary: string, request: string, ok: Record<string, unknown>) => ({
    post: { operationId, summary, requestBody: { required: true, content: { 'application/json': { schema: ref(request) } } }, responses: { ...ok, ...Object.fromEntries(Object.entries(errors).filter(([status]) => !(status in ok))) } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'cuishou-guard sidecar',
      version: VERSION,
      description: 'Decisions of cuishou-guard (GB/T 45251—2025) over JSON: the answers of guard.check, guard.scheduleAction and guard.quota (docs/sidecar.md).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: `http://127.0.0.1:${DEFAULT_PORT}` }],
    security: [{ bearer: [] }, {}],
    paths: {
      '/v1/check': post('check', 'One decision', 'CheckRequest', {
        '200': json('Decision', 'the decision, allow or deny'),
        '400': json('Decision', 'an invalid-input deny: violations[0].facts.issues lists each problem'),
      }),
      '/v1/check-batch': post('checkBatch', 'Many decisions, in order', 'CheckBatchRequest', {
        '200': json('CheckBatchResponse', 'one decision per item; an invalid item gets an invalid-input deny'),
        '400': json('ErrorBody', 'the body is not { items: [...] }'),
      }),
      '/v1/next-allowed': post('nextAllowed', 'The earliest allowed instant for an action', 'NextAllowedRequest', {
        '200': json('NextAllowedResponse', 'the instant, or null with the reasons'),
        '400': json('NextAllowedResponse', 'invalid input: the decision is an invalid-input deny'),
      }),
      '/v1/quota': post('quota', "What is left of the debtor's local day", 'QuotaRequest', {
        '200': json('QuotaResponse', 'the quota'),
        '400': json('QuotaResponse', 'invalid input: ok false, issues listed'),
      }),
      '/v1/ruleset': { get: { operationId: 'ruleset', summary: 'The profile, limits and rules in force', responses: { '200': json('Ruleset', 'the ruleset'), '401': errors['401'], '503': errors['503'] } } },
      // Served only with --ledger; 404 without it.
      '/v1/reserve': post('reserve', 'Decide with the shared ledger and, when allowed, hold the action (serve --ledger only)', 'ReserveRequest', {
        '200': json('ReserveResponse', 'allowed (with a reservationId) or denied'),
        '400': json('ReserveResponse', 'invalid input: the decision is an invalid-input deny'),
        '404': json('ErrorBody', 'the sidecar runs without --ledger'),
        '503': { description: 'the ledger store is down (a ledger-unavailable deny: do not act), or too many open connections', content: { 'application/json': { schema: { oneOf: [ref('ReserveResponse'), ref('ErrorBody')] } } } },
      }),
      '/v1/commit': post('commit', 'Record what a reserved action did; idempotent (serve --ledger only)', 'CommitRequest', ledgerAnswers('CommitResponse')),
      '/v1/release': post('release', 'Give back a reservation not used; idempotent (serve --ledger only)', 'ReleaseRequest', ledgerAnswers('ReleaseResponse')),
      '/healthz': { get: { operationId: 'healthz', summary: 'Liveness (no token needed)', security: [{}], responses: { '200': json('Health', 'the sidecar is up'), '503': errors['503'] } } },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'when the sidecar runs with --token-file' } },
      schemas: { ...components(inputs, 'input'), ...components(outputs, 'output') },
    },
  };
}

/** schemas/openapi.json's text. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
