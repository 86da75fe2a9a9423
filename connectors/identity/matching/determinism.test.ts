import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkRecords } from './link-records.js';
import { compareRefs } from './record-ref.js';
import { child, invalidNhs, validNhs, validUpn } from './test-fixtures.js';
import type { AgencyPersonRecord, LinkResult, RecordRef } from './types.js';

/** A small population: three children seen by several agencies with the usual disagreements, and strangers. */
const population: AgencyPersonRecord[] = [
  child({ agency: 'gp', localId: 'g1' }, { nhsNumber: validNhs(111_111_111) }),
  child({ agency: 'social-care', localId: 's1' }, { nhsNumber: validNhs(111_111_111), upn: validUpn(5) }),
  child(
    { agency: 'education', localId: 'e1' },
    { upn: validUpn(5), givenName: 'Olly', familyName: 'Morgan' },
  ),
  child(
    { agency: 'education', localId: 'e2' },
    { givenName: 'Oliver', familyName: 'Hughes Morgan', dateOfBirth: '2014-07-03' },
  ),
  child(
    { agency: 'gp', localId: 'g2' },
    {
      nhsNumber: validNhs(222_222_222),
      givenName: 'Mia',
      familyName: 'Patel',
      sex: 'F',
      dateOfBirth: '2011-05-06',
      postcode: 'WX3 3CC',
    },
  ),
  child(
    { agency: 'adult', localId: 'a2' },
    {
      nhsNumber: invalidNhs(222_222_222),
      givenName: 'Mia',
      familyName: 'Patel',
      sex: 'F',
      dateOfBirth: '2011-06-05',
      postcode: 'WX3 3CC',
    },
  ),
  child(
    { agency: 'education', localId: 'e3' },
    { givenName: 'Mia', familyName: 'Patel', sex: 'F', dateOfBirth: '2011-05-16', postcode: null },
  ),
  child(
    { agency: 'gp', localId: 'g3' },
    { nhsNumber: validNhs(333_333_333), givenName: 'Harry', familyName: 'Smith', dateOfBirth: '2009-09-09' },
  ),
  child(
    { agency: 'social-care', localId: 's3' },
    { givenName: 'Henry', familyName: 'Smith', dateOfBirth: '2009-09-09', sex: 'U' },
  ),
  child(
    { agency: 'social-care', localId: 's4' },
    { givenName: 'Kai', familyName: 'Jones', dateOfBirth: '2016-01-02' },
  ),
];

function expectSorted(result: LinkResult): void {
  const sorted = (refs: RecordRef[]) => refs.every((r, n) => n === 0 || compareRefs(refs[n - 1]!, r) < 0);
  for (const cluster of result.clusters) {
    expect(sorted(cluster.records)).toBe(true);
    for (const link of cluster.links) expect(compareRefs(link.a, link.b)).toBeLessThan(0);
  }
  expect(sorted(result.clusters.map((c) => c.records[0]!))).toBe(true);
  for (const review of result.reviews) expect(compareRefs(review.a, review.b)).toBeLessThan(0);
  expect(sorted(result.reviews.map((r) => r.a)) || result.reviews.length < 2).toBe(true);
}

describe('determinism', () => {
  const expected = linkRecords(population);

  it('gives the same, sorted result whatever order the records come in', () => {
    expectSorted(expected);
    fc.assert(
      fc.property(fc.shuffledSubarray(population, { minLength: population.length }), (shuffled) => {
        expect(linkRecords(shuffled)).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same result with the decisions in any order', () => {
    const decisions = [
      {
        a: { agency: 'social-care', localId: 's4' },
        b: { agency: 'gp', localId: 'g1' },
        decision: 'CONFIRM',
      },
      { a: { agency: 'education', localId: 'e3' }, b: { agency: 'gp', localId: 'g2' }, decision: 'SPLIT' },
    ] as const;
    const withDecisions = linkRecords(population, { decisions: [...decisions] });
    expect(linkRecords([...population].reverse(), { decisions: [...decisions].reverse() })).toEqual(
      withDecisions,
    );
  });

  it('links the example population as a person would', () => {
    const clusterIds = expected.clusters.map((c) => c.records.map((r) => r.localId).join(','));
    expect(clusterIds).toEqual(['a2,g2', 'e1,e2,g1,s1', 'e3', 'g3,s3', 's4']);
    // e3 differs from Mia's other records in the day of birth and has no postcode: a person decides.
    expect(expected.reviews.map((r) => [r.a.localId, r.b.localId])).toEqual([['e3', 'g2']]);
  });
});
