import { randomUUID } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '../platform/logger.js';
import { keyspace } from '../platform/redis.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openPostgresDb } from '../store/postgres-db.js';
import { defineJob } from './define-job.js';
import { runOnce } from './idempotency.js';
import { createQueues, startWorkers, type WorkerHost } from './worker-host.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const connection = {
  url: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  maxRetriesPerRequest: null,
};

describe('worker host on real Redis and PostgreSQL', () => {
  const suffix = randomUUID().replaceAll('-', '').slice(0, 10);
  const naming = keyspace(`t${suffix}`);
  const logger = createLogger({ service: 'test', level: 'silent' });
  let db: Db;
  let host: WorkerHost;
  let runs = 0;

  const queueName = `record-effect-${suffix}`;
  const recordEffect = defineJob({
    name: queueName,
    domain: 'test',
    data: z.object({ key: z.string().min(1), value: z.number().int() }),
    concurrency: 2,
    jobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 10 } },
    async run(data, context): Promise<{ result: { stored: number }; firstRun: boolean }> {
      runs += 1;
      return runOnce(
        context.deps.db,
        { idempotencyKey: `effect:${data.key}`, queue: queueName, jobName: 'record' },
        async (tx) => {
          await tx.query('INSERT INTO effects (key, value) VALUES ($1, $2)', [data.key, data.value]);
          return { stored: data.value };
        },
      );
    },
  });
  const queues = createQueues([recordEffect], connection, naming);
  const queue = queues.get(recordEffect.name)!;
  const events = new QueueEvents(recordEffect.name, { connection, prefix: naming.queuePrefix('test') });

  beforeAll(async () => {
    db = await openPostgresDb({
      url: databaseUrl,
      schema: `t_${suffix}`,
      poolMax: 4,
      statementTimeoutMs: 5000,
    });
    await migrate(db);
    await db.exec('CREATE TABLE effects (key text, value int)');
    host = await startWorkers({
      definitions: [recordEffect],
      connection,
      naming,
      deps: { db, logger, now: () => new Date(), connectors: [] },
      logger,
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await host.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await db.exec(`DROP SCHEMA t_${suffix} CASCADE`);
    await db.close();
  });

  it('uses the hash-tagged prefix for its keys', async () => {
    const job = await queue.add('record', { key: 'prefix-probe', value: 0 });
    await job.waitUntilFinished(events, 10_000);
    const client = new Redis(connection.url);
    const keys = await client.keys(`${naming.queuePrefix('test')}:${recordEffect.name}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((key) => key.startsWith(`cvh:t${suffix}:{test}:`))).toBe(true);
    await client.quit();
  });

  it('runs a redelivered effect once: the second delivery returns the first result', async () => {
    const first = await queue.add('record', { key: 'k1', value: 7 });
    const second = await queue.add('record', { key: 'k1', value: 8 });
    const results = await Promise.all([
      first.waitUntilFinished(events, 10_000),
      second.waitUntilFinished(events, 10_000),
    ]);
    const { rows } = await db.query<{ value: number }>(`SELECT value FROM effects WHERE key = 'k1'`);
    expect(rows).toHaveLength(1);
    expect(results.map((result: { result: { stored: number } }) => result.result.stored)).toEqual([
      rows[0]!.value,
      rows[0]!.value,
    ]);
    expect(results.filter((result: { firstRun: boolean }) => result.firstRun)).toHaveLength(1);
  });

  it('fails bad data at once, without retrying, with the reason', async () => {
    const before = runs;
    const job = await queue.add('record', { key: '', value: 'seven' });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/invalid job data.*key.*value/);
    const failed = await queue.getJob(job.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(runs).toBe(before);
  });
});
