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

describe('GET /education/v1/pupils', () => {
  it('returns exactly the ids asked for, in the order asked, unknown ids absent and listed', async () => {
    const response = await get('/education/v1/pupils?id=EDU-0003,EDU-9999,EDU-0001');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.pupils.map((p: { pupilId: string }) => p.pupilId)).toEqual(['EDU-0003', 'EDU-0001']);
    expect(body.notFound).toEqual(['EDU-9999']);
  });

  it('accepts repeated parameters and ignores duplicates', async () => {
    const body = (await get('/education/v1/pupils?id=EDU-0002&id=EDU-0001,EDU-0002')).json();
    expect(body.pupils.map((p: { pupilId: string }) => p.pupilId)).toEqual(['EDU-0002', 'EDU-0001']);
  });

  it('finds every record holding a UPN, case-insensitively, including duplicates', async () => {
    const body = (
      await get(`/education/v1/pupils?upn=${fixtureUpns.cara.toLowerCase()},${fixtureUpns.ava}`)
    ).json();
    expect(body.pupils.map((p: { pupilId: string }) => p.pupilId)).toEqual([
      'EDU-0003',
      'EDU-0004',
      'EDU-0001',
    ]);
    expect(body.notFound).toEqual([]);
  });

  it('lists UPNs nobody holds as not found', async () => {
    const body = (await get('/education/v1/pupils?upn=A999999999999')).json();
    expect(body).toEqual({ pupils: [], notFound: ['A999999999999'] });
  });

  it('serves census, SEN2 and PEP data with contacts', async () => {
    const [ava] = (await get('/education/v1/pupils?id=EDU-0001')).json().pupils;
    expect(ava).toMatchObject({
      pupilId: 'EDU-0001',
      upn: fixtureUpns.ava,
      givenName: 'Ava',
      enrolments: [
        { schoolUrn: '100002', schoolName: 'Hilltop Primary School', yearGroup: '6', to: '2021-07-20' },
        { schoolUrn: '100001', schoolName: 'Riverside Academy', yearGroup: '10', to: null },
      ],
      attendance: [
        { academicYear: '2024/25', term: 'AUTUMN', possibleSessions: 140, attendedSessions: 112 },
        {},
      ],
      exclusions: [{ id: 'EXC-1', kind: 'SUSPENSION', sessions: 4, reason: 'PA', schoolUrn: '100001' }],
      sen: { provision: 'E', needs: ['SEMH', 'SLCN'] },
      ehcNeedsAssessment: {
        requestDate: '2022-01-10',
        decisionDate: '2022-02-14',
        decisionOutcome: 'Y',
        finalPlanDate: '2022-05-20',
        annualReviews: [{ pfaOutcomes: false }, { date: '2024-05-15', pfaOutcomes: true }],
        status: 'ISSUED',
      },
      personalEducationPlans: [
        { id: 'PEP-1', reviewedDate: '2025-01-15', designatedTeacher: { id: 'PRO-DT-1' } },
      ],
      contacts: {
        senco: {
          name: 'Sam Senco',
          role: 'SENCO',
          email: 'senco@riverside.example',
          phone: '01000 000001',
          organisation: { id: 'ORG-SCH-1', kind: 'SCHOOL', name: 'Riverside Academy', code: '100001' },
        },
        designatedTeacher: { role: 'DESIGNATED_TEACHER' },
        virtualSchoolHead: { role: 'VIRTUAL_SCHOOL_HEAD', organisation: { kind: 'LOCAL_AUTHORITY' } },
      },
    });
  });

  it('never serves the ground-truth key', async () => {
    const response = await get('/education/v1/pupils?id=EDU-0001,EDU-0002,EDU-0003');
    expect(response.body).not.toContain('truthKey');
    expect(response.body).not.toContain('T-AVA');
  });

  it('shows an unknown school with no name and a pupil without contacts as nulls', async () => {
    const [dan] = (await get('/education/v1/pupils?id=EDU-0005')).json().pupils;
    expect(dan.upn).toBeNull();
    expect(dan.enrolments[0]).toMatchObject({ schoolUrn: '999999', schoolName: null });
    expect(dan.contacts).toEqual({ senco: null, designatedTeacher: null, virtualSchoolHead: null });
    expect(dan.ehcNeedsAssessment).toBeNull();
  });

  it('rejects neither or both of id and upn with the error shape', async () => {
    for (const url of ['/education/v1/pupils', `/education/v1/pupils?id=EDU-0001&upn=${fixtureUpns.ava}`]) {
      const response = await get(url);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'INVALID_REQUEST', message: expect.any(String) } });
    }
  });

  it('rejects more ids than a GET may carry', async () => {
    const ids = Array.from({ length: 201 }, (_, i) => `EDU-${i}`).join(',');
    const response = await get(`/education/v1/pupils?id=${ids}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_REQUEST');
  });

  it('rejects UPNs with characters a UPN cannot hold', async () => {
    const response = await get('/education/v1/pupils?upn=A123%3B--');
    expect(response.statusCode).toBe(400);
  });
});

describe('POST /education/v1/pupils/search', () => {
  const search = (payload: object) =>
    app.inject({ method: 'POST', url: '/education/v1/pupils/search', payload });

  it('answers a large id batch with exactly the known ids, in order', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `MISSING-${i}`);
    ids.splice(1234, 0, 'EDU-0004');
    ids.splice(10, 0, 'EDU-0002');
    const response = await search({ ids });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.pupils.map((p: { pupilId: string }) => p.pupilId)).toEqual(['EDU-0002', 'EDU-0004']);
    expect(body.notFound).toHaveLength(5000);
  });

  it('searches by UPN', async () => {
    const body = (await search({ upns: [fixtureUpns.ben] })).json();
    expect(body.pupils.map((p: { pupilId: string }) => p.pupilId)).toEqual(['EDU-0002']);
  });

  it('rejects bodies that are not exactly one id list', async () => {
    for (const payload of [
      {},
      { ids: [] },
      { ids: ['EDU-0001'], upns: [fixtureUpns.ava] },
      { ids: 'EDU-0001' },
    ]) {
      const response = await search(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('INVALID_REQUEST');
    }
  });

  it('answers invalid JSON with the error shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/education/v1/pupils/search',
      headers: { 'content-type': 'application/json' },
      payload: '{"ids": [',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });
});

describe('single pupil and schools', () => {
  it('GET /pupils/:id answers one pupil or 404', async () => {
    expect((await get('/education/v1/pupils/EDU-0002')).json().pupil.pupilId).toBe('EDU-0002');
    const missing = await get('/education/v1/pupils/EDU-9999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PUPIL_NOT_FOUND');
  });

  it('GET /schools answers by URN list in order', async () => {
    const body = (await get('/education/v1/schools?urn=100002,123456,100001')).json();
    expect(body.schools).toEqual([
      { urn: '100002', name: 'Hilltop Primary School', postcode: 'AB2 2BB', organisationId: 'ORG-SCH-2' },
      { urn: '100001', name: 'Riverside Academy', postcode: 'AB1 1AA', organisationId: 'ORG-SCH-1' },
    ]);
    expect(body.notFound).toEqual(['123456']);
  });

  it('GET /schools rejects a missing or malformed URN list', async () => {
    expect((await get('/education/v1/schools')).statusCode).toBe(400);
    expect((await get('/education/v1/schools?urn=abc')).statusCode).toBe(400);
  });

  it('unknown routes answer 404 in the error shape', async () => {
    const response = await get('/education/v1/nothing-here?upn=secret');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
    expect(response.json().error.message).not.toContain('secret');
  });
});
