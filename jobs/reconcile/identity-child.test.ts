import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { upnCheckLetter } from '../../schema/identifiers/upn.js';
import { toIdentityChild, unlinkedSocialCareKeySource } from './identity-child.js';
import { linkedRecord } from './test-fixtures/memory-lookup.js';

// Valid (modulus 11) test NHS numbers, and one with a wrong check digit.
const nhsA = '9434765919';
const nhsB = '9434765870';
const mistyped = '9434765918';
const upn = `${upnCheckLetter('873000000001')}873000000001`;
const wrongCheckLetter = `${upn.startsWith('A') ? 'B' : 'A'}873000000001`;

describe('toIdentityChild', () => {
  it('derives what the identity subschema answers: demographics by precedence, agreed identifiers, ids per agency', () => {
    const child = toIdentityChild(
      {
        id: 'ch-1',
        records: [
          linkedRecord('gp', 'G1', { dateOfBirth: '2012-05-11', nhsNumber: nhsA, linkMethod: null }),
          linkedRecord('social-care', 'S1', { dateOfBirth: '2012-05-10', nhsNumber: nhsA, upn }),
          linkedRecord('social-care', 'S2', { nhsNumber: mistyped }),
          linkedRecord('education', 'E1', { upn: wrongCheckLetter }),
        ],
      },
      [
        {
          childId: 'ch-1',
          agency: 'social-care',
          localId: 'S2',
          kind: 'INVALID_NHS_NUMBER',
          otherAgency: null,
          otherLocalId: null,
          detectedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    );
    expect(child.value).toEqual({
      id: 'ch-1',
      // Social care's record comes first by precedence, whatever the order the index lists them in.
      dateOfBirth: '2012-05-10',
      // The mistyped number is not valid, so it does not stop the valid ones agreeing.
      nhsNumber: nhsA,
      // The education record's UPN fails its check letter, so the valid one stands.
      upn,
      links: [
        { agency: 'gp', localId: 'G1', method: 'SINGLE' },
        { agency: 'social-care', localId: 'S1', method: 'NHS_NUMBER' },
        { agency: 'social-care', localId: 'S2', method: 'NHS_NUMBER' },
        { agency: 'education', localId: 'E1', method: 'NHS_NUMBER' },
      ],
      identityConflicts: [
        {
          agency: 'social-care',
          localId: 'S2',
          kind: 'INVALID_NHS_NUMBER',
          otherAgency: null,
          otherLocalId: null,
          detectedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    });
    expect(child.keySource).toEqual({
      id: 'ch-1',
      dateOfBirth: '2012-05-10',
      nhsNumber: nhsA,
      upn,
      socialCarePersonIds: ['S1', 'S2'],
      gpPatientIds: ['G1'],
      educationPupilIds: ['E1'],
      adultPersonIds: [],
    });
  });

  it('gives no NHS number when valid ones disagree', () => {
    const child = toIdentityChild(
      {
        id: 'ch-2',
        records: [
          linkedRecord('gp', 'G1', { nhsNumber: nhsA }),
          linkedRecord('adult', 'A1', { nhsNumber: nhsB }),
        ],
      },
      [],
    );
    expect(child.value.nhsNumber).toBeNull();
    expect(child.keySource.adultPersonIds).toEqual(['A1']);
  });

  it('gives an NHS number only when it is valid and the only valid one among the records', () => {
    const nhsNumber = fc.oneof(
      fc.constantFrom(nhsA, nhsB, mistyped),
      fc.stringMatching(/^\d{10}$/),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(nhsNumber, { minLength: 1, maxLength: 5 }), (numbers) => {
        const child = toIdentityChild(
          { id: 'ch', records: numbers.map((value, i) => linkedRecord('gp', `G${i}`, { nhsNumber: value })) },
          [],
        );
        const valid = new Set(
          numbers.filter((value): value is string => value !== null && isValidNhsNumber(value)),
        );
        expect(child.value.nhsNumber).toBe(valid.size === 1 ? [...valid][0] : null);
      }),
    );
  });

  it('keys an unlinked social care record on its own person id alone', () => {
    expect(unlinkedSocialCareKeySource('S9')).toMatchObject({
      id: null,
      socialCarePersonIds: ['S9'],
      gpPatientIds: [],
      educationPupilIds: [],
      adultPersonIds: [],
    });
  });
});
