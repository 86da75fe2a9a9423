import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { decideVersions, type HeldVersion } from './decide-versions.js';

const held = (version: number, content = 'a', feedId = 'feed_1'): HeldVersion<null> => ({
  version,
  content,
  feedId,
  facts: null,
});

describe('decideVersions', () => {
  it('lands a new key and a newer version, keeping the previous for alerts', () => {
    const { decisions, winners } = decideVersions(
      [
        { position: 2, key: 'k', held: held(1) },
        { position: 3, key: 'k', held: held(2, 'b') },
      ],
      new Map(),
    );
    expect(decisions.map((d) => d.outcome)).toEqual(['LAND', 'LAND']);
    expect(decisions[1]).toMatchObject({ previous: { version: 1 } });
    expect(winners.get('k')).toBe(3);
  });

  it('calls an older version or the same content DUPLICATE', () => {
    const landed = new Map([['k', held(5, 'x', 'feed_0')]]);
    const { decisions, winners } = decideVersions(
      [
        { position: 2, key: 'k', held: held(4, 'y') },
        { position: 3, key: 'k', held: held(5, 'x') },
      ],
      landed,
    );
    expect(decisions.map((d) => d.outcome)).toEqual(['DUPLICATE', 'DUPLICATE']);
    expect(winners.size).toBe(0);
  });

  it('tells a clash within the feed from a clash with another feed', () => {
    const { decisions } = decideVersions(
      [
        { position: 2, key: 'k', held: held(1, 'a') },
        { position: 3, key: 'k', held: held(1, 'b') },
        { position: 4, key: 'j', held: held(1, 'b') },
      ],
      new Map([['j', held(1, 'a', 'feed_other')]]),
    );
    expect(decisions.map((d) => d.outcome)).toEqual(['LAND', 'DUPLICATE_IN_FEED', 'VERSION_CONFLICT']);
  });

  it('ends with the latest version whatever the order records arrive in (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ key: fc.constantFrom('a', 'b', 'c'), version: fc.integer({ min: 0, max: 50 }) }),
          {
            maxLength: 40,
          },
        ),
        (items) => {
          // Distinct content per version, so the same version is always the same content.
          const candidates = items.map((item, position) => ({
            position,
            key: item.key,
            held: held(item.version, `v${item.version}`),
          }));
          const { winners } = decideVersions(candidates, new Map());
          for (const key of ['a', 'b', 'c']) {
            const versions = items.filter((item) => item.key === key).map((item) => item.version);
            if (versions.length === 0) expect(winners.has(key)).toBe(false);
            else expect(items[winners.get(key)!]!.version).toBe(Math.max(...versions));
          }
        },
      ),
    );
  });
});

describe('canonicalJson', () => {
  it('ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
  });
});
