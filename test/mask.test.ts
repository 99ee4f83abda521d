import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_MAX_LENGTH, maskBankCard, maskIdCard, maskName, maskPhone } from '../src/index.js';

const runs = { numRuns: 500 };
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** A value written with the separators people type: spaces and dashes between random chunks. */
const withSeparators = (value: string, cuts: readonly number[], seps: readonly string[]) => {
  let out = '';
  let last = 0;
  [...new Set(cuts.map((c) => c % (value.length + 1)))].sort((a, b) => a - b).forEach((cut, i) => {
    out += value.slice(last, cut) + (seps[i % seps.length] ?? ' ');
    last = cut;
  });
  return out + value.slice(last);
};
const separators = fc.tuple(fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.constantFrom(' ', '-', ' - '), { minLength: 1, maxLength: 3 }));

/** Positions that are not `*` in a masked value (spaces and the +86 prefix aside), as [index, character]. */
const shown = (masked: string) => [...masked].filter((ch) => ch !== '*' && ch !== ' ');

describe('maskPhone', () => {
  it.each([
    ['13812348000', '138****8000'],
    ['138-1234-8000', '138****8000'],
    ['138 1234 8000', '138****8000'],
    ['+86 138 1234 8000', '+86 138****8000'],
    ['0086 13812348000', '+86 138****8000'],
    ['010-12345678', '010****5678'],
    ['12345678', '****5678'],
    ['123456', '******'],
    ['', ''],
    ['call me', '******'],
  ])('%s → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it('keeps the first 3 and last 4 digits of 11 or more, masks every other digit, one * each', () => {
    fc.assert(
      fc.property(digits(11, 20), separators, (phone, [cuts, seps]) => {
        const masked = maskPhone(withSeparators(phone, cuts, seps));
        expect(masked).toBe(phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4));
      }),
      runs,
    );
  });

  it('reveals at most the last 4 of shorter numbers, and nothing of 6 digits or fewer', () => {
    fc.assert(
      fc.property(digits(0, 10), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(phone.length);
        expect(masked.slice(0, Math.max(0, phone.length - 4))).toBe('*'.repeat(Math.max(0, phone.length - 4)));
        if (phone.length < 7) expect(masked).toBe('*'.repeat(phone.length));
      }),
      runs,
    );
  });

  it('never throws, never shows more than 7 characters, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digits(0, 30), fc.string({ unit: 'grapheme' })), (input) => {
        const masked = maskPhone(input);
        expect(shown(masked.replace(/^\+86 /, '+')).filter((ch) => ch !== '+').length).toBeLessThanOrEqual(7);
        expect(maskPhone(masked)).toBe(masked);
      }),
      runs,
    );
    expect(maskPhone(undefined as unknown as string)).toBe('');
    expect(maskPhone(13812348000 as unknown as string)).toBe('');
  });
});

describe('maskIdCard', () => {
  it.each([
    ['110101199003071234', '110***********1234'],
    ['11010119900307123x', '110***********123X'],
    ['110101 19900307 1234', '110***********1234'],
    ['110101-19900307-1234', '110***********1234'],
    ['110101900307123', '110********7123'],
    ['12345678', '****5678'],
    ['1234567', '*******'],
    ['not an id', '*******'],
  ])('%s → %s', (input, expected) => {
    expect(maskIdCard(input)).toBe(expected);
  });

  it('keeps the first 3 and last 4 of an 18-character number, masking the birth date and sequence', () => {
    fc.assert(
      fc.property(digits(17, 17), fc.constantFrom('0', '7', 'X', 'x'), separators, (body, check, [cuts, seps]) => {
        const id = body + check;
        const masked = maskIdCard(withSeparators(id, cuts, seps));
        expect(masked).toHaveLength(18);
        expect(masked).toBe(`${id.slice(0, 3)}***********${id.slice(14).toUpperCase()}`);
        expect(masked).not.toContain(id.slice(6, 14)); // the birth date
      }),
      runs,
    );
  });

  it('never throws, never shows more than 7 characters, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digits(0, 25)), (input) => {
        const masked = maskIdCard(input);
        expect(shown(masked).length).toBeLessThanOrEqual(7);
        expect(maskIdCard(masked)).toBe(masked);
      }),
      runs,
    );
  });
});

describe('maskBankCard', () => {
  it.each([
    ['6222021234561234', '6222 **** **** 1234'],
    ['6222 0212 3456 1234', '6222 **** **** 1234'],
    ['6222-0212-3456-1234', '6222 **** **** 1234'],
    ['6222021234561234567', '6222 **** **** *** 4567'],
    ['12345678', '**** 5678'],
    ['1234567', '**** ***'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskBankCard(input)).toBe(expected);
  });

  it('keeps the first 4 and last 4 digits of 12 or more, the middle masked in groups of 4', () => {
    fc.assert(
      fc.property(digits(12, 24), separators, (card, [cuts, seps]) => {
        const masked = maskBankCard(withSeparators(card, cuts, seps));
        expect(masked.replaceAll(' ', '')).toBe(card.slice(0, 4) + '*'.repeat(card.length - 8) + card.slice(-4));
        expect(masked.split(' ').every((group) => group.length >= 1 && group.length <= 4)).toBe(true);
      }),
      runs,
    );
  });

  it('never throws, never shows more than 8 digits, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digits(0, 30)), (input) => {
        const masked = maskBankCard(input);
        expect(shown(masked).length).toBeLessThanOrEqual(8);
        expect(maskBankCard(masked)).toBe(masked);
      }),
      runs,
    );
  });
});

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['欧阳娜娜', '欧***'],
    ['张', '*'],
    ['  李四 ', '李*'],
    ['John Smith', 'J*** S****'],
    ['J Smith', '* S****'],
    ['阿依古丽·买买提', '阿***·买**'],
    ['Jean-Luc', 'J***-L**'],
    ['𠀋𠀋𠀋', '𠀋**'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  const hanzi = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)), minLength: 1, maxLength: 6 });

  it('keeps the first character of a Chinese name and masks every other one', () => {
    fc.assert(
      fc.property(hanzi, (name) => {
        const masked = maskName(name);
        expect(Array.from(masked)).toHaveLength(Array.from(name).length);
        expect(masked).toBe(name.length === 1 ? '*' : name[0] + '*'.repeat(name.length - 1));
      }),
      runs,
    );
  });

  it('never throws, shows at most the first character of each part, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), hanzi, fc.string({ unit: 'grapheme' })), (input) => {
        const masked = maskName(input);
        const parts = masked.split(/[ ·•・-]/u);
        for (const part of parts) expect(Array.from(part).slice(1).every((ch) => ch === '*')).toBe(true);
        expect(maskName(masked)).toBe(masked);
      }),
      runs,
    );
  });
});

describe('every mask', () => {
  const masks = [maskPhone, maskIdCard, maskBankCard, maskName];

  it('masks overlong input whole, in constant time, idempotently', () => {
    for (const input of ['1'.repeat(MASK_MAX_LENGTH + 1), 'a '.repeat(1_000_000), '*'.repeat(5_000_000)]) {
      for (const mask of masks) {
        const start = performance.now();
        const masked = mask(input);
        expect(performance.now() - start).toBeLessThan(200);
        expect(masked.replaceAll(' ', '')).toBe('*'.repeat(MASK_MAX_LENGTH));
        expect(mask(masked)).toBe(masked);
      }
    }
  });

  it('gives the empty string for what is not a string', () => {
    for (const mask of masks) for (const odd of [undefined, null, 42, {}, ['13812348000']]) expect(mask(odd as unknown as string)).toBe('');
  });
});
