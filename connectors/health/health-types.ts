/**
 * The values the health subschema resolves: already shaped like its GraphQL types, so fields resolve by plain
 * property reads. Produced once per patient record by the mappers (to-*.ts).
 */

export type DataCategory = 'HEALTH' | 'SEXUAL_HEALTH' | 'MENTAL_HEALTH';

export interface GpPractice {
  id: string;
  odsCode: string | null;
  name: string | null;
  phone: string | null;
}

export interface GpPractitioner {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface GpRegistration {
  patientId: string;
  practice: GpPractice | null;
  gp: GpPractitioner | null;
}

/** The patient as the GP system records them (for identity conflict checks). */
export interface GpPatient {
  patientId: string;
  nhsNumber: string | null;
  nhsNumberValid: boolean;
  givenNames: string[];
  familyName: string | null;
  birthDate: string | null;
  gender: string | null;
  /** The GP system marks the record restricted or very restricted (v3-Confidentiality R or V). */
  restricted: boolean;
}

export interface HealthCondition {
  id: string;
  display: string;
  code: string | null;
  clinicalStatus: string | null;
  active: boolean;
  onset: string | null;
  abatement: string | null;
  recorded: string | null;
  category: DataCategory;
}

export interface Medication {
  id: string;
  display: string;
  code: string | null;
  status: string;
  start: string | null;
  end: string | null;
  dosage: string | null;
  category: DataCategory;
}

export interface Allergy {
  id: string;
  display: string;
  code: string | null;
  clinicalStatus: string | null;
  criticality: string | null;
  recorded: string | null;
  category: DataCategory;
}

export interface Immunisation {
  id: string;
  display: string;
  code: string | null;
  status: string;
  date: string | null;
  category: DataCategory;
}

export type EncounterKind =
  'GP_APPOINTMENT' | 'A_AND_E_ATTENDANCE' | 'HOSPITAL_ADMISSION' | 'OUTPATIENT_APPOINTMENT' | 'OTHER';

export interface HealthEncounter {
  id: string;
  kind: EncounterKind;
  classCode: string | null;
  status: string;
  display: string | null;
  start: string | null;
  end: string | null;
  reason: string | null;
  category: DataCategory;
}

export interface HealthObservation {
  id: string;
  display: string;
  code: string | null;
  status: string;
  effective: string | null;
  value: string | null;
  numericValue: number | null;
  unit: string | null;
  category: DataCategory;
}

/** One GP patient record, mapped: what the section, chronology and team are built from. */
export interface GpPatientRecord {
  patient: GpPatient;
  registration: GpRegistration;
  conditions: HealthCondition[];
  medications: Medication[];
  allergies: Allergy[];
  immunisations: Immunisation[];
  encounters: HealthEncounter[];
  observations: HealthObservation[];
}

export interface ChronologyEventValue {
  at: string;
  agency: 'HEALTH';
  kind: string;
  summary: string;
  recordId: string | null;
  category: DataCategory;
}

export interface PractitionerValue {
  agency: 'HEALTH';
  name: string;
  role: string;
  organisation: string | null;
  email: string | null;
  phone: string | null;
  since: string | null;
}

export interface SourceStatusValue {
  agency: 'HEALTH';
  state: 'OK' | 'NOT_LINKED' | 'UNAVAILABLE' | 'TIMED_OUT';
  asOf: string | null;
  reason: string | null;
}
