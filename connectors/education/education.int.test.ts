/**
 * The education connector against the real education simulator (started here on a free port), stitched with a
 * tiny identity subschema through the gateway's own stitchGateway: what a caller of the hub would see.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type ExecutionResult } from 'graphql';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { stitchGateway } from '../../gateway/stitch.js';

import { createEducationServer } from '../../simulators/education/education-server.js';
import { educationFixturePopulation } from '../../simulators/education/fixture-population.js';
import { FaultController } from '../../simulators/kit/faults.js';
import { WebhookSender } from '../../simulators/kit/webhooks.js';

import type { Connector, ConnectorDeps } from '../connector.js';
import { parseConfig } from '../../platform/config.js';
import { isHubError, type HubError } from '../../platform/errors.js';
import { createLogger } from '../../platform/logger.js';
import type { Redis } from '../../platform/redis.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import type { Db } from '../../store/db.js';
import educationConnector from './index.js';
import { testGatewayContext } from '../../gateway/access/testing.js';

const extraPupils = 120;
let simulator: FastifyInstance;
let baseUrl = '';
let connector: Connector;

beforeAll(async () => {
  simulator = educationSimulator();
  baseUrl = await simulator.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await admin('POST', '/admin/faults/reset');
  connector = await makeConnector();
  await admin('POST', '/admin/counters/reset');
});
afterEach(() => connector.close());

/** The fixture population plus copies of its first pupil, so a page of 100 children has records to read. */
function educationSimulator(): FastifyInstance {
  const population = educationFixturePopulation();
  const [ava] = population.education;
  if (!ava) throw new Error('fixture has pupils');
  for (let i = 0; i < extraPupils; i += 1) {
    population.education.push({ ...structuredClone(ava), pupilId: `EDU-X${String(i).padStart(4, '0')}` });
  }
  return createEducationServer({
    population,
    faults: new FaultController({}, () => 0),
    webhooks: new WebhookSender({ url: null, secret: 'education-int-test' }),
    timeoutHoldMs: 5000,
  });
}

async function admin(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return response.json();
}

async function searchRequests(): Promise<number> {
  const { counts } = (await admin('GET', '/admin/counters')) as { counts: Record<string, number> };
  return counts['POST /education/v1/pupils/search'] ?? 0;
}

async function makeConnector(env: Record<string, string> = {}): Promise<Connector> {
  const { education } = parseConfig(
    { education: educationConnector.configSection },
    {
      EDUCATION_BASE_URL: `${baseUrl}/education/v1`,
      EDUCATION_TIMEOUT_MS: '300',
      EDUCATION_RETRIES: '0',
      EDUCATION_BREAKER_THRESHOLD: '50',
      ...env,
    },
  );
  const deps: ConnectorDeps = {
    logger: createLogger({ service: 'education-int-test', level: 'silent' }),
    // Neither is used: this connector caches nothing and keeps no state of its own.
    redis: {} as Redis,
    db: {} as Db,
    cacheKey: (...parts) => parts.join(':'),
    now: () => new Date('2026-11-25T09:00:00.000Z'),
  };
  return educationConnector.create(education, deps);
}

