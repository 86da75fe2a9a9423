/**
 * The hub side of the child-view benchmark: the hub's store in its own PostgreSQL schema (migrated, dropped on
 * close), every registered connector pointed at the simulators the way hub/start-hub.ts does it (config parsed with
 * parseHubConfig and the simulators' addresses as env overrides, Redis with a keyspace of its own), the identity
 * index built from them (syncIdentityIndex), and the two schemas under test: the stitched gateway exactly as the
 * hub serves it, and the monolithic ceiling.
 */
import { randomBytes } from 'node:crypto';
import type { AgencyCode, Connector } from '../../connectors/connector.js';
import { connectorModules } from '../../connectors/registry.js';
import { createHubInfoSchema } from '../../gateway/hub-info-schema.js';
import type { GatewayDeps } from '../../gateway/server.js';
import { stitchGateway } from '../../gateway/stitch.js';
import { parseHubConfig, type HubConfig } from '../../hub/config.js';
import { syncIdentityIndex } from '../../jobs/identity-sync/sync-identity-index.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { createRedis, keyspace } from '../../platform/redis.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';
import { buildMonolithSchema } from './monolith.js';

export type Variant = 'monolith' | 'stitched';

export interface HubSideOptions {
  databaseUrl: string;
  redisUrl: string;
  /** Connector settings pointing at the simulators (HEALTH_FHIR_BASE_URL, ...). */
  connectorEnv: Record<string, string>;
}

export interface HubSide {
  config: HubConfig;
  logger: Logger;
  db: Db;
  connectors: Connector[];
  agencies: AgencyCode[];
  schemas: Record<Variant, GatewayDeps['schema']>;
  /** The child the one-child query reads: linked to the most agencies, then the most records. */
  child: { id: string; records: number };
  /** Children in the index, records per agency, and how many of the first page of 100 each agency holds. */
  identity: { children: number; records: Record<string, number>; firstPageLinked: Record<string, number> };
  close(): Promise<void>;
}

export async function setUpHubSide(options: HubSideOptions): Promise<HubSide> {
  const teardown: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const step of teardown.reverse()) await step().catch(() => undefined);
  };
  try {
    const logger = createLogger({ service: 'bench-child-view', level: 'silent' });
    const suffix = randomBytes(4).toString('hex');
    const config = parseHubConfig({ ...process.env, ...options.connectorEnv, NODE_ENV: 'production' });

    const db = await openPostgresDb({
      url: options.databaseUrl,
      schema: `bench_cv_${suffix}`,
      poolMax: config.store.poolMax,
      statementTimeoutMs: config.store.statementTimeoutMs,
      applicationName: 'bench-child-view',
    });
    teardown.push(async () => {
      await db.exec(`DROP SCHEMA IF EXISTS ${db.schema} CASCADE`).catch(() => undefined);
      await db.close();
    });
    await migrate(db);

    const keys = keyspace(`bench-cv-${suffix}`);
    const redis = createRedis(
      { ...config.redis, url: options.redisUrl },
      { connectionName: 'bench-child-view', failFast: true },
    );
    await redis.connect();
    teardown.push(async () => {
      let cursor = '0';
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', keys.key('*'), 'COUNT', 1000);
        if (found.length > 0) await redis.del(...found);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    });

    const connectors: Connector[] = [];
    for (const module of connectorModules) {
      const connector = await module.create(config.connectors[module.name], {
        logger: logger.child({ connector: module.name }),
        redis,
        cacheKey: (...parts) => keys.key('cache', module.name, ...parts),
        now: () => new Date(),
        db,
      });
      teardown.push(() => connector.close());
      connectors.push(connector);
    }
    const sync = await syncIdentityIndex({ db, logger, connectors });
    if (sync.unavailable.length > 0)
      throw new Error(`person index unavailable: ${sync.unavailable.join(', ')}`);

    const hubInfo: Connector = {
      name: 'hub',
      schema: createHubInfoSchema({ name: 'child-view-hub', version: 'bench', environment: 'bench' }),
      merge: {},
      ping: async () => undefined,
      close: async () => undefined,
    };
    const maxBatchSize = config.gateway.maxBatchSize;
    const schemas: Record<Variant, GatewayDeps['schema']> = {
      // As hub/start-hub.ts builds it.
      stitched: stitchGateway([hubInfo, ...connectors], { maxBatchSize }),
      monolith: buildMonolithSchema(connectors, { maxBatchSize }),
    };

    const { rows } = await db.query<{ child_id: string; records: number }>(
      `SELECT child_id, count(*)::int AS records FROM agency_records WHERE child_id IS NOT NULL
        GROUP BY child_id ORDER BY count(DISTINCT agency) DESC, count(*) DESC, child_id LIMIT 1`,
    );
    const chosen = rows[0];
    if (!chosen) throw new Error('the identity index is empty');
    const children = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM children');
    const firstPage = await db.query<{ agency: string; n: number }>(
      `SELECT agency, count(DISTINCT child_id)::int AS n FROM agency_records
        WHERE child_id IN (SELECT id FROM children ORDER BY id LIMIT 100) GROUP BY agency ORDER BY agency`,
    );
    return {
      config,
      logger,
      db,
      connectors,
      agencies: connectors.flatMap((connector) => (connector.agency ? [connector.agency.agency] : [])),
      schemas,
      child: { id: chosen.child_id, records: chosen.records },
      identity: {
        children: children.rows[0]?.n ?? 0,
        records: sync.recordsByAgency,
        firstPageLinked: Object.fromEntries(firstPage.rows.map((row) => [row.agency, row.n])),
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
