/**
 * A child's GP records (usually one; more when the GP system holds duplicates the identity index linked) → the
 * HealthSection value. Items are split by data category in one pass, so sexual and mental health records are
 * only ever under fields that declare those categories.
 */
import type {
  Allergy,
  DataCategory,
  GpPatientRecord,
  HealthCondition,
  HealthEncounter,
  HealthObservation,
  Immunisation,
  Medication,
} from './health-types.js';

export interface HealthRecordsValue {
  conditions: HealthCondition[];
  medications: Medication[];
  allergies: Allergy[];
  immunisations: Immunisation[];
  encounters: HealthEncounter[];
  observations: HealthObservation[];
}

export interface HealthSectionValue extends HealthRecordsValue {
  registeredPractice: GpPatientRecord['registration']['practice'];
  registeredGp: GpPatientRecord['registration']['gp'];
  registrations: Array<GpPatientRecord['registration']>;
  patients: Array<GpPatientRecord['patient']>;
  aAndEAttendances: HealthEncounter[];
  hospitalAdmissions: HealthEncounter[];
  sexualHealth: HealthRecordsValue;
  mentalHealth: HealthRecordsValue;
  asOf: string;
}

const emptyRecords = (): HealthRecordsValue => ({
  conditions: [],
  medications: [],
  allergies: [],
  immunisations: [],
  encounters: [],
  observations: [],
});

export function toHealthSection(records: readonly GpPatientRecord[], asOf: string): HealthSectionValue {
  const byCategory: Record<DataCategory, HealthRecordsValue> = {
    HEALTH: emptyRecords(),
    SEXUAL_HEALTH: emptyRecords(),
    MENTAL_HEALTH: emptyRecords(),
  };
  const split = <K extends keyof HealthRecordsValue>(key: K, items: HealthRecordsValue[K]): void => {
    for (const item of items) (byCategory[item.category][key] as Array<typeof item>).push(item);
  };
  for (const record of records) {
    split('conditions', record.conditions);
    split('medications', record.medications);
    split('allergies', record.allergies);
    split('immunisations', record.immunisations);
    split('encounters', record.encounters);
    split('observations', record.observations);
  }
  const general = byCategory.HEALTH;
  const registrations = records.map((record) => record.registration);
  return {
    registeredPractice: registrations.find((r) => r.practice !== null)?.practice ?? null,
    registeredGp: registrations.find((r) => r.gp !== null)?.gp ?? null,
    registrations,
    patients: records.map((record) => record.patient),
    ...general,
    aAndEAttendances: general.encounters.filter((e) => e.kind === 'A_AND_E_ATTENDANCE'),
    hospitalAdmissions: general.encounters.filter((e) => e.kind === 'HOSPITAL_ADMISSION'),
    sexualHealth: byCategory.SEXUAL_HEALTH,
    mentalHealth: byCategory.MENTAL_HEALTH,
    asOf,
  };
}
