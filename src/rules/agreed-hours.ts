import { readingDate, readingTime } from '../core/facts.js';
import { clauses } from '../core/clauses.js';
import { formatMinuteOfDay } from '../core/time.js';
import { readingsOutsideWindow } from '../core/limits-at.js';
import { agreedWindowsGovern } from '../core/windows.js';
import { defineRule, evidence } from '../core/define-rule.js';

export default defineRule({
  id: 'agreed-hours',
  // Waiting can change the answer (a window opens, a day's count resets, an attestation starts or lapses).
  timeDependent: true,
  clause: clauses.agreedHours,
  evidence: evidence('press; interp for "also in daytime"', 'Agreed windows replace the default window toward the debtor while the agreement is in force (bounds inclusive), in daytime too; guarantors and contacts never get the debtor\'s windows.'),
  description: {
    zh: '与债务人约定了催收时间的，约定优先：对债务人的催收须在约定时段内进行（白天亦然）。',
    en: 'A collection time agreed with the debtor takes priority: actions toward the debtor must fall inside an agreed window, in daytime too.',
  },
  messages: {
    'outside-agreed-window': {
      zh: '债务人当地时间 {localTime}（{timeZone}，星期{weekday}）不在约定的催收时段内：{windows}。',
      en: "The debtor's local time {localTime} ({timeZone}, ISO weekday {weekday}) is outside the agreed windows: {windows}.",
    },
  },
  dated: ['context.agreement.validFrom', 'context.agreement.validUntil'],
  scope: { targetRoles: ['debtor'] },
  appliesTo: agreedWindowsGovern,
  // Every candidate zone of the debtor must be inside an agreed window: one violation per zone outside.
  // The readings are the debtor's (agreed windows govern only actions toward the debtor), tested by the
  // window test quota and the schedule search use.
  check: (f, limits, report) =>
    readingsOutsideWindow(f, limits)
      .map((r) =>
        report.violation('outside-agreed-window', {
          localTime: readingTime(r),
          localDate: readingDate(r),
          weekday: r.weekday,
          timeZone: r.zone,
          windows: f.agreedWindows.map((w) => `${formatMinuteOfDay(w.startMinute)}–${formatMinuteOfDay(w.endMinute)}${w.days === null ? '' : ` [${w.days.join(',')}]`}`),
        }),
      ),
});
