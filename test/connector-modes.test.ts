/**
 * Both connector modes give the same answer. The education, GP and social care simulators run with a small
 * generated population; the identity index is built from them into a migrated PostgreSQL store; then one page of
 * children with their health and education sections, sources and chronology is read through the stitched gateway
 * twice: every connector in-process, and health and education served on their own (connectors/serve-connector.ts)
 * and reached over HTTP with a gateway-signed context. A served connector called directly, without that context,
 * answers 401 and reads nothing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Executor } from '@graphql-tools/utils';
import { execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector, ConnectorDeps } from '../connectors/connector.js';
import education from '../connectors/education/index.js';
import health from '../connectors/health/index.js';
import identity from '../connectors/identity/index.js';
import { serveConnector, type ServedConnector } from '../connectors/serve-connector.js';
import { formatGraphQLError } from '../gateway/format-error.js';
import { createRemoteExecutor } from '../gateway/remote/remote-executor.js';
import { stitchGateway } from '../gateway/stitch.js';
import { syncIdentityIndex } from '../jobs/identity-sync/sync-identity-index.js';
import { parseConfig } from '../platform/config.js';
import {
  createHubContextSigner,
  createHubContextVerifier,
  hubContextHeader,
} from '../platform/hub-context.js';
import { createLogger } from '../platform/logger.js';
import { createRedis, type Redis } from '../platform/redis.js';
import { newContext } from '../platform/request-context.js';
import { buildDemoPopulation } from '../simulators/demo-population.js';
import { startSimulatorHost, type SimulatorHost } from '../simulators/host.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openPostgresDb } from '../store/postgres-db.js';
import { admitEveryChild, testGatewayContext } from '../gateway/access/testing.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const asOf = '2026-11-25T09:00:00.000Z';
/** One clock for every connector instance, so `asOf` and "current" mean the same in both modes. */
const now = () => new Date(asOf);
const secret = randomBytes(32).toString('base64url');
const logger = createLogger({ service: 'connector-modes-test', level: 'silent' });

const pageQuery = /* GraphQL */ `
  query Page($first: Int!) {
    children(first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          givenName
          familyName
          dateOfBirth
          gpPatientIds
          educationPupilIds
          health {
            registeredPractice {
              odsCode
              name
            }
            registeredGp {
              name
            }
            registrations {
              patientId
              practice {
                odsCode
              }
            }
            conditions {
              id
              display
              code
              active
              onset
              category
            }
            medications {
              id
              display
              status
              start
            }
            allergies {
              id
              display
              criticality
            }
            immunisations {
              id
              display
              status
              date
            }
            encounters {
              id
              kind
              classCode
              status
              start
              end
            }
            observations {
              id
              display
              value
              effective
            }
            asOf
          }
          education {
            pupilIds
            currentEnrolment {
              schoolUrn
              schoolName
              yearGroup
              from
              current
            }
            enrolments {
              schoolUrn
              from
              to
              current
            }
            attendance {
              academicYear
              term
              possibleSessions
              attendedSessions
              percentage
            }
            exclusions {
              id
              date
              kind
              sessions
              reason
            }
            senProvision
            senNeeds
            ehcNeedsAssessments {
              id
              requestDate
              status
              annualReviews {
                id
                date
              }
            }
          }
          sources {
            agency
            state
            asOf
            reason
          }
          chronology {
            at
            agency
            kind
            summary
            recordId
            category
          }
          teamAroundTheChild {
            agency
            name
            role
            organisation
          }
        }
      }
    }
  }
`;

interface PageNode {
  id: string;
  health: unknown;
  education: unknown;
  sources: Array<{ agency: string; state: string }>;
  chronology: unknown[];
}

