/**
 * Reports show the local time the rules judged at: Beijing time for every mainland China zone (GUIDELINE.md,
 * "Time"), so that a debtor recorded in Asia/Urumqi (UTC+6) called at 22:30 Beijing time is reported at
 * 22:30, the hour collection-hours denied, not at 20:30.
 */
import { describe, expect, it } from 'vitest';
import { auditSync, findingRows, formatFinding, renderSummary, summarize, type AuditVerdict } from '../../src/index.js';
import { record } from './support.js';

const reminder = { channel: 'sms' as const, purpose: 'reminder' as const };
const log = [
  record('2026-11-30T22:30:00+08:00', { zone: 'Asia/Urumqi', outcome: 'delivered', id: 'U1', action: reminder }),
  record('2026-12-01T07:30:00+06:00', { zone: 'Asia/Urumqi', debtor: 'D2', outcome: 'delivered', id: 'U2', action: reminder }),
  record('2026-11-30T22:30:00+09:00', { zone: 'Asia/Tokyo', debtor: 'D3', outcome: 'delivered', id: 'T1', action: reminder }),
];

describe('reports give the local time the rules judged at', () => {
  const verdicts: AuditVerdict[] = [...auditSync(log)];
  const summary = summarize(verdicts);

  it('an Asia/Urumqi debtor is reported at Beijing time: the verdict, its finding and the hour chart', () => {
    const [urumqi, morning, tokyo] = verdicts;
    // 22:30 Beijing time (20:30 in UTC+6): denied, and reported at 22:30 +08:00.
    expect(urumqi?.violations.map((v) => [v.rule, v.facts.localTime, v.facts.timeZone])).toEqual([['collection-hours', '22:30', 'Asia/Shanghai']]);
    expect(urumqi).toMatchObject({ localAt: '2026-11-30T22:30:00+08:00', localHour: 22 });
    // 07:30 in UTC+6 is 09:30 Beijing time: allowed, and counted in hour 9.
    expect(morning).toMatchObject({ outcome: 'allow', localAt: '2026-12-01T09:30:00+08:00', localHour: 9 });
    // Outside the mainland a debtor's own clock: 22:30 in Tokyo.
    expect(tokyo).toMatchObject({ localAt: '2026-11-30T22:30:00+09:00', localHour: 22 });

    const rows = findingRows(urumqi!);
    expect(rows.map((r) => r.localAt)).toEqual(['2026-11-30T22:30:00+08:00']);
    expect(formatFinding(rows[0]!, 'csv')).toContain(',2026-11-30T22:30:00+08:00,');
    expect(summary.byLocalHour.map((n, h) => [h, n]).filter(([, n]) => n! > 0)).toEqual([[22, 2]]);

    const html = renderSummary(summary, { format: 'html' });
    expect(html).toMatch(/data-key="22" data-count="2"/);
    expect(html).toMatch(/data-key="20" data-count="0"/);
  });

  it('a mainland zone given to the report shows Beijing time, named as such; another zone its own', () => {
    const period = { from: '2026-11-30T22:30:00+08:00', to: '2026-12-01T09:30:00+08:00' };
    expect(summary.period).toEqual({ from: '2026-11-30T22:30:00+09:00', to: '2026-12-01T07:30:00+06:00' });
    for (const zone of ['Asia/Urumqi', 'Asia/Kashgar', 'PRC', 'asia/shanghai', undefined]) {
      const csv = renderSummary(summary, { format: 'csv', ...(zone === undefined ? {} : { timeZone: zone }) });
      expect(csv).toContain('period,from,2026-11-30T21:30:00+08:00');
      expect(csv).toContain(`period,to,${period.to}`);
      const html = renderSummary(summary, { format: 'html', ...(zone === undefined ? {} : { timeZone: zone }) });
      expect(html).toContain('2026-11-30 21:30:00 … 2026-12-01 09:30:00 (Beijing time, UTC+08:00)');
      expect(renderSummary(summary, { format: 'html', locale: 'zh-CN', ...(zone === undefined ? {} : { timeZone: zone }) })).toContain('（北京时间，UTC+08:00）');
      expect(renderSummary(summary, { ...(zone === undefined ? {} : { timeZone: zone }) })).toMatch(/2026-11-30T21:30:00\+08:00 … 2026-12-01T09:30:00\+08:00/);
    }
    // Not mainland China: the zone's own clock and name.
    expect(renderSummary(summary, { format: 'csv', timeZone: 'Asia/Tokyo' })).toContain('period,from,2026-11-30T22:30:00+09:00');
    expect(renderSummary(summary, { format: 'html', timeZone: 'Asia/Tokyo' })).toContain('(Asia/Tokyo, UTC+09:00)');
  });
});