/** A tiny identity subschema: children c0… linked to pupil ids the way the identity index would link them. */
function identityConnector(links: Record<string, string[]>): Connector {
  const child = (id: string) => (id in links ? { id, educationPupilIds: links[id] } : null);
  return {
    name: 'identity',
    schema: makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        ${sharedTypeDefs}
        type Child {
          id: ID!
          educationPupilIds: [ID!]!
        }
        type Query {
          child(id: ID!): Child
          children(ids: [ID!]!): [Child]!
          _childrenByIds(ids: [ID!]!): [Child]!
        }
      `,
      resolvers: {
        Query: {
          child: (_: unknown, { id }: { id: string }) => child(id),
          children: (_: unknown, { ids }: { ids: string[] }) => ids.map(child),
          _childrenByIds: (_: unknown, { ids }: { ids: string[] }) => ids.map(child),
        },
      },
    }),
    merge: {
      Child: {
        selectionSet: '{ id }',
        fieldName: '_childrenByIds',
        key: ({ id }: { id: string }) => id,
        argsFromKeys: (ids: readonly string[]) => ({ ids }),
      },
    },
    ping: async () => undefined,
    close: async () => undefined,
  };
}

/** Stitched errors wrap the subschema's error, which wraps the connector's HubError. */
function hubErrorIn(error: unknown): HubError | undefined {
  let current = error;
  while (current instanceof Error) {
    if (isHubError(current)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

const links: Record<string, string[]> = {
  ava: ['EDU-0001'],
  cara: ['EDU-0003', 'EDU-0004'],
  unknown: [],
  ...Object.fromEntries(
    Array.from({ length: 100 }, (_, i) => [`c${i}`, [`EDU-X${String(i).padStart(4, '0')}`]]),
  ),
};

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function query(
  source: string,
  variables: Record<string, unknown> = {},
): Promise<ExecutionResult<Data>> {
  const schema = stitchGateway([identityConnector(links), connector]);
  return (await execute({
    schema,
    document: parse(source),
    variableValues: variables,
    contextValue: testGatewayContext(),
  })) as ExecutionResult<Data>;
}

describe('education connector against the simulator, through the stitched gateway', () => {
  it('answers the full education section, chronology, team and source for a fixture child', async () => {
    const result = await query(`{
      child(id: "ava") {
        id
        education {
          pupilIds
          currentEnrolment { schoolUrn schoolName yearGroup from }
          enrolments { schoolUrn to current }
          attendance { academicYear term percentage }
          exclusions { id kind sessions reason }
          senProvision senNeeds
          ehcNeedsAssessments { requestDate decisionDate decisionOutcome finalPlanDate status annualReviews { date preparingForAdulthoodOutcomes } }
          personalEducationPlans { id date reviewedDate designatedTeacher { name } }
        }
        sources { agency state asOf reason }
        chronology { kind category }
        teamAroundTheChild { role name email organisation }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const ava = result.data?.child;
    expect(ava.education).toEqual({
      pupilIds: ['EDU-0001'],
      currentEnrolment: {
        schoolUrn: '100001',
        schoolName: 'Riverside Academy',
        yearGroup: '10',
        from: '2021-09-01',
      },
      enrolments: [
        { schoolUrn: '100002', to: '2021-07-20', current: false },
        { schoolUrn: '100001', to: null, current: true },
      ],
      attendance: [
        { academicYear: '2023/24', term: 'SUMMER', percentage: 98.3 },
        { academicYear: '2024/25', term: 'AUTUMN', percentage: 80 },
      ],
      exclusions: [{ id: 'EXC-1', kind: 'SUSPENSION', sessions: 4, reason: 'PA' }],
      senProvision: 'E',
      senNeeds: ['SEMH', 'SLCN'],
      ehcNeedsAssessments: [
        {
          requestDate: '2022-01-10',
          decisionDate: '2022-02-14',
          decisionOutcome: 'Y',
          finalPlanDate: '2022-05-20',
          status: 'ISSUED',
          annualReviews: [
            { date: '2023-05-10', preparingForAdulthoodOutcomes: false },
            { date: '2024-05-15', preparingForAdulthoodOutcomes: true },
          ],
        },
      ],
      personalEducationPlans: [
        {
          id: 'PEP-1',
          date: '2024-10-01',
          reviewedDate: '2025-01-15',
          designatedTeacher: { name: 'Dana Teacher' },
        },
      ],
    });
    expect(ava.sources).toEqual([
      { agency: 'EDUCATION', state: 'OK', asOf: '2026-11-25T09:00:00.000Z', reason: null },
    ]);
    expect(ava.chronology.map((event: { kind: string }) => event.kind)).toEqual([
      'ENROLMENT_STARTED',
      'ENROLMENT_STARTED',
      'EHC_REQUESTED',
      'EHC_DECISION',
      'EHCP_ISSUED',
      'EHCP_ANNUAL_REVIEW',
      'EHCP_ANNUAL_REVIEW',
      'PEP_HELD',
      'EXCLUSION',
    ]);
    expect(ava.teamAroundTheChild).toEqual([
      {
        role: 'SENCO',
        name: 'Sam Senco',
        email: 'senco@riverside.example',
        organisation: 'Riverside Academy',
      },
      {
        role: 'DESIGNATED_TEACHER',
        name: 'Dana Teacher',
        email: 'dt@riverside.example',
        organisation: 'Riverside Academy',
      },
      {
        role: 'VIRTUAL_SCHOOL_HEAD',
        name: 'Vic Head',
        email: 'virtual.school@council.example',
        organisation: 'Exampleshire Council',
      },
    ]);
    expect(await searchRequests()).toBe(1);
  });

  it('combines a child’s duplicate records, and says NOT_LINKED for a child education does not know', async () => {
    const result = await query(`{
      cara: child(id: "cara") { education { pupilIds senProvision senNeeds } sources { state } }
      unknown: child(id: "unknown") { education { pupilIds } sources { state reason } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.cara).toEqual({
      education: { pupilIds: ['EDU-0003', 'EDU-0004'], senProvision: 'K', senNeeds: ['MLD'] },
      sources: [{ state: 'OK' }],
    });
    expect(result.data?.unknown).toEqual({
      education: null,
      sources: [{ state: 'NOT_LINKED', reason: null }],
    });
  });

  it('reads a page of 100 children with exactly ONE upstream request', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `c${i}`);
    const result = await query(
      `query ($ids: [ID!]!) { children(ids: $ids) { id education { pupilIds senProvision } educationSource { state } teamAroundTheChild { role } chronology { kind } } }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.children).toHaveLength(100);
    expect(result.data?.children[57].education).toEqual({ pupilIds: ['EDU-X0057'], senProvision: 'E' });
    expect(await searchRequests()).toBe(1);
  });

  it.each([
    ['down', { down: true }, 'UNAVAILABLE', 'UPSTREAM_HTTP_503'],
    ['error', { errorRate: 1 }, 'UNAVAILABLE', 'UPSTREAM_HTTP_500'],
    ['slow', { latencyMs: 1000 }, 'TIMED_OUT', 'UPSTREAM_TIMEOUT'],
    ['timeout', { timeoutRate: 1 }, 'TIMED_OUT', 'UPSTREAM_TIMEOUT'],
    ['malformed', { malformedRate: 1 }, 'UNAVAILABLE', 'UPSTREAM_BAD_PAYLOAD'],
  ])(
    '%s: the section is null, one error names the agency and no one, the source says why',
    async (_mode, faults, state, reason) => {
      await admin('PUT', '/admin/faults', faults);
      const result = await query(`{
      child(id: "ava") { id educationPupilIds education { pupilIds senProvision } sources { agency state reason } }
    }`);
      expect(result.data?.child).toEqual({
        id: 'ava',
        educationPupilIds: ['EDU-0001'],
        education: null,
        sources: [{ agency: 'EDUCATION', state, reason }],
      });
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors ?? [];
      expect(error?.path).toEqual(['child', 'education']);
      expect(error?.message).toBe(hubErrorIn(error)?.safeMessage);
      expect(hubErrorIn(error)?.details).toEqual({ agency: 'EDUCATION', reason });
      const visible = JSON.stringify({ ...error?.toJSON(), details: hubErrorIn(error)?.details });
      expect(visible).not.toMatch(/EDU-|Ava|Adams|127\.0\.0\.1|education\/v1/);
    },
  );

  it('fails fast once the circuit is open, without calling the system, and says CIRCUIT_OPEN', async () => {
    connector = await makeConnector({ EDUCATION_BREAKER_THRESHOLD: '2' });
    await admin('PUT', '/admin/faults', { errorRate: 1 });
    for (let i = 0; i < 2; i += 1) await query(`{ child(id: "ava") { education { pupilIds } } }`);
    const before = await searchRequests();
    const result = await query(`{ child(id: "ava") { education { pupilIds } sources { state reason } } }`);
    expect(result.data?.child.sources).toEqual([{ state: 'UNAVAILABLE', reason: 'CIRCUIT_OPEN' }]);
    expect(await searchRequests()).toBe(before);
  });

  it('pages through every pupil record for the identity index', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await connector.personIndex!(cursor, 50);
      seen.push(...page.records.map((record) => record.localId));
      cursor = page.next;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5 + extraPupils);
    expect(new Set(seen).size).toBe(seen.length);
    const first = await connector.personIndex!(null, 1);
    expect(first.records[0]).toMatchObject({
      agency: 'education',
      localId: 'EDU-0001',
      givenName: 'Ava',
      sex: 'F',
    });
  });

  it('lists the school and virtual school relationships, and answers ping', async () => {
    expect(await connector.relationships!(['EDU-0001', 'EDU-0005'])).toEqual([
      { localId: 'EDU-0001', kind: 'SCHOOL', subject: { organisation: '100001' }, since: '2021-09-01' },
      {
        localId: 'EDU-0001',
        kind: 'VIRTUAL_SCHOOL',
        subject: { person: 'virtual.school@council.example' },
        since: null,
      },
      { localId: 'EDU-0005', kind: 'SCHOOL', subject: { organisation: '999999' }, since: '2024-09-01' },
    ]);
    await expect(connector.ping()).resolves.toBeUndefined();
    await admin('PUT', '/admin/faults', { down: true });
    await expect(connector.ping()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});
