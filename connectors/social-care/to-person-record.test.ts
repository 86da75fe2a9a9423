import { describe, expect, it } from 'vitest';
import { personIndexRow } from './payload-schemas.js';
import { toPersonRecord } from './to-person-record.js';

const person = (fields: Record<string, string | null>) =>
  personIndexRow.parse({
    pers_person_id: 'P-1',
    pers_forename: null,
    pers_surname: null,
    pers_sex: null,
    pers_gender: null,
    pers_dob: null,
    pers_single_unique_id: null,
    pers_common_child_id: null,
    pers_upn: null,
    ...fields,
  });

describe('SSD person for the identity index', () => {
  it('prefers the v1.4 NHS number column, tidies identifiers, and takes the current postcode', () => {
    const record = toPersonRecord(
      person({
        pers_forename: 'Robin',
        pers_surname: 'Example',
        pers_sex: 'F',
        pers_dob: '2009-03-14 00:00:00',
        pers_single_unique_id: '999 000 1006',
        pers_common_child_id: '9990001014',
        pers_upn: 'a 123456789012',
      }),
      [],
      [
        {
          addr_person_id: 'P-1',
          addr_address_postcode: 'ls6 2qd',
          addr_address_start_date: '2020-01-01T00:00:00.000Z',
          addr_address_end_date: null,
        },
        {
          addr_person_id: 'P-1',
          addr_address_postcode: 'LS1 1AA',
          addr_address_start_date: '2021-01-01T00:00:00.000Z',
          addr_address_end_date: '2022-01-01T00:00:00.000Z',
        },
      ],
    );
    expect(record).toEqual({
      agency: 'social-care',
      localId: 'P-1',
      nhsNumber: '9990001006',
      upn: 'A123456789012',
      givenName: 'Robin',
      familyName: 'Example',
      dateOfBirth: '2009-03-14',
      sex: 'F',
      postcode: 'LS6 2QD',
      sealedReason: null,
    });
  });

  it('falls back to the older NHS number column, linked identifiers, and the gender code', () => {
    const record = toPersonRecord(
      person({ pers_gender: '01' }),
      [
        {
          link_person_id: 'P-1',
          link_identifier_type: 'Unique Pupil Number',
          link_identifier_value: 'A123456789012',
          link_valid_to_date: null,
        },
        {
          link_person_id: 'P-1',
          link_identifier_type: 'NHS Number',
          link_identifier_value: '9990001014',
          link_valid_to_date: '2020-01-01T00:00:00.000Z',
        },
      ],
      [],
    );
    expect(record).toMatchObject({
      nhsNumber: null,
      upn: 'A123456789012',
      sex: 'M',
      dateOfBirth: '',
      postcode: null,
    });
    expect(toPersonRecord(person({ pers_common_child_id: '9990001014' }), [], []).nhsNumber).toBe(
      '9990001014',
    );
  });

  it('keeps an NHS number that fails its check, for identity matching to report', () => {
    expect(toPersonRecord(person({ pers_single_unique_id: '9990001007' }), [], []).nhsNumber).toBe(
      '9990001007',
    );
  });

  it('carries the reason a sealed record is sealed, and seals one recorded without a reason', () => {
    const sealed = (reason: string | null) => [{ seal_person_id: 'P-1', seal_reason: reason }];
    expect(toPersonRecord(person({}), [], [], sealed('ADOPTION')).sealedReason).toBe('ADOPTION');
    expect(toPersonRecord(person({}), [], [], sealed(null)).sealedReason).toBe('SEALED');
    expect(toPersonRecord(person({}), [], []).sealedReason).toBeNull();
  });
});
