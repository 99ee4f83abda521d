/**
 * A dialer process for the multi-process ledger tests: `node --import tsx test/ledger/worker.ts <json>`.
 * Modes: `burst` fires `count` concurrent reserves for one debtor, commits each allowed one as happened,
 * prints a summary line and exits; `hold` reserves `count` times, prints the ids and waits to be killed.
 */
import { createLedger, storeFromUrl } from '../../src/ledger/index.js';
import { action, context, visitAction } from '../support/fixtures.js';

interface Job {
  mode: 'burst' | 'hold';
  store: string;
  /** burst: one burst per entry, one after the other (each burst's reserves concurrent); hold: the first. */
  bursts: { debtorId: string; channel: 'voice' | 'visit' }[];
  count: number;
  clockOffsetMs: number;
  ttlMs: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const ledger = createLedger({ store: storeFromUrl(job.store), reservationTtlMs: job.ttlMs, maxAttempts: 100, now: () => Date.now() + job.clockOffsetMs });
const caseOf = (b: Job['bursts'][number]) => ({
  ctx: context({ debtor: { id: b.debtorId } }),
  act: (b.channel === 'visit' ? visitAction : action)({ target: { role: 'debtor', partyId: b.debtorId } }),
});

if (job.mode === 'burst') {
  const summaries = [];
  for (const burst of job.bursts) {
    const { ctx, act } = caseOf(burst);
    const results = await Promise.all(Array.from({ length: job.count }, () => ledger.reserve(ctx, act)));
    const allowed = results.filter((r) => r.reservationId !== null);
    await Promise.all(allowed.map((r) => ledger.commit(r.reservationId as string, { outcome: burst.channel === 'visit' ? 'completed' : 'connected' })));
    const denials: Record<string, number> = {};
    for (const r of results) if (r.reservationId === null) for (const v of r.decision.violations) denials[v.rule] = (denials[v.rule] ?? 0) + 1;
    summaries.push({ channel: burst.channel, allowed: allowed.length, denied: job.count - allowed.length, denials });
  }
  process.stdout.write(`${JSON.stringify(summaries)}\n`);
  await ledger.close();
} else {
  const { ctx, act } = caseOf(job.bursts[0] as Job['bursts'][number]);
  const ids: (string | null)[] = [];
  for (let i = 0; i < job.count; i += 1) ids.push((await ledger.reserve(ctx, act)).reservationId);
  process.stdout.write(`${JSON.stringify({ ids })}\n`);
  // Hold the reservations and the connections until killed: a dialer that crashed mid-call.
  setInterval(() => undefined, 60_000);
}
