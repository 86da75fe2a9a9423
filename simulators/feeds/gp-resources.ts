/**
 * FHIR R4 resources for a GP feed, built from the population's GP record. Every resource has an id and
 * meta.lastUpdated (the version order); clinical resources name their patient in the way the entry's group was
 * told to (a literal reference, the Patient entry's urn:uuid, or the NHS number alone). A revision moves
 * lastUpdated by that many hours and changes one value, so newer and older versions of a resource differ.
 */
import type { GpRecord } from '../population/model.js';
import { maxRevision } from './feed-types.js';

export type FhirResource = { resourceType: string } & Record<string, unknown>;
export type SubjectReference = { reference: string } | { identifier: { system: string; value: string } };

export const systems = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
} as const;

export const encounterClassDisplays = {
  AMB: 'ambulatory',
  EMER: 'emergency',
  IMP: 'inpatient encounter',
  VR: 'virtual',
  HH: 'home health',
} as const;
export type EncounterClass = keyof typeof encounterClassDisplays;

export type GpEncounter = Omit<GpRecord['encounters'][number], 'class'> & { class: EncounterClass };
export type ClinicalItem =
  | { type: 'Encounter'; item: GpEncounter }
  | { type: 'Condition'; item: GpRecord['conditions'][number] }
  | { type: 'MedicationRequest'; item: GpRecord['medications'][number] }
  | { type: 'Observation'; item: GpRecord['observations'][number] }
  | { type: 'Immunization'; item: GpRecord['immunizations'][number] }
  | { type: 'AllergyIntolerance'; item: GpRecord['allergies'][number] };

export interface Version {
  lastUpdated: string;
  revision: number;
}

function meta(version: Version): { versionId: string; lastUpdated: string } {
  // Version ids stay positive for every revision and order the same way lastUpdated does.
  return { versionId: String(maxRevision + 1 + version.revision), lastUpdated: version.lastUpdated };
}

export function lastUpdatedFor(base: string, revision: number): string {
  return new Date(Date.parse(base) + revision * 3_600_000).toISOString();
}

const snomedConcept = (code: string, display: string) => ({
  coding: [{ system: systems.snomed, code, display }],
  text: display,
});

/** A note that exists only in revised versions: the changed value of resources without a natural number. */
function revisionNote(revision: number): Record<string, unknown> {
  if (revision === 0) return {};
  return {
    note: [
      {
        text: `Record reviewed by the practice (${revision > 0 ? 'later' : 'earlier'} entry ${Math.abs(revision)})`,
      },
    ],
  };
}

export function patientResource(
  record: GpRecord,
  options: { id: string; nhsNumber: string; version: Version; phoneSerial: number },
): FhirResource {
  const { identity } = record;
  const given = identity.givenName.split(/\s+/).filter((part) => part.length > 0);
  // Ofcom's drama range; the number moves with the revision so versions differ.
  const phone = `07700 900${String((options.phoneSerial + options.version.revision + 1000) % 1000).padStart(3, '0')}`;
  return {
    resourceType: 'Patient',
    id: options.id,
    meta: meta(options.version),
    identifier: [{ system: systems.nhsNumber, value: options.nhsNumber }],
    active: true,
    name: [{ use: 'official', family: identity.familyName, ...(given.length > 0 ? { given } : {}) }],
    telecom: [{ system: 'phone', value: phone, use: 'home' }],
    gender: ({ M: 'male', F: 'female', U: 'unknown' } as const)[identity.sex],
    birthDate: identity.dateOfBirth,
  };
}

function minutesBetween(start: string, end: string): number {
  return Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 60_000));
}

