import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseIdList } from './id-list.js';

describe('parseIdList', () => {
  it('splits, trims, drops empties and keeps first occurrences in order', () => {
    expect(parseIdList(' b, a,,b ,c')).toEqual(['b', 'a', 'c']);
    expect(parseIdList(['x,y', 'y', 'z'])).toEqual(['x', 'y', 'z']);
    expect(parseIdList(undefined)).toEqual([]);
    expect(parseIdList(42)).toEqual([]);
  });

  it('round-trips any list of comma-free ids joined with commas', () => {
    const id = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => !s.includes(',') && s.trim() === s && s !== '');
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 50 }), (ids) => {
        expect(parseIdList(ids.join(','))).toEqual(ids);
      }),
    );
  });

  it('never returns duplicates or blanks', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (values) => {
        const result = parseIdList(values);
        expect(new Set(result).size).toBe(result.length);
        expect(result.every((value) => value.trim() === value && value !== '')).toBe(true);
      }),
    );
  });
});
