import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { adultTestServer } from './test-server.js';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const peopleUrl = '/adult/v1/people?id=ASC-1001';

describe('adult faults', () => {
  it('error → 500, down → 503, both in the error shape', async () => {
    app = adultTestServer({ faults: { errorRate: 1 } }).app;
    const error = await app.inject({ method: 'GET', url: peopleUrl });
    expect(error.statusCode).toBe(500);
    expect(error.json().error.code).toBe('UPSTREAM_ERROR');
    await app.close();
    app = adultTestServer({ faults: { down: true } }).app;
    expect((await app.inject({ method: 'GET', url: peopleUrl })).statusCode).toBe(503);
  });

  it('malformed → 200 with a body that breaks the contract', async () => {
    app = adultTestServer({ faults: { malformedRate: 1 } }).app;
    const body = (await app.inject({ method: 'GET', url: peopleUrl })).json();
    expect(body.people[0].personId).toBeNull();
    expect(typeof body.people[0].nhsNumber).toBe('number');
  });

  it('timeout → held, then 504; a down intake files nothing', async () => {
    const server = adultTestServer({ faults: { timeoutRate: 1 }, timeoutHoldMs: 60 });
    app = server.app;
    const started = Date.now();
    expect((await app.inject({ method: 'GET', url: peopleUrl })).statusCode).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    server.faults.set({ timeoutRate: 0, down: true });
    const intake = await app.inject({ method: 'POST', url: '/adult/v1/transition-handoffs', payload: {} });
    expect(intake.statusCode).toBe(503);
    server.faults.set({ down: false });
    const list = await app.inject({ method: 'GET', url: '/adult/v1/transition-handoffs?handoffId=X' });
    expect(list.json()).toEqual({ handoffs: [] });
  });

  it('counts per route', async () => {
    const server = adultTestServer();
    app = server.app;
    await app.inject({ method: 'GET', url: peopleUrl });
    await app.inject({ method: 'GET', url: '/adult/v1/people/ASC-1001' });
    await app.inject({ method: 'GET', url: '/adult/v1/people/ASC-1002' });
    expect(server.counters.snapshot()).toEqual({
      'GET /adult/v1/people': 1,
      'GET /adult/v1/people/:personId': 2,
    });
  });
});
