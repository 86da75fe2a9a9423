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

const get = (url: string) => app.inject({ method: 'GET', url });
const ids = (body: { people: Array<{ personId: string }> }) => body.people.map((p) => p.personId);

describe('GET /adult/v1/people', () => {
  it('returns exactly the ids asked for, in order, unknown ids absent and listed', async () => {
    const body = (await get('/adult/v1/people?id=ASC-1004,NOPE,ASC-1001')).json();
    expect(ids(body)).toEqual(['ASC-1004', 'ASC-1001']);
    expect(body.notFound).toEqual(['NOPE']);
  });

  it('finds by NHS number, with spaces, including duplicate records', async () => {
    const spaced = `${fixtureNhsNumbers.finn.slice(0, 3)} ${fixtureNhsNumbers.finn.slice(3, 6)} ${fixtureNhsNumbers.finn.slice(6)}`;
    const body = (
      await get(`/adult/v1/people?nhsNumber=${encodeURIComponent(spaced)},${fixtureNhsNumbers.gail}`)
    ).json();
    expect(ids(body)).toEqual(['ASC-1002', 'ASC-1003']);
    expect(body.notFound).toEqual([fixtureNhsNumbers.gail]);
  });

  it('serves transition work, contacts and CLD events oldest first', async () => {
    const [erin] = (await get(`/adult/v1/people?nhsNumber=${fixtureNhsNumbers.erin}`)).json().people;
    expect(erin).toMatchObject({
      personId: 'ASC-1001',
      nhsNumber: fixtureNhsNumbers.erin,
      givenName: 'Erin',
      dateOfBirth: '2008-01-01',
      transitionReferrals: [{ id: 'TR-1', date: '2024-09-02', source: 'CHILDRENS_SERVICES' }],
      s58Assessments: [{ id: 'S58-1', referralDate: '2024-09-02', assessmentDate: null, outcome: 'PENDING' }],
      pathwayPlans: [
        {
          id: 'PP-1',
          needsAssessmentDate: '2024-06-01',
          planDate: '2024-08-15',
          personalAdviser: {
            id: 'PRO-PA-1',
            role: 'PERSONAL_ADVISER',
            email: 'leaving.care@council.example',
          },
        },
      ],
      transitionWorker: {
        name: 'Tara Worker',
        role: 'TRANSITION_WORKER',
        phone: '01000 000010',
        organisation: { kind: 'ADULT_SERVICES', name: 'Exampleshire Adult Social Care' },
      },
      cldEvents: [
        { id: 'EV-1', eventType: 'REQUEST', date: '2024-09-02' },
        { id: 'EV-2', eventType: 'ASSESSMENT', date: '2024-10-01' },
      ],
    });
    expect(JSON.stringify(erin)).not.toContain('truthKey');
  });

  it('rejects neither or both parameters, bad NHS number formats, and too many ids', async () => {
    expect((await get('/adult/v1/people')).statusCode).toBe(400);
    expect((await get(`/adult/v1/people?id=ASC-1001&nhsNumber=${fixtureNhsNumbers.erin}`)).statusCode).toBe(
      400,
    );
    const bad = await get('/adult/v1/people?nhsNumber=12345');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_REQUEST');
    const many = Array.from({ length: 201 }, (_, i) => `P${i}`).join(',');
    expect((await get(`/adult/v1/people?id=${many}`)).statusCode).toBe(400);
  });

  it('answers a well-formed NHS number that fails modulus 11 as not found', async () => {
    const wrong = `${fixtureNhsNumbers.erin.slice(0, 9)}${(Number(fixtureNhsNumbers.erin[9]) + 1) % 10}`;
    expect((await get(`/adult/v1/people?nhsNumber=${wrong}`)).json()).toEqual({
      people: [],
      notFound: [wrong],
    });
  });
});

describe('POST /adult/v1/people/search and GET /people/:id', () => {
  it('answers large batches by id and by NHS number', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => `MISSING-${i}`);
    many.splice(2000, 0, 'ASC-1002');
    const byId = await app.inject({ method: 'POST', url: '/adult/v1/people/search', payload: { ids: many } });
    expect(ids(byId.json())).toEqual(['ASC-1002']);
    const byNhs = await app.inject({
      method: 'POST',
      url: '/adult/v1/people/search',
      payload: { nhsNumbers: [fixtureNhsNumbers.erin, fixtureNhsNumbers.finn] },
    });
    expect(ids(byNhs.json())).toEqual(['ASC-1001', 'ASC-1002', 'ASC-1003']);
  });

  it('rejects a body with both lists', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/adult/v1/people/search',
      payload: { ids: ['ASC-1001'], nhsNumbers: [fixtureNhsNumbers.erin] },
    });
    expect(response.statusCode).toBe(400);
  });

  it('answers one person or 404', async () => {
    expect((await get('/adult/v1/people/ASC-1004')).json().person.nhsNumber).toBeNull();
    expect((await get('/adult/v1/people/NOPE')).json().error.code).toBe('PERSON_NOT_FOUND');
  });
});
