/**
 * Serves one connector on its own, for the gateway's remote connector mode:
 *
 *   CONNECTOR=health CONNECTOR_PORT=4201 CONNECTOR_CONTEXT_SECRET=… node --import tsx connectors/serve-main.ts
 *
 * and on the gateway: CONNECTOR_URLS=health=http://127.0.0.1:4201/graphql with the same CONNECTOR_CONTEXT_SECRET.
 * Reads the platform, store and Redis sections, the connector's own section (e.g. HEALTH_FHIR_BASE_URL) and the
 * serve section (CONNECTOR_HOST, CONNECTOR_PORT, CONNECTOR_CONTEXT_SECRET). It imports nothing from hub/: the
 * connector contract and the registry are all it needs.
 */
import type { Connector } from './connector.js';
import { connectorModules } from './registry.js';
import { connectorServeConfigSection, serveConnector, type ServedConnector } from './serve-connector.js';
import { parseConfig } from '../platform/config.js';
import { ConfigError, isHubError } from '../platform/errors.js';
import { createHubContextVerifier } from '../platform/hub-context.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { platformConfigSection } from '../platform/platform-config.js';
import { redisConfigSection } from '../platform/redis-config.js';
import { createRedis, keyspace, type Redis } from '../platform/redis.js';
import type { Db, Tx } from '../store/db.js';
import { openStore } from '../store/open-store.js';
import type { StoreConfig } from '../store/store-config.js';
import { storeConfigSection } from '../store/store-config.js';

/** Shutdown must finish within the 10 s a container runtime allows after SIGTERM. */
const shutdownLimitMs = 9000;

async function main(): Promise<void> {
  const name = process.env.CONNECTOR ?? '';
  const module = connectorModules.find((candidate) => candidate.name === name);
  if (!module) {
    fail(
      `CONNECTOR must name one connector: ${connectorModules.map((candidate) => candidate.name).join(', ')}` +
        (name ? ` (got "${name}")` : ''),
    );
  }
  let config;
  try {
    config = parseConfig(
      {
        platform: platformConfigSection,
        store: storeConfigSection,
        redis: redisConfigSection,
        serve: connectorServeConfigSection,
        connector: module.configSection,
      },
      process.env,
    );
  } catch (error) {
    if (error instanceof ConfigError) fail(`${error.message}\nSee .env.example for every variable.`);
    throw error;
  }

  const logger = createLogger({
    service: `child-view-hub:connector:${name}`,
    level: config.platform.logLevel,
  });
  const closers: Array<{ name: string; close: () => Promise<unknown> }> = [];
  let served: ServedConnector | undefined;
  try {
    const redis: Redis = createRedis(config.redis, {
      connectionName: `connector-${name}`,
      logger,
      failFast: true,
    });
    closers.unshift({ name: 'redis', close: () => redis.quit() });
    await redis.connect();
    const db = lazyStore(config.store, logger);
    closers.unshift({ name: 'store', close: () => db.close() });
    const keys = keyspace(config.platform.hubEnv);
    const connector: Connector = await module.create(config.connector, {
      logger: logger.child({ connector: name }),
      redis,
      cacheKey: (...parts) => keys.key('cache', name, ...parts),
      now: () => new Date(),
      db,
    });
    closers.unshift({ name: 'connector', close: () => connector.close() });
    served = await serveConnector(connector, {
      host: config.serve.host,
      port: config.serve.port,
      contextVerifier: createHubContextVerifier({ secret: config.serve.contextSecret }),
      logger,
    });
    closers.unshift({ name: 'server', close: () => (served as ServedConnector).close() });
  } catch (error) {
    await closeAll(closers, logger);
    const message = isHubError(error) ? error.safeMessage : 'start-up failed; see the log above';
    if (!isHubError(error)) logger.error({ err: error }, 'start-up failed');
    fail(`connector ${name}: ${message}`);
  }

  logger.info({ connector: name, url: served.graphqlUrl }, 'connector serving');
  process.stdout.write(`connector ${name} serving ${served.graphqlUrl} (gateway-signed calls only)\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    setTimeout(() => process.exit(1), shutdownLimitMs).unref();
    void closeAll(closers, logger).then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

async function closeAll(
  closers: ReadonlyArray<{ name: string; close: () => Promise<unknown> }>,
  logger: Logger,
): Promise<void> {
  for (const closer of closers) {
    try {
      await closer.close();
      logger.info({ resource: closer.name }, 'stopped');
    } catch (error) {
      logger.warn({ resource: closer.name, err: error }, 'did not stop cleanly');
    }
  }
}

/**
 * The hub's store, opened on first use: only the hub's own subschemas (identity) touch it, and an agency connector
 * served on its own must not open (and lock) an embedded database it never reads.
 */
function lazyStore(config: StoreConfig, logger: Logger): Db {
  let opened: Promise<Db> | undefined;
  const db = () => {
    opened ??= openStore(config).then((store) => {
      logger.info({ engine: store.engine }, 'store opened');
      return store;
    });
    return opened;
  };
  return {
    engine: config.databaseUrl === undefined ? 'pglite' : 'postgres',
    schema: config.schema,
    async query<R>(sql: string, params?: readonly unknown[]) {
      return (await db()).query<R>(sql, params);
    },
    async transaction<T>(fn: (tx: Tx) => Promise<T>) {
      return (await db()).transaction(fn);
    },
    async exec(sql: string) {
      await (await db()).exec(sql);
    },
    async ping() {
      await (await db()).ping();
    },
    async close() {
      if (opened) await (await opened).close();
    },
  };
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

void main();
