import { describe, expect, it } from 'vitest';
import { PairComparator } from './compare.js';
import { describeLevels, type FieldAgreement } from './levels.js';
import { prepareRecords } from './prepare.js';
import { child } from './test-fixtures.js';
import type { AgencyPersonRecord } from './types.js';

function agreement(a: Partial<AgencyPersonRecord>, b: Partial<AgencyPersonRecord>): FieldAgreement {
  const records = prepareRecords([
    child({ agency: 'gp', localId: 'a' }, a),
    child({ agency: 'education', localId: 'b' }, b),
  ]);
  const comparator = new PairComparator(records);
  comparator.compare(0, 1);
  return describeLevels(comparator.levels);
}

describe('PairComparator', () => {
  it('grades given names', () => {
    expect(agreement({ givenName: 'Oliver' }, { givenName: 'OLIVER' }).givenName).toBe('EXACT');
    expect(agreement({ givenName: 'Alexander' }, { givenName: 'Alex' }).givenName).toBe('NICKNAME');
    expect(agreement({ givenName: 'Kate' }, { givenName: 'Katherine' }).givenName).toBe('NICKNAME');
    expect(agreement({ givenName: 'Mary Jane' }, { givenName: 'Mary' }).givenName).toBe('NICKNAME');
    expect(agreement({ givenName: 'Jonathon' }, { givenName: 'Jonathan' }).givenName).toBe('SIMILAR');
    expect(agreement({ givenName: 'Nathan' }, { givenName: 'Nthan' }).givenName).toBe('SIMILAR');
    expect(agreement({ givenName: 'Zara' }, { givenName: 'Zra' }).givenName).toBe('SIMILAR');
    expect(agreement({ givenName: 'Oliver' }, { givenName: 'Harry' }).givenName).toBe('DISAGREE');
    expect(agreement({ givenName: 'Amy' }, { givenName: 'Ava' }).givenName).toBe('DISAGREE');
    expect(agreement({ givenName: '' }, { givenName: 'Harry' }).givenName).toBe('MISSING');
  });

  it('grades family names written in different forms', () => {
    expect(agreement({ familyName: 'Hughes-Morgan' }, { familyName: 'Hughes Morgan' }).familyName).toBe(
      'EXACT',
    );
    expect(agreement({ familyName: 'Hughes-Morgan' }, { familyName: 'HughesMorgan' }).familyName).toBe(
      'EXACT',
    );
    expect(agreement({ familyName: "O'Brien" }, { familyName: 'OBRIEN' }).familyName).toBe('EXACT');
    expect(agreement({ familyName: 'Hughes-Morgan' }, { familyName: 'Hughes' }).familyName).toBe('PARTIAL');
    expect(agreement({ familyName: 'Hughes-Morgan' }, { familyName: 'Morgan' }).familyName).toBe('PARTIAL');
    expect(agreement({ familyName: 'Hughesmorgan' }, { familyName: 'Morgan' }).familyName).toBe('PARTIAL');
    expect(agreement({ familyName: 'Smith-Hughes' }, { familyName: 'Hughes-Morgan' }).familyName).toBe(
      'PARTIAL',
    );
    expect(agreement({ familyName: 'Da Silva' }, { familyName: 'Da Costa' }).familyName).not.toBe('PARTIAL');
    expect(agreement({ familyName: 'Smith' }, { familyName: 'Smiths' }).familyName).toBe('SIMILAR');
    expect(agreement({ familyName: 'Fletcher' }, { familyName: 'Feltcher' }).familyName).toBe('SIMILAR');
    expect(agreement({ familyName: 'Smith' }, { familyName: 'Patel' }).familyName).toBe('DISAGREE');
  });

  it('grades dates of birth', () => {
    expect(agreement({ dateOfBirth: '2014-03-07' }, { dateOfBirth: '2014-03-07' }).dateOfBirth).toBe('EXACT');
    expect(agreement({ dateOfBirth: '2014-03-07' }, { dateOfBirth: '2014-07-03' }).dateOfBirth).toBe(
      'TRANSPOSED',
    );
    expect(agreement({ dateOfBirth: '2014-03-07' }, { dateOfBirth: '2014-03-17' }).dateOfBirth).toBe(
      'ONE_COMPONENT',
    );
    expect(agreement({ dateOfBirth: '2014-03-07' }, { dateOfBirth: '2015-03-07' }).dateOfBirth).toBe(
      'ONE_COMPONENT',
    );
    expect(agreement({ dateOfBirth: '2014-03-07' }, { dateOfBirth: '2015-07-03' }).dateOfBirth).toBe(
      'DISAGREE',
    );
    expect(agreement({ dateOfBirth: '2014-03-07' }, { dateOfBirth: 'unknown' }).dateOfBirth).toBe('MISSING');
  });

  it('grades sex, treating unknown as missing', () => {
    expect(agreement({ sex: 'F' }, { sex: 'F' }).sex).toBe('AGREE');
    expect(agreement({ sex: 'F' }, { sex: 'M' }).sex).toBe('DISAGREE');
    expect(agreement({ sex: 'U' }, { sex: 'M' }).sex).toBe('MISSING');
  });

  it('grades postcodes', () => {
    expect(agreement({ postcode: 'WX1 2AB' }, { postcode: 'wx12ab' }).postcode).toBe('EXACT');
    expect(agreement({ postcode: 'WX1 2AB' }, { postcode: 'WX1 9ZZ' }).postcode).toBe('DISTRICT');
    expect(agreement({ postcode: 'WX1 2AB' }, { postcode: 'WX11 2AB' }).postcode).toBe('DISAGREE');
    expect(agreement({ postcode: 'WX1 2AB' }, { postcode: null }).postcode).toBe('MISSING');
  });
});