let host: SimulatorHost;
let db: Db;
let redis: Redis;
const storeSchema = `t_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const created: Connector[] = [];
const served: ServedConnector[] = [];

async function makeConnectors(): Promise<{ identity: Connector; health: Connector; education: Connector }> {
  const config = parseConfig(
    { identity: identity.configSection, health: health.configSection, education: education.configSection },
    { HEALTH_FHIR_BASE_URL: host.urls.gpFhirBase, EDUCATION_BASE_URL: host.urls.education },
  );
  const deps = (name: string): ConnectorDeps => ({
    logger: logger.child({ connector: name }),
    redis,
    cacheKey: (...parts) => ['cvh', 'connector-modes-test', name, ...parts].join(':'),
    now,
    db,
  });
  const made = {
    identity: await identity.create(config.identity, deps('identity')),
    health: await health.create(config.health, deps('health')),
    education: await education.create(config.education, deps('education')),
  };
  created.push(...Object.values(made));
  return made;
}

async function run(schema: GraphQLSchema) {
  const result = (await execute({
    schema,
    document: parse(pageQuery),
    variableValues: { first: 20 },
    contextValue: { ...testGatewayContext({ decider: admitEveryChild({ db }) }), request: newContext() },
  })) as ExecutionResult<{ children: { totalCount: number; edges: Array<{ node: PageNode }> } }>;
  return {
    data: result.data,
    errors: result.errors?.map((error) => formatGraphQLError(error.toJSON(), error)),
  };
}

async function educationSearches(): Promise<number> {
  const response = await fetch(`${host.urls.educationAdmin}/admin/counters`);
  const { total } = (await response.json()) as { total: number };
  return total;
}

async function gpInteractions(): Promise<number> {
  const response = await fetch(`${host.urls.gpAdmin}/admin/counters`);
  const { total } = (await response.json()) as { total: number };
  return total;
}

beforeAll(async () => {
  const population = buildDemoPopulation({ seed: 20261125, size: 200, asOf });
  host = await startSimulatorHost({
    population,
    socialCareDatabase: {
      kind: 'postgres',
      url: databaseUrl,
      schema: `ssd_${randomUUID().replaceAll('-', '').slice(0, 12)}`,
      dropSchemaOnClose: true,
    },
    webhookSecret: randomBytes(24).toString('base64url'),
  });
  db = await openPostgresDb({
    url: databaseUrl,
    schema: storeSchema,
    poolMax: 4,
    statementTimeoutMs: 10_000,
  });
  await migrate(db);
  // Never connected: no connector here caches in Redis, but the contract hands every connector one.
  redis = createRedis(
    { url: redisUrl, autostart: false, connectTimeoutMs: 2000 },
    {
      connectionName: 'connector-modes-test',
      failFast: true,
    },
  );
});

afterAll(async () => {
  for (const server of served) await server.close().catch(() => undefined);
  for (const connector of created) await connector.close().catch(() => undefined);
  if (db) {
    await db.exec(`DROP SCHEMA IF EXISTS ${storeSchema} CASCADE`).catch(() => undefined);
    await db.close();
  }
  redis?.disconnect();
  await host?.close();
});

describe('connector modes', () => {
  it('in-process and remote give the same page of children, and a served connector refuses unsigned calls', async () => {
    const local = await makeConnectors();
    const report = await syncIdentityIndex({
      db,
      logger,
      connectors: [local.identity, local.health, local.education],
    });
    expect(report.unavailable).toEqual([]);
    expect(report.children).toBeGreaterThan(20);

    // ── in-process ──
    const inProcess = await run(
      stitchGateway([local.identity, local.health, local.education], { maxBatchSize: 100 }),
    );
    expect(inProcess.errors).toBeUndefined();
    const nodes = inProcess.data?.children.edges.map((edge) => edge.node) ?? [];
    expect(nodes).toHaveLength(20);
    expect(nodes.filter((node) => node.health !== null).length).toBeGreaterThan(0);
    expect(nodes.filter((node) => node.education !== null).length).toBeGreaterThan(0);
    expect(nodes.flatMap((node) => node.chronology).length).toBeGreaterThan(0);
    const okAgencies = new Set(
      nodes.flatMap((node) => node.sources.filter((source) => source.state === 'OK').map((s) => s.agency)),
    );
    expect(okAgencies).toEqual(new Set(['HEALTH', 'EDUCATION']));

    // ── health and education served on their own (their own instances, as separate processes would have) ──
    const remoteSide = await makeConnectors();
    const verifier = createHubContextVerifier({ secret });
    for (const connector of [remoteSide.health, remoteSide.education]) {
      served.push(
        await serveConnector(connector, { host: '127.0.0.1', port: 0, contextVerifier: verifier, logger }),
      );
    }
    const [servedHealth, servedEducation] = served as [ServedConnector, ServedConnector];
    const signer = createHubContextSigner({ secret });
    const remoteCalls = { health: 0, education: 0 };
    const executors = new Map<string, Executor>(
      (
        [
          ['health', servedHealth.graphqlUrl],
          ['education', servedEducation.graphqlUrl],
        ] as const
      ).map(([name, url]) => {
        const executor = createRemoteExecutor({
          url,
          connectorName: name,
          signer,
          timeoutMs: 10_000,
          logger,
        });
        const counted: Executor = (request) => {
          remoteCalls[name] += 1;
          return executor(request);
        };
        return [name, counted];
      }),
    );
    // The gateway plans with a third set of local instances (schema and merge rules), which never execute.
    const planning = await makeConnectors();
    const remote = await run(
      stitchGateway([planning.identity, planning.health, planning.education], {
        maxBatchSize: 100,
        remoteExecutors: executors,
      }),
    );
    expect(remote.errors).toBeUndefined();
    expect(remoteCalls).toEqual({ health: 1, education: 1 });
    expect(remote.data).toEqual(inProcess.data);

    // ── a direct call without the gateway's signed context: 401, and no agency system is read ──
    const [educationBefore, gpBefore] = [await educationSearches(), await gpInteractions()];
    const keys = nodes.map((node) => (node as unknown as { educationPupilIds: string[] }).educationPupilIds);
    const direct = async (url: string, query: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables: { keys } }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const educationQuery =
      'query ($keys: [[ID!]!]!) { _educationChildren(keys: $keys) { educationPupilIds education { senProvision } } }';
    const unsigned = await direct(servedEducation.graphqlUrl, educationQuery);
    expect(unsigned).toEqual({
      status: 401,
      body: { errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] },
    });
    const forHealth = await signer.sign({ requestId: 'r1', traceId: 't1', caller: null }, 'health');
    const wrongAudience = await direct(servedEducation.graphqlUrl, educationQuery, {
      [hubContextHeader]: forHealth,
    });
    expect(wrongAudience.status).toBe(401);
    const unsignedHealth = await direct(
      servedHealth.graphqlUrl,
      'query ($keys: [[ID!]!]!) { _healthChildren(keys: $keys) { health { asOf } } }',
    );
    expect(unsignedHealth.status).toBe(401);
    expect([await educationSearches(), await gpInteractions()]).toEqual([educationBefore, gpBefore]);

    // …while the same call, signed for education, is answered.
    const forEducation = await signer.sign({ requestId: 'r2', traceId: 't2', caller: null }, 'education');
    const signed = await direct(servedEducation.graphqlUrl, educationQuery, {
      [hubContextHeader]: forEducation,
    });
    expect(signed.status).toBe(200);
    expect((signed.body.data as { _educationChildren: unknown[] })._educationChildren).toHaveLength(20);
  });
});
