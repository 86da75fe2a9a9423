import { describe, expect, it } from 'vitest';
import { patientRecordsResources } from './fixtures/fixture-bundle.js';
import { toPatientRecords } from './to-patient-records.js';

describe('toPatientRecords', () => {
  const records = toPatientRecords(patientRecordsResources());
  const a = records.get('pat-a');
  const b = records.get('pat-b');

  it('makes one record per patient, with the clinical resources that reference it', () => {
    expect([...records.keys()]).toEqual(['pat-a', 'pat-b']);
    expect(a?.conditions.map((c) => c.id)).toEqual(['cond-a-1', 'cond-a-2', 'cond-a-3']);
    expect(a?.medications.map((m) => m.id)).toEqual(['med-a-1']);
    expect(a?.allergies.map((m) => m.id)).toEqual(['alg-a-1']);
    expect(a?.immunisations.map((m) => m.id)).toEqual(['imm-a-1']);
    expect(a?.observations.map((m) => m.id)).toEqual(['obs-a-1']);
    expect(b?.immunisations.map((m) => m.id)).toEqual(['imm-b-1']);
    expect(b?.conditions).toEqual([]);
  });

  it('leaves out what was entered in error', () => {
    expect(a?.conditions.some((c) => c.id === 'cond-a-err')).toBe(false);
  });

  it('reads demographics as recorded, with the NHS number checked', () => {
    expect(a?.patient).toEqual({
      patientId: 'pat-a',
      nhsNumber: '9434765919',
      nhsNumberValid: true,
      givenNames: ['Amy', 'Jane'],
      familyName: 'Example',
      birthDate: '2011-07-09',
      gender: 'female',
      restricted: false,
    });
    expect(b?.patient).toMatchObject({
      nhsNumber: null,
      nhsNumberValid: false,
      birthDate: '2012-03',
      restricted: true,
    });
  });

  it('resolves the registered practice and GP from included reference data', () => {
    expect(a?.registration).toEqual({
      patientId: 'pat-a',
      practice: { id: 'org-1', odsCode: 'A81001', name: 'Riverside Surgery', phone: '0113 000 0001' },
      gp: { id: 'gp-1', name: 'Dr Priya Shah', email: 'p.shah@example.nhs.uk', phone: '0113 000 0002' },
    });
    expect(b?.registration.gp).toBeNull();
    expect(b?.registration.practice?.odsCode).toBe('B82002');
  });

  it('labels conditions by sensitivity and status', () => {
    expect(a?.conditions.map((c) => [c.display, c.category, c.active])).toEqual([
      ['Asthma', 'HEALTH', true],
      ['Low mood', 'MENTAL_HEALTH', false],
      ['Chlamydial infection', 'SEXUAL_HEALTH', true],
    ]);
    expect(a?.conditions[1]).toMatchObject({ onset: '2023-09-20T10:30:00+01:00', abatement: '2024-01-01' });
  });

  it('tells GP appointments, A&E attendances, admissions and outpatient appointments apart', () => {
    expect(a?.encounters.map((e) => [e.id, e.kind])).toEqual([
      ['enc-a-gp', 'GP_APPOINTMENT'],
      ['enc-a-ae', 'A_AND_E_ATTENDANCE'],
      ['enc-a-adm', 'HOSPITAL_ADMISSION'],
      ['enc-a-out', 'OUTPATIENT_APPOINTMENT'],
      ['enc-a-planned', 'GP_APPOINTMENT'],
    ]);
    expect(a?.encounters[1]).toMatchObject({
      status: 'in-progress',
      end: null,
      display: 'Emergency department patient visit',
    });
    expect(a?.encounters[2]?.reason).toBe('Appendicitis');
  });

  it('maps medications, allergies, immunisations and observations', () => {
    expect(a?.medications[0]).toEqual({
      id: 'med-a-1',
      display: 'Salbutamol inhaler',
      code: '39113611000001102',
      status: 'active',
      start: '2014-03-02',
      end: null,
      dosage: 'Two puffs when needed',
      category: 'HEALTH',
    });
    expect(a?.allergies[0]).toMatchObject({
      display: 'Penicillin allergy',
      criticality: 'high',
      clinicalStatus: 'active',
    });
    expect(a?.immunisations[0]).toMatchObject({
      display: 'MMR vaccination',
      date: '2012-06-01',
      code: '38598009',
    });
    expect(a?.observations[0]).toMatchObject({
      value: '41.2 kg',
      numericValue: 41.2,
      unit: 'kg',
      code: '29463-7',
    });
  });

  it('counts a resource repeated on a later page once', () => {
    const resources = patientRecordsResources();
    const again = toPatientRecords([...resources, ...resources]);
    expect(again.get('pat-a')?.conditions).toHaveLength(3);
  });

  it('ignores clinical resources for patients not in the answer', () => {
    const resources = patientRecordsResources().filter(
      (resource) => !(resource.resourceType === 'Patient' && resource.id === 'pat-b'),
    );
    expect([...toPatientRecords(resources).keys()]).toEqual(['pat-a']);
  });
});
