/**
 * An ingest-feed worker in a process of its own, for the test that kills it with SIGKILL mid-feed. Its lock is
 * short so that another worker takes the job over within seconds. Configured by the test through the
 * environment; prints `ready` when it is listening. Only tests start this.
 */
import { Queue, Worker } from 'bullmq';
import { createLogger } from '../../../platform/logger.js';
import { keyspace } from '../../../platform/redis.js';
import { openPostgresDb } from '../../../store/postgres-db.js';
import { parseJobData } from '../../define-job.js';
import { notifyAlertQueue } from '../../notify-alert/alert-data.js';
import { reconcileChildJob } from '../../reconcile-child/index.js';
import { createEnqueue, createQueues } from '../../worker-host.js';
import { ingestFeedJob } from '../index.js';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const connection = { url: env('INGEST_TEST_REDIS_URL'), maxRetriesPerRequest: null };
const naming = keyspace(env('INGEST_TEST_HUB_ENV'));
const db = await openPostgresDb({
  url: env('INGEST_TEST_DATABASE_URL'),
  schema: env('INGEST_TEST_SCHEMA'),
  poolMax: 2,
  statementTimeoutMs: 20_000,
});
const queues = createQueues([reconcileChildJob], connection, naming);
queues.set(
  notifyAlertQueue,
  new Queue(notifyAlertQueue, { connection, prefix: naming.queuePrefix('notify') }),
);
const deps = {
  db,
  logger: createLogger({ service: 'test', level: 'silent' }),
  now: () => new Date(env('INGEST_TEST_NOW')),
  connectors: [],
  enqueue: createEnqueue(queues),
};
const worker = new Worker(
  ingestFeedJob.name,
  (job) =>
    ingestFeedJob.run(parseJobData(ingestFeedJob, job.data), {
      jobId: String(job.id),
      attempt: job.attemptsMade + 1,
      deps,
    }),
  {
    connection,
    prefix: naming.queuePrefix(ingestFeedJob.domain),
    // Short, so a killed worker's job is taken over within a second or so (the tests kill many).
    lockDuration: 1_000,
    stalledInterval: 500,
    maxStalledCount: ingestFeedJob.maxStalledCount ?? 1,
  },
);
await worker.waitUntilReady();
process.stdout.write('ready\n');
