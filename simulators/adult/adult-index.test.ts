import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { adultTestServer } from './test-server.js';
import { fixtureNhsNumbers } from './fixture-population.js';

let app: FastifyInstance;

beforeEach(() => {
  app = adultTestServer().app;
});

afterEach(async () => {
  await app.close();
});

const get = async (url: string) => app.inject({ method: 'GET', url });

interface IndexPage {
  people: Array<Record<string, unknown> & { id: string }>;
  next: string | null;
}

async function allIds(limit: number): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page = (
      await get(`/adult/v1/people/index?limit=${limit}&cursor=${encodeURIComponent(cursor)}`)
    ).json() as IndexPage;
    ids.push(...page.people.map((person) => person.id));
    sizes.push(page.people.length);
    cursor = page.next;
  }
  return { ids, sizes };
}

describe('GET /adult/v1/people/index', () => {
  it('lists every record once, duplicates included, in a stable order across pages', async () => {
    const first = await allIds(3);
    expect(first.sizes).toEqual([3, 1]);
    expect(first.ids).toEqual(['ASC-1001', 'ASC-1002', 'ASC-1003', 'ASC-1004']);
    expect((await allIds(3)).ids).toEqual(first.ids);
  });

  it('gives only what identity matching needs, as recorded', async () => {
    const { people, next } = (await get('/adult/v1/people/index')).json() as IndexPage;
    expect(next).toBeNull();
    expect(people[0]).toEqual({
      id: 'ASC-1001',
      nhsNumber: fixtureNhsNumbers.erin,
      upn: null,
      givenName: 'Erin',
      familyName: 'Evans',
      sex: 'F',
      dateOfBirth: '2008-01-01',
      postcode: 'AB1 2CD',
    });
    expect(people[3]).toMatchObject({ id: 'ASC-1004', nhsNumber: null });
    expect(JSON.stringify(people)).not.toContain('truthKey');
  });

  it('lists a record opened by handoff intake after the others', async () => {
    const intake = await app.inject({
      method: 'POST',
      url: '/adult/v1/transition-handoffs',
      payload: {
        handoffId: 'HUB-HO-INDEX',
        child: {
          nhsNumber: fixtureNhsNumbers.gail,
          givenName: 'Gail',
          familyName: 'Green',
          dateOfBirth: '2008-05-05',
        },
        sections: [{ type: 'HEALTH', content: {} }],
      },
    });
    expect(intake.statusCode).toBe(201);
    const { ids } = await allIds(2);
    expect(ids).toHaveLength(5);
    expect(ids.slice(0, 4)).toEqual(['ASC-1001', 'ASC-1002', 'ASC-1003', 'ASC-1004']);
  });

  it('rejects a cursor it did not issue and a limit out of range', async () => {
    for (const url of [
      '/adult/v1/people/index?cursor=bm9wZQ',
      '/adult/v1/people/index?limit=0',
      '/adult/v1/people/index?limit=abc',
    ]) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toMatch(/^INVALID_/);
    }
  });
});
