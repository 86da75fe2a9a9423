import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { educationTestServer } from './test-server.js';
import { fixtureUpns } from './fixture-population.js';

let app: FastifyInstance;

beforeEach(() => {
  app = educationTestServer().app;
});

afterEach(async () => {
  await app.close();
});

const get = async (url: string) => app.inject({ method: 'GET', url });

interface IndexPage {
  people: Array<Record<string, unknown> & { id: string }>;
  next: string | null;
}

async function allPages(limit: number): Promise<IndexPage[]> {
  const pages: IndexPage[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const page = (
      await get(`/education/v1/pupils/index?limit=${limit}&cursor=${encodeURIComponent(cursor)}`)
    ).json() as IndexPage;
    pages.push(page);
    cursor = page.next;
  }
  return pages;
}

describe('GET /education/v1/pupils/index', () => {
  it('lists every record once, duplicates included, in a stable order across pages', async () => {
    const pages = await allPages(2);
    expect(pages.map((page) => page.people.length)).toEqual([2, 2, 1]);
    const ids = pages.flatMap((page) => page.people.map((person) => person.id));
    expect(ids).toEqual(['EDU-0001', 'EDU-0002', 'EDU-0003', 'EDU-0004', 'EDU-0005']);
    expect((await allPages(2)).flatMap((page) => page.people.map((person) => person.id))).toEqual(ids);
  });

  it('gives only what identity matching needs, as recorded', async () => {
    const { people, next } = (await get('/education/v1/pupils/index')).json() as IndexPage;
    expect(next).toBeNull();
    expect(people[0]).toEqual({
      id: 'EDU-0001',
      nhsNumber: null,
      upn: fixtureUpns.ava,
      givenName: 'Ava',
      familyName: 'Adams',
      sex: 'F',
      dateOfBirth: '2010-01-01',
      postcode: 'AB1 2CD',
    });
    expect(people[4]).toMatchObject({ id: 'EDU-0005', upn: null });
    expect(JSON.stringify(people)).not.toContain('truthKey');
  });

  it('answers null next when the last page is exactly full', async () => {
    const pages = await allPages(5);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.next).toBeNull();
  });

  it('rejects a cursor it did not issue and a limit out of range', async () => {
    for (const url of [
      '/education/v1/pupils/index?cursor=not-a-cursor',
      '/education/v1/pupils/index?limit=0',
      '/education/v1/pupils/index?limit=1001',
    ]) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toMatch(/^INVALID_/);
    }
  });

  it('is not mistaken for a pupil id', async () => {
    expect((await get('/education/v1/pupils/index')).json()).toHaveProperty('people');
  });
});
