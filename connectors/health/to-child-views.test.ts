import { describe, expect, it } from 'vitest';
import { patientRecordsResources } from './fixtures/fixture-bundle.js';
import { searchSetBundleSchema } from './payload-schemas.js';
import type { GpPatientRecord } from './health-types.js';
import { toChronology } from './to-chronology.js';
import { toHealthSection } from './to-health-section.js';
import { toPatientRecords } from './to-patient-records.js';
import { toTeam } from './to-team.js';

const records = toPatientRecords(patientRecordsResources());
const a = records.get('pat-a') as GpPatientRecord;
const b = records.get('pat-b') as GpPatientRecord;

describe('toHealthSection', () => {
  const section = toHealthSection([a, b], '2025-03-31T12:00:00.000Z');

  it('keeps sexual and mental health records out of the general lists', () => {
    expect(section.conditions.map((c) => c.display)).toEqual(['Asthma']);
    expect(section.sexualHealth.conditions.map((c) => c.display)).toEqual(['Chlamydial infection']);
    expect(section.mentalHealth.conditions.map((c) => c.display)).toEqual(['Low mood']);
  });

  it('picks out A&E attendances and admissions', () => {
    expect(section.aAndEAttendances.map((e) => e.id)).toEqual(['enc-a-ae']);
    expect(section.hospitalAdmissions.map((e) => e.id)).toEqual(['enc-a-adm']);
  });

  it('lists every linked record registration and demographics, first practice and GP as the registered ones', () => {
    expect(section.registeredPractice?.odsCode).toBe('A81001');
    expect(section.registeredGp?.name).toBe('Dr Priya Shah');
    expect(section.registrations.map((r) => r.practice?.odsCode)).toEqual(['A81001', 'B82002']);
    expect(section.patients.map((p) => p.patientId)).toEqual(['pat-a', 'pat-b']);
    expect(section.immunisations.map((i) => i.id)).toEqual(['imm-a-1', 'imm-b-1']);
    expect(section.asOf).toBe('2025-03-31T12:00:00.000Z');
  });
});

describe('toChronology', () => {
  const events = toChronology([a, b]);

  it('dates GP appointments, A&E, admissions, condition onsets and immunisations, oldest first', () => {
    expect(events.map((e) => [e.at, e.kind, e.recordId])).toEqual([
      ['2012-06-01T00:00:00.000Z', 'IMMUNISATION_GIVEN', 'Immunization/imm-a-1'],
      ['2014-01-01T00:00:00.000Z', 'CONDITION_RECORDED', 'Condition/cond-a-1'],
      ['2023-09-20T09:30:00.000Z', 'CONDITION_RECORDED', 'Condition/cond-a-2'],
      ['2024-02-10T14:00:00.000Z', 'HOSPITAL_ADMISSION', 'Encounter/enc-a-adm'],
      ['2024-05-01T09:00:00.000Z', 'OUTPATIENT_APPOINTMENT', 'Encounter/enc-a-out'],
      ['2024-06-10T00:00:00.000Z', 'CONDITION_RECORDED', 'Condition/cond-a-3'],
      ['2024-10-01T00:00:00.000Z', 'IMMUNISATION_GIVEN', 'Immunization/imm-b-1'],
      ['2024-11-04T09:10:00.000Z', 'GP_APPOINTMENT', 'Encounter/enc-a-gp'],
      ['2025-03-30T23:50:00.000Z', 'A_AND_E_ATTENDANCE', 'Encounter/enc-a-ae'],
    ]);
  });

  it('gives each event the category of its record, and says when an attendance is ongoing', () => {
    const byRecord = new Map(events.map((e) => [e.recordId, e]));
    expect(byRecord.get('Condition/cond-a-2')?.category).toBe('MENTAL_HEALTH');
    expect(byRecord.get('Condition/cond-a-3')?.category).toBe('SEXUAL_HEALTH');
    expect(byRecord.get('Encounter/enc-a-ae')?.summary).toBe(
      'A&E attendance: Emergency department patient visit (ongoing)',
    );
    expect(byRecord.get('Encounter/enc-a-gp')?.summary).toBe('GP appointment: Asthma review');
    expect(events.every((e) => e.agency === 'HEALTH')).toBe(true);
  });

  it('leaves out planned encounters', () => {
    expect(events.some((e) => e.recordId === 'Encounter/enc-a-planned')).toBe(false);
  });
});

