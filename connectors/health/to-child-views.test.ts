import { describe, expect, it } from 'vitest';
import { patientRecordsResources } from './fixtures/fixture-bundle.js';
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
