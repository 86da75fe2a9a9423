/**
 * The resources of a Patient search with its reverse includes (one or more Bundle pages) → one mapped record per
 * patient. Clinical resources are grouped on the patient they reference; practitioners and organisations are the
 * reference data the patients' registrations point at. Mapping happens here, once per resource.
 */
import { referenceTarget } from './fhir-values.js';
import type { GpPatientRecord } from './health-types.js';
import type {
  FhirOrganization,
  FhirPatient,
  FhirPractitioner,
  FhirResource,
  KnownFhirResource,
  Reference,
} from './payload-schemas.js';
import { isKnownResource } from './payload-schemas.js';
import { toAllergy, toImmunisation, toMedication, toObservation } from './to-clinical-items.js';
import { toCondition } from './to-condition.js';
import { toEncounter } from './to-encounter.js';
import { toGpPatient, toGpRegistration } from './to-gp-patient.js';

type Clinical = Extract<
  KnownFhirResource,
  {
    resourceType:
      | 'Condition'
      | 'MedicationStatement'
      | 'AllergyIntolerance'
      | 'Immunization'
      | 'Encounter'
      | 'Observation';
  }
>;

function patientReferenceOf(resource: Clinical): Reference | undefined {
  switch (resource.resourceType) {
    case 'AllergyIntolerance':
    case 'Immunization':
      return resource.patient;
    default:
      return resource.subject;
  }
}

function isClinical(resource: KnownFhirResource): resource is Clinical {
  switch (resource.resourceType) {
    case 'Condition':
    case 'MedicationStatement':
    case 'AllergyIntolerance':
    case 'Immunization':
    case 'Encounter':
    case 'Observation':
      return true;
    default:
      return false;
  }
}

const present = <T>(value: T | null): value is T => value !== null;

export function toPatientRecords(resources: readonly FhirResource[]): Map<string, GpPatientRecord> {
  const patients = new Map<string, FhirPatient>();
  const practitioners = new Map<string, FhirPractitioner>();
  const organizations = new Map<string, FhirOrganization>();
  const clinicalByPatient = new Map<string, Map<string, Clinical>>();

  for (const resource of resources) {
    if (!isKnownResource(resource)) continue;
    if (resource.resourceType === 'Patient') patients.set(resource.id, resource);
    else if (resource.resourceType === 'Practitioner') practitioners.set(resource.id, resource);
    else if (resource.resourceType === 'Organization') organizations.set(resource.id, resource);
    else if (isClinical(resource)) {
      const target = referenceTarget(patientReferenceOf(resource));
      if (target?.type !== 'Patient') continue;
      let group = clinicalByPatient.get(target.id);
      if (!group) clinicalByPatient.set(target.id, (group = new Map()));
      // Keyed by type and id, so a resource repeated on a later page is counted once.
      group.set(`${resource.resourceType}/${resource.id}`, resource);
    }
  }

  const records = new Map<string, GpPatientRecord>();
  for (const patient of patients.values()) {
    const registration = toGpRegistration(patient, { practitioners, organizations });
    const practiceIds = new Set(registration.practice ? [registration.practice.id] : []);
    const record: GpPatientRecord = {
      patient: toGpPatient(patient),
      registration,
      conditions: [],
      medications: [],
      allergies: [],
      immunisations: [],
      encounters: [],
      observations: [],
    };
    for (const resource of clinicalByPatient.get(patient.id)?.values() ?? []) {
      addClinical(record, resource, practiceIds);
    }
    records.set(patient.id, record);
  }
  return records;
}

function addClinical(record: GpPatientRecord, resource: Clinical, practiceIds: ReadonlySet<string>): void {
  switch (resource.resourceType) {
    case 'Condition':
      return pushPresent(record.conditions, toCondition(resource));
    case 'MedicationStatement':
      return pushPresent(record.medications, toMedication(resource));
    case 'AllergyIntolerance':
      return pushPresent(record.allergies, toAllergy(resource));
    case 'Immunization':
      return pushPresent(record.immunisations, toImmunisation(resource));
    case 'Encounter':
      return pushPresent(record.encounters, toEncounter(resource, practiceIds));
    case 'Observation':
      return pushPresent(record.observations, toObservation(resource));
  }
}

function pushPresent<T>(list: T[], value: T | null): void {
  if (present(value)) list.push(value);
}
