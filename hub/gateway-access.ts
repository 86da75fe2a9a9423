/**
 * The gateway's access wiring for the hub: token verification (auth config), the access decider over the hub's
 * store (agency relationships, panel lists, grants), the durable group-commit audit writer, the unusual-volume
 * watcher, the gateway's own access-administration subschema, and the sweep that ends expired self-claimed and
 * break-glass grants (each end is audited). Registered with the lifecycle so the audit drains before the store
 * closes.
 */
import type { Connector } from '../connectors/connector.js';
import {
  createAccessAdminSchema,
  createUnusualVolumeWatcher,
  panelChildIdsForMember,
  panelChildIdsOfMember,
} from '../gateway/access-admin/index.js';
import { createAccessDecider } from '../gateway/access/child-access.js';
import type { GatewayAccess } from '../gateway/access/gateway-access.js';
import { endExpiredAccessGrants } from '../gateway/audit/access-grants.js';
import { AuditWriter } from '../store/audit/audit-writer.js';
import { createAuth } from '../gateway/auth/index.js';
import { createUserRateLimiter } from '../gateway/hardening/index.js';
import type { Logger } from '../platform/logger.js';
import { createRedis, keyspace } from '../platform/redis.js';
import type { Db } from '../store/db.js';
import type { HubConfig } from './config.js';
import type { Lifecycle } from './lifecycle.js';

const grantSweepIntervalMs = 60_000;

export interface HubAccess {
  access: GatewayAccess;
  /** The gateway's own subschema (grants, panel lists, privacy officer views), stitched beside the agencies. */
  adminConnector: Connector;
}

export async function createHubAccess(context: {
  config: HubConfig;
  db: Db;
  logger: Logger;
  lifecycle: Lifecycle;
  /** The Redis the hub resolved (its URL may be a private server's). */
  redisConfig: HubConfig['redis'];
}): Promise<HubAccess> {
  const { config, db, logger, lifecycle } = context;
  const auth = await createAuth(config.auth);
  if (auth.config.mode === 'local')
    logger.warn(
      { keyDir: auth.config.localKeyDir },
      'AUTH_MODE=local: tokens are signed by a key on this machine (development and demos only)',
    );
  const now = () => new Date();
  const audit = new AuditWriter(db, { logger });
  const watcher = createUnusualVolumeWatcher({
    db,
    logger,
    thresholdPerHour: config.accessAdmin.unusualVolume.thresholdPerHour,
    checkEveryMs: config.accessAdmin.unusualVolume.checkEveryMs,
  });
  lifecycle.add('access audit', async () => {
    await audit.close();
    await watcher.idle();
  });

  const sweep = setInterval(() => {
    endExpiredAccessGrants(db).catch((error: unknown) =>
      logger.error({ code: (error as { code?: unknown }).code }, 'expired access grants could not be ended'),
    );
  }, grantSweepIntervalMs);
  sweep.unref();
  lifecycle.add('access grant sweep', async () => clearInterval(sweep));

  const rateLimitRedis = createRedis(context.redisConfig, {
    connectionName: 'gateway-rate-limit',
    logger,
    failFast: true,
  });
  await rateLimitRedis.connect();
  lifecycle.add('rate limit redis', async () => void (await rateLimitRedis.quit()));
  const limiter = createUserRateLimiter({
    redis: rateLimitRedis,
    keyPrefix: keyspace(config.platform.hubEnv).key('ratelimit', 'graphql'),
    perMinute: config.hardening.rateLimitPerMinute,
    onUnavailable: () => logger.warn('rate limit store unavailable: requests are allowed meanwhile'),
  });

  return {
    access: {
      rateLimit: (userId) => limiter.consume(userId),
      verifier: auth.verifier,
      decider: createAccessDecider({
        db,
        now,
        panels: {
          childrenOnPanels: (email, childIds) => panelChildIdsForMember(db, email, childIds),
          panelChildIds: (email, limit) => panelChildIdsOfMember(db, email, limit),
        },
      }),
      audit,
      now,
      publicJwks: auth.publicJwks,
      onAudited: (userId) => watcher.noteAccess(userId),
    },
    adminConnector: {
      name: 'access-admin',
      schema: createAccessAdminSchema({ db, now, grantLimits: config.accessAdmin.grantLimits }),
      merge: {},
      ping: async () => undefined,
      close: async () => undefined,
    },
  };
}