export function clinicalResource(
  clinical: ClinicalItem,
  subject: SubjectReference,
  version: Version,
): FhirResource {
  const { revision } = version;
  switch (clinical.type) {
    case 'Encounter': {
      const e = clinical.item;
      const minutes = e.end === null ? 0 : minutesBetween(e.start, e.end);
      const length = minutes + revision >= 0 ? minutes + revision : minutes - revision;
      return {
        resourceType: 'Encounter',
        id: e.id,
        meta: meta(version),
        status: e.end === null ? 'in-progress' : 'finished',
        class: { system: systems.actCode, code: e.class, display: encounterClassDisplays[e.class] },
        type: [snomedConcept(e.snomed, e.display)],
        subject,
        period: { start: e.start, ...(e.end !== null ? { end: e.end } : {}) },
        ...(e.end !== null
          ? { length: { value: length, unit: 'min', system: systems.ucum, code: 'min' } }
          : {}),
        ...(e.reason !== null ? { reasonCode: [{ text: e.reason }] } : {}),
      };
    }
    case 'Condition': {
      const c = clinical.item;
      const security =
        c.sensitive === null
          ? {}
          : {
              security: [
                { system: systems.confidentiality, code: 'R', display: 'restricted' },
                ...(c.sensitive === 'SEXUAL_HEALTH'
                  ? [{ system: systems.actCode, code: 'SEX' }]
                  : [
                      { system: systems.actCode, code: 'PSY' },
                      { system: systems.actCode, code: 'MH' },
                    ]),
              ],
            };
      return {
        resourceType: 'Condition',
        id: c.id,
        meta: { ...meta(version), ...security },
        clinicalStatus: { coding: [{ system: systems.conditionClinical, code: c.clinicalStatus }] },
        verificationStatus: { coding: [{ system: systems.conditionVerification, code: 'confirmed' }] },
        category: [
          {
            coding: [
              { system: systems.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' },
            ],
          },
        ],
        code: snomedConcept(c.snomed, c.display),
        subject,
        onsetDateTime: c.onset,
        ...revisionNote(revision),
      };
    }
    case 'MedicationRequest': {
      const m = clinical.item;
      return {
        resourceType: 'MedicationRequest',
        id: m.id,
        meta: meta(version),
        status: m.status,
        intent: 'order',
        // dm+d concepts are SNOMED CT concepts.
        medicationCodeableConcept: snomedConcept(m.dmd, m.display),
        subject,
        authoredOn: m.start,
        dosageInstruction: [{ text: 'As directed' }],
        dispenseRequest: { numberOfRepeatsAllowed: maxRevision + 1 + revision },
      };
    }
    case 'Observation': {
      const o = clinical.item;
      return {
        resourceType: 'Observation',
        id: o.id,
        meta: meta(version),
        status: 'final',
        code: { coding: [{ system: systems.loinc, code: o.loinc, display: o.display }], text: o.display },
        subject,
        effectiveDateTime: o.date,
        valueQuantity: {
          value: Math.round((o.value + revision * 0.1) * 10) / 10,
          unit: o.unit,
          system: systems.ucum,
          code: o.unit,
        },
      };
    }
    case 'Immunization': {
      const i = clinical.item;
      return {
        resourceType: 'Immunization',
        id: i.id,
        meta: meta(version),
        status: 'completed',
        vaccineCode: snomedConcept(i.snomed, i.display),
        // R4 names the patient of an immunisation `patient`, not `subject`.
        patient: subject,
        occurrenceDateTime: i.date,
        primarySource: true,
        ...revisionNote(revision),
      };
    }
    case 'AllergyIntolerance': {
      const a = clinical.item;
      return {
        resourceType: 'AllergyIntolerance',
        id: a.id,
        meta: meta(version),
        clinicalStatus: { coding: [{ system: systems.allergyClinical, code: 'active' }] },
        verificationStatus: { coding: [{ system: systems.allergyVerification, code: 'confirmed' }] },
        code: snomedConcept(a.snomed, a.display),
        // As for Immunization, R4 uses `patient`.
        patient: subject,
        recordedDate: a.recorded,
        criticality: a.criticality,
        ...revisionNote(revision),
      };
    }
  }
}

/** The clinical date the hub checks against now (and this generator keeps in the past). */
export function clinicalDates(clinical: ClinicalItem): string[] {
  switch (clinical.type) {
    case 'Encounter':
      return [clinical.item.start, ...(clinical.item.end !== null ? [clinical.item.end] : [])];
    case 'Condition':
      return [clinical.item.onset];
    case 'MedicationRequest':
      return [clinical.item.start];
    case 'Observation':
      return [clinical.item.date];
    case 'Immunization':
      return [clinical.item.date];
    case 'AllergyIntolerance':
      return [clinical.item.recorded];
  }
}

/** Every clinical item of a record, in the record's order. */
export function clinicalItems(record: GpRecord): ClinicalItem[] {
  return [
    ...record.encounters.map((item) => ({ type: 'Encounter' as const, item })),
    ...record.conditions.map((item) => ({ type: 'Condition' as const, item })),
    ...record.medications.map((item) => ({ type: 'MedicationRequest' as const, item })),
    ...record.observations.map((item) => ({ type: 'Observation' as const, item })),
    ...record.immunizations.map((item) => ({ type: 'Immunization' as const, item })),
    ...record.allergies.map((item) => ({ type: 'AllergyIntolerance' as const, item })),
  ];
}
