/** FHIR Patient → the AgencyPersonRecord the identity index links (identifiers and demographics as recorded). */
import type { AgencyPersonRecord } from '../connector.js';
import { currentName, fullDate } from './fhir-values.js';
import type { FhirPatient } from './payload-schemas.js';
import { nhsNumberOf } from './to-gp-patient.js';

const sexes: Record<string, AgencyPersonRecord['sex']> = { male: 'M', female: 'F' };

/** The home postcode if there is one, else any current address's. */
function postcodeOf(patient: FhirPatient): string | null {
  const current = (patient.address ?? []).filter((address) => address.use !== 'old' && address.postalCode);
  const home = current.find((address) => address.use === 'home') ?? current[0];
  return home?.postalCode?.trim() || null;
}

/**
 * The NHS number is passed on as recorded, valid or not: the identity index checks it and reports an invalid one
 * as a conflict rather than never seeing it. A partial birth date (FHIR allows 2010 or 2010-05) is not a date of
 * birth the matcher can compare, so it is passed on as empty.
 */
export function toPersonRecord(patient: FhirPatient): AgencyPersonRecord {
  const name = currentName(patient.name);
  return {
    agency: 'gp',
    localId: patient.id,
    nhsNumber: nhsNumberOf(patient),
    upn: null,
    givenName: (name?.given ?? []).join(' '),
    familyName: name?.family ?? '',
    dateOfBirth: fullDate(patient.birthDate) ?? '',
    sex: sexes[patient.gender ?? ''] ?? 'U',
    postcode: postcodeOf(patient),
  };
}
