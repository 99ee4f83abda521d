/**
 * `audit --workers N` (src/cli/parallel-audit.ts) gives the verdicts of the single-threaded audit, record
 * by record, in input order: across many debtors, with invalid records, records out of order against the
 * log and against their debtor, idle debtors forgotten, every channel and outcome, and under an overlay.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src/cli/commands/audit.js';
import { auditInWorkers } from '../../src/cli/parallel-audit.js';
import { audit, type AuditVerdict } from '../../src/index.js';
import { memoryIo } from './support.js';

const CHANNELS = ['voice', 'voice', 'voice', 'sms', 'visit'] as const;
const OUTCOMES = ['connected', 'not_connected', 'failed', 'completed', 'delivered'] as const;
const actor = { kind: 'human', collector: { id: 'E1' }, organization: { id: 'ORG1', kind: 'lender' } } as const;

/** A deterministic pseudo-random log: 3 000 records over 40 debtors and about four days, with defects. */
function log(): unknown[] {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed % n;
  };
  const out: unknown[] = [];
  let ms = Date.UTC(2026, 10, 28, 0);
  for (let i = 0; i < 3_000; i += 1) {
    ms += rand(240_000);
    if (i === 2_000) ms += 5 * 86_400_000; // a jump: every debtor idle long enough to be forgotten
    const debtor = `D${rand(40)}`;
    const channel = CHANNELS[rand(CHANNELS.length)] as (typeof CHANNELS)[number];
    let at = ms;
    const defect = rand(100);
    if (defect === 0) at -= 3 * 86_400_000; // too late for the log
    else if (defect === 1) at -= 30 * 60_000; // likely before the debtor's previous record
    const record = {
      id: `R${i}`,
      debtor: { id: debtor, timeZone: rand(4) === 0 ? 'America/New_York' : 'Asia/Shanghai' },
      debt: { id: `L-${debtor}`, status: 'overdue' },
      action: {
        channel,
        at: new Date(at).toISOString(),
        target: rand(10) === 0 ? { role: 'contact', partyId: 'C1' } : { role: 'debtor' },
        ...(channel === 'voice' ? { phoneRef: `P${rand(3)}` } : {}),
        ...(channel === 'visit' ? { visit: { staffCount: 2, entersPrivateResidence: false, entersOfficeArea: false } } : {}),
        actor,
      },
      outcome: OUTCOMES[rand(OUTCOMES.length)],
    };
    // A record that fails the schema, dated days ahead: the lines after it are behind its instant, which
    // must not count as the log's newest (the parallel audit's bound includes it until it is reported).
    if (defect === 3) out.push({ ...record, outcome: 'answered', action: { ...record.action, at: new Date(at + 4 * 86_400_000).toISOString() } });
    else out.push(defect === 2 ? { ...record, outcome: 'answered' } : record);
  }
  return out;
}

async function collect(run: AsyncIterable<AuditVerdict>): Promise<AuditVerdict[]> {
  const out: AuditVerdict[] = [];
  for await (const v of run) out.push(v);
  return out;
}

/** The verdicts of the parallel audit of these records, each handed over as its JSON text. */
async function inWorkers(records: readonly unknown[], options: Parameters<typeof auditInWorkers>[1], workers: number): Promise<AuditVerdict[]> {
  const out: AuditVerdict[] = [];
  // In uneven batches, as a reader hands them over.
  const texts = records.map((r) => JSON.stringify(r));
  const batches: string[][] = [];
  for (let at = 0, size = 1; at < texts.length; at += size, size = (size * 7) % 997 + 1) batches.push(texts.slice(at, at + size));
  for await (const results of auditInWorkers(batches, options, workers)) {
    for (const result of results) {
      if (!('verdict' in result)) throw new Error(`a record came back without its verdict: ${JSON.stringify(result)}`);
      out.push(result.verdict);
    }
  }
  return out;
}

