import { describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import {
  followableLink,
  maxGetUrlLength,
  nextLinkOf,
  patientPageParams,
  patientPracticesParams,
  patientRecordsParams,
  searchRequest,
  searchableIds,
} from './search-requests.js';

const base = 'https://gp.example/fhir';

describe('FHIR search requests', () => {
  it('ask for patients with every clinical record and their GP in one search, sized to the ids', () => {
    const params = patientRecordsParams(['a', 'b', 'c'], 200);
    expect(params.get('_id')).toBe('a,b,c');
    expect(params.getAll('_revinclude')).toEqual([
      'Condition:patient',
      'MedicationStatement:patient',
      'AllergyIntolerance:patient',
      'Immunization:patient',
      'Encounter:patient',
      'Observation:patient',
    ]);
    expect(params.getAll('_include')).toEqual(['Patient:general-practitioner']);
    expect(params.get('_count')).toBe('3');
    expect(patientRecordsParams(['a', 'b', 'c'], 2).get('_count')).toBe('2');
  });

  it('ask only for practices for relationships, and a plain page for the person index', () => {
    const params = patientPracticesParams(['a'], 200);
    expect(params.getAll('_include')).toEqual(['Patient:general-practitioner:Organization']);
    expect(params.has('_revinclude')).toBe(false);
    expect(patientPageParams(50).toString()).toBe('_count=50');
  });

  it('GET a short search and POST _search with a form body when the URL would be long', () => {
    const short = searchRequest(base, 'Patient', patientRecordsParams(['a'], 200));
    expect(short.method).toBe('GET');
    expect(short.url.startsWith(`${base}/Patient?_id=a&`)).toBe(true);
    const ids = Array.from(
      { length: 100 },
      (_, i) => `0f8fad5b-d9cb-469f-a165-${String(i).padStart(12, '0')}`,
    );
    const long = searchRequest(base, 'Patient', patientRecordsParams(ids, 200));
    expect(long.method).toBe('POST');
    expect(long.url).toBe(`${base}/Patient/_search`);
    expect(long.form?.get('_id')?.split(',')).toHaveLength(100);
    expect(`${base}/Patient?${long.form?.toString()}`.length).toBeGreaterThan(maxGetUrlLength);
  });

  it('search only for FHIR ids, so a key cannot add search values', () => {
    expect(searchableIds(['a', 'a', 'b,c', 'd&_id=e', '', 'x'.repeat(65), 'ok-1.2'])).toEqual([
      'a',
      'ok-1.2',
    ]);
  });

  it("follow next links only on the server's own origin", () => {
    expect(followableLink(base, `${base}/Patient?_cursor=x`, 'HEALTH')).toBe(`${base}/Patient?_cursor=x`);
    expect(followableLink(base, 'Patient?_cursor=y', 'HEALTH')).toBe(`${base}/Patient?_cursor=y`);
    expect(followableLink(base, 'https://gp.example/fhir?_getpages=abc', 'HEALTH')).toBe(
      'https://gp.example/fhir?_getpages=abc',
    );
    let error: HubError | undefined;
    try {
      followableLink(base, 'https://elsewhere.example/fhir/Patient?_id=9434765919', 'HEALTH');
    } catch (caught) {
      error = caught as HubError;
    }
    expect(error?.code).toBe('UPSTREAM_BAD_PAYLOAD');
    expect(error?.details).toEqual({ agency: 'HEALTH', reason: 'UPSTREAM_FOREIGN_LINK' });
  });

  it('find the next link', () => {
    expect(
      nextLinkOf([
        { relation: 'self', url: 's' },
        { relation: 'next', url: 'n' },
      ]),
    ).toBe('n');
    expect(nextLinkOf([{ relation: 'self', url: 's' }])).toBeNull();
    expect(nextLinkOf(undefined)).toBeNull();
  });
});
