import { describe, expect, it } from 'vitest';
import { rawFixture } from './fixtures/fixture-bundle.js';
import {
  capabilityStatementSchema,
  fhirDatePattern,
  fhirDateTimePattern,
  searchSetBundleSchema,
} from './payload-schemas.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function withEntry(resource: Json): Json {
  const bundle = rawFixture('patient-records-bundle.json') as Json;
  bundle.entry.push({ resource, search: { mode: 'include' } });
  return bundle;
}

describe('FHIR payload schemas', () => {
  it('accept a searchset with unknown elements and resource types the connector does not read', () => {
    const parsed = searchSetBundleSchema.parse(rawFixture('patient-records-bundle.json'));
    const types = (parsed.entry ?? []).map((entry) => entry.resource.resourceType);
    expect(types).toContain('Provenance');
    expect(types).toContain('OperationOutcome');
    expect(types.filter((type) => type === 'Patient')).toHaveLength(2);
  });

  it('accept FHIR partial dates and dateTimes with offsets, and reject what R4 does not allow', () => {
    for (const ok of ['2014', '2014-03', '2014-03-02']) expect(fhirDatePattern.test(ok)).toBe(true);
    for (const bad of ['14-03-02', '2014-13', '2014-03-02T10:00:00Z', 'not-a-date'])
      expect(fhirDatePattern.test(bad)).toBe(false);
    for (const ok of ['2014', '2014-03-02', '2023-09-20T10:30:00+01:00', '2024-11-04T09:10:00.000Z'])
      expect(fhirDateTimePattern.test(ok)).toBe(true);
    for (const bad of ['2024-11-04T09:10:00', '2024-11-04T09:10Z', 'yesterday'])
      expect(fhirDateTimePattern.test(bad)).toBe(false);
  });

  it("reject the GP simulator's malformed search body (entries without a type, total not a number)", () => {
    const malformed = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 'unknown',
      entry: [{ fullUrl: 'Patient/?', resource: { id: 'no resource type', birthDate: 'not-a-date' } }],
    };
    expect(searchSetBundleSchema.safeParse(malformed).success).toBe(false);
    expect(searchSetBundleSchema.safeParse({ ...malformed, total: 1 }).success).toBe(false);
  });

  it('reject a known resource whose read elements are wrong, rather than passing it off as another type', () => {
    expect(
      searchSetBundleSchema.safeParse(
        withEntry({ resourceType: 'Patient', id: 'p', birthDate: 'not-a-date' }),
      ).success,
    ).toBe(false);
    expect(searchSetBundleSchema.safeParse(withEntry({ resourceType: 'Condition', id: 'c' })).success).toBe(
      false,
    );
    expect(
      searchSetBundleSchema.safeParse(
        withEntry({
          resourceType: 'Encounter',
          id: 'e',
          status: 'finished',
          class: { code: 'EMER' },
          period: { start: 'soon' },
        }),
      ).success,
    ).toBe(false);
    expect(
      searchSetBundleSchema.safeParse(withEntry({ resourceType: 'Patient', id: 'bad_id!' })).success,
    ).toBe(false);
  });

  it('reject something that is not a searchset Bundle', () => {
    expect(searchSetBundleSchema.safeParse({ resourceType: 'OperationOutcome', issue: [] }).success).toBe(
      false,
    );
    expect(searchSetBundleSchema.safeParse({ resourceType: 'Bundle', type: 'transaction' }).success).toBe(
      false,
    );
  });

  it('accept only an R4 CapabilityStatement', () => {
    expect(
      capabilityStatementSchema.safeParse({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' })
        .success,
    ).toBe(true);
    expect(
      capabilityStatementSchema.safeParse({ resourceType: 'CapabilityStatement', fhirVersion: '5.0.0' })
        .success,
    ).toBe(false);
    expect(
      capabilityStatementSchema.safeParse({
        resourceType: 'CapabilityStatement',
        status: 'sometimes',
        fhirVersion: 4,
      }).success,
    ).toBe(false);
  });
});
