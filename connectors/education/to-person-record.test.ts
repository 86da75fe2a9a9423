import { describe, expect, it } from 'vitest';
import { toPersonRecord } from './to-person-record.js';
import { indexFixture } from './test-fixtures/fixtures.js';

describe('toPersonRecord', () => {
  it('gives the identity index each pupil record as recorded, identifiers tidied but not judged', () => {
    const [mia, noah] = indexFixture().people.map(toPersonRecord);
    expect(mia).toEqual({
      agency: 'education',
      localId: 'P-100',
      nhsNumber: '9990000018',
      upn: 'A201000000001',
      givenName: 'Mia',
      familyName: 'Moss',
      dateOfBirth: '2009-04-02',
      sex: 'F',
      postcode: 'ZZ1 1ZZ',
    });
    expect(noah).toMatchObject({ localId: 'P-200', nhsNumber: null, upn: null, postcode: null, sex: 'M' });
  });
});
