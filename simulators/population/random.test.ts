import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from './random.js';

const draws = (random: SeededRandom, count: number) =>
  Array.from({ length: count }, () => random.nextUint32());

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(new SeededRandom(42), 50)).toEqual(draws(new SeededRandom(42), 50));
    expect(draws(new SeededRandom(42), 50)).not.toEqual(draws(new SeededRandom(43), 50));
  });

  it('forks streams that depend on the label and the seed, not on draws already taken', () => {
    const parent = new SeededRandom(7);
    const before = draws(parent.fork('gp'), 10);
    draws(parent, 1000);
    expect(draws(parent.fork('gp'), 10)).toEqual(before);
    expect(draws(parent.fork('education'), 10)).not.toEqual(before);
    expect(draws(new SeededRandom(8).fork('gp'), 10)).not.toEqual(before);
  });

  it('gives hundreds of thousands of forks distinct streams', () => {
    const root = new SeededRandom(2026);
    const seen = new Set<string>();
    for (let i = 0; i < 300_000; i++) {
      const stream = root.fork(`child:${i}`);
      seen.add(`${stream.nextUint32()}:${stream.nextUint32()}`);
    }
    expect(seen.size).toBe(300_000);
  });

  it('keeps int() inside its inclusive bounds', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (seed, min, span) => {
          const random = new SeededRandom(seed);
          for (let i = 0; i < 20; i++) {
            const value = random.int(min, min + span);
            expect(Number.isInteger(value)).toBe(true);
            expect(value).toBeGreaterThanOrEqual(min);
            expect(value).toBeLessThanOrEqual(min + span);
          }
        },
      ),
    );
  });

  it('refuses an empty range or an empty list', () => {
    const random = new SeededRandom(1);
    expect(() => random.int(5, 4)).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
    expect(() => random.weighted([['a', 0]])).toThrow(RangeError);
  });

  it('draws weighted values roughly in proportion and never a zero-weight one', () => {
    const random = new SeededRandom(3);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[
        random.weighted([
          ['a', 3],
          ['b', 1],
          ['never', 0],
        ] as const)
      ]++;
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.6);
    expect(counts.a / counts.b).toBeLessThan(3.4);
  });

  it('produces version-4-shaped UUIDs', () => {
    const random = new SeededRandom(9);
    for (let i = 0; i < 100; i++) {
      expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('shuffles into a permutation of the input', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 40 }), (seed, items) => {
        const shuffled = new SeededRandom(seed).shuffle([...items]);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });
});