describe('toTeam', () => {
  it('names the registered GP with the practice, or the practice when no GP is named', () => {
    expect(toTeam([a, b])).toEqual([
      {
        agency: 'HEALTH',
        name: 'Dr Priya Shah',
        role: 'GP',
        organisation: 'Riverside Surgery',
        email: 'p.shah@example.nhs.uk',
        phone: '0113 000 0002',
        since: null,
      },
      {
        agency: 'HEALTH',
        name: 'Hilltop Medical Centre',
        role: 'GP_PRACTICE',
        organisation: 'Hilltop Medical Centre',
        email: null,
        phone: null,
        since: null,
      },
    ]);
  });

  it('lists a GP once when duplicate records share them', () => {
    expect(toTeam([a, a])).toHaveLength(1);
  });
});

describe('mental health medicines and attendances the GP system did not label', () => {
  const patient = { reference: 'Patient/pat-m' };
  const resources = searchSetBundleSchema
    .parse({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: { resourceType: 'Patient', id: 'pat-m', birthDate: '2009-05-01' } },
        {
          resource: {
            resourceType: 'MedicationStatement',
            id: 'med-ssri',
            status: 'active',
            medicationCodeableConcept: {
              coding: [
                {
                  system: 'http://snomed.info/sct',
                  code: '39704111000001102',
                  display: 'Sertraline 50mg tablets',
                },
              ],
              text: 'Sertraline 50mg tablets',
            },
            subject: patient,
            effectivePeriod: { start: '2025-01-10' },
          },
        },
        {
          resource: {
            resourceType: 'MedicationStatement',
            id: 'med-inhaler',
            status: 'active',
            medicationCodeableConcept: { text: 'Salbutamol 100micrograms/dose inhaler CFC free' },
            subject: patient,
          },
        },
        {
          resource: {
            resourceType: 'Encounter',
            id: 'enc-self-harm',
            status: 'finished',
            class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'EMER' },
            type: [
              {
                coding: [{ system: 'http://snomed.info/sct', code: '4525004' }],
                text: 'Emergency department patient visit',
              },
            ],
            subject: patient,
            period: { start: '2025-02-01T23:10:00Z', end: '2025-02-02T04:10:00Z' },
            reasonCode: [{ text: 'Self-inflicted laceration' }],
          },
        },
        {
          resource: {
            resourceType: 'Encounter',
            id: 'enc-overdose',
            status: 'finished',
            class: { code: 'IMP' },
            subject: patient,
            period: { start: '2025-03-01T02:40:00Z' },
            reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'X60' }] }],
          },
        },
        {
          resource: {
            resourceType: 'Encounter',
            id: 'enc-wrist',
            status: 'finished',
            class: { code: 'EMER' },
            subject: patient,
            period: { start: '2025-04-01T15:00:00Z' },
            reasonCode: [{ text: 'Fracture of wrist' }],
          },
        },
      ],
    })
    .entry?.map((entry) => entry.resource);
  const record = toPatientRecords(resources ?? []).get('pat-m') as GpPatientRecord;
  const section = toHealthSection([record], '2025-06-30T12:00:00.000Z');
  const ids = (items: ReadonlyArray<{ id: string }>) => items.map((item) => item.id);

  it('lists an SSRI only under mentalHealth', () => {
    expect(ids(section.medications)).toEqual(['med-inhaler']);
    expect(ids(section.mentalHealth.medications)).toEqual(['med-ssri']);
    expect(section.mentalHealth.medications[0]?.category).toBe('MENTAL_HEALTH');
    expect(ids(section.sexualHealth.medications)).toEqual([]);
  });

  it('lists a self-harm A&E attendance and an overdose admission only under mentalHealth', () => {
    expect(ids(section.encounters)).toEqual(['enc-wrist']);
    expect(ids(section.aAndEAttendances)).toEqual(['enc-wrist']);
    expect(ids(section.hospitalAdmissions)).toEqual([]);
    expect(ids(section.mentalHealth.encounters)).toEqual(['enc-self-harm', 'enc-overdose']);
  });

  it('gives their chronology events the MENTAL_HEALTH category, never HEALTH', () => {
    const events = toChronology([record]);
    expect(events.map((e) => [e.recordId, e.kind, e.category])).toEqual([
      ['Encounter/enc-self-harm', 'A_AND_E_ATTENDANCE', 'MENTAL_HEALTH'],
      ['Encounter/enc-overdose', 'HOSPITAL_ADMISSION', 'MENTAL_HEALTH'],
      ['Encounter/enc-wrist', 'A_AND_E_ATTENDANCE', 'HEALTH'],
    ]);
    const general = events.filter((e) => e.category === 'HEALTH').map((e) => e.summary);
    expect(general.join(' ')).not.toMatch(/self|overdose|sertraline/i);
  });
});
