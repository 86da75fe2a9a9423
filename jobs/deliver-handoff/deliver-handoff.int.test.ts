import { UnrecoverableError } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import adultServicesConnector, {
  isAdultServicesConnector,
  type AdultServicesConnector,
  type TransitionHandoffPackage,
} from '../../connectors/adult-services/index.js';
import type { ConnectorDeps } from '../../connectors/connector.js';
import { parseConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import type { Redis } from '../../platform/redis.js';
// The brief asks for this job test against the adult simulator itself (as connectors' *.int.test.ts do).
import { fixtureNhsNumbers } from '../../simulators/adult/fixture-population.js';
import { adultTestServer, type AdultTestServer } from '../../simulators/adult/test-server.js';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import type { JobDeps } from '../define-job.js';
import { AttemptFailed, DeadLetter, deliverHandoff } from './deliver-handoff.js';
import { createHandoff, handoffById, historyOf } from './handoff-store.js';
import { deliverHandoffJob } from './index.js';

let store: TestSchema;
let app: FastifyInstance;
let sim: AdultTestServer;
let baseUrl: string;
const now = () => new Date('2026-11-25T09:00:00.000Z');
const logger = createLogger({ service: 'deliver-handoff-test', level: 'silent' });

async function start(failFirstHandoffs: number) {
  sim = adultTestServer({ failFirstHandoffs });
  app = sim.app;
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
}

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_handoff' });
});
afterEach(async () => {
  await app?.close();
  await store.drop();
});

async function connector(): Promise<AdultServicesConnector> {
  const { adultServices } = parseConfig(
    { adultServices: adultServicesConnector.configSection },
    {
      ADULT_SERVICES_BASE_URL: `${baseUrl}/adult/v1`,
      ADULT_SERVICES_TIMEOUT_MS: '500',
      ADULT_SERVICES_RETRIES: '0',
      ADULT_SERVICES_BREAKER_THRESHOLD: '50',
    },
  );
  const deps: ConnectorDeps = {
    logger,
    redis: {} as Redis,
    db: {} as Db,
    cacheKey: (...parts) => parts.join(':'),
    now,
  };
  const created = await adultServicesConnector.create(adultServices, deps);
  if (!isAdultServicesConnector(created)) throw new Error('expected the adult services connector');
  return created;
}

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

async function registered(handoffId: string) {
  const response = await fetch(`${baseUrl}/adult/v1/transition-handoffs?handoffId=${handoffId}`);
  return ((await response.json()) as { handoffs: Array<{ reference: string }> }).handoffs;
}

async function request(id: string) {
  await createHandoff(store.db, {
    id,
    childId: 'child-1',
    requestedBy: 'sw-1',
    reason: 'Turning 18 in March',
    at: now(),
  });
}

describe('deliver-handoff against the adult services simulator', () => {
  it('delivers exactly once although the intake failed its first two attempts', async () => {
    await start(2);
    const adult = await connector();
    let posts = 0;
    const deps = {
      db: store.db,
      now,
      readPackage: async (id: string) => pkg(id),
      submit: (p: TransitionHandoffPackage) => {
        posts += 1;
        return adult.submitHandoff(p);
      },
    };
    await request('HO-1');
    const attempt = (n: number) => deliverHandoff(deps, { handoffId: 'HO-1', attempt: n, maxAttempts: 5 });

    await expect(attempt(1)).rejects.toBeInstanceOf(AttemptFailed);
    await expect(attempt(2)).rejects.toThrow(/INTAKE_UNAVAILABLE|UPSTREAM/);
    expect(await handoffById(store.db, 'HO-1')).toMatchObject({ status: 'REQUESTED', attempts: 2 });
    const delivered = await attempt(3);
    // A redelivery of the job after success sends nothing.
    const again = await attempt(4);

    const [only, ...more] = await registered('HO-1');
    expect(more).toEqual([]);
    // Three posts reached the intake (two refused, one filed); adult services received the package once.
    expect(sim.counters.snapshot()['POST /adult/v1/transition-handoffs']).toBe(3);
    expect(sim.webhooks.sent().filter((event) => event.type === 'handoff.received')).toHaveLength(1);
    expect(delivered).toEqual({ outcome: 'DELIVERED', reference: only!.reference });
    expect(again).toEqual({ outcome: 'ALREADY_DONE', status: 'DELIVERED' });
    expect(posts).toBe(3);
    const row = await handoffById(store.db, 'HO-1');
    expect(row?.attempts).toBeGreaterThan(1);
    expect(row).toMatchObject({
      status: 'DELIVERED',
      attempts: 3,
      adultReference: only!.reference,
      deliveredAt: now().toISOString(),
    });
    expect((await historyOf(store.db, 'HO-1')).map((h) => h.change)).toEqual([
      'REQUESTED',
      'ATTEMPT_FAILED',
      'ATTEMPT_FAILED',
      'DELIVERED',
    ]);
  });

  it('dead-letters the handoff as FAILED with the reason code after the last attempt', async () => {
    await start(10);
    const adult = await connector();
    const deps = {
      db: store.db,
      now,
      readPackage: async (id: string) => pkg(id),
      submit: adult.submitHandoff,
    };
    await request('HO-2');
    await expect(
      deliverHandoff(deps, { handoffId: 'HO-2', attempt: 1, maxAttempts: 2 }),
    ).rejects.toBeInstanceOf(AttemptFailed);
    const last = deliverHandoff(deps, { handoffId: 'HO-2', attempt: 2, maxAttempts: 2 });
    await expect(last).rejects.toBeInstanceOf(DeadLetter);

    const row = await handoffById(store.db, 'HO-2');
    expect(row).toMatchObject({ status: 'FAILED', attempts: 2, adultReference: null });
    expect(row?.lastErrorCode).toMatch(/^[A-Z0-9_]+$/);
    expect((await historyOf(store.db, 'HO-2')).at(-1)).toMatchObject({ change: 'FAILED', attempt: 2 });
    expect(await registered('HO-2')).toEqual([]);
  });

  it('dead-letters at once when adult services hold a different package under the id', async () => {
    await start(0);
    const adult = await connector();
    await adult.submitHandoff({ ...pkg('HO-3'), sections: [{ type: 'HEALTH', content: { other: true } }] });
    await request('HO-3');
    const deps = {
      db: store.db,
      now,
      readPackage: async (id: string) => pkg(id),
      submit: adult.submitHandoff,
    };
    await expect(
      deliverHandoff(deps, { handoffId: 'HO-3', attempt: 1, maxAttempts: 5 }),
    ).rejects.toMatchObject({
      code: 'HANDOFF_CONFLICT',
    });
    expect(await handoffById(store.db, 'HO-3')).toMatchObject({
      status: 'FAILED',
      lastErrorCode: 'HANDOFF_CONFLICT',
    });
  });

  it('as a job: a child the identity index does not hold fails unrecoverably as CHILD_NOT_FOUND', async () => {
    await start(0);
    const adult = await connector();
    await request('HO-4');
    const deps: JobDeps = { db: store.db, logger, now, connectors: [adult] };
    await expect(
      deliverHandoffJob.run({ handoffId: 'HO-4' }, { jobId: 'HO-4', attempt: 1, deps }),
    ).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await handoffById(store.db, 'HO-4')).toMatchObject({
      status: 'FAILED',
      lastErrorCode: 'CHILD_NOT_FOUND',
    });
    expect(await registered('HO-4')).toEqual([]);
    expect(deliverHandoffJob.jobOptions).toMatchObject({ attempts: 6, backoff: { type: 'exponential' } });
  });
});
