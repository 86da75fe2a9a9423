import { beforeAll, describe, expect, it } from 'vitest';
import { GpRepository } from '../data/gp-repository.js';
import type {
  Condition,
  Encounter,
  GpResource,
  Organization,
  Patient,
  Practitioner,
} from '../fhir/r4-types.js';
import { clinicalResourceTypes, resourceTypes } from '../fhir/resource-types.js';
import { capabilityStatement } from '../http/capability-statement.js';
import { gpErrorBody, gpMalformedBody } from '../http/malformed-bodies.js';
import { defaultPagingLimits } from '../search/parse-search.js';
import { createFhirValidator } from '../test-support/fhir-validator.js';
import { fixtureNhsNumbers, gpFixturePopulation } from '../fixture-population.js';
import { professionalName } from './practitioner.js';

let validator: ReturnType<typeof createFhirValidator>;
// Compiling the R4 JSON schema takes a few seconds on a busy machine.
beforeAll(() => {
  validator = createFhirValidator();
}, 60_000);

function everyResource(repository: GpRepository): GpResource[] {
  const population = gpFixturePopulation();
  const patientIds = population.gp.map((record) => record.patientId);
  return [
    ...repository.readMany('Patient', repository.allIds('Patient')),
    ...repository.readMany('Practitioner', repository.allIds('Practitioner')),
    ...repository.readMany('Organization', repository.allIds('Organization')),
    ...clinicalResourceTypes.flatMap((type) => repository.clinicalForPatients(type, patientIds)),
  ];
}

describe('the independent validator', () => {
  it('targets FHIR R4 (not STU3 or R5)', () => {
    expect(validator.schemaId).toBe('http://hl7.org/fhir/json-schema/4.0');
    expect(validator.resourceTypes.has('ServiceRequest')).toBe(true); // new in R4
    expect(validator.resourceTypes.has('ProcedureRequest')).toBe(false); // STU3 only
    expect(validator.resourceTypes.has('MedicationUsage')).toBe(false); // R5 name for MedicationStatement
  });

  it('catches invalid resources', () => {
    expect(validator.errors({ resourceType: 'Patient', id: 'ok', birthDate: '2010-05-14' })).toEqual([]);
    expect(validator.errors({ resourceType: 'Patient', id: 'ok', birthDate: 'not-a-date' })).not.toEqual([]);
    expect(
      validator.errors({
        resourceType: 'Encounter',
        id: 'bad_id',
        status: 'finished',
        class: { code: 'AMB' },
      }),
    ).not.toEqual([]);
    expect(
      validator.errors({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { id: 'x' } }] }),
    ).not.toEqual([]);
    expect(
      validator.errors({ resourceType: 'Condition', id: 'ok', subject: {}, onsetDate: '2020' }),
    ).not.toEqual([]);
  });
});

