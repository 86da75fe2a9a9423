import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FaultController } from '../../kit/faults.js';
import type { FhirValidator } from '../test-support/fhir-validator.js';
import { createFhirValidator } from '../test-support/fhir-validator.js';
import type { GpTestServer } from '../test-support/gp-test-server.js';
import { fhirGet, gpTestServer } from '../test-support/gp-test-server.js';

let validator: FhirValidator;
// Compiling the R4 JSON schema takes a few seconds on a busy machine.
beforeAll(() => {
  validator = createFhirValidator();
}, 60_000);

const servers: GpTestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.app.close()));
});

function serverWith(faults: FaultController, timeoutHoldMs?: number): GpTestServer {
  const server = gpTestServer({ faults, ...(timeoutHoldMs === undefined ? {} : { timeoutHoldMs }) });
  servers.push(server);
  return server;
}

describe('faults', () => {
  it('down: 503 OperationOutcome with retry-after, while /admin still answers', async () => {
    const { app } = serverWith(new FaultController({ down: true }));
    const response = await fhirGet(app, '/fhir/Patient?_id=gp-pat-001');
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.contentType).toBe('application/fhir+json; charset=utf-8');
    expect(response.body.resourceType).toBe('OperationOutcome');
    expect(validator.errors(response.body)).toEqual([]);
    const health = await app.inject({ url: '/admin/health' });
    expect(health.json()).toEqual({ status: 'ok', down: true });
  });

  it('error: 500 OperationOutcome', async () => {
    const { app } = serverWith(new FaultController({ errorRate: 1 }));
    const response = await fhirGet(app, '/fhir/Patient/gp-pat-001');
    expect(response.status).toBe(500);
    expect(response.body.issue[0]).toMatchObject({ severity: 'error', code: 'transient' });
  });

  it('malformed: 200 with JSON that is not valid FHIR, for searches and reads', async () => {
    const { app } = serverWith(new FaultController({ malformedRate: 1 }));
    const search = await fhirGet(app, '/fhir/Patient?_id=gp-pat-001');
    expect(search.status).toBe(200);
    expect(search.contentType).toBe('application/fhir+json; charset=utf-8');
    expect(search.body.resourceType).toBe('Bundle');
    expect(validator.errors(search.body)).not.toEqual([]);
    const read = await fhirGet(app, '/fhir/Patient/gp-pat-001');
    expect(read.body).toMatchObject({ resourceType: 'Patient', birthDate: 'not-a-date' });
    expect(validator.errors(read.body)).not.toEqual([]);
  });

  it('timeout: holds the request, then 504 if the client is still waiting', async () => {
    const { app } = serverWith(new FaultController({ timeoutRate: 1 }), 80);
    const started = Date.now();
    const response = await fhirGet(app, '/fhir/Patient?_id=gp-pat-001');
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    expect(response.status).toBe(504);
    expect(response.body.resourceType).toBe('OperationOutcome');
  });

  it('timeout: a real client gives up before the server answers', async () => {
    const { app } = serverWith(new FaultController({ timeoutRate: 1 }), 60_000);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    await expect(
      fetch(`http://127.0.0.1:${port}/fhir/Patient?_id=gp-pat-001`, { signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
  });

  it('latency: delays answers by at least the configured time', async () => {
    const { app } = serverWith(new FaultController({ latencyMs: 60 }));
    const started = Date.now();
    expect((await fhirGet(app, '/fhir/metadata')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('can be switched at runtime through PUT /admin/faults', async () => {
    const { app } = serverWith(new FaultController());
    expect((await fhirGet(app, '/fhir/Patient/gp-pat-001')).status).toBe(200);
    const put = await app.inject({ method: 'PUT', url: '/admin/faults', payload: { errorRate: 1 } });
    expect(put.statusCode).toBe(200);
    expect((await fhirGet(app, '/fhir/Patient/gp-pat-001')).status).toBe(500);
    await app.inject({ method: 'POST', url: '/admin/faults/reset' });
    expect((await fhirGet(app, '/fhir/Patient/gp-pat-001')).status).toBe(200);
  });
});

describe('counters', () => {
  it('count per resource type and interaction, including requests a fault failed', async () => {
    const faults = new FaultController();
    const { app, counters } = serverWith(faults);
    await fhirGet(app, '/fhir/Patient?_id=gp-pat-001');
    await fhirGet(app, '/fhir/Patient?_id=gp-pat-002');
    await fhirGet(app, '/fhir/Condition?patient=gp-pat-001');
    await fhirGet(app, '/fhir/Condition/cond-001-a');
    await fhirGet(app, '/fhir/metadata');
    await app.inject({
      method: 'POST',
      url: '/fhir/Encounter/_search',
      payload: 'patient=gp-pat-001',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await fhirGet(app, '/fhir/Nonsense?x=1');
    faults.set({ errorRate: 1 });
    await fhirGet(app, '/fhir/Patient?_id=gp-pat-003');
    await app.inject({ url: '/admin/health' });
    expect(counters.snapshot()).toEqual({
      'Condition:read': 1,
      'Condition:search': 1,
      'Encounter:search': 1,
      'Patient:search': 3,
      'system:capabilities': 1,
      'unknown:search': 1,
    });
    const viaAdmin = await app.inject({ url: '/admin/counters' });
    expect(viaAdmin.json()).toEqual({ total: 8, counts: counters.snapshot() });
    await app.inject({ method: 'POST', url: '/admin/counters/reset' });
    expect(counters.total()).toBe(0);
  });
});
