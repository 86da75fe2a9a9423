import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from './nhs-number.js';

const nineDigits = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((d) => d.join(''));

describe('NHS number modulus 11', () => {
  it('accepts a worked example and rejects its neighbours', () => {
    // 943 476 591: 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 mod 11 = 2; 11 − 2 = 9
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('treats remainder 0 as check digit 0 and remainder 1 as no valid number', () => {
    // 000000000: sum 0 → 11 → 0. 000000040: 4*3 = 12, 12 mod 11 = 1 → 10, which no number may carry.
    expect(nhsCheckDigit('000000000')).toBe(0);
    expect(nhsCheckDigit('000000040')).toBeNull();
    expect([...'0123456789'].some((digit) => isValidNhsNumber(`000000040${digit}`))).toBe(false);
  });

  it('validates every number it builds and no other check digit', () => {
    fc.assert(
      fc.property(nineDigits, (nine) => {
        const check = nhsCheckDigit(nine);
        const sum = [...nine].reduce((total, digit, index) => total + Number(digit) * (10 - index), 0);
        if (11 - (sum % 11) === 10) {
          expect(check).toBeNull();
          return;
        }
        expect(check).toBe((11 - (sum % 11)) % 11);
        for (let digit = 0; digit <= 9; digit += 1) {
          expect(isValidNhsNumber(`${nine}${digit}`)).toBe(digit === check);
        }
      }),
    );
  });

  it('rejects wrong lengths and non-digits, and strips spaces when normalising', () => {
    for (const bad of ['', '943476591', '94347659199', '943476591X', ' 9434765919'])
      expect(isValidNhsNumber(bad)).toBe(false);
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
  });
});
