import { describe, expect, it } from 'vitest';
import { clusterOf, conflictKinds, link, reviewed, together } from './link-test-helpers.js';
import { linkRecords } from './link-records.js';
import { child, invalidNhs, invalidUpn, ref, validNhs, validUpn } from './test-fixtures.js';

const NHS_1 = validNhs(943_476_591);
const NHS_2 = validNhs(401_023_213);
const UPN_1 = validUpn(200_220_000);
const UPN_2 = validUpn(200_316_000);

const gp = ref('gp', 'g1');
const school = ref('education', 'e1');
const care = ref('social-care', 's1');
const adult = ref('adult', 'a1');

describe('rule 1: deterministic links', () => {
  it('links records sharing a valid NHS number, whatever their demographics say', () => {
    const result = link([
      child(gp, { nhsNumber: NHS_1 }),
      child(care, {
        nhsNumber: `${NHS_1.slice(0, 3)} ${NHS_1.slice(3, 6)} ${NHS_1.slice(6)}`,
        givenName: 'Mia',
        sex: 'F',
      }),
    ]);
    expect(together(result, gp, care)).toBe(true);
    expect(clusterOf(result, gp).links).toEqual([{ a: gp, b: care, method: 'NHS_NUMBER' }]);
  });

  it('links records sharing a valid UPN', () => {
    const result = link([
      child(school, { upn: UPN_1 }),
      child(care, { upn: UPN_1.toLowerCase(), givenName: 'Mia' }),
    ]);
    expect(clusterOf(result, school).links).toEqual([{ a: school, b: care, method: 'UPN' }]);
  });

  it('never links on an invalid identifier, reports it, and still matches on demographics', () => {
    const result = link([
      child(gp, { nhsNumber: NHS_1 }),
      child(care, { nhsNumber: invalidNhs(943_476_591), upn: invalidUpn(200_220_000) }),
      child(adult, {
        nhsNumber: invalidNhs(943_476_591),
        givenName: 'Mia',
        familyName: 'Patel',
        sex: 'F',
        dateOfBirth: '2009-01-01',
      }),
      child(school, {
        upn: invalidUpn(200_220_000),
        givenName: 'Kai',
        familyName: 'Jones',
        dateOfBirth: '2011-05-05',
      }),
    ]);
    expect(conflictKinds(result, care)).toEqual(['INVALID_NHS_NUMBER', 'INVALID_UPN']);
    expect(conflictKinds(result, adult)).toEqual(['INVALID_NHS_NUMBER']);
    expect(conflictKinds(result, school)).toEqual(['INVALID_UPN']);
    expect(together(result, adult, care)).toBe(false);
    expect(together(result, school, care)).toBe(false);
    expect(together(result, gp, care)).toBe(true);
    expect(clusterOf(result, gp).links[0]?.method).toBe('PROBABILISTIC');
  });

  it('never links two records with different valid NHS numbers on demographics, nor reviews them', () => {
    const result = link([child(gp, { nhsNumber: NHS_1 }), child(care, { nhsNumber: NHS_2 })]);
    expect(together(result, gp, care)).toBe(false);
    expect(result.reviews).toEqual([]);
  });

  it('never links two records with different valid UPNs on demographics', () => {
    const result = link([child(school, { upn: UPN_1 }), child(care, { upn: UPN_2 })]);
    expect(together(result, school, care)).toBe(false);
    expect(result.reviews).toEqual([]);
  });
});

