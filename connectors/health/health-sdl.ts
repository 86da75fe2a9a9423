/**
 * The health subschema's SDL. `@category` is declared on every field of the section that carries child data;
 * nested types (a condition, an encounter) take the category of the field they are reached through, and each item
 * also says its own `category`. Sexual and mental health records have their own types so that each of their
 * fields declares the narrower category.
 */
import { sharedTypeDefs } from '../../schema/shared-sdl.js';

function recordsType(name: string, category: string, description: string): string {
  return /* GraphQL */ `
  "${description}"
  type ${name} {
    conditions: [HealthCondition!]! @category(name: ${category})
    medications: [Medication!]! @category(name: ${category})
    allergies: [Allergy!]! @category(name: ${category})
    immunisations: [Immunisation!]! @category(name: ${category})
    encounters: [HealthEncounter!]! @category(name: ${category})
    observations: [HealthObservation!]! @category(name: ${category})
  }`;
}

export const healthTypeDefs = /* GraphQL */ `
  ${sharedTypeDefs}

  "A GP practice, as the GP system records it."
  type GpPractice {
    "ODS organisation code, e.g. A81001."
    odsCode: String
    name: String
    phone: String
  }

  "A GP, as the GP system records them."
  type GpPractitioner {
    name: String
    email: String
    phone: String
  }

  "Where one GP patient record is registered."
  type GpRegistration {
    "The FHIR Patient id of the record."
    patientId: ID!
    practice: GpPractice
    gp: GpPractitioner
  }

  "The child as one GP patient record has them: for spotting conflicts with what other agencies record."
  type GpPatient {
    "The FHIR Patient id of the record."
    patientId: ID!
    "As recorded; see nhsNumberValid."
    nhsNumber: String
    "Whether nhsNumber passes the modulus 11 check."
    nhsNumberValid: Boolean!
    givenNames: [String!]!
    familyName: String
    "FHIR date as recorded (YYYY, YYYY-MM or YYYY-MM-DD)."
    birthDate: String
    "FHIR administrative gender: male, female, other, unknown."
    gender: String
    "The GP system marks this record restricted or very restricted (v3-Confidentiality R or V)."
    restricted: Boolean!
  }

  "A condition (problem or diagnosis), active or past. Dates are FHIR dates or dateTimes as recorded."
  type HealthCondition {
    id: ID!
    display: String!
    "SNOMED CT concept id, when coded."
    code: String
    "FHIR clinical status: active, recurrence, relapse, inactive, remission, resolved."
    clinicalStatus: String
    "Whether the condition is a current problem (active, recurrence or relapse)."
    active: Boolean!
    onset: String
    abatement: String
    recorded: String
    category: DataCategory!
  }

  type Medication {
    id: ID!
    display: String!
    "dm+d / SNOMED CT concept id, when coded."
    code: String
    "FHIR MedicationStatement status: active, completed, stopped, on-hold, intended, not-taken, unknown."
    status: String!
    start: String
    end: String
    dosage: String
    category: DataCategory!
  }

  type Allergy {
    id: ID!
    display: String!
    code: String
    clinicalStatus: String
    "low, high or unable-to-assess."
    criticality: String
    recorded: String
    category: DataCategory!
  }

  type Immunisation {
    id: ID!
    display: String!
    code: String
    status: String!
    date: String
    category: DataCategory!
  }

  enum EncounterKind {
    GP_APPOINTMENT
    A_AND_E_ATTENDANCE
    HOSPITAL_ADMISSION
    OUTPATIENT_APPOINTMENT
    OTHER
  }

  type HealthEncounter {
    id: ID!
    kind: EncounterKind!
    "v3-ActCode class as sent, e.g. AMB, EMER, IMP."
    classCode: String
    "FHIR Encounter status; in-progress for an attendance not yet over."
    status: String!
    display: String
    start: String
    end: String
    reason: String
    category: DataCategory!
  }

  type HealthObservation {
    id: ID!
    display: String!
    "LOINC code, when coded."
    code: String
    status: String!
    effective: String
    "The value as people read it, e.g. 41.2 kg."
    value: String
    numericValue: Float
    unit: String
    category: DataCategory!
  }

  ${recordsType('SexualHealthRecords', 'SEXUAL_HEALTH', 'Records the GP system labels as sexual or reproductive health.')}
  ${recordsType('MentalHealthRecords', 'MENTAL_HEALTH', 'Records the GP system labels as mental health (or substance use).')}

  "What the child's GP system holds about them, read live."
  type HealthSection {
    "The practice the child is registered with (the first linked record that names one)."
    registeredPractice: GpPractice @category(name: GP_DETAILS)
    "The child's usual GP (the first linked record that names one)."
    registeredGp: GpPractitioner @category(name: GP_DETAILS)
    "Every linked GP record's registration; more than one means duplicate records, possibly at different practices."
    registrations: [GpRegistration!]! @category(name: GP_DETAILS)
    "The child's demographics as each linked GP record has them."
    patients: [GpPatient!]! @category(name: IDENTITY)
    "Conditions, active and past, without a sexual or mental health label."
    conditions: [HealthCondition!]! @category(name: HEALTH)
    medications: [Medication!]! @category(name: HEALTH)
    allergies: [Allergy!]! @category(name: HEALTH)
    immunisations: [Immunisation!]! @category(name: HEALTH)
    "Every encounter: GP appointments, A&E attendances, admissions, outpatient appointments."
    encounters: [HealthEncounter!]! @category(name: HEALTH)
    "The encounters that are A&E attendances (class EMER)."
    aAndEAttendances: [HealthEncounter!]! @category(name: HEALTH)
    "The encounters that are hospital admissions (inpatient classes)."
    hospitalAdmissions: [HealthEncounter!]! @category(name: HEALTH)
    observations: [HealthObservation!]! @category(name: HEALTH)
    sexualHealth: SexualHealthRecords! @category(name: SEXUAL_HEALTH)
    mentalHealth: MentalHealthRecords! @category(name: MENTAL_HEALTH)
    "When the GP system was read."
    asOf: DateTime!
  }

  type Child {
    "FHIR Patient ids in the GP system that the identity index links to this child (empty: not known there)."
    gpPatientIds: [ID!]!
    "Null when the child is not linked or the GP system failed (healthSource says which)."
    health: HealthSection
    healthSource: SourceStatus!
    healthChronology: [ChronologyEvent!]
    healthTeam: [Practitioner!]
  }

  type Query {
    "One Child per key (a list of the child's GP patient ids), in the same order. For the gateway's merge."
    _healthChildren(keys: [[ID!]!]!): [Child]!
  }
`;
