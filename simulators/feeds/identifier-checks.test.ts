import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, isValidUpn, nhsCheckDigit, upnCheckLetter } from '../population/identifiers.js';
import { nhsNumberChecksumHolds, upnCheckLetterHolds } from './identifier-checks.js';

describe('the feed tests’ own identifier checks', () => {
  it('agree with the generator’s on every ten-digit string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (value) => {
        expect(nhsNumberChecksumHolds(value)).toBe(isValidNhsNumber(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('accept every number made with a check digit, and reject each single-digit typo of it', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, delta) => {
          const check = nhsCheckDigit(body);
          fc.pre(check !== null);
          const valid = `${body}${check}`;
          expect(nhsNumberChecksumHolds(valid)).toBe(true);
          const typo = `${valid.slice(0, at)}${(Number(valid[at]) + delta) % 10}${valid.slice(at + 1)}`;
          expect(nhsNumberChecksumHolds(typo)).toBe(false);
        },
      ),
    );
  });

  it('agree with the generator’s on UPN check letters', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.constantFrom(...'ABCDEFGHJKLMNPQRTUVWXYZ'),
        (body, letter) => {
          const upn = `${letter}${body}`;
          expect(upnCheckLetterHolds(upn)).toBe(isValidUpn(upn));
          expect(upnCheckLetterHolds(`${upnCheckLetter(body)}${body}`)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
