import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import adultServicesConnector, {
  isAdultServicesConnector,
  type TransitionHandoffPackage,
} from '../../connectors/adult-services/index.js';
import type { ConnectorDeps } from '../../connectors/connector.js';
// The acknowledgement arrives as the hub really receives it: a signed webhook into the gateway's route.
import { registerWebhookRoutes } from '../../gateway/webhooks/webhook-routes.js';
import { parseConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import type { Redis } from '../../platform/redis.js';
import { fixtureNhsNumbers } from '../../simulators/adult/fixture-population.js';
import { adultTestServer } from '../../simulators/adult/test-server.js';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { acknowledgeHandoffOnEvent } from './acknowledge-handoff.js';
import { deliverHandoff } from './deliver-handoff.js';
import { createHandoff, handoffById, historyOf } from './handoff-store.js';

const secret = 'handoff-ack-test-secret-0123456789';
const logger = createLogger({ service: 'handoff-ack-test', level: 'silent' });
const now = () => new Date();

let store: TestSchema;
let hub: FastifyInstance;
let adult: FastifyInstance | undefined;
let adultUrl: string;

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_handoff_ack_int' });
  hub = Fastify();
  registerWebhookRoutes(hub, {
    config: () => ({ secret, toleranceSeconds: 300 }),
    db: store.db,
    logger,
    connectors: [],
    onEvent: acknowledgeHandoffOnEvent({ db: store.db, logger, now }),
  });
});
afterEach(async () => {
  await adult?.close();
  adult = undefined;
  await hub.close();
  await store.drop();
});

/** The adult services simulator, posting its webhooks to the hub's real route. */
async function startAdult(acknowledgeHandoffsAfterMs: number | null = null) {
  const hubUrl = await hub.listen({ host: '127.0.0.1', port: 0 });
  adult = adultTestServer({
    webhookUrl: `${hubUrl}/webhooks/adult`,
    secret,
    acknowledgeHandoffsAfterMs,
    now,
  }).app;
  adultUrl = await adult.listen({ host: '127.0.0.1', port: 0 });
}

/** Requests and delivers a handoff through the adult services connector; answers adult services' reference. */
async function deliver(id: string): Promise<string> {
  const { adultServices } = parseConfig(
    { adultServices: adultServicesConnector.configSection },
    { ADULT_SERVICES_BASE_URL: `${adultUrl}/adult/v1`, ADULT_SERVICES_RETRIES: '0' },
  );
  const deps: ConnectorDeps = {
    logger,
    redis: {} as Redis,
    db: {} as Db,
    cacheKey: (...parts) => parts.join(':'),
    now,
  };
  const connector = await adultServicesConnector.create(adultServices, deps);
  if (!isAdultServicesConnector(connector)) throw new Error('expected the adult services connector');
  await createHandoff(store.db, {
    id,
    childId: 'child-1',
    requestedBy: 'sw-1',
    reason: 'Turning 18',
    at: now(),
  });
  const pkg = (handoffId: string): TransitionHandoffPackage => ({
    handoffId,
    child: {
      nhsNumber: fixtureNhsNumbers.erin,
      givenName: 'Erin',
      familyName: 'Example',
      dateOfBirth: '2009-01-01',
      sex: 'F',
    },
    sections: [{ type: 'HEALTH', content: { activeConditions: [] } }],
  });
  const outcome = await deliverHandoff(
    { db: store.db, now, readPackage: async (handoffId) => pkg(handoffId), submit: connector.submitHandoff },
    { handoffId: id, attempt: 1, maxAttempts: 5 },
  );
  if (outcome.outcome !== 'DELIVERED') throw new Error(`not delivered: ${outcome.outcome}`);
  return outcome.reference;
}

const acknowledge = async (reference: string) =>
  (await fetch(`${adultUrl}/admin/transition-handoffs/${reference}/acknowledge`, { method: 'POST' })).json();

async function storedEvents(type: string): Promise<number> {
  const { rows } = await store.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM agency_events WHERE type = $1',
    [type],
  );
  return rows[0]!.n;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('adult services acknowledge a transition handoff by signed webhook', () => {
  it('moves the delivered handoff to ACKNOWLEDGED once, however often adult services say so', async () => {
    await startAdult();
    const reference = await deliver('HO-1');
    expect(await storedEvents('handoff.received')).toBe(1);

    const first = await acknowledge(reference);
    expect(first).toMatchObject({ reference, status: 'ACKNOWLEDGED', webhook: 'DELIVERED' });
    expect(await handoffById(store.db, 'HO-1')).toMatchObject({
      status: 'ACKNOWLEDGED',
      adultReference: reference,
    });
    // Sent again: the same event id, stored once by the hub, and no second history row.
    expect(await acknowledge(reference)).toMatchObject({ webhook: 'DELIVERED' });
    expect(await storedEvents('handoff.acknowledged')).toBe(1);
    expect((await historyOf(store.db, 'HO-1')).map((entry) => entry.change)).toEqual([
      'REQUESTED',
      'DELIVERED',
      'ACKNOWLEDGED',
    ]);
    const listed = await fetch(`${adultUrl}/adult/v1/transition-handoffs/${reference}`);
    expect(await listed.json()).toMatchObject({ status: 'ACKNOWLEDGED', handoffId: 'HO-1' });
  });

  it('acknowledges on its own after the configured delay', async () => {
    await startAdult(50);
    await deliver('HO-2');
    const row = await eventually(
      () => handoffById(store.db, 'HO-2'),
      (value) => value?.status === 'ACKNOWLEDGED',
    );
    expect(row?.status).toBe('ACKNOWLEDGED');
  });

  it('a forged acknowledgement is refused and changes nothing', async () => {
    await startAdult();
    const reference = await deliver('HO-3');
    const body = JSON.stringify({
      id: 'evt-forged',
      type: 'handoff.acknowledged',
      agency: 'adult',
      occurredAt: new Date().toISOString(),
      subject: { system: 'adult-person-id', value: 'ASC-1001' },
      data: { handoffId: 'HO-3', reference },
    });
    const response = await fetch(`${await hubAddress()}/webhooks/adult`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sim-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
      },
      body,
    });
    expect(response.status).toBe(401);
    expect((await handoffById(store.db, 'HO-3'))?.status).toBe('DELIVERED');
    expect(await storedEvents('handoff.acknowledged')).toBe(0);
  });
});

async function hubAddress(): Promise<string> {
  const address = hub.server.address();
  if (!address || typeof address === 'string') throw new Error('the hub is not listening');
  return `http://127.0.0.1:${address.port}`;
}
