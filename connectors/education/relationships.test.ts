import { describe, expect, it } from 'vitest';
import type { EducationClient } from './education-client.js';
import { readRelationships } from './relationships.js';
import { searchFixture } from './test-fixtures/fixtures.js';

describe('readRelationships', () => {
  it('reads the pupils in one search and lists schools and virtual school heads', async () => {
    const searches: string[][] = [];
    const client: EducationClient = {
      searchPupils: async (ids) => {
        searches.push([...ids]);
        const answer = searchFixture();
        return { pupils: answer.pupils.filter((pupil) => ids.includes(pupil.pupilId)), notFound: [] };
      },
      indexPage: async () => ({ people: [], next: null }),
      ping: async () => undefined,
    };
    const relationships = await readRelationships(client, ['P-100', 'P-200', 'P-100']);
    expect(searches).toEqual([['P-100', 'P-200']]);
    expect(relationships.map((r) => [r.localId, r.kind, r.subject])).toEqual([
      ['P-100', 'SCHOOL', { organisation: '130002' }],
      ['P-100', 'VIRTUAL_SCHOOL', { person: 'virtual.school@council.example' }],
      ['P-200', 'SCHOOL', { organisation: '130001' }],
    ]);
    expect(await readRelationships(client, [])).toEqual([]);
  });
});