describe('the parallel audit', () => {
  const records = log();

  it('gives the single-threaded verdicts, record by record, on 1 and 3 workers', async () => {
    const single = await collect(audit(records));
    expect(single.filter((v) => v.inputError !== undefined).length).toBeGreaterThan(30);
    expect(single.filter((v) => v.violations.length > 0).length).toBeGreaterThan(100);
    for (const workers of [1, 3]) expect(await inWorkers(records, {}, workers)).toEqual(single);
  }, 120_000);

  it('a log out of time order throughout, more lines than are ever in flight: every record behind its bound waits for an answer, and the verdicts are still the single-threaded ones', async () => {
    // Time runs backwards, a minute a line, over 6 000 lines: the log's newest record is the first one,
    // so after two days every record is late against the log (and each asks the main thread).
    const backwards = Array.from({ length: 6_000 }, (_, i) => {
      const record = records[i % records.length] as { action: Record<string, unknown> };
      return { ...record, action: { ...record.action, at: new Date(Date.UTC(2026, 10, 30) - i * 60_000).toISOString() } };
    });
    const single = await collect(audit(backwards));
    expect(single.filter((v) => v.inputError?.issues[0]?.message.includes('newest record')).length).toBeGreaterThan(3_000);
    expect(await inWorkers(backwards, {}, 2)).toEqual(single);
  }, 120_000);

  it('holds at most its bound of text in flight, plus one line; bounded to one line at a time, the verdicts are the same', async () => {
    const some = records.slice(0, 400);
    const texts = some.map((r) => JSON.stringify(r));
    const longest = Math.max(...texts.map((t) => t.length));
    // Unbounded in text (the default is megabytes), several lines are in flight at once.
    const free = auditInWorkers([texts], {}, 2);
    for await (const _ of free) void _;
    expect(free.peakInFlightChars).toBeGreaterThan(2 * longest);
    const bounded = auditInWorkers([texts], {}, 2, { maxInFlightChars: 1 });
    const verdicts: AuditVerdict[] = [];
    for await (const results of bounded) for (const r of results) if ('verdict' in r) verdicts.push(r.verdict);
    expect(bounded.peakInFlightChars).toBeLessThanOrEqual(longest);
    expect(verdicts).toEqual(await collect(audit(some)));
  }, 120_000);

  it('under an overlay too', async () => {
    const options = { overlay: { voiceDailyCap: 1 } };
    expect(await inWorkers(records, options, 2)).toEqual(await collect(audit(records, options)));
  }, 120_000);

  it('the CLI gives the same summary, stderr and verdict stream with --workers 2 as with one thread, unreadable lines included', async () => {
    const texts = records.map((r) => JSON.stringify(r));
    // Lines that hold no record, spread through the log, and records routed only by parsing (an escaped key).
    texts.splice(5, 0, '{"debtor": {"id": "D1"');
    texts.splice(100, 0, '');
    texts.splice(200, 0, `{"note":"${'x'.repeat(2_000)}"}`);
    texts.splice(300, 0, JSON.stringify(records[299]).replace('"debtor"', '"deb\\u0074or"'));
    texts.splice(2_999, 0, 'not json');
    // Beyond ASCII (a chunk of UTF-8), a line ended by CRLF, one led by spaces, one by a byte-order mark.
    texts.splice(600, 0, JSON.stringify(records[599]).replace('"debtor":{"id":"', '"debtor":{"id":"债务人'));
    texts.splice(700, 1, `${texts[700] as string}\r`);
    texts.splice(800, 1, `  ${texts[800] as string}`);
    texts.splice(900, 1, `\uFEFF${texts[900] as string}`);
    const bytes = Buffer.concat([Buffer.from(texts.slice(0, 400).join('\n')), Buffer.from([0x0a, 0xff, 0xfe, 0x0a]), Buffer.from(`${texts.slice(400).join('\n')}\n`)]);
    // In chunks of uneven sizes, as a file is read: lines cut by a chunk's end, chunks of ASCII, of UTF-8
    // and one that is not UTF-8.
    const chunks: Buffer[] = [];
    for (let at = 0, size = 5_000; at < bytes.length; at += size, size = (size * 7) % 30_011 + 700) chunks.push(bytes.subarray(at, at + size));
    const run = async (workers: number, needsEveryVerdict = true) => {
      const io = memoryIo(process.cwd());
      const seen: [number, AuditVerdict][] = [];
      const hooks = { needsEveryVerdict, onVerdict: (v: AuditVerdict, line: number) => void seen.push([line, v]) };
      const result = await auditLog(io.io, { stream: Readable.from(chunks), size: null, bytesRead: () => 0 }, {}, { workers, maxLineBytes: 1_024, hooks });
      return { result, stderr: io.stderr(), seen };
    };
    const one = await run(1);
    expect(one.result.summary.inputErrors).toBeGreaterThan(30);
    expect(one.stderr).toContain('invalid JSON');
    expect(one.stderr).toContain('not valid UTF-8');
    expect(one.stderr).toContain('longer than 1024 bytes');
    const two = await run(2);
    expect(two.result).toEqual(one.result);
    expect(two.stderr).toBe(one.stderr);
    expect(two.seen).toEqual(one.seen);
    // The verdicts without an input error kept and summarised in the workers: the same summary and stderr.
    const kept = await run(2, false);
    expect(kept.result).toEqual(one.result);
    expect(kept.stderr).toBe(one.stderr);
    expect(kept.seen).toEqual(one.seen.filter(([, v]) => v.inputError !== undefined));
  }, 120_000);
});
