/**
 * The whole child view, in-process and over real HTTP, for end-to-end tests: the four agency simulators with the
 * demo population (generated area + learning-review scenarios; social care on PostgreSQL in its own schema), a
 * migrated PostgreSQL store in its own schema, every registered connector created as `hub/start-hub.ts` creates
 * them (parseHubConfig with the simulators' addresses as env overrides, then `module.create`), the identity index
 * built by `syncIdentityIndex`, and the real gateway (`buildGateway` over `stitchGateway`) listening on port 0.
 *
 * `startGateway(env)` builds another gateway with its own, fresh connectors (own clients, circuit breakers and
 * pools), so a test can change connector settings — or start clean after a fault — without touching the others.
 * `close()` removes everything the harness made: gateways and connectors, both schemas, the simulators, and the
 * Redis keys under the harness's own HUB_ENV.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Connector, ConnectorDeps } from '../../connectors/connector.js';
import { connectorModules } from '../../connectors/registry.js';
import { createHubInfoSchema } from '../../gateway/hub-info-schema.js';
import type { GatewayAccess } from '../../gateway/access/gateway-access.js';
import { admitEveryChild, openTestAccess } from '../../gateway/access/testing.js';
import type { ReadinessCheck } from '../../gateway/readiness.js';
import { reconciliationViewsConnector } from '../../gateway/reconciliation-views/index.js';
import { createWorkingDayCalendar } from '../../jobs/rules/time/working-days.js';
import { buildGateway } from '../../gateway/server.js';
import { stitchGateway } from '../../gateway/stitch.js';
import { parseHubConfig } from '../../hub/config.js';
import { syncIdentityIndex, type IdentitySyncReport } from '../../jobs/identity-sync/sync-identity-index.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { createRedis, keyspace, type Redis } from '../../platform/redis.js';
import { buildDemoPopulation } from '../../simulators/demo-population.js';
import { startSimulatorHost, type AgencyName, type SimulatorHost } from '../../simulators/host.js';
import type { Population } from '../../simulators/population/model.js';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPostgresDb } from '../../store/postgres-db.js';

export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ChildViewHarnessOptions {
  seed?: number;
  size?: number;
  /** The population's as-of instant (default: now, as `npm start` does). */
  asOf?: string;
  /** Connector settings for every gateway the harness builds (e.g. `{ HEALTH_RETRIES: '0' }`). */
  env?: Record<string, string>;
  logger?: Logger;
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  /** The response body as sent, for checks on what leaves the hub. */
  raw: string;
  /** The gateway's id for the request (x-request-id response header): the access audit's request_id. */
  requestId: string;
}

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:41234 (POST `${url}/graphql`). */
  url: string;
  app: FastifyInstance;
  connectors: Connector[];
  graphql<T = unknown>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /**
   * Who may call and what they may see. Default: every request is a caller who sees every category of every
   * child (openTestAccess), for tests whose subject is not access control.
   */
  access?: (db: Db) => GatewayAccess;
  /** Gateway-owned subschemas to stitch beside the agencies (e.g. access administration). */
  extraConnectors?: (db: Db) => Connector[];
}

export interface ChildViewHarness {
  population: Population;
  asOf: string;
  host: SimulatorHost;
  db: Db;
  redis: Redis;
  /** The HUB_ENV every key the harness's connectors write is namespaced under. */
  hubEnv: string;
  /** The report of the identity sync run at start. */
  sync: IdentitySyncReport;
  /** The gateway built at start, with the harness's settings. */
  gateway: RunningGateway;
  /** Another gateway with fresh connectors; `env` overrides the harness's connector settings. */
  startGateway(env?: Record<string, string>, options?: GatewayOptions): Promise<RunningGateway>;
  /** Each simulator's admin base (`/admin/counters`, `/admin/faults`, ...). */
  adminUrl(agency: AgencyName): string;
  /** Sets one simulator's faults (PUT /admin/faults, partial). */
  setFaults(agency: AgencyName, faults: Record<string, unknown>): Promise<void>;
  /** Back to healthy (POST /admin/faults/reset) for one or every simulator. */
  resetFaults(agency?: AgencyName): Promise<void>;
  /** POST /admin/counters/reset on every simulator. */
  resetCounters(): Promise<void>;
  /** GET /admin/counters: `{ total, counts }` (per route for HTTP agencies, per SSD table for social care). */
  counters(agency: AgencyName): Promise<{ total: number; counts: Record<string, number> }>;
  close(): Promise<void>;
}

