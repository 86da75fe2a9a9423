import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../kit/webhook-receiver.js';
import { acknowledgeHandoffsAfterFromEnv, defaultAcknowledgeHandoffsAfterMs } from './config.js';
import { fixtureNhsNumbers } from './fixture-population.js';
import { adultTestServer } from './test-server.js';

const secret = 'adult-ack-webhook-secret';
let app: FastifyInstance;
let receiver: WebhookReceiver;

async function start(acknowledgeHandoffsAfterMs: number | null = null) {
  receiver = await startWebhookReceiver(secret);
  app = adultTestServer({ webhookUrl: receiver.url, secret, acknowledgeHandoffsAfterMs }).app;
}

const intake = (handoffId = 'HUB-HO-0001') =>
  app.inject({
    method: 'POST',
    url: '/adult/v1/transition-handoffs',
    payload: {
      handoffId,
      child: {
        nhsNumber: fixtureNhsNumbers.erin,
        givenName: 'Erin',
        familyName: 'Evans',
        dateOfBirth: '2008-01-01',
      },
      sections: [{ type: 'HEALTH', content: { conditions: [] } }],
    },
  });
const acknowledge = (reference: string) =>
  app.inject({ method: 'POST', url: `/admin/transition-handoffs/${reference}/acknowledge` });
const acknowledgements = () => receiver.events().filter((event) => event.type === 'handoff.acknowledged');

describe('handoff acknowledgement', () => {
  afterEach(async () => {
    await app.close();
    await receiver.close();
  });

  it('is sent as a signed handoff.acknowledged webhook with the hub’s id and the reference, when asked', async () => {
    await start();
    await intake();
    expect(acknowledgements()).toEqual([]);
    const answer = await acknowledge('ASC-00000001');
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({
      reference: 'ASC-00000001',
      status: 'ACKNOWLEDGED',
      acknowledgedAt: '2025-03-03T10:00:00.000Z',
      webhook: 'DELIVERED',
    });
    expect(receiver.deliveries().every((delivery) => delivery.signatureValid)).toBe(true);
    expect(acknowledgements()).toEqual([
      expect.objectContaining({
        agency: 'adult',
        occurredAt: '2025-03-03T10:00:00.000Z',
        subject: { system: 'adult-person-id', value: 'ASC-1001' },
        data: { handoffId: 'HUB-HO-0001', reference: 'ASC-00000001' },
      }),
    ]);
    const stored = await app.inject({ method: 'GET', url: '/adult/v1/transition-handoffs/ASC-00000001' });
    expect(stored.json()).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedAt: '2025-03-03T10:00:00.000Z',
    });
  });

  it('sends the same event again when asked again, and says when the hub could not be told', async () => {
    await start();
    await intake();
    receiver.failNext(1, 400);
    expect((await acknowledge('ASC-00000001')).json()).toMatchObject({ webhook: 'NOT_DELIVERED' });
    expect((await acknowledge('ASC-00000001')).json()).toMatchObject({ webhook: 'DELIVERED' });
    await acknowledge('ASC-00000001');
    const ids = receiver
      .deliveries()
      .filter((delivery) => delivery.event?.type === 'handoff.acknowledged')
      .map((delivery) => delivery.eventId);
    expect(new Set(ids).size).toBe(1);
    expect(ids).toHaveLength(3);
    expect(acknowledgements()).toHaveLength(1);
  });

  it('answers 404 for a reference never issued', async () => {
    await start();
    const missing = await acknowledge('ASC-99999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('HANDOFF_NOT_FOUND');
  });

  it('acknowledges each new handoff on its own after the configured delay, once', async () => {
    await start(20);
    await intake();
    await intake(); // a replay starts no second acknowledgement
    const deadline = Date.now() + 5000;
    while (acknowledgements().length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(acknowledgements()).toHaveLength(1);
    expect(receiver.deliveries().filter((d) => d.event?.type === 'handoff.acknowledged')).toHaveLength(1);
  });

  it('sends nothing on its own once closed, or when acknowledged by hand first', async () => {
    await start(100);
    await intake('HO-A');
    await intake('HO-B');
    await acknowledge('ASC-00000001');
    await app.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(acknowledgements().map((event) => event.data['handoffId'])).toEqual(['HO-A']);
  });
});

describe('acknowledgeHandoffsAfterFromEnv', () => {
  it('defaults to two minutes, reads milliseconds or off, and names the variable when bad', () => {
    expect(acknowledgeHandoffsAfterFromEnv({})).toBe(defaultAcknowledgeHandoffsAfterMs);
    expect(defaultAcknowledgeHandoffsAfterMs).toBe(120_000);
    expect(acknowledgeHandoffsAfterFromEnv({ ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS: ' 5000 ' })).toBe(5000);
    expect(acknowledgeHandoffsAfterFromEnv({ ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS: 'OFF' })).toBeNull();
    for (const bad of ['-1', '2.5', 'soon', String(25 * 3_600_000)])
      expect(() => acknowledgeHandoffsAfterFromEnv({ ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS: bad })).toThrow(
        /ADULT_SIM_ACKNOWLEDGE_HANDOFFS_AFTER_MS/,
      );
  });
});
