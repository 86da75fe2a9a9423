import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { educationTestServer } from './test-server.js';

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

const pupilsUrl = '/education/v1/pupils?id=EDU-0001';

describe('education faults', () => {
  it('error → 500 in the error shape', async () => {
    app = educationTestServer({ faults: { errorRate: 1 } }).app;
    const response = await app.inject({ method: 'GET', url: pupilsUrl });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('UPSTREAM_ERROR');
  });

  it('down → 503', async () => {
    app = educationTestServer({ faults: { down: true } }).app;
    expect((await app.inject({ method: 'GET', url: pupilsUrl })).statusCode).toBe(503);
  });

  it('malformed → 200 with a body that breaks the contract', async () => {
    app = educationTestServer({ faults: { malformedRate: 1 } }).app;
    const response = await app.inject({ method: 'GET', url: pupilsUrl });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Array.isArray(body.pupils)).toBe(true);
    expect(typeof body.pupils[0].pupilId).not.toBe('string');
  });

  it('timeout → held, then 504', async () => {
    app = educationTestServer({ faults: { timeoutRate: 1 }, timeoutHoldMs: 60 }).app;
    const started = Date.now();
    const response = await app.inject({ method: 'GET', url: pupilsUrl });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(response.statusCode).toBe(504);
  });

  it('latency delays the answer', async () => {
    app = educationTestServer({ faults: { latencyMs: 50 } }).app;
    const started = Date.now();
    expect((await app.inject({ method: 'GET', url: pupilsUrl })).statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('faults can be switched at runtime through /admin/faults', async () => {
    const server = educationTestServer();
    app = server.app;
    await app.inject({ method: 'PUT', url: '/admin/faults', payload: { down: true } });
    expect((await app.inject({ method: 'GET', url: pupilsUrl })).statusCode).toBe(503);
    await app.inject({ method: 'POST', url: '/admin/faults/reset' });
    expect((await app.inject({ method: 'GET', url: pupilsUrl })).statusCode).toBe(200);
  });

  it('counts requests per route, faulted ones included, admin excluded', async () => {
    const server = educationTestServer();
    app = server.app;
    await app.inject({ method: 'GET', url: pupilsUrl });
    await app.inject({ method: 'GET', url: '/education/v1/pupils?upn=A999999999999' });
    await app.inject({ method: 'POST', url: '/education/v1/pupils/search', payload: { ids: ['EDU-0001'] } });
    server.faults.set({ errorRate: 1 });
    await app.inject({ method: 'GET', url: '/education/v1/schools?urn=100001' });
    const counters = (await app.inject({ method: 'GET', url: '/admin/counters' })).json();
    expect(counters).toEqual({
      total: 4,
      counts: {
        'GET /education/v1/pupils': 2,
        'GET /education/v1/schools': 1,
        'POST /education/v1/pupils/search': 1,
      },
    });
  });
});
