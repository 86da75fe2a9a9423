import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAMILY_NAMES, GIRL_NAMES } from './name-data.js';
import { SeededRandom } from './random.js';
import { misspell, otherSurnameForm, transposeDayAndMonth } from './recorded-identity.js';

/** Damerau–Levenshtein distance (optimal string alignment), small and plain. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const above = d[i - 1] as number[];
      row[j] = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

describe('misspell', () => {
  it('makes a one-letter edit that keeps the first letter', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GIRL_NAMES, ...FAMILY_NAMES), fc.integer(), (name, seed) => {
        const variant = misspell(name, new SeededRandom(seed));
        expect(variant).not.toBe(name);
        expect(variant.charAt(0)).toBe(name.charAt(0));
        expect(editDistance(name, variant)).toBe(1);
      }),
    );
  });
});

describe('otherSurnameForm', () => {
  it('writes a hyphenated name spaced, joined or as one half', () => {
    const forms = new Set(
      Array.from({ length: 200 }, (_, seed) => otherSurnameForm('Smith-Jones', new SeededRandom(seed))),
    );
    expect(forms).toEqual(new Set(['Smith Jones', 'Smithjones', 'Smith', 'Jones']));
  });
});

describe('transposeDayAndMonth', () => {
  it('swaps day and month only where that is a different valid date', () => {
    expect(transposeDayAndMonth('2012-03-07')).toBe('2012-07-03');
    expect(transposeDayAndMonth('2012-03-25')).toBeNull();
    expect(transposeDayAndMonth('2012-05-05')).toBeNull();
  });
});
