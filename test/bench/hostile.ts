/**
 * Figures for docs/sidecar.md, "Limits and hardening" (issue 15): the work and time of the worst
 * scheduling requests, and memory after 100,000 spellings of one zone. A measuring script, not a test.
 *   npx tsx --expose-gc test/bench/hostile.ts
 */
import { memoSizes } from '../../src/core/memo.js';
import { scheduleAction } from '../../src/index.js';
import { isValidTimeZone, localParts, parseInstant } from '../../src/core/time.js';
import { ODD_ZONES, SAME_OFFSET_ZONES, worstScheduleCase } from '../hostile/cases.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

for (const [name, zones] of [['8 odd-offset zones (issue 15)', ODD_ZONES], ['8 zones of one offset', SAME_OFFSET_ZONES]] as const) {
  const [c, a] = worstScheduleCase(zones);
  const bytes = JSON.stringify({ context: c, action: a, horizonDays: 366 }).length;
  const times: number[] = [];
  let last = scheduleAction(c, a, { horizonDays: 366 });
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    last = scheduleAction(c, a, { horizonDays: 366 });
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  console.log(`${name}, 50 one-minute windows, 366 days (${bytes} B): status ${last.status}, ${last.work.checks} full checks, ${last.work.candidates} candidates, median ${times[2]?.toFixed(0)} ms, max ${times[4]?.toFixed(0)} ms`);
}

const ZONE = 'america/argentina/comodrivadavia';
const spelling = (n: number): string => {
  let bit = 0;
  return ZONE.replace(/[a-z]/g, (ch) => (((n >> bit++) & 1) === 1 ? ch.toUpperCase() : ch));
};
gc();
const base = process.memoryUsage();
const at = parseInstant('2026-11-30T10:00:00+08:00');
const marks: string[] = [];
for (let n = 0; n < 100_000; n += 1) {
  const zone = spelling(n);
  isValidTimeZone(zone);
  localParts(at + n * 60_000, zone);
  if ((n + 1) % 25_000 === 0) {
    gc();
    const m = process.memoryUsage();
    marks.push(`${n + 1}: rss +${((m.rss - base.rss) / 1e6).toFixed(0)} MB, heap +${((m.heapUsed - base.heapUsed) / 1e6).toFixed(1)} MB`);
  }
}
console.log(`100,000 spellings of one zone: ${marks.join('; ')}`);
console.log(`caches: ${memoSizes().map((m) => `${m.name} ${m.size}/${m.max}`).join(', ')}`);
