import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

function shuffleKeys(value: unknown, flip: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, !flip));
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const ordered = flip ? keys.reverse() : keys;
    return Object.fromEntries(
      ordered.map((key) => [key, shuffleKeys((value as Record<string, unknown>)[key], !flip)]),
    );
  }
  return value;
}

describe('canonicalJson', () => {
  it('ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('is the same for any reordering of the same JSON value, and parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffleKeys(value, true))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('keeps a "__proto__" key as data', () => {
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('tells different values apart, array order included', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});
