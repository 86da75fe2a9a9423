/**
 * Runs BullMQ workers for a set of job definitions, and gives producers the matching queues. Every queue
 * uses the hub's prefix with its domain's hash tag (never ioredis keyPrefix).
 */
import { Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from '../platform/logger.js';
import { runWithContext, newContext } from '../platform/request-context.js';
import { parseJobData, type Enqueue, type JobDefinition, type JobDeps } from './define-job.js';
import type { WorkerLockConfig } from './worker-lock-config.js';

export interface QueueNaming {
  queuePrefix(domain: string): string;
}

export interface WorkerHostOptions {
  definitions: readonly JobDefinition[];
  connection: ConnectionOptions;
  naming: QueueNaming;
  deps: JobDeps;
  logger: Logger;
  /** How quickly a dead worker's jobs are taken over (worker-lock-config.ts); BullMQ's defaults when absent. */
  lock?: WorkerLockConfig;
}

export interface WorkerHost {
  workers: Worker[];
  close(): Promise<void>;
}

export async function startWorkers(options: WorkerHostOptions): Promise<WorkerHost> {
  const workers = options.definitions.map((definition) => {
    const worker = new Worker(definition.name, (job: Job) => processJob(definition, job, options.deps), {
      connection: options.connection,
      prefix: options.naming.queuePrefix(definition.domain),
      concurrency: definition.concurrency,
      ...(definition.maxStalledCount === undefined ? {} : { maxStalledCount: definition.maxStalledCount }),
      ...(options.lock
        ? { lockDuration: options.lock.lockDurationMs, stalledInterval: options.lock.stalledIntervalMs }
        : {}),
      autorun: false,
    });
    worker.on('failed', (job, error) => {
      options.logger.warn({ queue: definition.name, jobId: job?.id, err: error }, 'job failed');
    });
    worker.on('error', (error) =>
      options.logger.error({ queue: definition.name, err: error }, 'worker error'),
    );
    return worker;
  });
  for (const worker of workers) void worker.run();
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  return {
    workers,
    // close() waits for jobs in progress to finish; the lifecycle's deadline bounds how long that may take.
    close: async () => void (await Promise.all(workers.map((worker) => worker.close()))),
  };
}

function processJob(definition: JobDefinition, job: Job, deps: JobDeps): Promise<unknown> {
  const context = {
    ...newContext({ requestId: job.data?.requestId }),
    jobId: String(job.id),
    queue: definition.name,
  };
  return runWithContext(context, () => {
    const data = parseJobData(definition, job.data);
    return definition.run(data, { jobId: String(job.id), attempt: job.attemptsMade + 1, deps });
  });
}

/** Producer-side queues for the same definitions (same names, same prefixes). */
export function createQueues(
  definitions: readonly JobDefinition[],
  connection: ConnectionOptions,
  naming: QueueNaming,
): Map<string, Queue> {
  return new Map(
    definitions.map((definition) => [
      definition.name,
      new Queue(definition.name, {
        connection,
        prefix: naming.queuePrefix(definition.domain),
        defaultJobOptions: definition.jobOptions,
      }),
    ]),
  );
}

/**
 * `enqueue` over producer queues: many jobs to one queue in one round trip. A debounced job waits `ms` and is
 * replaced (its wait restarted) by each later one with the same id — a burst of webhooks about one child is one
 * reconciliation.
 */
export function createEnqueue(queues: ReadonlyMap<string, Queue>): Enqueue {
  return async (name, jobs) => {
    const queue = queues.get(name);
    if (!queue) throw new Error(`no queue named ${name}`);
    await queue.addBulk(
      jobs.map(({ data, options }) => ({
        name,
        data,
        opts: {
          ...(options?.jobId === undefined ? {} : { jobId: options.jobId }),
          ...(options?.debounce
            ? {
                delay: options.debounce.ms,
                deduplication: {
                  id: options.debounce.id,
                  ttl: options.debounce.ms,
                  extend: true,
                  replace: true,
                },
              }
            : options?.delay === undefined
              ? {}
              : { delay: options.delay }),
        },
      })),
    );
  };
}
