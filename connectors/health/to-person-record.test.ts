import { describe, expect, it } from 'vitest';
import { patientRecordsResources } from './fixtures/fixture-bundle.js';
import type { FhirPatient } from './payload-schemas.js';
import { toPersonRecord } from './to-person-record.js';

const patients = patientRecordsResources().filter(
  (resource): resource is FhirPatient => resource.resourceType === 'Patient',
);

describe('toPersonRecord', () => {
  it('maps identifiers and demographics for the identity index', () => {
    expect(toPersonRecord(patients[0] as FhirPatient)).toEqual({
      agency: 'gp',
      localId: 'pat-a',
      nhsNumber: '9434765919',
      upn: null,
      givenName: 'Amy Jane',
      familyName: 'Example',
      dateOfBirth: '2011-07-09',
      sex: 'F',
      postcode: 'LS1 4AP',
    });
  });

  it('maps gender other than male or female to U, and a partial birth date to empty', () => {
    expect(toPersonRecord(patients[1] as FhirPatient)).toMatchObject({
      sex: 'U',
      dateOfBirth: '',
      postcode: null,
      nhsNumber: null,
    });
    expect(toPersonRecord({ resourceType: 'Patient', id: 'm', gender: 'male' }).sex).toBe('M');
    expect(toPersonRecord({ resourceType: 'Patient', id: 'n' })).toMatchObject({
      sex: 'U',
      givenName: '',
      familyName: '',
    });
  });

  it('passes an invalid NHS number on as recorded, for the identity index to flag', () => {
    const patient: FhirPatient = {
      resourceType: 'Patient',
      id: 'x',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765918' }],
    };
    expect(toPersonRecord(patient).nhsNumber).toBe('9434765918');
  });
});
