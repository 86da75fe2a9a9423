import { describe, expect, it } from 'vitest';
import { toPersonRecord } from './to-person-record.js';
import { indexFixture } from './test-fixtures/fixtures.js';

describe('toPersonRecord', () => {
  it('gives the identity index each adult record as recorded, identifiers tidied but not judged', () => {
    const [rae, sam] = indexFixture().people.map(toPersonRecord);
    expect(rae).toEqual({
      agency: 'adult',
      localId: 'AP-1',
      nhsNumber: '9990000018',
      upn: null,
      givenName: 'Rae',
      familyName: 'Reed',
      dateOfBirth: '2008-02-03',
      sex: 'F',
      postcode: 'ZZ3 3ZZ',
    });
    expect(sam).toMatchObject({ localId: 'AP-3', nhsNumber: null, postcode: null });
  });
});
