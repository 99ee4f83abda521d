/**
 * Masking helpers for showing personal information on screens and in logs (GB/T 45251—2025 5.5: personal
 * information is masked on display). Pure, total and idempotent: any string in, a masked string out, never
 * a throw; a value already masked comes out unchanged. Conventions and edge cases: docs/privacy.md.
 *
 * Every helper keeps at most the characters shown below and writes one `*` for every other character, so
 * the length of the value stays visible but nothing of its middle. Input too short for its kind (where the
 * kept ends would reveal most of it) is masked further, down to all `*`; input longer than
 * MASK_MAX_LENGTH characters is masked whole as that many `*`; a non-string gives ''.
 */

const MASK = '*';
const stars = (n: number): string => MASK.repeat(Math.max(0, n));

/** Longer input is no phone number, card or name: it is masked whole, as this many `*`, in constant time. */
export const MASK_MAX_LENGTH = 1_000;
const overlong = (text: string): boolean => text.length > MASK_MAX_LENGTH;

/** Removes the separators people type inside numbers: spaces, dashes, dots and parentheses. */
const compact = (text: string): string => text.replace(/[\s\-.()\u00a0\u3000]/g, '');

/** `keepStart` leading and `keepEnd` trailing characters kept, every other one masked. */
function keepEnds(chars: string, keepStart: number, keepEnd: number): string {
  return chars.slice(0, keepStart) + stars(chars.length - keepStart - keepEnd) + chars.slice(chars.length - keepEnd);
}

/**
 * A phone number: `13812348000` → `138****8000` (the first 3 and last 4 digits of 11 or more). A
 * mainland number written with +86 or 0086 keeps that prefix: `+86 138 1234 8000` → `+86 138****8000`.
 * 7 to 10 digits: the last 4 only (`12345678` → `****5678`); fewer than 7: all masked. Anything that is
 * not a number (letters, other symbols) is masked whole.
 */
export function maskPhone(phone: string): string {
  if (typeof phone !== 'string') return '';
  if (overlong(phone)) return stars(MASK_MAX_LENGTH);
  const text = compact(phone);
  const mainland = /^(\+86|0086)(1[\d*]{10})$/.exec(text);
  if (mainland !== null) return `+86 ${keepEnds(mainland[2] as string, 3, 4)}`;
  const plus = text.startsWith('+') ? '+' : '';
  const digits = text.slice(plus.length);
  if (!/^[\d*]+$/.test(digits)) return stars(text.length);
  if (digits.length >= 11) return plus + keepEnds(digits, 3, 4);
  if (digits.length >= 7) return plus + keepEnds(digits, 0, 4);
  return plus + stars(digits.length);
}

/**
 * A resident identity card number: 18 characters (`110101199003071234` → `110***********1234`) or the
 * old 15 digits: the first 3 (the province and city) and the last 4 kept, a final `x` written `X`.
 * 8 to 14 characters: the last 4 only; fewer than 8, or anything but digits and a final X: all masked.
 */
export function maskIdCard(id: string): string {
  if (typeof id !== 'string') return '';
  if (overlong(id)) return stars(MASK_MAX_LENGTH);
  const text = compact(id).toUpperCase();
  if (!/^[\d*]+X?$/.test(text)) return stars(text.length);
  if (text.length >= 15) return keepEnds(text, 3, 4);
  if (text.length >= 8) return keepEnds(text, 0, 4);
  return stars(text.length);
}

/** Groups of 4 from the left, separated by spaces, as bank cards are printed. */
const groupsOf4 = (chars: string): string => chars.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * A bank card number: `6222021234561234` → `6222 **** **** 1234`: the first 4 and last 4 digits of 12 or
 * more, the masked middle in groups of 4 (19 digits: `6222 **** **** *** 4567`). 8 to 11 digits: the
 * last 4 only (`**** 5678`); fewer than 8, or anything but digits (and `*`): all masked, in groups of 4.
 */
export function maskBankCard(card: string): string {
  if (typeof card !== 'string') return '';
  if (overlong(card)) return groupsOf4(stars(MASK_MAX_LENGTH));
  const text = compact(card);
  if (!/^[\d*]+$/.test(text) || !/\d/.test(text) || text.length < 8) return groupsOf4(stars(text.length));
  const kept = text.length >= 12 ? 4 : 0;
  const head = kept === 0 ? '' : `${text.slice(0, kept)} `;
  return `${head}${groupsOf4(stars(text.length - kept - 4))} ${text.slice(-4)}`;
}

/**
 * A person's name: the first character kept, every other masked: `张三` → `张*`, `欧阳娜娜` → `欧***`.
 * A name in parts (`John Smith`, `阿依古丽·买买提`) keeps the first character of each part and its
 * separators: `J*** S****`, `阿***·买**`. A one-character name or part is masked whole (`张` → `*`,
 * `J Smith` → `* S****`): its first character would be all of it. Characters
 * are code points, so a rare character outside the BMP counts once. Surrounding spaces are trimmed and
 * runs of spaces become one.
 */
export function maskName(name: string): string {
  if (typeof name !== 'string') return '';
  if (overlong(name)) return stars(MASK_MAX_LENGTH);
  return name
    .trim()
    .replace(/\s+/g, ' ')
    .split(/([ ·•・-])/u)
    .map((part, i) => (i % 2 === 1 ? part : maskNamePart(part)))
    .join('');
}

function maskNamePart(part: string): string {
  const chars = Array.from(part);
  return chars.length <= 1 ? stars(chars.length) : (chars[0] as string) + stars(chars.length - 1);
}
