import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceTypes } from '../fhir/resource-types.js';
import type { FhirValidator } from '../test-support/fhir-validator.js';
import { createFhirValidator } from '../test-support/fhir-validator.js';
import { fhirGet, gpTestServer } from '../test-support/gp-test-server.js';

const { app } = gpTestServer({ baseUrl: 'https://gp.example.test/fhir' });
let validator: FhirValidator;
// Compiling the R4 JSON schema takes a few seconds on a busy machine.
beforeAll(() => {
  validator = createFhirValidator();
}, 60_000);
afterAll(() => app.close());

const sampleIds: Record<(typeof resourceTypes)[number], string> = {
  Patient: 'gp-pat-001',
  Practitioner: 'prof-gp-1',
  Organization: 'org-gp-1',
  Condition: 'cond-001-b',
  MedicationStatement: 'med-001-a',
  AllergyIntolerance: 'alg-001-a',
  Immunization: 'imm-001-a',
  Encounter: 'enc-002-a',
  Observation: 'obs-001-a',
};

describe('read', () => {
  it('returns each resource type by id as valid FHIR JSON with version headers', async () => {
    for (const type of resourceTypes) {
      const { status, contentType, headers, body } = await fhirGet(app, `/fhir/${type}/${sampleIds[type]}`);
      expect({ type, status }).toEqual({ type, status: 200 });
      expect(contentType).toBe('application/fhir+json; charset=utf-8');
      expect(body).toMatchObject({ resourceType: type, id: sampleIds[type] });
      expect(headers.etag).toBe('W/"1"');
      expect(headers['last-modified']).toBe('Mon, 31 Mar 2025 12:00:00 GMT');
      expect(validator.errors(body)).toEqual([]);
    }
  });

  it('answers 404 with an OperationOutcome for an unknown id or resource type', async () => {
    for (const url of [
      '/fhir/Patient/nobody',
      '/fhir/Condition/nothing',
      '/fhir/Appointment/1',
      '/fhir/Appointment',
    ]) {
      const { status, contentType, body } = await fhirGet(app, url);
      expect({ url, status }).toEqual({ url, status: 404 });
      expect(contentType).toBe('application/fhir+json; charset=utf-8');
      expect(body.resourceType).toBe('OperationOutcome');
      expect(validator.errors(body)).toEqual([]);
    }
    expect((await fhirGet(app, '/fhir/Patient/nobody')).body.issue[0].code).toBe('not-found');
  });

  it('answers 404 for paths that are no FHIR interaction', async () => {
    const { status, body } = await fhirGet(app, '/fhir/Patient/gp-pat-001/_history/1');
    expect(status).toBe(404);
    expect(body.resourceType).toBe('OperationOutcome');
  });

  it('is read-only: writes are 405', async () => {
    for (const [method, url] of [
      ['POST', '/fhir/Patient'],
      ['PUT', '/fhir/Patient/gp-pat-001'],
      ['DELETE', '/fhir/Condition/cond-001-a'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        payload: '{}',
        headers: { 'content-type': 'application/fhir+json' },
      });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 405 });
      expect(response.json().resourceType).toBe('OperationOutcome');
    }
  });
});

describe('content negotiation', () => {
  it('serves JSON to JSON-accepting clients and 406 to others', async () => {
    expect((await fhirGet(app, '/fhir/Patient/gp-pat-001', { accept: 'application/json' })).status).toBe(200);
    expect((await fhirGet(app, '/fhir/Patient/gp-pat-001', { accept: 'text/html, */*;q=0.1' })).status).toBe(
      200,
    );
    const xml = await fhirGet(app, '/fhir/Patient/gp-pat-001', { accept: 'application/fhir+xml' });
    expect(xml.status).toBe(406);
    expect(xml.body.resourceType).toBe('OperationOutcome');
    expect((await fhirGet(app, '/fhir/Patient?_id=gp-pat-001&_format=xml')).status).toBe(406);
    expect((await fhirGet(app, '/fhir/Patient?_id=gp-pat-001&_format=json')).status).toBe(200);
  });
});

describe('CapabilityStatement', () => {
  it('lists every type with read and search-type, its search parameters and includes', async () => {
    const { status, body } = await fhirGet(app, '/fhir/metadata');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      resourceType: 'CapabilityStatement',
      fhirVersion: '4.0.1',
      kind: 'instance',
    });
    expect(body.implementation.url).toBe('https://gp.example.test/fhir');
    const resources = body.rest[0].resource as Array<{
      type: string;
      interaction: Array<{ code: string }>;
      searchParam: Array<{ name: string; type: string }>;
      searchInclude?: string[];
      searchRevInclude?: string[];
    }>;
    expect(resources.map((resource) => resource.type).sort()).toEqual([...resourceTypes].sort());
    const byType = new Map(resources.map((resource) => [resource.type, resource]));
    const params = (type: string) => byType.get(type)?.searchParam.map((param) => param.name) ?? [];
    expect(params('Patient')).toEqual(expect.arrayContaining(['_id', 'identifier']));
    expect(params('Encounter')).toEqual(expect.arrayContaining(['patient', 'class', 'date']));
    expect(params('Condition')).toEqual(expect.arrayContaining(['patient', 'clinical-status']));
    expect(byType.get('Patient')?.searchInclude).toEqual([
      'Patient:general-practitioner',
      'Patient:organization',
    ]);
    expect(byType.get('Patient')?.searchRevInclude).toContain('Condition:patient');
    expect(byType.get('Condition')?.interaction).toEqual([{ code: 'read' }, { code: 'search-type' }]);
  });

  it('advertises only parameters the server accepts under strict handling', async () => {
    const { body } = await fhirGet(app, '/fhir/metadata');
    for (const resource of body.rest[0].resource as Array<{
      type: string;
      searchParam: Array<{ name: string; type: string }>;
    }>) {
      for (const param of resource.searchParam) {
        const value =
          param.type === 'date' ? 'ge2000-01-01' : param.type === 'reference' ? 'Patient/gp-pat-001' : 'x';
        const anchor =
          ['Patient', 'Practitioner', 'Organization'].includes(resource.type) || param.name === '_id'
            ? ''
            : '&patient=gp-pat-001';
        const response = await fhirGet(app, `/fhir/${resource.type}?${param.name}=${value}${anchor}`);
        expect({ type: resource.type, param: param.name, status: response.status }).toEqual({
          type: resource.type,
          param: param.name,
          status: 200,
        });
      }
    }
  });
});

describe('search Bundles', () => {
  it('validate against the R4 schema, includes and lenient outcome entries too', async () => {
    const { body } = await fhirGet(
      app,
      '/fhir/Patient?_id=gp-pat-001,gp-pat-002&_include=Patient:general-practitioner&_revinclude=Condition:patient&_count=1&mystery=1',
      { prefer: 'handling=lenient' },
    );
    expect(body.entry.map((entry: { search: { mode: string } }) => entry.search.mode)).toEqual([
      'match',
      'include',
      'include',
      'include',
      'include',
      'include',
      'outcome',
    ]);
    expect(validator.explain(body)).toEqual([]);
  });
});
