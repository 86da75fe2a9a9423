import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundlePatients } from './bundle-patients.js';
import { gpResourceValidator } from './gp-resource.js';
import { recordClock } from './record-clock.js';
import {
  badNhsNumber,
  conditionEntry,
  encounterEntry,
  nhsNumberFor,
  nhsSystem,
  patientEntry,
} from './testing/record-fixtures.js';

const clock = recordClock(new Date('2026-12-03T12:00:00Z'));
const texts = (entries: unknown[]) => entries.map((entry) => JSON.stringify(entry));

function validatorFor(entries: unknown[]) {
  return gpResourceValidator(bundlePatients(texts(entries)), clock);
}

const patient = patientEntry('p1', nhsNumberFor(1));
const validate = validatorFor([patient, patientEntry('p9', badNhsNumber(9))]);
const withResource = (entry: { resource: Record<string, unknown> }, changes: Record<string, unknown>) =>
  JSON.stringify({ ...entry, resource: { ...entry.resource, ...changes } });

describe('GP feed record', () => {
  it('lands a Patient by its NHS number', () => {
    expect(validate(JSON.stringify(patient))).toMatchObject({
      ok: true,
      value: {
        resourceType: 'Patient',
        id: 'p1',
        nhsNumber: nhsNumberFor(1),
        occurredAt: null,
        emergency: false,
      },
    });
  });

  it('resolves the subject by fullUrl, by Patient/id, and by NHS number identifier', () => {
    for (const subject of [
      { reference: 'urn:uuid:p1' },
      { reference: 'Patient/p1' },
      { reference: 'https://gp.example/fhir/Patient/p1/_history/3' },
      { identifier: { system: nhsSystem, value: nhsNumberFor(1) } },
      { reference: 'Patient/elsewhere', identifier: { system: nhsSystem, value: nhsNumberFor(1) } },
    ])
      expect(validate(JSON.stringify(encounterEntry('e1', subject)))).toMatchObject({
        ok: true,
        value: { nhsNumber: nhsNumberFor(1) },
      });
  });

  it('marks an EMER encounter as unscheduled care, with its start as the clinical date', () => {
    const verdict = validate(
      JSON.stringify(encounterEntry('e1', { reference: 'Patient/p1' }, { classCode: 'EMER' })),
    );
    expect(verdict).toMatchObject({
      ok: true,
      value: {
        emergency: true,
        occurredAt: '2026-10-30T09:00:00.000Z',
        lastUpdated: '2026-11-01T10:00:00.000Z',
      },
    });
  });

  it('accepts a bare resource as well as a Bundle entry', () => {
    expect(validate(JSON.stringify(conditionEntry('c1', { reference: 'Patient/p1' }).resource)).ok).toBe(
      true,
    );
  });

  const encounter = encounterEntry('e1', { reference: 'Patient/p1' });
  it.each([
    ['not JSON', '{"resource": ', 'SCHEMA'],
    ['not an entry', '[1,2]', 'SCHEMA'],
    ['no resourceType', JSON.stringify({ resource: { id: 'x' } }), 'MISSING_FIELD'],
    ['a Flag', JSON.stringify({ resource: { resourceType: 'Flag', id: 'x' } }), 'UNSUPPORTED_RESOURCE'],
    ['no lastUpdated', withResource(encounter, { meta: {} }), 'MISSING_FIELD'],
    [
      'a lastUpdated in year 0',
      withResource(encounter, { meta: { lastUpdated: '0000-06-01T09:00:00Z' } }),
      'SCHEMA',
    ],
    ['no id', withResource(encounter, { id: undefined }), 'MISSING_FIELD'],
    ['an unknown class', withResource(encounter, { class: { code: 'XYZ' } }), 'UNKNOWN_CODE'],
    ['an unknown status', withResource(encounter, { status: 'done' }), 'UNKNOWN_CODE'],
    ['a start tomorrow', withResource(encounter, { period: { start: '2026-12-04' } }), 'FUTURE_DATE'],
    [
      'lastUpdated ahead',
      withResource(encounter, { meta: { lastUpdated: '2026-12-03T13:00:00Z' } }),
      'FUTURE_DATE',
    ],
    [
      'a subject to nobody',
      withResource(encounter, { subject: { reference: 'Patient/nobody' } }),
      'UNRESOLVED_REFERENCE',
    ],
    [
      'a subject without NHS number',
      withResource(encounter, { subject: { reference: 'Patient/p9' } }),
      'UNRESOLVED_REFERENCE',
    ],
    ['no subject', withResource(encounter, { subject: undefined }), 'MISSING_FIELD'],
    [
      'a subject that is a string, not a Reference',
      withResource(encounter, { subject: 'Patient/p1' }),
      'SCHEMA',
    ],
    [
      'a subject that is a list',
      withResource(encounter, { subject: [{ reference: 'Patient/p1' }] }),
      'SCHEMA',
    ],
    [
      'a bad identifier',
      withResource(encounter, { subject: { identifier: { system: nhsSystem, value: badNhsNumber(2) } } }),
      'NHS_NUMBER_CHECKSUM',
    ],
    [
      'a Patient with a bad NHS number',
      JSON.stringify(patientEntry('p9', badNhsNumber(9))),
      'NHS_NUMBER_CHECKSUM',
    ],
    ['a Patient without one', withResource(patient, { identifier: [] }), 'MISSING_FIELD'],
    [
      'a condition with an unknown clinical status',
      withResource(conditionEntry('c1', { reference: 'Patient/p1' }), {
        clinicalStatus: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'x' }],
        },
      }),
      'UNKNOWN_CODE',
    ],
    [
      'a medication request without medication',
      JSON.stringify({
        resource: {
          resourceType: 'MedicationRequest',
          id: 'm1',
          meta: { lastUpdated: '2026-11-01T00:00:00Z' },
          status: 'active',
          intent: 'order',
          subject: { reference: 'Patient/p1' },
        },
      }),
      'MISSING_FIELD',
    ],
  ])('dead-letters %s as %s', (_name, text, reason) => {
    expect(validate(text)).toMatchObject({ ok: false, reason });
  });

  it('lands each supported clinical type, reading the patient from the right element', () => {
    const lastUpdated = '2026-11-01T00:00:00Z';
    const base = { meta: { lastUpdated } };
    const resources = [
      {
        resourceType: 'Observation',
        id: 'o1',
        ...base,
        status: 'final',
        code: { text: 'BMI' },
        subject: { reference: 'Patient/p1' },
        effectiveDateTime: '2026-10-01',
      },
      {
        resourceType: 'Immunization',
        id: 'i1',
        ...base,
        status: 'completed',
        vaccineCode: { text: 'MMR' },
        patient: { reference: 'Patient/p1' },
        occurrenceDateTime: '2020-05-01',
      },
      {
        resourceType: 'AllergyIntolerance',
        id: 'a1',
        ...base,
        patient: { reference: 'urn:uuid:p1' },
        recordedDate: '2024-01-01',
      },
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        ...base,
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: { text: 'Salbutamol' },
        authoredOn: '2026-09-01',
      },
    ];
    for (const resource of resources)
      expect(validate(JSON.stringify({ resource }))).toMatchObject({
        ok: true,
        value: { nhsNumber: nhsNumberFor(1) },
      });
  });

  it('never accepts a wrong check digit and never echoes the number (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300_000 }), (n) => {
        const verdict = validate(JSON.stringify(patientEntry('px', badNhsNumber(n))));
        expect(verdict).toMatchObject({
          ok: false,
          reason: 'NHS_NUMBER_CHECKSUM',
          detail: 'identifier.0.value',
        });
        const good = validate(JSON.stringify(patientEntry('px', nhsNumberFor(n))));
        expect(good).toMatchObject({ ok: true, value: { nhsNumber: nhsNumberFor(n) } });
      }),
    );
  });

  it('never throws on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const verdict = validate(JSON.stringify({ resource: value }));
        if (!verdict.ok) expect(verdict.detail.length).toBeLessThanOrEqual(500);
      }),
    );
  });
});

describe('GP feed record nesting', () => {
  it('dead-letters a resource nested deeper than any FHIR resource as SCHEMA', () => {
    const depth = 100_000;
    const deep = `${'{"extension":'.repeat(depth)}"leaf"${'}'.repeat(depth)}`;
    const resource = JSON.stringify(conditionEntry('c1', { reference: 'Patient/p1' }).resource);
    const text = `{"resource":${resource.slice(0, -1)},"deep":${deep}}}`;
    expect(validate(text)).toEqual({ ok: false, reason: 'SCHEMA', detail: '(record): nested too deep' });
  });
});
