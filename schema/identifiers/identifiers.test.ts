import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, nhsNumberCheckDigit, nhsNumberProblem, normaliseNhsNumber } from './nhs-number.js';
import { isValidUpn, upnCheckLetter, upnProblem } from './upn.js';

const nineDigits = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((d) => d.join(''));
const validNhsNumber = nineDigits
  .filter((nine) => nhsNumberCheckDigit(nine) !== null)
  .map((nine) => `${nine}${nhsNumberCheckDigit(nine)}`);

describe('NHS number', () => {
  it('accepts published examples and rejects their neighbours', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(nhsNumberProblem('9434765918')).toBe('CHECK_DIGIT_MISMATCH');
    expect(nhsNumberProblem('943476591')).toBe('NOT_TEN_DIGITS');
    expect(nhsNumberProblem('94347659A9')).toBe('NOT_TEN_DIGITS');
  });

  it('rejects numbers whose check digit would be 10', () => {
    const nine = fc.sample(
      nineDigits.filter((n) => nhsNumberCheckDigit(n) === null),
      { numRuns: 1, seed: 1 },
    )[0]!;
    for (let digit = 0; digit <= 9; digit += 1)
      expect(nhsNumberProblem(`${nine}${digit}`)).toBe('UNISSUABLE');
  });

  it('every number built with its check digit validates', () => {
    fc.assert(fc.property(validNhsNumber, (n) => isValidNhsNumber(n)));
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(
        validNhsNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (n, at, delta) => {
          const changed = n.slice(0, at) + ((Number(n[at]) + delta) % 10) + n.slice(at + 1);
          return !isValidNhsNumber(changed);
        },
      ),
    );
  });

  it('catches transpositions of adjacent different digits', () => {
    fc.assert(
      fc.property(validNhsNumber, fc.integer({ min: 0, max: 8 }), (n, at) => {
        fc.pre(n[at] !== n[at + 1]);
        const swapped = n.slice(0, at) + n[at + 1] + n[at] + n.slice(at + 2);
        return !isValidNhsNumber(swapped);
      }),
    );
  });

  it('normalises spaces and dashes only', () => {
    expect(normaliseNhsNumber('943-476 5919')).toBe('9434765919');
  });
});

const twelve = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }),
    fc.integer({ min: 0, max: 9 }),
  )
  .map(([digits, last]) => `${digits.join('')}${last}`);
const validUpn = twelve.map((rest) => `${upnCheckLetter(rest)}${rest}`);

describe('UPN', () => {
  it('computes the check letter from weights 2..13 mod 23 without I, O, S', () => {
    // 8 7 3 1 2 3 4 5 6 7 8 9 weighted 2..13: 16+21+12+5+12+21+32+45+60+77+96+117 = 514; 514 mod 23 = 8 → 'J'
    expect(upnCheckLetter('873123456789')).toBe('J');
    expect(isValidUpn('J873123456789')).toBe(true);
    expect(upnProblem('K873123456789')).toBe('CHECK_LETTER_MISMATCH');
    expect(upnProblem('J87312345678')).toBe('BAD_FORMAT');
    expect(upnProblem('I873123456789')).toBe('BAD_FORMAT');
  });

  it('every UPN built with its check letter validates, and never uses I, O or S', () => {
    fc.assert(fc.property(validUpn, (upn) => isValidUpn(upn) && !/^[IOS]/.test(upn)));
  });

  it('catches every single-digit substitution', () => {
    fc.assert(
      fc.property(
        validUpn,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (upn, at, delta) => {
          const changed = upn.slice(0, at) + ((Number(upn[at]) + delta) % 10) + upn.slice(at + 1);
          return !isValidUpn(changed);
        },
      ),
    );
  });
});
