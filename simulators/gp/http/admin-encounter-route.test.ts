import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookReceiver } from '../../kit/webhook-receiver.js';
import { startWebhookReceiver } from '../../kit/webhook-receiver.js';
import { WebhookSender } from '../../kit/webhooks.js';
import type { GpTestServer } from '../test-support/gp-test-server.js';
import { entryIds, gpTestServer } from '../test-support/gp-test-server.js';
import { fixtureNhsNumbers } from '../fixture-population.js';

const secret = 'gp-webhook-secret-0123456789';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** A listening GP server whose webhooks go to a real local receiver. */
async function liveServer(): Promise<{ base: string; receiver: WebhookReceiver; server: GpTestServer }> {
  const receiver = await startWebhookReceiver(secret);
  const server = gpTestServer({
    webhooks: new WebhookSender({ url: receiver.url, secret, maxAttempts: 2, backoffMs: 5 }),
    now: () => new Date('2025-03-31T12:30:00.000Z'),
  });
  cleanups.push(
    () => receiver.close(),
    () => server.app.close(),
  );
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = server.app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, receiver, server };
}

const postEncounter = (base: string, body: unknown) =>
  fetch(`${base}/admin/encounters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /admin/encounters', () => {
  it('records an A&E attendance, serves it over FHIR and sends a signed encounter.unscheduled event', async () => {
    const { base, receiver } = await liveServer();
    const response = await postEncounter(base, {
      nhsNumber: fixtureNhsNumbers.ava,
      start: '2025-03-31T02:10:00.000Z',
      reason: 'Overdose',
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as {
      encounter: { id: string };
      event: { id: string; delivered: boolean };
    };
    expect(created.event.delivered).toBe(true);
    expect(created.encounter).toMatchObject({
      resourceType: 'Encounter',
      status: 'in-progress',
      class: { code: 'EMER' },
      subject: { reference: 'Patient/gp-pat-001' },
      meta: { lastUpdated: '2025-03-31T12:30:00.000Z' },
    });

    const [delivery] = receiver.deliveries();
    expect(delivery?.signatureValid).toBe(true);
    expect(delivery?.eventId).toBe(created.event.id);
    expect(receiver.events()).toEqual([
      {
        id: created.event.id,
        type: 'encounter.unscheduled',
        agency: 'gp',
        occurredAt: '2025-03-31T02:10:00.000Z',
        subject: { system: 'https://fhir.nhs.uk/Id/nhs-number', value: fixtureNhsNumbers.ava },
        data: {
          patientId: 'gp-pat-001',
          encounterId: created.encounter.id,
          resource: `Encounter/${created.encounter.id}`,
          class: 'EMER',
          start: '2025-03-31T02:10:00.000Z',
          end: null,
        },
      },
    ]);
    expect(delivery?.rawBody).not.toContain('Overdose');

    const search = await fetch(`${base}/fhir/Encounter?patient=gp-pat-001&class=EMER`);
    expect(entryIds((await search.json()) as never)).toContain(`Encounter/${created.encounter.id}`);
    // What changed since the population was made: only the new attendance.
    const changed = await fetch(
      `${base}/fhir/Encounter?patient=gp-pat-001&_lastUpdated=gt2025-03-31T12:00:00Z`,
    );
    const changedBundle = (await changed.json()) as { meta: { lastUpdated: string } };
    expect(entryIds(changedBundle as never)).toEqual([`Encounter/${created.encounter.id}`]);
    expect(changedBundle.meta.lastUpdated).toBe('2025-03-31T12:30:00.000Z');
    const read = await fetch(`${base}/fhir/Encounter/${created.encounter.id}`);
    expect(read.status).toBe(200);
    expect(((await read.json()) as { reasonCode: unknown }).reasonCode).toEqual([{ text: 'Overdose' }]);
  });

  it('names a patient without an NHS number by the GP system id', async () => {
    const { base, receiver } = await liveServer();
    const response = await postEncounter(base, {
      patientId: 'gp-pat-003',
      class: 'IMP',
      end: '2025-03-31T12:00:00.000Z',
      start: '2025-03-30T12:00:00.000Z',
    });
    expect(response.status).toBe(201);
    const [event] = receiver.events();
    expect(event?.subject).toEqual({ system: 'gp-patient-id', value: 'gp-pat-003' });
    expect(event?.data).toMatchObject({ class: 'IMP' });
  });

  it('keeps the encounter when the hub cannot be reached, and says the event was not delivered', async () => {
    const { base, receiver } = await liveServer();
    receiver.failNext(5);
    const response = await postEncounter(base, { patientId: 'gp-pat-002' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as {
      encounter: { id: string; period: { start: string } };
      event: { delivered: boolean };
    };
    expect(created.event.delivered).toBe(false);
    expect(created.encounter.period.start).toBe('2025-03-31T12:30:00.000Z');
    expect(receiver.deliveries()).toHaveLength(2);
    expect((await fetch(`${base}/fhir/Encounter/${created.encounter.id}`)).status).toBe(200);
  });

  it('rejects bad requests without recording anything', async () => {
    const { app, webhooks } = gpTestServer();
    cleanups.push(() => app.close());
    const post = (payload: unknown) =>
      app.inject({ method: 'POST', url: '/admin/encounters', payload: payload as object });
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, 'INVALID_REQUEST'],
      [{ patientId: 'gp-pat-001', nhsNumber: fixtureNhsNumbers.ava }, 400, 'INVALID_REQUEST'],
      [{ patientId: 'gp-pat-001', start: 'yesterday' }, 400, 'INVALID_REQUEST'],
      [
        { patientId: 'gp-pat-001', start: '2025-03-02T00:00:00Z', end: '2025-03-01T00:00:00Z' },
        400,
        'INVALID_REQUEST',
      ],
      [{ patientId: 'gp-pat-001', class: 'AMB' }, 400, 'INVALID_REQUEST'],
      [{ patientId: 'gp-pat-001', colour: 'red' }, 400, 'INVALID_REQUEST'],
      [{ patientId: 'nobody' }, 404, 'PATIENT_NOT_FOUND'],
      [{ nhsNumber: '9999999999' }, 404, 'PATIENT_NOT_FOUND'],
      [{ nhsNumber: fixtureNhsNumbers.duplicated }, 409, 'AMBIGUOUS_NHS_NUMBER'],
    ];
    for (const [payload, status, code] of cases) {
      const response = await post(payload);
      expect({ payload, status: response.statusCode, code: response.json().error.code }).toEqual({
        payload,
        status,
        code,
      });
    }
    expect(webhooks.sent()).toEqual([]);
  });
});
