import { afterEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { FaultController, healthyFaultSettings } from './faults.js';
import { RequestCounter } from './counters.js';
import { registerAdminRoutes } from './admin-routes.js';

let app: FastifyInstance;

function build(initial = {}) {
  const faults = new FaultController(initial);
  const counters = new RequestCounter();
  app = Fastify({ logger: false });
  registerAdminRoutes(app, { faults, counters });
  return { faults, counters };
}

afterEach(async () => {
  await app.close();
});

describe('registerAdminRoutes', () => {
  it('reports health', async () => {
    build();
    const response = await app.inject({ method: 'GET', url: '/admin/health' });
    expect(response.json()).toEqual({ status: 'ok', down: false });
  });

  it('shows and resets counters', async () => {
    const { counters } = build();
    counters.record('GET /x');
    counters.record('GET /x');
    expect((await app.inject({ method: 'GET', url: '/admin/counters' })).json()).toEqual({
      total: 2,
      counts: { 'GET /x': 2 },
    });
    const reset = await app.inject({ method: 'POST', url: '/admin/counters/reset' });
    expect(reset.json()).toEqual({ total: 0, counts: {} });
    expect(counters.total()).toBe(0);
  });

  it('reads, updates partially, and resets faults', async () => {
    const { faults } = build({ latencyMs: 5 });
    expect((await app.inject({ method: 'GET', url: '/admin/faults' })).json()).toEqual({
      ...healthyFaultSettings,
      latencyMs: 5,
    });
    const put = await app.inject({
      method: 'PUT',
      url: '/admin/faults',
      payload: { errorRate: 0.5, down: true },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ latencyMs: 5, errorRate: 0.5, down: true });
    expect(faults.get().down).toBe(true);
    const reset = await app.inject({ method: 'POST', url: '/admin/faults/reset' });
    expect(reset.json()).toEqual({ ...healthyFaultSettings, latencyMs: 5 });
  });

  it('rejects invalid fault updates with a 400 and leaves settings unchanged', async () => {
    const { faults } = build();
    for (const payload of [{ errorRate: 2 }, { down: 'yes' }, { unknownField: 1 }]) {
      const response = await app.inject({ method: 'PUT', url: '/admin/faults', payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('INVALID_FAULT_SETTINGS');
    }
    expect(faults.get()).toEqual(healthyFaultSettings);
  });
});
