import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOf, instantOrNull } from './instants.js';

describe('agency instants', () => {
  it('places a bare date at the start of its day, or at its end when asked', () => {
    expect(instantOf('2026-03-02')).toBe(Date.parse('2026-03-02T00:00:00.000Z'));
    expect(instantOf('2026-03-02', true)).toBe(Date.parse('2026-03-03T00:00:00.000Z') - 1);
    expect(instantOf('2026-03-02T10:30:00.000Z', true)).toBe(Date.parse('2026-03-02T10:30:00.000Z'));
  });

  it('rejects what is not an instant, and the OrNull reading never throws', () => {
    expect(() => instantOf('next week')).toThrow(RangeError);
    expect(instantOrNull(null)).toBeNull();
    expect(instantOrNull(' ')).toBeNull();
    expect(instantOrNull(' 2026-03-02 ')).toBe(Date.parse('2026-03-02T00:00:00.000Z'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constant(null)), (value) => {
        const ms = instantOrNull(value);
        expect(ms === null || Number.isFinite(ms)).toBe(true);
      }),
    );
  });
});
