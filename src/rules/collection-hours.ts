import { readingDate, readingTime } from '../core/facts.js';
import { clauses } from '../core/clauses.js';
import { readingsOutsideWindow } from '../core/limits-at.js';
import { agreedWindowsGovern } from '../core/windows.js';
import { defineRule, evidence } from '../core/define-rule.js';

export default defineRule({
  id: 'collection-hours',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.collectionHours,
  evidence: evidence('seed, press', 'Read in the zone of the person approached, Beijing time for every mainland China zone and alias; 22:00:00 is inside the ban and 08:00:00 outside it; only an agreement in force with at least one window lifts it, and only toward the debtor.'),
  description: {
    zh: '未与债务人约定催收时间的，每日22:00至次日08:00不得以任何方式催收（按被联系人当地时间）。',
    en: 'Without an agreed collection time, no collection by any channel from 22:00 to 08:00 the next day, local time of the person approached.',
  },
  messages: {
    'outside-default-window': {
      zh: '当地时间 {localTime}（{timeZone}）不在允许的催收时段 {windowStart}–{windowEnd} 内。',
      en: 'Local time {localTime} ({timeZone}) is outside the allowed collection window {windowStart}–{windowEnd}.',
    },
  },
  limits: ['windowStart', 'windowEnd'],
  dated: ['context.agreement.validFrom', 'context.agreement.validUntil'],
  appliesTo: (f) => !agreedWindowsGovern(f),
  // Every candidate zone must be inside the window (debtor.timeZones): one violation per zone outside it.
  check: (f, limits, report) =>
    readingsOutsideWindow(f, limits)
      .map((r) =>
        report.violation('outside-default-window', {
          localTime: readingTime(r),
          localDate: readingDate(r),
          timeZone: r.zone,
          windowStart: limits.windowStart,
          windowEnd: limits.windowEnd,
        }),
      ),
});
