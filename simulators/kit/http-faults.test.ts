import { afterEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { FaultController } from './faults.js';
import type { FaultSettings } from './faults.js';
import { RequestCounter } from './counters.js';
import { applyHttpFaults } from './http-faults.js';
import { countHttpRequests } from './http-counters.js';
import { registerAdminRoutes } from './admin-routes.js';

const apps: FastifyInstance[] = [];

function buildApp(settings: Partial<FaultSettings>, roll = 0, timeoutHoldMs = 50) {
  const faults = new FaultController(settings, () => roll);
  const counters = new RequestCounter();
  const app = Fastify({ logger: false });
  countHttpRequests(app, counters);
  applyHttpFaults(app, faults, {
    errorBody: () => ({ error: { code: 'SIMULATED', message: 'simulated failure' } }),
    malformedBody: (url) => ({ unexpected: true, url }),
    timeoutHoldMs,
  });
  registerAdminRoutes(app, { faults, counters });
  app.get('/things/:id', async (request) => ({ id: (request.params as { id: string }).id, ok: true }));
  apps.push(app);
  return { app, faults, counters };
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('applyHttpFaults', () => {
  it('passes requests through when healthy', async () => {
    const { app } = buildApp({});
    const response = await app.inject({ method: 'GET', url: '/things/1' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: '1', ok: true });
  });

  it('answers 500 with the error body on error', async () => {
    const { app } = buildApp({ errorRate: 1 });
    const response = await app.inject({ method: 'GET', url: '/things/1' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'SIMULATED', message: 'simulated failure' } });
  });

  it('answers 503 with retry-after when down', async () => {
    const { app } = buildApp({ down: true });
    const response = await app.inject({ method: 'GET', url: '/things/1' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
  });

  it('replaces the body but keeps the status when malformed', async () => {
    const { app } = buildApp({ malformedRate: 1 });
    const response = await app.inject({ method: 'GET', url: '/things/7?x=1' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ unexpected: true, url: '/things/7?x=1' });
  });

  it('holds a timeout request and then answers 504 if the client waited', async () => {
    const { app } = buildApp({ timeoutRate: 1 }, 0, 80);
    const started = Date.now();
    const response = await app.inject({ method: 'GET', url: '/things/1' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(response.statusCode).toBe(504);
  });

  it('never answers a timeout request before a real client gives up', async () => {
    const { app } = buildApp({ timeoutRate: 1 }, 0, 60_000);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const started = Date.now();
    await expect(fetch(`${address}/things/1`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('adds latency before answering', async () => {
    const { app } = buildApp({ latencyMs: 60 });
    const started = Date.now();
    const response = await app.inject({ method: 'GET', url: '/things/1' });
    expect(response.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('leaves /admin routes alone even when down', async () => {
    const { app } = buildApp({ down: true });
    const response = await app.inject({ method: 'GET', url: '/admin/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', down: true });
  });

  it('counts faulted requests per route but not admin requests', async () => {
    const { app, counters } = buildApp({ errorRate: 1 });
    await app.inject({ method: 'GET', url: '/things/1' });
    await app.inject({ method: 'GET', url: '/things/2' });
    await app.inject({ method: 'GET', url: '/nowhere' });
    await app.inject({ method: 'GET', url: '/admin/counters' });
    expect(counters.snapshot()).toEqual({ 'GET /things/:id': 2, 'GET (unmatched)': 1 });
  });
});
