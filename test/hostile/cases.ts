/**
 * The hostile inputs of issue 15, as builders shared by test/hostile/, the fuzz targets and the bench:
 * each is the smallest input that reproduced a breakage.
 */
import type { ActionInput, ContextInput } from '../../src/index.js';
import { action, context } from '../support/fixtures.js';

/** Eight zones with odd offsets (the 2.4 KB request that blocked the sidecar for 36 s). */
export const ODD_ZONES = [
  'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu', 'America/St_Johns',
  'Asia/Kolkata', 'Australia/Eucla', 'Pacific/Chatham', 'Asia/Tehran',
] as const;

/** Eight zones that share one offset: the windows' intersection is open every day (the most candidates). */
export const SAME_OFFSET_ZONES = [
  'Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Macau', 'Asia/Singapore', 'Asia/Manila', 'Asia/Kuala_Lumpur', 'Australia/Perth',
] as const;

const clock = (minute: number): string => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** `count` one-minute agreed windows spread over the day, starting at 00:07 and every `step` minutes. */
export function oneMinuteWindows(count: number, step = 28): { start: string; end: string }[] {
  return Array.from({ length: count }, (_, i) => {
    const start = (7 + i * step) % 1440;
    return { start: clock(start), end: clock((start + 1) % 1440) };
  });
}

/**
 * The worst case of issue 15: eight candidate zones, fifty one-minute agreed windows, and a voice cap of 0
 * agreed (so no instant is ever allowed and the whole horizon must be searched).
 */
export function worstScheduleCase(zones: readonly string[] = ODD_ZONES, windows = oneMinuteWindows(50)): [ContextInput, ActionInput] {
  const [first, ...rest] = zones;
  return [
    context({
      debtor: { id: 'D1', timeZone: first as string, timeZones: rest },
      agreement: { ref: 'AG-1', windows, voiceDailyCap: 0 },
    } as Partial<ContextInput>),
    action({ at: '2026-11-30T23:00:00+08:00' }),
  ];
}
