/**
 * FHIR Patient (with the Practitioner and Organization its generalPractitioner references) → the patient's
 * demographics as the GP records them, and their registration: practice and GP.
 */
import { isValidNhsNumber, normaliseNhsNumber } from '../../schema/identifiers/nhs-number.js';
import { currentName, humanNameText, referenceTarget, systems } from './fhir-values.js';
import type { GpPatient, GpPractice, GpPractitioner, GpRegistration } from './health-types.js';
import type { FhirOrganization, FhirPatient, FhirPractitioner } from './payload-schemas.js';

/** Practitioners and organisations a page of results included, by logical id. */
export interface ReferenceData {
  practitioners: ReadonlyMap<string, FhirPractitioner>;
  organizations: ReadonlyMap<string, FhirOrganization>;
}

/** The NHS number as recorded (spaces and dashes removed), or null when the record has none. */
export function nhsNumberOf(patient: FhirPatient): string | null {
  const identifier = patient.identifier?.find(
    (candidate) => candidate.system === systems.nhsNumber && candidate.value,
  );
  return identifier?.value === undefined ? null : normaliseNhsNumber(identifier.value.trim());
}

const confidentiality = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const restrictedCodes = new Set(['R', 'V']);

export function toGpPatient(patient: FhirPatient): GpPatient {
  const name = currentName(patient.name);
  const nhsNumber = nhsNumberOf(patient);
  return {
    patientId: patient.id,
    nhsNumber,
    nhsNumberValid: nhsNumber !== null && isValidNhsNumber(nhsNumber),
    givenNames: name?.given ?? [],
    familyName: name?.family ?? null,
    birthDate: patient.birthDate ?? null,
    gender: patient.gender ?? null,
    restricted: (patient.meta?.security ?? []).some(
      (label) => label.system === confidentiality && restrictedCodes.has(label.code ?? ''),
    ),
  };
}

function telecom(entries: FhirPractitioner['telecom'], system: 'phone' | 'email'): string | null {
  const matching = (entries ?? []).filter((entry) => entry.system === system && entry.value);
  return (matching.find((entry) => entry.use === 'work') ?? matching[0])?.value ?? null;
}

export function toGpPractice(organization: FhirOrganization): GpPractice {
  const ods = organization.identifier?.find(
    (identifier) => identifier.system === systems.odsOrganisationCode && identifier.value,
  );
  return {
    id: organization.id,
    odsCode: ods?.value ?? null,
    name: organization.name ?? null,
    phone: telecom(organization.telecom, 'phone'),
  };
}

export function toGpPractitioner(practitioner: FhirPractitioner): GpPractitioner {
  return {
    id: practitioner.id,
    name: humanNameText(currentName(practitioner.name)),
    email: telecom(practitioner.telecom, 'email'),
    phone: telecom(practitioner.telecom, 'phone'),
  };
}

/**
 * The practice and GP the patient is registered with, from `generalPractitioner` (UK Core lists the practice
 * Organization and the usual GP). A reference the server did not include is left out rather than guessed.
 */
export function toGpRegistration(patient: FhirPatient, references: ReferenceData): GpRegistration {
  let practice: GpPractice | null = null;
  let gp: GpPractitioner | null = null;
  for (const reference of patient.generalPractitioner ?? []) {
    const target = referenceTarget(reference);
    if (target?.type === 'Organization' && practice === null) {
      const organization = references.organizations.get(target.id);
      if (organization) practice = toGpPractice(organization);
    }
    if (target?.type === 'Practitioner' && gp === null) {
      const practitioner = references.practitioners.get(target.id);
      if (practitioner) gp = toGpPractitioner(practitioner);
    }
  }
  return { patientId: patient.id, practice, gp };
}