describe('rule 2: probabilistic links', () => {
  const linkedPair = (a: Parameters<typeof child>[1], b: Parameters<typeof child>[1]) => {
    const result = link([child(gp, { nhsNumber: NHS_1, ...a }), child(school, { upn: UPN_1, ...b })]);
    return { result, linked: together(result, gp, school) };
  };

  it('links a day/month transposed date of birth', () => {
    const { result, linked } = linkedPair(
      { dateOfBirth: '2014-03-07' },
      { dateOfBirth: '2014-07-03', postcode: null },
    );
    expect(linked).toBe(true);
    const [only] = clusterOf(result, gp).links;
    expect(only?.method).toBe('PROBABILISTIC');
    expect(only?.score).toBeGreaterThanOrEqual(17);
  });

  it('links a double-barrelled surname written spaced, run together, or as one half', () => {
    for (const familyName of ['Hughes Morgan', 'HughesMorgan', 'Hughesmorgan', 'Hughes', 'Morgan']) {
      expect(linkedPair({ familyName: 'Hughes-Morgan' }, { familyName, postcode: 'WX9 9ZZ' }).linked).toBe(
        true,
      );
    }
  });

  it('links nicknames and misspellings', () => {
    expect(linkedPair({ givenName: 'Alexander' }, { givenName: 'Alex', postcode: 'WX9 9ZZ' }).linked).toBe(
      true,
    );
    expect(linkedPair({ givenName: 'Thomas' }, { givenName: 'Tom', postcode: null }).linked).toBe(true);
    expect(linkedPair({ givenName: 'Nathan' }, { givenName: 'Nthan', postcode: null }).linked).toBe(true);
  });

  it('sends a pair between the thresholds to review, and never links it', () => {
    const { result, linked } = linkedPair(
      { dateOfBirth: '2014-03-07', postcode: null },
      { dateOfBirth: '2014-03-17', postcode: null },
    );
    expect(linked).toBe(false);
    expect(result.reviews).toHaveLength(1);
    const [review] = result.reviews;
    expect(review?.score).toBeGreaterThanOrEqual(11);
    expect(review?.score).toBeLessThan(17);
    expect(review?.agreement).toEqual({
      givenName: 'EXACT',
      familyName: 'EXACT',
      dateOfBirth: 'ONE_COMPONENT',
      sex: 'AGREE',
      postcode: 'MISSING',
    });
  });

  it('ignores a pair below the lower threshold', () => {
    const { result, linked } = linkedPair(
      {},
      { givenName: 'Mia', familyName: 'Patel', sex: 'F', dateOfBirth: '2014-03-08' },
    );
    expect(linked).toBe(false);
    expect(result.reviews).toEqual([]);
  });

  it('reviews rather than links twins: everything agrees but the given name', () => {
    const { result, linked } = linkedPair({ givenName: 'Oliver' }, { givenName: 'Harry' });
    expect(linked).toBe(false);
    expect(reviewed(result, gp, school)).toBe(true);
    const unguarded = link(
      [child(gp, { nhsNumber: NHS_1 }), child(school, { upn: UPN_1, givenName: 'Harry' })],
      {
        requireGivenNameAgreement: false,
      },
    );
    expect(together(unguarded, gp, school)).toBe(true);
  });

  it('takes its thresholds from the options', () => {
    const records = [
      child(gp, { nhsNumber: NHS_1 }),
      child(school, { upn: UPN_1, dateOfBirth: '2014-03-17', postcode: null }),
    ];
    expect(together(link(records, { thresholds: { upper: 12 } }), gp, school)).toBe(true);
    expect(link(records, { thresholds: { upper: 30, lower: 20 } }).reviews).toEqual([]);
    expect(() => link(records, { thresholds: { upper: 5, lower: 6 } })).toThrow(RangeError);
  });

  it('works the same with weights estimated from the records', () => {
    const result = linkRecords([
      child(gp, { nhsNumber: NHS_1 }),
      child(school, { upn: UPN_1, givenName: 'Olly', familyName: 'Morgan', dateOfBirth: '2014-07-03' }),
      child(care, { givenName: 'Mia', familyName: 'Patel', sex: 'F', dateOfBirth: '2012-01-01' }),
    ]);
    expect(together(result, gp, school)).toBe(true);
    expect(together(result, gp, care)).toBe(false);
  });
});

