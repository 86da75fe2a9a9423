import { describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import { patientRecordsResources } from './fixtures/fixture-bundle.js';
import type { HealthClient, PatientPage } from './health-client.js';
import { decodeCursor, encodeCursor, personIndexPage } from './person-index.js';

function clientAnswering(pages: PatientPage[], asked: Array<[string | null, number]>): HealthClient {
  return {
    patientPage: async (url, limit) => {
      asked.push([url, limit]);
      const next = pages.shift();
      if (!next) throw new Error('no more pages scripted');
      return next;
    },
    patientRecords: async () => [],
    patientPractices: async () => [],
    capabilities: async () => undefined,
  };
}

describe('person index', () => {
  it('maps the patients of a page and hands back the next link as an opaque cursor', async () => {
    const asked: Array<[string | null, number]> = [];
    const next = 'https://gp.example/fhir/Patient?_count=2&_cursor=abc';
    const client = clientAnswering(
      [
        { resources: patientRecordsResources(), next },
        { resources: [], next: null },
      ],
      asked,
    );
    const first = await personIndexPage(client, null, 2);
    expect(first.records.map((r) => r.localId)).toEqual(['pat-a', 'pat-b']);
    expect(first.next).not.toBeNull();
    expect(first.next).not.toContain('gp.example');
    const second = await personIndexPage(client, first.next, 2);
    expect(second).toEqual({ records: [], next: null });
    expect(asked).toEqual([
      [null, 2],
      [next, 2],
    ]);
  });

  it('round-trips cursors and rejects one that is not a URL', () => {
    const url = 'https://gp.example/fhir/Patient?_count=2&_cursor=a/b+c';
    expect(decodeCursor(encodeCursor(url))).toBe(url);
    let error: HubError | undefined;
    try {
      decodeCursor('not a cursor');
    } catch (caught) {
      error = caught as HubError;
    }
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.details).toEqual({ agency: 'HEALTH' });
  });
});
