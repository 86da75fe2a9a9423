import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidNhsNumber,
  isValidUpn,
  mistypeNhsNumber,
  nhsCheckDigit,
  NhsNumberAllocator,
  ScenarioNhsNumbers,
  UPN_CHECK_LETTERS,
  UpnAllocator,
  upnCheckLetter,
  wrongCheckLetterUpn,
} from './identifiers.js';
import { SeededRandom } from './random.js';

const allocatedNhsNumber = fc
  .integer({ min: 0, max: 0xffffffff })
  .map((seed) => new NhsNumberAllocator(new SeededRandom(seed)).next());
const allocatedUpn = fc
  .tuple(
    fc.integer({ min: 1000, max: 9999 }),
    fc.integer({ min: 2000, max: 2030 }),
    fc.integer({ min: 0, max: 50 }),
  )
  .map(([school, year, skip]) => {
    const allocator = new UpnAllocator('873');
    for (let i = 0; i < skip; i++) allocator.next(String(school), year);
    return allocator.next(String(school), year);
  });

describe('NHS numbers', () => {
  it('accepts the published example and rejects remainder-10 bodies', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659x9')).toBe(false);
    // 1,2,3,4,5,6,7,8,9 weighted 10..2 sums to 210; 210 mod 11 = 1 so the check digit would be 10: never valid.
    expect(nhsCheckDigit('123456789')).toBeNull();
  });

  it('allocates valid, unique numbers in the 999 test range, never 9999', () => {
    const allocator = new NhsNumberAllocator(new SeededRandom(1));
    const issued = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const value = allocator.next();
      expect(isValidNhsNumber(value)).toBe(true);
      expect(value.startsWith('999')).toBe(true);
      expect(value.startsWith('9999')).toBe(false);
      issued.add(value);
    }
    expect(issued.size).toBe(5000);
  });

  it('validates every allocated number', () => {
    fc.assert(fc.property(allocatedNhsNumber, (value) => isValidNhsNumber(value)));
  });

  it('catches every single-digit change', () => {
    fc.assert(
      fc.property(
        allocatedNhsNumber,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (value, position, delta) => {
          const changed = `${value.slice(0, position)}${(Number(value[position]) + delta) % 10}${value.slice(position + 1)}`;
          expect(isValidNhsNumber(changed)).toBe(false);
        },
      ),
    );
  });

  it('makes mistyped numbers that always fail the check', () => {
    fc.assert(
      fc.property(allocatedNhsNumber, fc.integer(), (value, seed) => {
        const typo = mistypeNhsNumber(value, new SeededRandom(seed));
        expect(typo).not.toBe(value);
        expect(typo.startsWith('999')).toBe(true);
        expect(isValidNhsNumber(typo)).toBe(false);
      }),
    );
  });

  it('hands scenario numbers from the 9999 range in order', () => {
    const numbers = new ScenarioNhsNumbers();
    const first = Array.from({ length: 200 }, () => numbers.next());
    expect(first.every((n) => n.startsWith('9999') && isValidNhsNumber(n))).toBe(true);
    expect(new Set(first).size).toBe(200);
    expect([...first].sort()).toEqual(first);
  });
});

describe('UPNs', () => {
  it('builds check letter, LA code, establishment, year and serial', () => {
    const upn = new UpnAllocator('873').next('2001', 2019);
    expect(upn).toMatch(/^[A-Z]873200119000$/);
    expect(upn.charAt(0)).toBe(upnCheckLetter(upn.slice(1)));
    expect(UPN_CHECK_LETTERS).toHaveLength(23);
    expect(UPN_CHECK_LETTERS).not.toMatch(/[IOS]/);
  });

  it('validates every allocated UPN and keeps them unique per school and year', () => {
    fc.assert(fc.property(allocatedUpn, (value) => isValidUpn(value)));
    const allocator = new UpnAllocator('873');
    const issued = new Set(Array.from({ length: 1000 }, () => allocator.next('4001', 2020)));
    expect(issued.size).toBe(1000);
    expect(() => allocator.next('4001', 2020)).toThrow(RangeError);
  });

  it('catches every single-digit change and every wrong check letter', () => {
    fc.assert(
      fc.property(
        allocatedUpn,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (value, position, delta) => {
          const changed = `${value.slice(0, position)}${(Number(value[position]) + delta) % 10}${value.slice(position + 1)}`;
          expect(isValidUpn(changed)).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(allocatedUpn, fc.integer(), (value, seed) => {
        const wrong = wrongCheckLetterUpn(value, new SeededRandom(seed));
        expect(wrong.slice(1)).toBe(value.slice(1));
        expect(isValidUpn(wrong)).toBe(false);
      }),
    );
  });

  it('rejects malformed values', () => {
    expect(isValidUpn('')).toBe(false);
    expect(isValidUpn('A87320011900')).toBe(false);
    expect(isValidUpn('I873200119000')).toBe(false);
    expect(() => new UpnAllocator('87')).toThrow(RangeError);
  });
});
