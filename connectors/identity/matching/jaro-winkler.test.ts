import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler } from './jaro-winkler.js';

const name = fc.stringMatching(/^[a-z]{0,12}$/);

describe('Jaro–Winkler', () => {
  it('matches the published examples', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
  });

  it('handles empty and identical strings', () => {
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('', 'a')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('stays within [0, 1]', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        const similarity = jaroWinkler(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(jaroWinkler(a, b)).toBe(jaroWinkler(b, a));
      }),
    );
  });

  it('is 1 exactly for equal strings', () => {
    fc.assert(
      fc.property(name, (a) => {
        expect(jaroWinkler(a, a)).toBe(1);
      }),
    );
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a !== b);
        expect(jaroWinkler(a, b)).toBeLessThan(1);
      }),
    );
  });

  it('never scores below plain Jaro', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(jaroWinkler(a, b)).toBeGreaterThanOrEqual(jaro(a, b));
      }),
    );
  });

  it('works past its initial buffer size', () => {
    const long = 'a'.repeat(200);
    expect(jaroWinkler(long, `${long}b`)).toBeGreaterThan(0.99);
  });
});
