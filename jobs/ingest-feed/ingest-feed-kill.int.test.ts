import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedStatus } from '../../feeds/ingest/feed-status.js';
import { bundleRecords, insertFeed, seedChildren } from '../../feeds/ingest/testing/seed-feeds.js';
import { encounterEntry, nhsNumberFor, patientEntry } from '../../feeds/records/testing/record-fixtures.js';
import { createLogger } from '../../platform/logger.js';
import { keyspace } from '../../platform/redis.js';
import type { Db } from '../../store/db.js';
import { migratedSchema, testDatabaseUrl, type TestSchema } from '../../store/testing/migrated-schema.js';
import { parseJobData } from '../define-job.js';
import { notifyAlertQueue } from '../notify-alert/alert-data.js';
import { reconcileChildJob } from '../reconcile-child/index.js';
import { createEnqueue, createQueues } from '../worker-host.js';
import { ingestFeedJob } from './index.js';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const connection = { url: redisUrl, maxRetriesPerRequest: null };
const now = new Date('2026-12-03T12:00:00Z');
const patients = 3000;

describe('ingest-feed when its worker is killed mid-feed', () => {
  const hubEnv = `t${randomUUID().replaceAll('-', '').slice(0, 10)}`;
  const naming = keyspace(hubEnv);
  let store: TestSchema;
  let db: Db;
  let child: ChildProcess | undefined;
  let rescuer: Worker | undefined;
  const queues = createQueues([ingestFeedJob, reconcileChildJob], connection, naming);
  queues.set(
    notifyAlertQueue,
    new Queue(notifyAlertQueue, { connection, prefix: naming.queuePrefix('notify') }),
  );
  const events = new QueueEvents(ingestFeedJob.name, { connection, prefix: naming.queuePrefix('feeds') });

  beforeAll(async () => {
    store = await migratedSchema({ prefix: 't_ingest_kill', poolMax: 4 });
    db = store.db;
    await seedChildren(
      db,
      Array.from({ length: patients }, (_, i) => ({
        childId: `child-${i + 1}`,
        nhsNumber: nhsNumberFor(i + 1),
      })),
    );
    await events.waitUntilReady();
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rescuer?.close();
    await events.close();
    for (const queue of queues.values()) {
      await queue.obliterate({ force: true });
      await queue.close();
    }
    await store?.drop();
  });

  async function counts(feedId: string) {
    const { rows } = await db.query<{ accepted: string; landed: string; letters: string }>(
      `SELECT (SELECT count(*) FROM feed_records WHERE feed_id = $1 AND state = 'ACCEPTED') AS accepted,
              (SELECT count(*) FROM feed_gp_resources WHERE feed_id = $1) AS landed,
              (SELECT count(*) FROM feed_dead_letters WHERE feed_id = $1) AS letters`,
      [feedId],
    );
    return {
      accepted: Number(rows[0]!.accepted),
      landed: Number(rows[0]!.landed),
      letters: Number(rows[0]!.letters),
    };
  }

  it('loses and repeats nothing: another worker takes the job over from the first PENDING record', async () => {
    const entries: unknown[] = Array.from({ length: patients }, (_, i) => [
      patientEntry(`p${i + 1}`, nhsNumberFor(i + 1)),
      encounterEntry(
        `e${i + 1}`,
        { reference: `Patient/p${i + 1}` },
        { classCode: i % 100 === 0 ? 'EMER' : 'AMB' },
      ),
    ]).flat();
    entries.push(
      ...Array.from({ length: 50 }, (_, i) => ({ resource: { resourceType: 'Flag', id: `f${i}` } })),
    );
    const feedId = await insertFeed(db, { kind: 'GP_FHIR', sender: 'K1', records: bundleRecords(entries) });

    child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./testing/ingest-worker-process.ts', import.meta.url))],
      {
        env: {
          ...process.env,
          INGEST_TEST_REDIS_URL: redisUrl,
          INGEST_TEST_HUB_ENV: hubEnv,
          INGEST_TEST_DATABASE_URL: testDatabaseUrl,
          INGEST_TEST_SCHEMA: store.schema,
          INGEST_TEST_NOW: now.toISOString(),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve());
      child!.on('exit', (code) => reject(new Error(`worker process exited (${code})`)));
    });

    const job = await queues.get(ingestFeedJob.name)!.add('ingest', { feedId }, { jobId: feedId });
    // Kill it once some chunks have committed and others have not.
    for (;;) {
      const { accepted } = await counts(feedId);
      if (accepted >= 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    const atDeath = await counts(feedId);
    expect(atDeath.accepted).toBe(atDeath.landed);
    expect((await feedStatus(db, feedId))?.pending).toBeGreaterThan(0);

    const queues2 = createQueues([reconcileChildJob], connection, naming);
    queues2.set(notifyAlertQueue, queues.get(notifyAlertQueue)!);
    const deps = {
      db,
      logger: createLogger({ service: 'test', level: 'silent' }),
      now: () => now,
      connectors: [],
      enqueue: createEnqueue(queues2),
    };
    rescuer = new Worker(
      ingestFeedJob.name,
      (stalled) =>
        ingestFeedJob.run(parseJobData(ingestFeedJob, stalled.data), {
          jobId: String(stalled.id),
          attempt: stalled.attemptsMade + 1,
          deps,
        }),
      { connection, prefix: naming.queuePrefix('feeds'), stalledInterval: 1_000, lockDuration: 2_000 },
    );
    await job.waitUntilFinished(events, 60_000);
    await queues2.get(reconcileChildJob.name)!.close();

    expect(await feedStatus(db, feedId)).toMatchObject({
      status: 'PROCESSED',
      accepted: patients * 2,
      duplicates: 0,
      rejected: 50,
      pending: 0,
    });
    expect(await counts(feedId)).toEqual({ accepted: patients * 2, landed: patients * 2, letters: 50 });
    const alerts = await queues.get(notifyAlertQueue)!.getJobCounts();
    expect(Object.values(alerts).reduce((sum, n) => sum + n, 0)).toBe(patients / 100);
  }, 120_000);
});
