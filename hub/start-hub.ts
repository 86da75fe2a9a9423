/**
 * Starts the hub in order — config → store → Redis → connectors → gateway → workers — registering each piece
 * with the lifecycle so shutdown runs in reverse. Used by `npm start` (everything in one process) and by the
 * separate gateway and worker entry points.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { connectorModules } from '../connectors/registry.js';
import type { Connector } from '../connectors/connector.js';
import { createHubInfoSchema } from '../gateway/hub-info-schema.js';
import { createRemoteConnectors } from '../gateway/remote/remote-connectors.js';
import { stitchGateway } from '../gateway/stitch.js';
import { registerWebhookRoutes } from '../gateway/webhooks/webhook-routes.js';
import type { ReadinessCheck } from '../gateway/readiness.js';
import { feedsConnector } from '../gateway/feeds/index.js';
import { registerFeedIntakeRoutes } from '../gateway/feed-intake/index.js';
import { abandonStaleFeeds, enqueueReceivedFeeds } from '../feeds/intake/index.js';
import { createHandoffsSchema, handoffsMerge } from '../gateway/handoffs/index.js';
import { reconciliationViewsConnector } from '../gateway/reconciliation-views/index.js';
import { buildGateway } from '../gateway/server.js';
import { createWorkingDayCalendar } from '../jobs/rules/time/working-days.js';
import type { Enqueue } from '../jobs/define-job.js';
import { reconcileOnAgencyEvent } from '../jobs/reconcile-child/reconcile-on-event.js';
import { acknowledgeHandoffOnEvent } from '../jobs/deliver-handoff/acknowledge-handoff.js';
import { startHandoffSweep } from '../jobs/deliver-handoff/sweep-undelivered.js';
import { redispatchUnsettledAlerts } from '../jobs/ingest-feed/redispatch-alerts.js';
import { createJobDefinitions } from '../jobs/registry.js';
import { AuditWriter } from '../store/audit/audit-writer.js';
import { startWorkers } from '../jobs/worker-host.js';
import type { Logger } from '../platform/logger.js';
import { createRedis, keyspace } from '../platform/redis.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openStore } from '../store/open-store.js';
import { parseHubConfig, type HubConfig } from './config.js';
import { createHubAccess } from './gateway-access.js';
import {
  openJobQueues,
  reconciliationSetup,
  scheduleNightlyReconciliation,
  scheduleNotificationDelivery,
} from './job-queues.js';
import type { Lifecycle } from './lifecycle.js';
import { resolveRedis } from './private-redis.js';

export interface StartOptions {
  config: HubConfig;
  /**
   * Starts the agencies when they are part of this process (embedded simulators) and gives the connector env
   * overrides for them; called once the gateway listens, so liveness does not wait for them.
   */
  startAgencies?: () => Promise<Record<string, string>>;
  logger: Logger;
  lifecycle: Lifecycle;
  version: string;
  run: { gateway: boolean; workers: boolean };
}

export interface StartedHub {
  db: Db;
  connectors: Connector[];
  redisUrl: string;
  gateway?: FastifyInstance;
  gatewayUrl?: string;
  /** Adds jobs to the hub's queues. */
  enqueue: Enqueue;
}