describe('rule 3: clustering', () => {
  it('refuses a link between clusters carrying different NHS numbers, and reviews it', () => {
    const result = link([
      child(school, {
        nhsNumber: NHS_1,
        upn: UPN_1,
        givenName: 'Harry',
        familyName: 'Smith',
        dateOfBirth: '2012-02-02',
      }),
      child(care, { upn: UPN_1 }),
      child(gp, { nhsNumber: NHS_2 }),
    ]);
    expect(together(result, school, care)).toBe(true);
    expect(together(result, care, gp)).toBe(false);
    expect(reviewed(result, care, gp)).toBe(true);
  });

  it('joins the strongest evidence first', () => {
    // The GP record agrees with everything; the adult record differs in postcode. Both carry NHS numbers, so
    // the social-care record can join only one: the better match.
    const result = link([
      child(gp, { nhsNumber: NHS_1 }),
      child(adult, { nhsNumber: NHS_2, postcode: 'WX9 9ZZ' }),
      child(care),
    ]);
    expect(together(result, care, gp)).toBe(true);
    expect(together(result, care, adult)).toBe(false);
    expect(reviewed(result, care, adult)).toBe(true);
  });

  it('never puts two records of one agency with different NHS numbers in one cluster, even on a UPN', () => {
    const otherSchool = ref('education', 'e2');
    const result = link([
      child(school, { nhsNumber: NHS_1, upn: UPN_1 }),
      child(otherSchool, { nhsNumber: NHS_2, upn: UPN_1 }),
    ]);
    expect(together(result, school, otherSchool)).toBe(false);
    expect(reviewed(result, school, otherSchool)).toBe(true);
    expect(result.conflicts).toContainEqual({
      record: otherSchool,
      kind: 'NHS_NUMBER_DISAGREES',
      otherRecord: school,
    });
  });

  it('lets a UPN join agencies that disagree on the NHS number, and reports it', () => {
    const result = link([
      child(school, { nhsNumber: NHS_1, upn: UPN_1 }),
      child(care, { nhsNumber: NHS_2, upn: UPN_1 }),
    ]);
    expect(together(result, school, care)).toBe(true);
    expect(result.conflicts).toContainEqual({
      record: care,
      kind: 'NHS_NUMBER_DISAGREES',
      otherRecord: school,
    });
  });

  it('gathers duplicate records inside one agency into one child', () => {
    const duplicate = ref('social-care', 's2');
    const result = link([
      child(gp, { nhsNumber: NHS_1 }),
      child(care, { nhsNumber: NHS_1 }),
      child(duplicate, { givenName: 'Olly', postcode: 'WX4 4DD' }),
    ]);
    expect(clusterOf(result, gp).records).toEqual([gp, care, duplicate]);
  });

  it('gives one review per pair of clusters', () => {
    const result = link([
      child(gp, { nhsNumber: NHS_1 }),
      child(care, { nhsNumber: NHS_1 }),
      child(school, { upn: UPN_1, dateOfBirth: '2014-03-17', postcode: null }),
    ]);
    expect(result.reviews).toHaveLength(1);
  });

  it('puts every record in exactly one cluster', () => {
    const result = link([
      child(gp),
      child(school, { givenName: 'Mia', familyName: 'Patel', sex: 'F' }),
      child(adult),
    ]);
    const all = result.clusters.flatMap((c) => c.records);
    expect(all).toHaveLength(3);
    expect(new Set(all.map((r) => `${r.agency}|${r.localId}`)).size).toBe(3);
  });

  it('rejects a record given twice, or from an unknown agency', () => {
    expect(() => link([child(gp), child(gp)])).toThrow(/appears twice/);
    const stranger = { ...child(gp), agency: 'police' } as unknown as Parameters<typeof child>[1] & typeof gp;
    expect(() => link([child(school), child(stranger)])).toThrow(/unknown agency/);
  });
});

describe('rule 4: conflicts inside a cluster', () => {
  it('reports the records that disagree with the majority on date of birth and sex', () => {
    const result = link([
      child(gp, { nhsNumber: NHS_1 }),
      child(care, { nhsNumber: NHS_1 }),
      child(school, { nhsNumber: NHS_1, dateOfBirth: '2014-07-03', sex: 'F' }),
      child(adult, { nhsNumber: NHS_1, sex: 'U' }),
    ]);
    // The reference is the first record (canonical order: adult, education, gp, social-care) holding the
    // majority value; unknown sex disagrees with nothing.
    expect(result.conflicts).toEqual([
      { record: school, kind: 'DOB_DISAGREES', otherRecord: adult },
      { record: school, kind: 'SEX_DISAGREES', otherRecord: gp },
    ]);
  });

  it('reports different UPNs brought together by an NHS number', () => {
    const result = link([
      child(school, { nhsNumber: NHS_1, upn: UPN_1 }),
      child(care, { nhsNumber: NHS_1, upn: UPN_2 }),
    ]);
    expect(together(result, school, care)).toBe(true);
    expect(result.conflicts).toEqual([{ record: care, kind: 'UPN_DISAGREES', otherRecord: school }]);
  });
});
