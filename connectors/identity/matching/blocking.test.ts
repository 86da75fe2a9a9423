import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBlockingPasses, forEachCandidatePair, type BlockingPass } from './blocking.js';
import { prepareRecords } from './prepare.js';
import { child } from './test-fixtures.js';
import type { AgencyPersonRecord } from './types.js';

function candidatePairs(records: AgencyPersonRecord[], maxBlockSize = 1000): Map<string, number> {
  const prepared = prepareRecords(records);
  const seen = new Map<string, number>();
  forEachCandidatePair(buildBlockingPasses(prepared), maxBlockSize, (i, j) => {
    const key = `${prepared.refs[i]!.localId}|${prepared.refs[j]!.localId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  return seen;
}

function sharesAnyKey(passes: readonly BlockingPass[], i: number, j: number): boolean {
  return passes.some(({ slots, keys }) => {
    for (let s = 0; s < slots; s++) {
      const key = keys[i * slots + s]!;
      if (key < 0) continue;
      for (let t = 0; t < slots; t++) if (keys[j * slots + t] === key) return true;
    }
    return false;
  });
}

const arbitraryRecord = fc.record({
  givenName: fc.constantFrom('Oliver', 'Olly', 'Alex', 'Alexander', 'Mia', 'Harry', ''),
  familyName: fc.constantFrom('Hughes-Morgan', 'Morgan', 'Hughes', 'Smith', 'Smyth', 'Patel', ''),
  dateOfBirth: fc.constantFrom('2014-03-07', '2014-07-03', '2014-03-08', '2015-03-07', '2010-01-01', 'bad'),
  postcode: fc.constantFrom('WX1 2AB', 'WX2 3CD', null),
});

describe('blocking', () => {
  it('visits exactly the pairs sharing a key in some pass, each once, lower index first', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 25 }), (fields) => {
        const records = fields.map((f, n) => child({ agency: 'gp', localId: String(n).padStart(3, '0') }, f));
        const prepared = prepareRecords(records);
        const passes = buildBlockingPasses(prepared);
        const visits = new Map<number, number>();
        forEachCandidatePair(passes, 1000, (i, j) => {
          expect(i).toBeLessThan(j);
          visits.set(i * 1000 + j, (visits.get(i * 1000 + j) ?? 0) + 1);
        });
        for (const count of visits.values()) expect(count).toBe(1);
        for (let i = 0; i < prepared.count; i++) {
          for (let j = i + 1; j < prepared.count; j++) {
            expect(visits.has(i * 1000 + j)).toBe(sharesAnyKey(passes, i, j));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('brings together a transposed date of birth with another surname form', () => {
    const pairs = candidatePairs([
      child(
        { agency: 'gp', localId: 'a' },
        { familyName: 'Hughes-Morgan', dateOfBirth: '2014-03-07', postcode: null },
      ),
      child(
        { agency: 'education', localId: 'b' },
        { familyName: 'Morgan', dateOfBirth: '2014-07-03', postcode: null },
      ),
    ]);
    expect(pairs.size).toBe(1);
  });

  it('brings together a nickname, a transposed date and a new surname through the nickname group initial', () => {
    const pairs = candidatePairs([
      child(
        { agency: 'gp', localId: 'a' },
        { givenName: 'Anthony', familyName: 'Smith', dateOfBirth: '2014-03-07', postcode: null },
      ),
      child(
        { agency: 'education', localId: 'b' },
        { givenName: 'Tony', familyName: 'Patel', dateOfBirth: '2014-07-03', postcode: null },
      ),
    ]);
    expect(pairs.size).toBe(1);
  });

  it('keeps unrelated children apart', () => {
    const pairs = candidatePairs([
      child(
        { agency: 'gp', localId: 'a' },
        { givenName: 'Oliver', familyName: 'Smith', dateOfBirth: '2014-03-07', postcode: 'WX1 2AB' },
      ),
      child(
        { agency: 'gp', localId: 'b' },
        { givenName: 'Mia', familyName: 'Patel', dateOfBirth: '2011-10-20', postcode: 'WX9 9ZZ' },
      ),
    ]);
    expect(pairs.size).toBe(0);
  });

  it('skips blocks larger than the limit', () => {
    const records = Array.from({ length: 6 }, (_, n) =>
      child(
        { agency: 'gp', localId: `r${n}` },
        { givenName: `Name${'x'.repeat(n)}`, familyName: `Family${n}`, postcode: null },
      ),
    );
    expect(candidatePairs(records, 5).size).toBe(0);
    expect(candidatePairs(records, 6).size).toBe(15);
  });
});
