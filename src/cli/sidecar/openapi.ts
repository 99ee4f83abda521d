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
import { Context } from '../../schema/context.js';
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
export const ErrorBody = z.strictObject({
  error: z.looseObject({ code: z.string(), message: z.string() }).describe('code and message, and for some codes more fields (issues, limit, items)'),
});

// The answers the sidecar sends are the library's own types: these lines fail to compile if they drift
// (a field added to, or missing from, either side), in both directions.
type Assignable<A, B extends A> = B;
export type _QuotaMatches = Assignable<z.output<typeof QuotaResponse>, QuotaResult & { issues: { path: string; message: string }[] }>;
export type _QuotaMatchesBack = Assignable<NonNullable<QuotaResult['quota']>, NonNullable<z.output<typeof QuotaResponse>['quota']>>;
export type _ScheduleMatches = Assignable<z.output<typeof NextAllowedResponse>, ScheduleResult & { reasons: z.output<typeof Finding>[] }>;
export type _ScheduleMatchesBack = Assignable<Omit<ScheduleResult, 'decision' | 'reasons'>, Omit<z.output<typeof NextAllowedResponse>, 'decision' | 'reasons'>>;

const inputs = { Context, Action, CheckRequest, CheckBatchRequest, NextAllowedRequest, QuotaRequest } as const;
const outputs = { Decision, FactValue, CheckBatchResponse, NextAllowedResponse, QuotaResponse, Ruleset, Health, ErrorBody } as const;

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
  const post = (operationId: string, summary: string, request: string, ok: Record<string, unknown>) => ({
    post: { operationId, summary, requestBody: { required: true, content: { 'application/json': { schema: ref(request) } } }, responses: { ...ok, ...errors } },
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
