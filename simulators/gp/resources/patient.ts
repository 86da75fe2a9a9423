import type { GpRecord, Sex } from '../../population/model.js';
import { systems, ukCoreNhsNumberVerificationExtension } from '../fhir/code-systems.js';
import type { Address, Identifier, Patient } from '../fhir/r4-types.js';
import type { BuildContext } from './build-context.js';
import { reference, versionMeta } from './build-context.js';

const genders: Record<Sex, NonNullable<Patient['gender']>> = { M: 'male', F: 'female', U: 'unknown' };

function nhsNumberIdentifier(nhsNumber: string): Identifier {
  return {
    system: systems.nhsNumber,
    value: nhsNumber,
    // UK Core: the number was traced against PDS when registered, as a GP system records it.
    extension: [
      {
        url: ukCoreNhsNumberVerificationExtension,
        valueCodeableConcept: {
          coding: [
            {
              system: systems.nhsNumberVerificationStatus,
              code: '01',
              display: 'Number present and verified',
            },
          ],
        },
      },
    ],
  };
}

function homeAddress(addressLine: string | null, postcode: string | null): Address[] | undefined {
  if (addressLine === null && postcode === null) return undefined;
  return [
    {
      use: 'home',
      ...(addressLine !== null ? { line: [addressLine] } : {}),
      ...(postcode !== null ? { postalCode: postcode } : {}),
    },
  ];
}

export function buildPatient(record: GpRecord, context: BuildContext): Patient {
  const { identity } = record;
  const given = identity.givenName.split(/\s+/).filter((part) => part.length > 0);
  const address = homeAddress(identity.addressLine, identity.postcode);
  return {
    resourceType: 'Patient',
    id: record.patientId,
    meta: versionMeta(context.lastUpdated),
    ...(identity.nhsNumber !== null ? { identifier: [nhsNumberIdentifier(identity.nhsNumber)] } : {}),
    active: true,
    name: [{ use: 'official', family: identity.familyName, ...(given.length > 0 ? { given } : {}) }],
    gender: genders[identity.sex],
    birthDate: identity.dateOfBirth,
    ...(address ? { address } : {}),
    generalPractitioner: [
      reference('Organization', record.practiceId),
      reference('Practitioner', record.gpProfessionalId),
    ],
    managingOrganization: reference('Organization', record.practiceId),
  };
}
