import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidUpn, normaliseUpn, upnCheckLetter } from './upn.js';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });

describe('UPN check letter', () => {
  it('computes a known example by hand', () => {
    // body 201000000001: 2*2 + 1*4 + 1*13 = 21 → 'Y' (index 21 of A–Z without I, O, S)
    expect(upnCheckLetter('201000000001')).toBe('Y');
    expect(isValidUpn('Y201000000001')).toBe(true);
    expect(isValidUpn('A201000000001')).toBe(false);
  });

  it('never yields I, O or S and always validates what it builds', () => {
    fc.assert(
      fc.property(digits(12), (body) => {
        const text = body.join('');
        const letter = upnCheckLetter(text);
        expect(letter).toMatch(/^[A-HJ-NP-RT-Z]$/);
        expect(isValidUpn(`${letter}${text}`)).toBe(true);
      }),
    );
  });

  it('detects any single changed digit', () => {
    fc.assert(
      fc.property(
        digits(12),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, delta) => {
          const upn = `${upnCheckLetter(body.join(''))}${body.join('')}`;
          const changed = [...body];
          changed[at] = ((changed[at] ?? 0) + delta) % 10;
          expect(isValidUpn(`${upn[0]}${changed.join('')}`)).toBe(false);
        },
      ),
    );
  });

  it('rejects wrong lengths and characters', () => {
    for (const bad of ['', 'X20100000000', 'X2010000000011', 'X20100000000!', 'x201000000001']) {
      expect(isValidUpn(bad)).toBe(false);
    }
  });

  it('normalises case and spaces', () => {
    expect(normaliseUpn('  y201000000001 ')).toBe('Y201000000001');
  });
});
