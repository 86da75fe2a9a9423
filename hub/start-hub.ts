/**
 * Starts the hub in order — config → store → Redis → connectors → gateway → workers — registering each piece
 * with the lifecycle so shutdown runs in reverse. Used by `npm start` (everything in one process) and by the
 * separate gateway and worker entry points.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createHubInfoSchema } from '../gateway/hub-info-schema.js';
import type { ReadinessCheck } from '../gateway/readiness.js';
import { buildGateway } from '../gateway/server.js';
import { jobDefinitions } from '../jobs/registry.js';
import { startWorkers } from '../jobs/worker-host.js';
import type { Logger } from '../platform/logger.js';
import { createRedis, keyspace } from '../platform/redis.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openStore } from '../store/open-store.js';
import type { HubConfig } from './config.js';
import type { Lifecycle } from './lifecycle.js';
import { resolveRedis } from './private-redis.js';

export interface StartOptions {
  config: HubConfig;
  logger: Logger;
  lifecycle: Lifecycle;
  version: string;
  run: { gateway: boolean; workers: boolean };
}

export interface StartedHub {
  db: Db;
  redisUrl: string;
  gateway?: FastifyInstance;
  gatewayUrl?: string;
}

export async function startHub({
  config,
  logger,
  lifecycle,
  version,
  run,
}: StartOptions): Promise<StartedHub> {
  // Redis is resolved (probed, or a private one started) before the store opens, so a machine without Redis
  // is told so in a second rather than after the embedded database has initialised; it is connected after.
  const redis = await resolveRedis(config.redis, { logger, dataDir: resolve(config.demo.dataDir, 'redis') });
  if (redis.stop) lifecycle.add('private redis-server', redis.stop);

  const db = await openStore(config.store);
  lifecycle.add('store', () => db.close());
  const migrations = await migrate(db);
  logger.info({ engine: db.engine, applied: migrations.applied.length }, 'store ready');

  const redisConfig = { ...config.redis, url: redis.url };
  const healthRedis = createRedis(redisConfig, { connectionName: 'health', logger, failFast: true });
  await healthRedis.connect();
  lifecycle.add('redis', async () => void (await healthRedis.quit()));

  const readinessChecks: ReadinessCheck[] = [
    { name: 'store', kind: 'store', critical: true, check: () => db.ping() },
    { name: 'redis', kind: 'redis', critical: true, check: async () => void (await healthRedis.ping()) },
  ];

  const started: StartedHub = { db, redisUrl: redis.url };
  if (run.gateway) {
    const schema = createHubInfoSchema({
      name: 'child-view-hub',
      version,
      environment: config.platform.hubEnv,
    });
    const gateway = await buildGateway({
      config: config.gateway,
      nodeEnv: config.platform.nodeEnv,
      logger,
      schema,
      readinessChecks,
    });
    const address = await gateway.listen({ host: config.gateway.host, port: config.gateway.port });
    lifecycle.add('gateway', () => gateway.close());
    started.gateway = gateway;
    started.gatewayUrl = address;
  }
  if (run.workers) {
    const workers = await startWorkers({
      definitions: jobDefinitions,
      connection: { url: redis.url, maxRetriesPerRequest: null },
      naming: keyspace(config.platform.hubEnv),
      deps: { db, logger, now: () => new Date() },
      logger,
    });
    lifecycle.add('workers', () => workers.close());
    logger.info({ queues: jobDefinitions.length }, 'workers ready');
  }
  return started;
}
