/**
 * `npm run bench`: B1–B5 of docs/benchmarks.md, in one process, on the package as built (`builtPackage`):
 * checkAction, the prepared path, the same national rules in json-rules-engine and in Cedar, and the
 * cost against history length. Prints a table and rewrites its section of docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { Engine, type TopLevelCondition } from 'json-rules-engine';
import { builtPackage, fmt, machine, measure, measureAsync, rate, replaceSection, type Stats } from './lib.js';
import { action, context, past } from '../support/fixtures.js';

const { checkAction, prepareCase, rules } = await builtPackage();

const history = (n: number) =>
  Array.from({ length: n }, (_, i) => past('voice', new Date(Date.UTC(2026, 10, 30, 1) - (i + 1) * 3_600_000 * 7).toISOString().replace('.000Z', 'Z'), i % 3 === 0 ? 'connected' : 'not_connected'));

const rows: string[][] = [];
const row = (id: string, what: string, s: Stats, note = '') => {
  rows.push([id, what, fmt(s.median), fmt(s.p99), rate(s.perSecond), note]);
  console.log(`${id.padEnd(4)} ${what.padEnd(72)} median ${fmt(s.median).padStart(8)} µs  p99 ${fmt(s.p99).padStart(8)} µs  ${rate(s.perSecond).padStart(8)}/s ${note}`);
};

// B1 / B2: 20 history entries, an allowed call (every rule runs, the record-keeping obligation is built).
const c20 = context({ history: history(20) });
const call = action();
if (checkAction(c20, call).outcome !== 'allow') throw new Error('B1 input should be allowed');
const b1 = measure(() => checkAction(c20, call));
row('B1', `checkAction, 20 history entries (validate + facts + the ${rules.length} rules)`, b1);
const prepared = prepareCase(c20);
const b2 = measure(() => prepared.check(call));
row('B2', 'prepareCase(context).check(action), same input', b2);

// B3: the national hours, caps, visit and contact rules in json-rules-engine, facts precomputed for it.
const fact = (f: string, operator: string, value: unknown) => ({ fact: f, operator, value: value as never });
const deny = (name: string, conditions: TopLevelCondition) => ({ name, conditions, event: { type: name } });
const jreRules = [
  deny('collection-hours', { any: [fact('minuteOfDay', 'lessThan', 480), fact('minuteOfDay', 'greaterThanInclusive', 1320)] }),
  deny('voice-daily-cap', { all: [fact('channel', 'equal', 'voice'), fact('targetRole', 'equal', 'debtor'), fact('voiceConnectedToday', 'greaterThanInclusive', 3)] }),
  deny('visit-daily-cap', { all: [fact('channel', 'equal', 'visit'), fact('targetRole', 'equal', 'debtor'), fact('visitsToday', 'greaterThanInclusive', 1)] }),
  deny('visit-staffing', { all: [fact('channel', 'equal', 'visit'), { any: [fact('staffCount', 'lessThan', 2), fact('staffCount', 'greaterThan', 3)] }] }),
  deny('visit-premises', { any: [fact('entersPrivateResidence', 'equal', true), fact('entersOfficeArea', 'equal', true)] }),
  deny('contact-precondition', { all: [fact('targetRole', 'equal', 'contact'), fact('debtorReachable', 'equal', true), fact('debtorDeceased', 'equal', false), fact('legalCapacity', 'equal', 'full')] }),
  deny('contact-purpose', { all: [fact('targetRole', 'equal', 'contact'), fact('purpose', 'notIn', ['locate_debtor', 'relay_message'])] }),
  deny('contact-disclosure', { all: [fact('targetRole', 'equal', 'contact'), { any: [fact('disclosures', 'contains', 'debt_amount'), fact('disclosures', 'contains', 'overdue_duration'), fact('disclosures', 'contains', 'debt_details')] }] }),
];
const engine = new Engine(jreRules);
const jreFacts = {
  minuteOfDay: 600, channel: 'voice', targetRole: 'debtor', voiceConnectedToday: 1, visitsToday: 0, staffCount: 0,
  entersPrivateResidence: false, entersOfficeArea: false, debtorReachable: true, debtorDeceased: false, legalCapacity: 'full',
  purpose: 'demand_payment', disclosures: [] as string[],
};
const sanity = await engine.run(jreFacts);
if (sanity.events.length !== 0) throw new Error('json-rules-engine rules should allow the B3 input');
if ((await engine.run({ ...jreFacts, minuteOfDay: 1380 })).events[0]?.type !== 'collection-hours') throw new Error('json-rules-engine rules should deny 23:00');
const b3 = await measureAsync(() => engine.run(jreFacts));
row('B3', 'json-rules-engine 7, 8 national rules, facts precomputed', b3, `ours (B1) ${fmt(b3.median / b1.median, 1)}× faster; prepared (B2) ${fmt(b3.median / b2.median, 1)}×`);

// The facts the 8 rules read, derived per call from the same raw context and action that B1 hands to
// checkAction, as an integrator would write it: nothing cached across calls, no code of ours reused. The
// local day and minute come from one Intl.DateTimeFormat per call in the debtor's zone, reused for the
// action and each history entry of that call.
type RawHistory = { channel: string; at: string; outcome: string; direction?: string; target: { role: string } };
const localDayAndMinute = (format: Intl.DateTimeFormat, at: string) => {
  const parts = format.formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
};
const perCallFacts = (ctx: typeof c20, act: typeof call) => {
  const zone = ctx.debtor.timeZone;
  if (zone === undefined) throw new Error('debtor.timeZone is required');
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const now = localDayAndMinute(format, act.at);
  let voiceConnectedToday = 0;
  let visitsToday = 0;
  for (const h of (ctx.history ?? []) as RawHistory[]) {
    if (h.target.role !== 'debtor' || localDayAndMinute(format, h.at).day !== now.day) continue;
    if (h.channel === 'voice' && h.outcome === 'connected' && (h.direction ?? 'outbound') === 'outbound') voiceConnectedToday += 1;
    if (h.channel === 'visit') visitsToday += 1;
  }
  const debtor = ctx.debtor as { reachable?: boolean; deceased?: boolean; legalCapacity?: string };
  const visit = (act as { visit?: { staffCount: number; entersPrivateResidence: boolean; entersOfficeArea: boolean } }).visit;
  return {
    minuteOfDay: now.minute, channel: act.channel, targetRole: act.target.role, voiceConnectedToday, visitsToday,
    staffCount: visit?.staffCount ?? 0, entersPrivateResidence: visit?.entersPrivateResidence ?? false, entersOfficeArea: visit?.entersOfficeArea ?? false,
    debtorReachable: debtor.reachable ?? true, debtorDeceased: debtor.deceased ?? false, legalCapacity: debtor.legalCapacity ?? 'full',
    purpose: act.purpose, disclosures: act.disclosures ?? [],
  };
};
const late = action({ at: '2026-11-30T23:00:00+08:00' });
if ((await engine.run(perCallFacts(c20, call))).events.length !== 0) throw new Error('json-rules-engine, facts per call, should allow the B1 input');
if ((await engine.run(perCallFacts(c20, late))).events[0]?.type !== 'collection-hours') throw new Error('json-rules-engine, facts per call, should deny 23:00');
const b3p = await measureAsync(() => engine.run(perCallFacts(c20, call)));
row('B3p', 'json-rules-engine 7, 8 national rules, facts derived per call from B1\'s input', b3p, `ours (B1) ${fmt(b3p.median / b1.median, 1)}× faster; prepared (B2) ${fmt(b3p.median / b2.median, 1)}×`);

// B4: hours and voice cap in Cedar, preparsed policy set, minute and today's count precomputed.
const policies = `permit(principal, action == Action::"collect", resource) when {
  context.minuteOfDay >= 480 && context.minuteOfDay < 1320 && (context.channel != "voice" || context.voiceConnectedToday < 3)
};`;
const parsed = cedar.preparsePolicySet('national', { staticPolicies: policies });
if (parsed.type !== 'success') throw new Error(`Cedar policy: ${JSON.stringify(parsed)}`);
const cedarCall = (minuteOfDay: number, voiceConnectedToday: number) =>
  cedar.statefulIsAuthorized({
    principal: { type: 'Collector', id: 'E1' }, action: { type: 'Action', id: 'collect' }, resource: { type: 'Debtor', id: 'D1' },
    context: { minuteOfDay, voiceConnectedToday, channel: 'voice' }, preparsedPolicySetId: 'national', entities: [],
  });
const allowed = cedarCall(600, 1);
const denied = cedarCall(1380, 1);
if (allowed.type !== 'success' || allowed.response.decision !== 'allow' || denied.type !== 'success' || denied.response.decision !== 'deny') throw new Error('Cedar sanity check failed');
const b4 = measure(() => cedarCall(600, 1), { warmup: 5_000, samples: 30_000 });
row('B4', 'Cedar (cedar-wasm 4.13) hours + voice cap, preparsed, facts precomputed', b4, `ours (B1) ${fmt(b4.median / b1.median, 1)}× faster; prepared (B2) ${fmt(b4.median / b2.median, 1)}×`);

// B4 per call: the same facts derived per call, then Cedar's entities (collector, organization, debtor),
// context and request built per call from the raw input; the policy set stays preparsed.
const cedarPerCall = (ctx: typeof c20, act: typeof call) => {
  const f = perCallFacts(ctx, act);
  const actor = act.actor as { kind: string; collector?: { id: string }; ai?: { id: string }; organization: { id: string; kind: string } };
  const principal = { type: 'Collector', id: actor.collector?.id ?? actor.ai?.id ?? 'unknown' };
  const organization = { type: 'Organization', id: actor.organization.id };
  const resource = { type: 'Debtor', id: ctx.debtor.id };
  const entities: cedar.EntityJson[] = [
    { uid: principal, attrs: { kind: actor.kind }, parents: [organization] },
    { uid: organization, attrs: { kind: actor.organization.kind }, parents: [] },
    { uid: resource, attrs: { timeZone: ctx.debtor.timeZone ?? '', reachable: f.debtorReachable, deceased: f.debtorDeceased, legalCapacity: f.legalCapacity }, parents: [] },
  ];
  return cedar.statefulIsAuthorized({
    principal, action: { type: 'Action', id: 'collect' }, resource,
    context: { minuteOfDay: f.minuteOfDay, voiceConnectedToday: f.voiceConnectedToday, channel: f.channel, targetRole: f.targetRole, purpose: f.purpose ?? '' },
    preparsedPolicySetId: 'national', entities,
  });
};
const allowedPerCall = cedarPerCall(c20, call);
const deniedPerCall = cedarPerCall(c20, late);
if (allowedPerCall.type !== 'success' || allowedPerCall.response.decision !== 'allow' || deniedPerCall.type !== 'success' || deniedPerCall.response.decision !== 'deny') throw new Error(`Cedar per-call sanity check failed: ${JSON.stringify([allowedPerCall, deniedPerCall])}`);
const b4p = measure(() => cedarPerCall(c20, call), { warmup: 5_000, samples: 30_000 });
row('B4p', 'Cedar hours + voice cap, preparsed, facts and entities built per call', b4p, `ours (B1) ${fmt(b4p.median / b1.median, 1)}× faster; prepared (B2) ${fmt(b4p.median / b2.median, 1)}×`);

// B5: cost against history length.
const growth: string[][] = [];
let first: { full: number; prep: number } | undefined;
for (const n of [10, 100, 1_000, 10_000]) {
  const c = context({ history: history(n) });
  const samples = n >= 10_000 ? 300 : n >= 1_000 ? 3_000 : 30_000;
  const full = measure(() => checkAction(c, call), { warmup: Math.ceil(samples / 5), samples });
  const p = prepareCase(c);
  const prep = measure(() => p.check(call), { warmup: 5_000, samples: 30_000 });
  first ??= { full: full.median, prep: prep.median };
  growth.push([String(n), fmt(full.median), `${fmt(full.median / first.full, 1)}×`, fmt(prep.median), `${fmt(prep.median / first.prep, 1)}×`]);
  console.log(`B5   history ${String(n).padStart(6)}: checkAction ${fmt(full.median).padStart(9)} µs (${fmt(full.median / first.full, 1)}×), prepared ${fmt(prep.median).padStart(6)} µs (${fmt(prep.median / first.prep, 1)}×)`);
}

const table = (head: string[], body: string[][]) => [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const section = `## Core: B1–B5

Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, with \`npm run bench\` (each call
timed on its own after a warm-up).

${table(['', 'what', 'median µs', 'p99 µs', 'per second', 'note'], rows)}

B5, median µs per check against history length (growth against 10 entries):

${table(['history', 'checkAction', 'growth', 'prepared', 'growth'], growth)}
`;
const path = new URL('../../docs/benchmarks.md', import.meta.url);
let doc: string;
try {
  doc = readFileSync(path, 'utf8');
} catch {
  doc = '# Benchmarks\n\nFigures from `npm run bench` (core and audit) and `npm run bench:sidecar`. Timing never decides a test.\n';
}
if (process.argv.includes('--write')) {
  writeFileSync(path, replaceSection(doc, 'core', section));
  console.log('\nwrote docs/benchmarks.md (core section)');
}