export async function startHub({
  config: initialConfig,
  startAgencies,
  logger,
  lifecycle,
  version,
  run,
}: StartOptions): Promise<StartedHub> {
  let config = initialConfig;
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

  // The gateway listens before the agencies are reachable (embedded simulators can take a while), so liveness
  // answers at once; /graphql answers 503 and /readyz says not ready until the schema is stitched.
  const connectors: Connector[] = [];
  const jobQueues = openJobQueues({ config, redisUrl: redis.url, lifecycle });
  const started: StartedHub = { db, redisUrl: redis.url, connectors, enqueue: jobQueues.enqueue };
  let schemaReady: { resolve: (schema: GraphQLSchema) => void; reject: (error: unknown) => void } | undefined;
  let accessAdmin: Connector | undefined;
  if (run.gateway) {
    const hubAccess = await createHubAccess({ config, db, logger, lifecycle, redisConfig });
    accessAdmin = hubAccess.adminConnector;
    const schema = new Promise<GraphQLSchema>((resolve, reject) => (schemaReady = { resolve, reject }));
    const acknowledgeHandoff = acknowledgeHandoffOnEvent({ db, logger, now: () => new Date() });
    const reconcileOnEvent = reconcileOnAgencyEvent({
      db,
      enqueue: jobQueues.enqueue,
      now: () => new Date(),
      placementMeetingHours: config.rules.placementMeetingHours,
    });
    const gateway = await buildGateway({
      config: config.gateway,
      nodeEnv: config.platform.nodeEnv,
      logger,
      schema,
      readinessChecks,
      access: hubAccess.access,
      hardening: config.hardening,
      routes: [
        (app) =>
          registerFeedIntakeRoutes(app, {
            config: config.feedIntake,
            db,
            logger,
            access: hubAccess.access,
            enqueue: jobQueues.enqueue,
          }),
        (app) =>
          registerWebhookRoutes(app, {
            config: () => config.webhooks,
            db,
            logger,
            connectors,
            // The acknowledgement first (it never throws), so the reconciliation the event starts sees it.
            onEvent: async (event) => {
              await acknowledgeHandoff(event);
              await reconcileOnEvent(event);
            },
          }),
      ],
    });
    const address = await gateway.listen({ host: config.gateway.host, port: config.gateway.port });
    lifecycle.add('gateway', () => gateway.close());
    started.gateway = gateway;
    started.gatewayUrl = address;
  }

  try {
    if (startAgencies) config = withAgencyEnv(config, await startAgencies());
    connectors.push(...(await startConnectors(config, { logger, db, redisConfig, lifecycle })));
  } catch (error) {
    schemaReady?.reject(error);
    throw error;
  }
  if (schemaReady) {
    // Connectors named in CONNECTOR_URLS are still created here (the gateway plans with their schema and merge
    // rules) but executed by their own served process, which also answers their readiness.
    const remote = createRemoteConnectors(config.remoteConnectors, {
      known: connectors.map((connector) => connector.name),
      logger,
    });
    for (const connector of connectors) {
      readinessChecks.push({
        name: connector.name,
        kind: 'connector',
        critical: false,
        check: remote.ping(connector.name) ?? (() => connector.ping()),
      });
    }
    const hubInfo = createHubInfoSchema({
      name: 'child-view-hub',
      version,
      environment: config.platform.hubEnv,
    });
    const hubInfoConnector: Connector = {
      name: 'hub',
      schema: hubInfo,
      merge: {},
      ping: async () => undefined,
      close: async () => undefined,
    };
    schemaReady.resolve(
      stitchGateway(
        [
          hubInfoConnector,
          ...(accessAdmin ? [accessAdmin] : []),
          ...connectors,
          {
            name: 'handoffs',
            schema: createHandoffsSchema({ db, enqueue: jobQueues.enqueue, now: () => new Date() }),
            merge: handoffsMerge,
            ping: async () => undefined,
            close: async () => undefined,
          },
          feedsConnector({ db, enqueue: jobQueues.enqueue, now: () => new Date() }),
          reconciliationViewsConnector({
            db,
            connectors,
            now: () => new Date(),
            calendar: createWorkingDayCalendar(),
            config: config.rules,
          }),
        ],
        {
          maxBatchSize: config.gateway.maxBatchSize,
          remoteExecutors: remote.executors,
        },
      ),
    );
    // Started means /graphql answers: the caller (npm start's welcome, tests) may use it at once.
    await started.gateway?.graphqlReady;
  }
  if (run.workers) {
    // Reconciliation's system reads are audited like any other read, through their own group-commit writer.
    const jobsAudit = new AuditWriter(db, { logger });
    lifecycle.add('jobs access audit', () => jobsAudit.close());
    const definitions = createJobDefinitions(config);
    const workers = await startWorkers({
      definitions,
      connection: { url: redis.url, maxRetriesPerRequest: null },
      naming: keyspace(config.platform.hubEnv),
      lock: config.workerLock,
      deps: {
        db,
        logger,
        now: () => new Date(),
        connectors,
        audit: jobsAudit,
        enqueue: jobQueues.enqueue,
        reconciliation: reconciliationSetup(config),
      },
      logger,
    });
    lifecycle.add('workers', () => workers.close());
    await scheduleNightlyReconciliation(jobQueues.queues, config, logger);
    await scheduleNotificationDelivery(jobQueues.queues, logger);
    // Lost delivery jobs: at start (Redis may have come back empty) and on a schedule.
    const handoffSweep = startHandoffSweep({
      db,
      enqueue: jobQueues.enqueue,
      now: () => new Date(),
      logger,
      config: config.handoffSweep,
    });
    lifecycle.add('transition handoff sweep', () => handoffSweep.stop());
    // Feeds whose ingest job Redis lost are enqueued again, and alerts it lost handed on again; uploads broken
    // off long ago are abandoned.
    const sweepFeeds = async () => {
      await abandonStaleFeeds(db, { olderThan: new Date(Date.now() - 6 * 3600_000) });
      await enqueueReceivedFeeds(db, jobQueues.enqueue);
      await redispatchUnsettledAlerts(db, jobQueues.enqueue, new Date());
    };
    const sweepFailed = (error: unknown) =>
      logger.warn({ code: (error as { code?: unknown }).code }, 'feed sweep failed');
    await sweepFeeds().catch(sweepFailed);
    const feedSweep = setInterval(() => void sweepFeeds().catch(sweepFailed), 5 * 60_000);
    feedSweep.unref();
    lifecycle.add('feed sweep', async () => clearInterval(feedSweep));
    logger.info({ queues: definitions.length }, 'workers ready');
  }
  return started;
}

async function startConnectors(
  config: HubConfig,
  context: { logger: Logger; db: Db; redisConfig: HubConfig['redis']; lifecycle: Lifecycle },
): Promise<Connector[]> {
  const cacheRedis = createRedis(context.redisConfig, {
    connectionName: 'connector-cache',
    logger: context.logger,
    failFast: true,
  });
  await cacheRedis.connect();
  context.lifecycle.add('connector cache', async () => void (await cacheRedis.quit()));
  const keys = keyspace(config.platform.hubEnv);
  const connectors: Connector[] = [];
  for (const module of connectorModules) {
    const connector = await module.create(config.connectors[module.name], {
      logger: context.logger.child({ connector: module.name }),
      redis: cacheRedis,
      cacheKey: (...parts) => keys.key('cache', module.name, ...parts),
      now: () => new Date(),
      db: context.db,
    });
    context.lifecycle.add(`connector ${module.name}`, () => connector.close());
    connectors.push(connector);
  }
  return connectors;
}

/** The configuration re-read with the agencies' start-up addresses and secrets (embedded simulators). */
function withAgencyEnv(config: HubConfig, overrides: Record<string, string>): HubConfig {
  const reread = parseHubConfig({ ...process.env, ...overrides });
  return { ...config, connectors: reread.connectors, webhooks: reread.webhooks, notify: reread.notify };
}