describe('GP resources built from the population', () => {
  const repository = new GpRepository(gpFixturePopulation());
  const resources = everyResource(repository);

  it('cover every resource type the server offers', () => {
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(new Set(resourceTypes));
  });

  it('are all valid FHIR R4', () => {
    const invalid = resources
      .filter((resource) => validator.errors(resource).length > 0)
      .map((resource) => ({
        key: `${resource.resourceType}/${resource.id}`,
        errors: validator.explain(resource),
      }));
    expect(invalid).toEqual([]);
  });

  it('carry the elements R4 makes mandatory (which the JSON schema does not enforce)', () => {
    for (const resource of resources) {
      switch (resource.resourceType) {
        case 'Encounter':
          expect(resource.status && resource.class.code && resource.class.system).toBeTruthy();
          break;
        case 'Condition':
          expect(resource.subject.reference).toMatch(/^Patient\//);
          break;
        case 'MedicationStatement':
          expect(
            resource.status && resource.subject.reference && resource.medicationCodeableConcept,
          ).toBeTruthy();
          break;
        case 'AllergyIntolerance':
          expect(resource.patient.reference).toMatch(/^Patient\//);
          break;
        case 'Immunization':
          expect(
            resource.status &&
              resource.vaccineCode.coding &&
              resource.patient.reference &&
              resource.occurrenceDateTime,
          ).toBeTruthy();
          break;
        case 'Observation':
          expect(resource.status && resource.code.coding).toBeTruthy();
          break;
        default:
          expect(resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      }
    }
  });

  it('validate for the CapabilityStatement, OperationOutcome and an added encounter too', () => {
    const statement = capabilityStatement({
      baseUrl: 'http://gp.test/fhir',
      date: '2025-03-31',
      paging: defaultPagingLimits,
    });
    expect(statement.fhirVersion).toBe('4.0.1');
    // The validator's schema predates 4.0.1 (see createFhirValidator); everything else must validate.
    expect(validator.explain({ ...statement, fhirVersion: '4.0.0' })).toEqual([]);
    expect(validator.errors(gpErrorBody())).toEqual([]);
    const added = repository.addEncounter(
      'gp-pat-003',
      {
        id: 'enc-added',
        class: 'EMER',
        snomed: '4525004',
        display: 'Emergency department patient visit',
        start: '2025-03-31T01:00:00.000Z',
        end: null,
        reason: null,
      },
      '2025-03-31T01:05:00.000Z',
    );
    expect(added && validator.errors(added)).toEqual([]);
  });

  it('makes malformed bodies the validator rejects', () => {
    for (const url of ['/fhir/Patient?_id=a', '/fhir/Patient/gp-pat-001', '/fhir/metadata']) {
      expect(validator.errors(gpMalformedBody(url))).not.toEqual([]);
    }
  });
});

describe('mapping details', () => {
  const repository = new GpRepository(gpFixturePopulation());

  it('gives a Patient its NHS number, demographics and registered GP and practice', () => {
    const patient = repository.read('Patient', 'gp-pat-001') as Patient;
    expect(patient.identifier?.[0]).toMatchObject({
      system: 'https://fhir.nhs.uk/Id/nhs-number',
      value: fixtureNhsNumbers.ava,
    });
    expect(patient.name?.[0]).toMatchObject({ family: 'Thompson', given: ['Ava', 'Grace'] });
    expect(patient).toMatchObject({
      gender: 'female',
      birthDate: '2010-05-14',
      address: [{ postalCode: 'LS8 2PF' }],
    });
    expect(patient.generalPractitioner).toEqual([
      { reference: 'Organization/org-gp-1' },
      { reference: 'Practitioner/prof-gp-1' },
    ]);
    const withoutNumber = repository.read('Patient', 'gp-pat-003') as Patient;
    expect(withoutNumber.identifier).toBeUndefined();
    expect(withoutNumber.address).toBeUndefined();
  });

  it('labels sensitive conditions and only those', () => {
    const security = (id: string) =>
      (repository.read('Condition', id) as Condition).meta?.security?.map((c) => c.code);
    expect(security('cond-001-b')).toEqual(['R', 'PSY', 'MH']);
    expect(security('cond-002-a')).toEqual(['R', 'SEX']);
    expect(security('cond-001-a')).toBeUndefined();
  });

  it('codes encounter classes with v3-ActCode and leaves an ongoing attendance in progress', () => {
    const emergency = repository.read('Encounter', 'enc-002-a') as Encounter;
    expect(emergency.class).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: 'EMER',
    });
    expect(emergency.status).toBe('in-progress');
    expect(emergency.period).toEqual({ start: '2025-03-30T23:50:00.000Z' });
    const appointment = repository.read('Encounter', 'enc-001-a') as Encounter;
    expect(appointment.serviceProvider).toEqual({ reference: 'Organization/org-gp-1' });
  });

  it('serves health organisations with ODS codes and GP staff, not other agencies', () => {
    const practice = repository.read('Organization', 'org-gp-1') as Organization;
    expect(practice.identifier).toEqual([
      { system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'A81001' },
    ]);
    expect(repository.read('Organization', 'org-school-1')).toBeUndefined();
    expect(repository.read('Practitioner', 'prof-sw-1')).toBeUndefined();
    expect((repository.read('Practitioner', 'prof-gp-1') as Practitioner).name?.[0]).toMatchObject({
      prefix: ['Dr'],
      given: ['Priya'],
      family: 'Shah',
    });
  });

  it('splits professional names around titles', () => {
    expect(professionalName('Grace Okafor')).toEqual({
      use: 'official',
      text: 'Grace Okafor',
      family: 'Okafor',
      given: ['Grace'],
    });
    expect(professionalName('Dr')).toEqual({ use: 'official', text: 'Dr', family: 'Dr' });
  });
});
