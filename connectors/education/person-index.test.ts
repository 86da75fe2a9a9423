import { describe, expect, it } from 'vitest';
import type { EducationClient } from './education-client.js';
import { readPersonIndexPage } from './person-index.js';
import { indexFixture, searchFixture } from './test-fixtures/fixtures.js';

function recordingClient(): EducationClient & { asked: Array<[string | null, number]> } {
  const asked: Array<[string | null, number]> = [];
  return {
    asked,
    searchPupils: async () => searchFixture(),
    indexPage: async (cursor, limit) => {
      asked.push([cursor, limit]);
      return indexFixture();
    },
    ping: async () => undefined,
  };
}

describe('readPersonIndexPage', () => {
  it('maps a page of the listing to identity records and passes the cursor through', async () => {
    const client = recordingClient();
    const page = await readPersonIndexPage(client, 'abc', 50);
    expect(page.records.map((record) => [record.agency, record.localId])).toEqual([
      ['education', 'P-100'],
      ['education', 'P-200'],
    ]);
    expect(page.next).toBe('cDI');
    expect(client.asked).toEqual([['abc', 50]]);
  });

  it('asks for no more than the system serves in one page (paging continues through next)', async () => {
    const client = recordingClient();
    await readPersonIndexPage(client, null, 50_000);
    await readPersonIndexPage(client, null, 0);
    expect(client.asked).toEqual([
      [null, 1000],
      [null, 1],
    ]);
  });
});
