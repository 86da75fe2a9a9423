import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger.js';
import { keyspace } from '../../platform/redis.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { createEnqueue, createQueues } from '../worker-host.js';
import { createHandoff, markDelivered, markFailed } from './handoff-store.js';
import { deliverHandoffJob } from './index.js';
import { startHandoffSweep, sweepUndeliveredHandoffs } from './sweep-undelivered.js';

const connection = {
  url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  maxRetriesPerRequest: null,
};
const now = new Date('2026-11-25T12:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

// A queue of the real deliver-handoff definition under a keyspace of this test's own; no worker runs, so the
// jobs stay where the sweep put them.
const queues = createQueues([deliverHandoffJob], connection, keyspace(`t${randomUUID().slice(0, 8)}`));
const queue = queues.get(deliverHandoffJob.name) as Queue;
const enqueue = createEnqueue(queues);
let store: TestSchema;

beforeAll(async () => {
  await queue.waitUntilReady();
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
});
beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_handoff_sweep' });
});
afterEach(async () => {
  await queue.obliterate({ force: true });
  await store.drop();
});

async function request(id: string, at: Date) {
  await createHandoff(store.db, { id, childId: 'child-1', requestedBy: 'sw-1', reason: 'Turning 18', at });
}

async function jobIds(): Promise<string[]> {
  const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']);
  return jobs.map((job) => String(job.id)).sort();
}

describe('sweepUndeliveredHandoffs against PostgreSQL and BullMQ', () => {
  it('re-enqueues a REQUESTED handoff whose job Redis lost, under the handoff id', async () => {
    await request('HO-1', minutesAgo(30));
    await enqueue('deliver-handoff', [{ data: { handoffId: 'HO-1' }, options: { jobId: 'HO-1' } }]);
    // Redis loses its data.
    await queue.obliterate({ force: true });
    expect(await jobIds()).toEqual([]);

    expect(await sweepUndeliveredHandoffs(store.db, enqueue, now)).toEqual(['HO-1']);
    const job = await queue.getJob('HO-1');
    expect(job?.data).toEqual({ handoffId: 'HO-1' });
    expect(job?.opts.attempts).toBe(deliverHandoffJob.jobOptions.attempts);
    expect(deliverHandoffJob.data.safeParse(job?.data).success).toBe(true);
  });

  it('adds nothing while the job still exists, however often it sweeps', async () => {
    await request('HO-2', minutesAgo(30));
    // The job waits for its retry, as after a failed attempt.
    await enqueue('deliver-handoff', [
      { data: { handoffId: 'HO-2' }, options: { jobId: 'HO-2', delay: 60_000 } },
    ]);
    const before = await queue.getJob('HO-2');
    for (let sweep = 0; sweep < 3; sweep += 1) await sweepUndeliveredHandoffs(store.db, enqueue, now);
    expect(await jobIds()).toEqual(['HO-2']);
    expect((await queue.getJob('HO-2'))?.timestamp).toBe(before?.timestamp);
    expect(await queue.getJobCountByTypes('waiting', 'delayed')).toBe(1);
  });

  it('leaves recent requests, and handoffs delivered or dead-lettered, alone', async () => {
    await request('HO-recent', minutesAgo(2));
    await request('HO-edge', minutesAgo(5));
    await request('HO-delivered', minutesAgo(30));
    await markDelivered(store.db, { id: 'HO-delivered', attempt: 1, reference: 'ASC-1', at: minutesAgo(29) });
    await request('HO-failed', minutesAgo(30));
    await markFailed(store.db, {
      id: 'HO-failed',
      attempt: 6,
      errorCode: 'UPSTREAM_UNAVAILABLE',
      at: minutesAgo(1),
    });
    await request('HO-old', minutesAgo(6));

    expect(await sweepUndeliveredHandoffs(store.db, enqueue, now)).toEqual(['HO-old']);
    expect(await jobIds()).toEqual(['HO-old']);
    expect(await sweepUndeliveredHandoffs(store.db, enqueue, now, { minAgeMs: 60_000 })).toEqual([
      'HO-old',
      'HO-edge',
      'HO-recent',
    ]);
    expect(await jobIds()).toEqual(['HO-edge', 'HO-old', 'HO-recent']);
  });

  it('runs at start and on its interval until stopped', async () => {
    await request('HO-3', minutesAgo(30));
    const sweep = startHandoffSweep({
      db: store.db,
      enqueue,
      now: () => now,
      logger: createLogger({ service: 'sweep-test', level: 'silent' }),
      config: { intervalMs: 20, minAgeMs: 60_000 },
    });
    const deadline = Date.now() + 5000;
    while ((await jobIds()).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await jobIds()).toEqual(['HO-3']);
    // Lost again: the next tick puts it back.
    await queue.obliterate({ force: true });
    while ((await jobIds()).length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await jobIds()).toEqual(['HO-3']);
    await sweep.stop();
    await queue.obliterate({ force: true });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await jobIds()).toEqual([]);
  });
});
