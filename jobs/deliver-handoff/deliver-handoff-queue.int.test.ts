import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import adultServicesConnector, {
  isAdultServicesConnector,
  type AdultServicesConnector,
} from '../../connectors/adult-services/index.js';
import type { ConnectorDeps } from '../../connectors/connector.js';
import { parseConfig } from '../../platform/config.js';
import { createLogger } from '../../platform/logger.js';
import { keyspace, type Redis } from '../../platform/redis.js';
// The job runs on a real BullMQ worker against the adult services simulator, as the hub runs it.
import { fixtureNhsNumbers } from '../../simulators/adult/fixture-population.js';
import { adultTestServer, type AdultTestServer } from '../../simulators/adult/test-server.js';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import type { JobDefinition } from '../define-job.js';
import { createEnqueue, createQueues, startWorkers, type WorkerHost } from '../worker-host.js';
import { createHandoff, handoffById, historyOf } from './handoff-store.js';
import { deliverHandoffJob } from './index.js';
import { sweepUndeliveredHandoffs } from './sweep-undelivered.js';

const connection = {
  url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  maxRetriesPerRequest: null,
};
const logger = createLogger({ service: 'deliver-handoff-queue-test', level: 'silent' });
const now = () => new Date();
// The real job with a short backoff, so its retries happen within the test.
const job = {
  ...deliverHandoffJob,
  jobOptions: { ...deliverHandoffJob.jobOptions, backoff: { type: 'fixed', delay: 50 } },
} as JobDefinition;

let store: TestSchema;
let sim: AdultTestServer;
let baseUrl: string;
let workers: WorkerHost | undefined;
const naming = keyspace(`t${randomUUID().slice(0, 8)}`);
const queues = createQueues([job], connection, naming);
const enqueue = createEnqueue(queues);

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_handoff_queue' });
  // The identity index knows the child and their adult services record.
  await store.db.query(`INSERT INTO children (id) VALUES ('child-1')`);
  await store.db.query(
    `INSERT INTO agency_records (agency, local_id, child_id, nhs_number, given_name, family_name, date_of_birth, sex,
       link_method)
     VALUES ('adult', 'ASC-1001', 'child-1', $1, 'Erin', 'Evans', '2008-01-01', 'F', 'SINGLE')`,
    [fixtureNhsNumbers.erin],
  );
});
afterEach(async () => {
  await workers?.close();
  workers = undefined;
  for (const queue of queues.values()) await queue.obliterate({ force: true });
  await sim.app.close();
  await store.drop();
});

afterAll(async () => {
  for (const queue of queues.values()) await queue.close();
});

async function adultConnector(): Promise<AdultServicesConnector> {
  const { adultServices } = parseConfig(
    { adultServices: adultServicesConnector.configSection },
    { ADULT_SERVICES_BASE_URL: `${baseUrl}/adult/v1`, ADULT_SERVICES_RETRIES: '0' },
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

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function startAdultAndWorkers(failFirstHandoffs: number) {
  sim = adultTestServer({ failFirstHandoffs, now });
  baseUrl = await sim.app.listen({ host: '127.0.0.1', port: 0 });
  const adult = await adultConnector();
  workers = await startWorkers({
    definitions: [job],
    connection,
    naming,
    deps: { db: store.db, logger, now, connectors: [adult] },
    logger,
  });
}

describe('deliver-handoff on a BullMQ worker', () => {
  it('delivers exactly once although adult services failed its first two attempts', async () => {
    await startAdultAndWorkers(2);
    await createHandoff(store.db, {
      id: 'HO-Q1',
      childId: 'child-1',
      requestedBy: 'sw-1',
      reason: 'Turning 18',
      at: now(),
    });
    // Enqueued twice (a retried request): one job.
    for (let i = 0; i < 2; i += 1)
      await enqueue('deliver-handoff', [{ data: { handoffId: 'HO-Q1' }, options: { jobId: 'HO-Q1' } }]);

    const row = await until(
      () => handoffById(store.db, 'HO-Q1'),
      (value) => value?.status !== 'REQUESTED',
    );
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 3 });
    expect(row!.attempts).toBeGreaterThan(1);

    const listed = await fetch(`${baseUrl}/adult/v1/transition-handoffs?handoffId=HO-Q1`);
    const { handoffs } = (await listed.json()) as {
      handoffs: Array<{ reference: string; package: unknown }>;
    };
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]!.reference).toBe(row!.adultReference);
    // Three posts reached the intake; the package was filed once.
    expect(sim.counters.snapshot()['POST /adult/v1/transition-handoffs']).toBe(3);
    expect(sim.webhooks.sent().filter((event) => event.type === 'handoff.received')).toHaveLength(1);
    expect(JSON.stringify(handoffs[0]!.package)).toContain('TEAM_AROUND_THE_CHILD');
    expect((await historyOf(store.db, 'HO-Q1')).map((entry) => entry.change)).toEqual([
      'REQUESTED',
      'ATTEMPT_FAILED',
      'ATTEMPT_FAILED',
      'DELIVERED',
    ]);
    const finished = await queues.get('deliver-handoff')!.getJob('HO-Q1');
    expect(finished?.attemptsMade).toBe(3);
  });

  it('delivers a request whose job was lost once the sweep enqueues it again, and sweeps nothing after', async () => {
    await startAdultAndWorkers(0);
    // Requested ten minutes ago; its job never reached Redis (or Redis lost it).
    await createHandoff(store.db, {
      id: 'HO-Q2',
      childId: 'child-1',
      requestedBy: 'sw-1',
      reason: 'Turning 18',
      at: new Date(Date.now() - 10 * 60_000),
    });
    expect(await sweepUndeliveredHandoffs(store.db, enqueue, now())).toEqual(['HO-Q2']);
    const row = await until(
      () => handoffById(store.db, 'HO-Q2'),
      (value) => value?.status !== 'REQUESTED',
    );
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    expect(await sweepUndeliveredHandoffs(store.db, enqueue, now())).toEqual([]);
    expect(sim.counters.snapshot()['POST /adult/v1/transition-handoffs']).toBe(1);
  });
});
