import { afterAll, describe, expect, it } from 'vitest';
import { generatePopulation } from '../population/generate.js';
import { GpRepository } from './data/gp-repository.js';
import { clinicalResourceTypes, resourceTypes } from './fhir/resource-types.js';
import { createFhirValidator } from './test-support/fhir-validator.js';
import { entryIds, gpTestServer, linkPath } from './test-support/gp-test-server.js';

const population = generatePopulation({ seed: 7, size: 300 });
const { app } = gpTestServer({ population });
afterAll(() => app.close());

describe('the GP simulator over a generated population', () => {
  it('serves only valid FHIR R4, of every resource type', () => {
    const validator = createFhirValidator();
    const repository = new GpRepository(population);
    const patientIds = population.gp.map((record) => record.patientId);
    const resources = [
      ...repository.readMany('Patient', repository.allIds('Patient')),
      ...repository.readMany('Practitioner', repository.allIds('Practitioner')),
      ...repository.readMany('Organization', repository.allIds('Organization')),
      ...clinicalResourceTypes.flatMap((type) => repository.clinicalForPatients(type, patientIds)),
    ];
    expect(new Set(resources.map((resource) => resource.resourceType))).toEqual(new Set(resourceTypes));
    const invalid = resources
      .filter((resource) => validator.errors(resource).length > 0)
      .slice(0, 3)
      .map((resource) => ({
        key: `${resource.resourceType}/${resource.id}`,
        errors: validator.explain(resource),
      }));
    expect(invalid).toEqual([]);
    // Compiling the R4 schema and checking a few thousand resources takes seconds on a busy machine.
  }, 60_000);

  it('answers one batched POST _search for every NHS number, with each record holding one', async () => {
    const numbers = [...new Set(population.gp.flatMap((record) => record.identity.nhsNumber ?? []))];
    const holders = population.gp
      .filter((record) => record.identity.nhsNumber !== null)
      .map((r) => `Patient/${r.patientId}`);
    const response = await app.inject({
      method: 'POST',
      url: '/fhir/Patient/_search',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/fhir+json' },
      payload: new URLSearchParams({
        identifier: numbers.map((number) => `https://fhir.nhs.uk/Id/nhs-number|${number}`).join(','),
        _count: '1000',
      }).toString(),
    });
    expect(response.statusCode).toBe(200);
    const bundle = response.json();
    expect(bundle.total).toBe(holders.length);
    expect(entryIds(bundle).sort()).toEqual([...holders].sort());
  });

  it('pages a many-patient encounter search to exactly the records’ encounters', async () => {
    const records = population.gp.slice(0, 60);
    const expected = records.flatMap((record) =>
      record.encounters.map((encounter) => `Encounter/${encounter.id}`),
    );
    const seen: string[] = [];
    let next: string | null =
      `/fhir/Encounter?patient=${records.map((r) => r.patientId).join(',')}&_count=25`;
    while (next !== null) {
      const page = await app.inject({ url: next });
      expect(page.statusCode).toBe(200);
      seen.push(...entryIds(page.json()));
      next = linkPath(page.json(), 'next');
    }
    expect(seen.sort()).toEqual(expected.sort());
  });
});
