import { describe, expect, it } from 'vitest';
import { interactionKey } from './interaction-counter.js';

describe('interactionKey', () => {
  it('names the resource type and FHIR interaction', () => {
    expect(interactionKey('GET', '/fhir/Patient?identifier=x|1')).toBe('Patient:search');
    expect(interactionKey('POST', '/fhir/Condition/_search')).toBe('Condition:search');
    expect(interactionKey('GET', '/fhir/Encounter/enc-1')).toBe('Encounter:read');
    expect(interactionKey('HEAD', '/fhir/Encounter/enc-1')).toBe('Encounter:read');
    expect(interactionKey('GET', '/fhir/metadata')).toBe('system:capabilities');
    expect(interactionKey('PUT', '/fhir/Patient/p1')).toBe('Patient:other');
    expect(interactionKey('GET', '/fhir/Patient/p1/_history/1')).toBe('Patient:other');
  });

  it('does not let arbitrary type names become keys, and ignores non-FHIR paths', () => {
    expect(interactionKey('GET', '/fhir/Whatever123')).toBe('unknown:search');
    expect(interactionKey('GET', '/admin/counters')).toBeNull();
    expect(interactionKey('GET', '/fhirish/Patient')).toBeNull();
  });
});
