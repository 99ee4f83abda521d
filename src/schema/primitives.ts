import { z } from 'zod';
import { isValidTimeZone, judgingTimeZone, parseClock, readInstant } from '../core/time.js';

/** An ISO 8601 instant with an offset or `Z`; a local time without an offset is refused. */
export const Instant = z
  .string()
  .refine((s) => !Number.isNaN(readInstant(s)), {
    error: 'expected an ISO 8601 instant with an offset or Z, e.g. 2026-11-30T10:00:00+08:00',
    params: { zh: '应为带时区偏移或 Z 的 ISO 8601 时间，例如 2026-11-30T10:00:00+08:00' },
  })
  // For JSON Schema only (parsing is the refinement above): what non-TypeScript callers can check.
  .meta({
    pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$',
    description: 'ISO 8601 instant with an offset or Z, e.g. 2026-11-30T10:00:00+08:00',
  });

/**
 * An IANA time zone name or alias that the runtime knows, in any letter case. Validation turns it into the
 * zone it is judged in, once: the canonical name (`asia/shanghai`, `PRC` → `Asia/Shanghai`), and Beijing
 * time for every mainland China zone (`Asia/Urumqi`, `Asia/Kashgar` → `Asia/Shanghai`; GUIDELINE.md, "Time").
 */
export const TimeZone = z
  .string()
  .refine(isValidTimeZone, { error: 'expected an IANA time zone name, e.g. Asia/Shanghai', params: { zh: '应为 IANA 时区名称，例如 Asia/Shanghai' } })
  .meta({ pattern: '^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$', description: 'IANA time zone name or alias, e.g. Asia/Shanghai or PRC; mainland China zones are judged at Beijing time' })
  .transform((zone) => judgingTimeZone(zone) ?? zone);

/** A local clock time `HH:mm`, 00:00–23:59. */
export const ClockTime = z
  .string()
  .refine((s) => !Number.isNaN(parseClock(s)), { error: 'expected a clock time HH:mm between 00:00 and 23:59', params: { zh: '应为 00:00 至 23:59 之间的 HH:mm 时间' } })
  .meta({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'local clock time HH:mm' });

/** An identifier: non-empty, at most 200 characters. */
export const Id = z.string().min(1).max(200);

export const Channel = z.enum(['voice', 'sms', 'im', 'email', 'letter', 'visit']);
export type Channel = z.infer<typeof Channel>;

export const TargetRole = z.enum(['debtor', 'guarantor', 'contact', 'third_party']);
export type TargetRole = z.infer<typeof TargetRole>;

export const Target = z
  .strictObject({ role: TargetRole, partyId: Id.optional() })
  .superRefine((target, ctx) => {
    if ((target.role === 'contact' || target.role === 'guarantor') && target.partyId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['partyId'], message: `partyId is required when role is "${target.role}"`, params: { zh: `role 为 "${target.role}" 时须提供 partyId` } });
    }
  });
export type Target = z.infer<typeof Target>;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * A collector's standing, one vocabulary for the per-action rule and the program assessment (5.2):
 * `active` collects; `suspended` is held off collection for now (e.g. flagged unfit by conduct monitoring);
 * `reassigned` is moved out of collection; `dismissed` has left. Only `active` may collect.
 */
export const CollectorStanding = z.enum(['active', 'suspended', 'reassigned', 'dismissed']);
export type CollectorStanding = z.infer<typeof CollectorStanding>;
