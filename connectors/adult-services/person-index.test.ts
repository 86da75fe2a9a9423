import { describe, expect, it } from 'vitest';
import type { AdultServicesClient } from './adult-client.js';
import { readPersonIndexPage } from './person-index.js';
import { readRelationships } from './relationships.js';
import { indexFixture, searchFixture } from './test-fixtures/fixtures.js';

function recordingClient(): AdultServicesClient & {
  asked: Array<[string | null, number]>;
  searches: string[][];
} {
  const asked: Array<[string | null, number]> = [];
  const searches: string[][] = [];
  return {
    asked,
    searches,
    searchPeople: async (ids) => {
      searches.push([...ids]);
      return {
        people: searchFixture().people.filter((person) => ids.includes(person.personId)),
        notFound: [],
      };
    },
    indexPage: async (cursor, limit) => {
      asked.push([cursor, limit]);
      return indexFixture();
    },
    submitHandoff: async () => ({ reference: 'ASC-1', status: 'RECEIVED', created: true }),
    ping: async () => undefined,
  };
}

describe('adult services identity listing and relationships', () => {
  it('maps a page of the listing to identity records, asking for no more than one page holds', async () => {
    const client = recordingClient();
    const page = await readPersonIndexPage(client, 'abc', 5000);
    expect(page.records.map((record) => [record.agency, record.localId])).toEqual([
      ['adult', 'AP-1'],
      ['adult', 'AP-3'],
    ]);
    expect(page.next).toBeNull();
    expect(client.asked).toEqual([['abc', 1000]]);
  });

  it('reads relationships with one search for the distinct ids', async () => {
    const client = recordingClient();
    const relationships = await readRelationships(client, ['AP-1', 'AP-3', 'AP-1']);
    expect(client.searches).toEqual([['AP-1', 'AP-3']]);
    expect(relationships.map((r) => r.kind)).toEqual(['TRANSITION_WORKER', 'PERSONAL_ADVISER']);
  });
});
