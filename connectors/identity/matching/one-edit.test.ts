import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinOneEdit } from './one-edit.js';

/** Optimal string alignment distance, the slow textbook way, as the reference. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

// A small alphabet makes near-misses common, so both answers get exercised.
const short = fc.stringMatching(/^[abc]{0,6}$/);

describe('withinOneEdit', () => {
  it('recognises each kind of typo', () => {
    expect(withinOneEdit('nathan', 'nthan')).toBe(true);
    expect(withinOneEdit('aria', 'arii')).toBe(true);
    expect(withinOneEdit('ivy', 'iyv')).toBe(true);
    expect(withinOneEdit('zara', 'zarah')).toBe(true);
    expect(withinOneEdit('same', 'same')).toBe(true);
    expect(withinOneEdit('reece', 'rhys')).toBe(false);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });

  it('agrees with the optimal string alignment distance', () => {
    fc.assert(
      fc.property(short, short, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osaDistance(a, b) <= 1);
      }),
      { numRuns: 2000 },
    );
  });
});