const agencies: readonly AgencyName[] = ['social-care', 'gp', 'education', 'adult'];

const schemaSuffix = () => randomUUID().replaceAll('-', '').slice(0, 12);

export async function startChildViewHarness(
  options: ChildViewHarnessOptions = {},
): Promise<ChildViewHarness> {
  const asOf = options.asOf ?? new Date().toISOString();
  const logger = options.logger ?? createLogger({ service: 'child-view-harness', level: 'silent' });
  const hubEnv = `cvt-${schemaSuffix()}`;
  const storeSchema = `t_${schemaSuffix()}`;
  const cleanups: Array<() => Promise<void>> = [];
  const gateways = new Set<RunningGateway>();
  const runCleanups = async () => {
    for (const gateway of [...gateways]) await gateway.close().catch(() => undefined);
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };

  try {
    const population = buildDemoPopulation({
      seed: options.seed ?? 20261125,
      size: options.size ?? 400,
      asOf,
    });
    const host = await startSimulatorHost({
      population,
      socialCareDatabase: {
        kind: 'postgres',
        url: testDatabaseUrl,
        schema: `ssd_${schemaSuffix()}`,
        dropSchemaOnClose: true,
      },
      webhookSecret: randomBytes(24).toString('base64url'),
    });
    cleanups.push(() => host.close());

    const db = await openPostgresDb({
      url: testDatabaseUrl,
      schema: storeSchema,
      poolMax: 6,
      statementTimeoutMs: 20_000,
    });
    cleanups.push(async () => {
      await db.exec(`DROP SCHEMA IF EXISTS ${storeSchema} CASCADE`).catch(() => undefined);
      await db.close();
    });
    await migrate(db);

    const redisConfig = { url: testRedisUrl, autostart: false, connectTimeoutMs: 2000 };
    const redis = createRedis(redisConfig, { connectionName: 'child-view-harness', failFast: true });
    await redis.connect();
    const keys = keyspace(hubEnv);
    cleanups.push(async () => {
      await deleteKeys(redis, `${keys.key()}:*`);
      await redis.quit();
    });

    const baseEnv: Record<string, string> = {
      NODE_ENV: 'test',
      HUB_ENV: hubEnv,
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      REDIS_URL: testRedisUrl,
      REDIS_AUTOSTART: 'false',
      DATABASE_URL: testDatabaseUrl,
      DATABASE_SCHEMA: storeSchema,
      // What hub/embedded-simulators.ts hands the connectors.
      SOCIAL_CARE_DATABASE_URL: host.urls.socialCareDatabase,
      SOCIAL_CARE_SCHEMA: host.socialCare.schema,
      HEALTH_FHIR_BASE_URL: host.urls.gpFhirBase,
      EDUCATION_BASE_URL: host.urls.education,
      ADULT_SERVICES_BASE_URL: host.urls.adult,
      ...options.env,
    };

    async function startGateway(
      env: Record<string, string> = {},
      gatewayOptions: GatewayOptions = {},
    ): Promise<RunningGateway> {
      const config = parseHubConfig({ ...baseEnv, ...env });
      const connectors: Connector[] = [];
      const closeConnectors = async () => {
        for (const connector of connectors.splice(0).reverse())
          await connector.close().catch(() => undefined);
      };
      try {
        for (const module of connectorModules) {
          const deps: ConnectorDeps = {
            logger: logger.child({ connector: module.name }),
            redis,
            cacheKey: (...parts) => keys.key('cache', module.name, ...parts),
            now: () => new Date(),
            db,
          };
          connectors.push(await module.create(config.connectors[module.name], deps));
        }
        const hubInfoConnector: Connector = {
          name: 'hub',
          schema: createHubInfoSchema({ name: 'child-view-hub', version: 'test', environment: hubEnv }),
          merge: {},
          ping: async () => undefined,
          close: async () => undefined,
        };
        const readinessChecks: ReadinessCheck[] = [
          { name: 'store', kind: 'store', critical: true, check: () => db.ping() },
          { name: 'redis', kind: 'redis', critical: true, check: async () => void (await redis.ping()) },
          ...connectors.map((connector): ReadinessCheck => ({
            name: connector.name,
            kind: 'connector',
            critical: false,
            check: () => connector.ping(),
          })),
        ];
        const app = await buildGateway({
          config: config.gateway,
          nodeEnv: config.platform.nodeEnv,
          logger,
          schema: stitchGateway(
            [
              hubInfoConnector,
              ...(gatewayOptions.extraConnectors?.(db) ?? []),
              ...connectors,
              // As hub/start-hub.ts stitches it (the views read the agencies through these same connectors).
              reconciliationViewsConnector({
                db,
                connectors,
                // The population's as-of instant, as the scenarios' timescales are written against it.
                now: () => new Date(asOf),
                calendar: createWorkingDayCalendar(),
                config: config.rules,
              }),
            ],
            {
              maxBatchSize: config.gateway.maxBatchSize,
            },
          ),
          readinessChecks,
          access: gatewayOptions.access?.(db) ?? openTestAccess({ decider: admitEveryChild({ db }) }),
          hardening: config.hardening,
        });
        let url: string;
        try {
          url = await app.listen({ host: config.gateway.host, port: config.gateway.port });
        } catch (error) {
          await app.close().catch(() => undefined);
          throw error;
        }
        let closed: Promise<void> | null = null;
        const gateway: RunningGateway = {
          url,
          app,
          connectors: [...connectors],
          graphql: (query, variables, headers) => postGraphQL(`${url}/graphql`, query, variables, headers),
          close: () => {
            closed ??= (async () => {
              gateways.delete(gateway);
              await app.close().catch(() => undefined);
              await closeConnectors();
            })();
            return closed;
          },
        };
        gateways.add(gateway);
        return gateway;
      } catch (error) {
        await closeConnectors();
        throw error;
      }
    }

    const gateway = await startGateway();
    // The identity index, built from what the agencies hold, as the identity-sync job does.
    const sync = await syncIdentityIndex({ db, logger, connectors: gateway.connectors });

    const adminUrl = (agency: AgencyName): string =>
      ({
        'social-care': host.urls.socialCareAdmin,
        gp: host.urls.gpAdmin,
        education: host.urls.educationAdmin,
        adult: host.urls.adultAdmin,
      })[agency];
    const admin = async (agency: AgencyName, method: string, path: string, body?: unknown) => {
      const response = await fetch(`${adminUrl(agency)}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${agency} ${path}: HTTP ${response.status} ${text}`);
      return JSON.parse(text) as unknown;
    };

    return {
      population,
      asOf,
      host,
      db,
      redis,
      hubEnv,
      sync,
      gateway,
      startGateway,
      adminUrl,
      setFaults: async (agency, faults) => void (await admin(agency, 'PUT', '/admin/faults', faults)),
      resetFaults: async (agency) => {
        for (const one of agency ? [agency] : agencies) await admin(one, 'POST', '/admin/faults/reset');
      },
      resetCounters: async () => {
        for (const one of agencies) await admin(one, 'POST', '/admin/counters/reset');
      },
      counters: async (agency) =>
        (await admin(agency, 'GET', '/admin/counters')) as { total: number; counts: Record<string, number> },
      close: runCleanups,
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

async function postGraphQL<T>(
  endpoint: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await response.text();
  const body = JSON.parse(raw) as Omit<GraphQLResponse<T>, 'status' | 'raw'>;
  return { ...body, status: response.status, raw, requestId: response.headers.get('x-request-id') ?? '' };
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (found.length > 0) await redis.del(...found);
    cursor = next;
  } while (cursor !== '0');
}
