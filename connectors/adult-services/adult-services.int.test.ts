/**
 * The adult services connector against the real adult social care simulator (started here on a free port),
 * stitched with a tiny identity subschema through the gateway's own stitchGateway: what a caller of the hub would
 * see; and the transition handoff intake, as the handoff job will use it.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type ExecutionResult } from 'graphql';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { stitchGateway } from '../../gateway/stitch.js';

import { createAdultServer } from '../../simulators/adult/adult-server.js';
import { adultFixturePopulation, fixtureNhsNumbers } from '../../simulators/adult/fixture-population.js';
import { FaultController } from '../../simulators/kit/faults.js';
import { WebhookSender } from '../../simulators/kit/webhooks.js';

import type { Connector, ConnectorDeps } from '../connector.js';
import { parseConfig } from '../../platform/config.js';
import { isHubError, type HubError } from '../../platform/errors.js';
import { createLogger } from '../../platform/logger.js';
import type { Redis } from '../../platform/redis.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import type { Db } from '../../store/db.js';
import adultServicesConnector, { isAdultServicesConnector, type AdultServicesConnector } from './index.js';
import type { TransitionHandoffPackage } from './transition-handoff.js';
import { testGatewayContext } from '../../gateway/access/testing.js';

const extraPeople = 120;
let simulator: FastifyInstance;
let baseUrl = '';
let connector: AdultServicesConnector;

beforeAll(async () => {
  simulator = adultSimulator();
  baseUrl = await simulator.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await admin('POST', '/admin/faults/reset');
  await admin('PUT', '/admin/handoff-failures', { failFirst: 0 });
  connector = await makeConnector();
  await admin('POST', '/admin/counters/reset');
});
afterEach(() => connector.close());

/** The fixture population plus copies of its first person, so a page of 100 children has records to read. */
function adultSimulator(): FastifyInstance {
  const population = adultFixturePopulation();
  const [erin] = population.adult;
  if (!erin) throw new Error('fixture has people');
  for (let i = 0; i < extraPeople; i += 1) {
    population.adult.push({ ...structuredClone(erin), personId: `ASC-X${String(i).padStart(4, '0')}` });
  }
  let references = 0;
  return createAdultServer({
    population,
    faults: new FaultController({}, () => 0),
    webhooks: new WebhookSender({ url: null, secret: 'adult-int-test' }),
    newReference: () => `ASC-${String(++references).padStart(8, '0')}`,
    now: () => new Date('2026-11-25T09:00:00.000Z'),
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

async function requestsTo(route: string): Promise<number> {
  const { counts } = (await admin('GET', '/admin/counters')) as { counts: Record<string, number> };
  return counts[route] ?? 0;
}
const searchRoute = 'POST /adult/v1/people/search';
const intakeRoute = 'POST /adult/v1/transition-handoffs';

async function makeConnector(env: Record<string, string> = {}): Promise<AdultServicesConnector> {
  const { adultServices } = parseConfig(
    { adultServices: adultServicesConnector.configSection },
    {
      ADULT_SERVICES_BASE_URL: `${baseUrl}/adult/v1`,
      ADULT_SERVICES_TIMEOUT_MS: '300',
      ADULT_SERVICES_RETRIES: '0',
      ADULT_SERVICES_BREAKER_THRESHOLD: '50',
      ...env,
    },
  );
  const deps: ConnectorDeps = {
    logger: createLogger({ service: 'adult-services-int-test', level: 'silent' }),
    // Neither is used: this connector caches nothing and keeps no state of its own.
    redis: {} as Redis,
    db: {} as Db,
    cacheKey: (...parts) => parts.join(':'),
    now: () => new Date('2026-11-25T09:00:00.000Z'),
  };
  const created = await adultServicesConnector.create(adultServices, deps);
  if (!isAdultServicesConnector(created)) throw new Error('the adult services connector hands packages over');
  return created;
}

/** A tiny identity subschema: children linked to adult person ids the way the identity index would link them. */
function identityConnector(links: Record<string, string[]>): Connector {
  const child = (id: string) => (id in links ? { id, adultPersonIds: links[id] } : null);
  return {
    name: 'identity',
    schema: makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        ${sharedTypeDefs}
        type Child {
          id: ID!
          adultPersonIds: [ID!]!
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

const links: Record<string, string[]> = {
  erin: ['ASC-1001'],
  finn: ['ASC-1002', 'ASC-1003'],
  unknown: [],
  ...Object.fromEntries(
    Array.from({ length: 100 }, (_, i) => [`c${i}`, [`ASC-X${String(i).padStart(4, '0')}`]]),
  ),
};

/** Stitched errors wrap the subschema's error, which wraps the connector's HubError. */
function hubErrorIn(error: unknown): HubError | undefined {
  let current = error;
  while (current instanceof Error) {
    if (isHubError(current)) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

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

const handoffPackage = (overrides: Partial<TransitionHandoffPackage> = {}): TransitionHandoffPackage => ({
  handoffId: 'HUB-HO-INT-1',
  sentAt: '2026-11-25T09:00:00Z',
  child: {
    nhsNumber: fixtureNhsNumbers.erin,
    identifiers: [{ system: 'adult-person-id', value: 'ASC-1001' }],
    givenName: 'Erin',
    familyName: 'Evans',
    dateOfBirth: '2008-01-01',
    sex: 'F',
  },
  sections: [{ type: 'HEALTH', title: 'Health', content: { conditions: ['asthma'] } }],
  ...overrides,
});

describe('adult services connector against the simulator, through the stitched gateway', () => {
  it('answers the full adult services section, chronology, team and source for a fixture young person', async () => {
    const result = await query(`{
      child(id: "erin") {
        id
        adultServices {
          personIds
          transitionReferrals { id date source reason }
          s58Assessments { id referralDate assessmentDate outcome }
          pathwayPlans { id needsAssessmentDate planDate personalAdviser { name role email } }
          transitionWorkers { name role email organisation }
          cldEvents { id eventType date detail }
        }
        sources { agency state asOf reason }
        chronology { kind category }
        teamAroundTheChild { role name email }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const erin = result.data?.child;
    expect(erin.adultServices).toEqual({
      personIds: ['ASC-1001'],
      transitionReferrals: [
        { id: 'TR-1', date: '2024-09-02', source: 'CHILDRENS_SERVICES', reason: 'EHCP and disability' },
      ],
      s58Assessments: [{ id: 'S58-1', referralDate: '2024-09-02', assessmentDate: null, outcome: 'PENDING' }],
      pathwayPlans: [
        {
          id: 'PP-1',
          needsAssessmentDate: '2024-06-01',
          planDate: '2024-08-15',
          personalAdviser: {
            name: 'Pat Adviser',
            role: 'PERSONAL_ADVISER',
            email: 'leaving.care@council.example',
          },
        },
      ],
      transitionWorkers: [
        {
          name: 'Tara Worker',
          role: 'TRANSITION_WORKER',
          email: 'transitions@asc.example',
          organisation: 'Exampleshire Adult Social Care',
        },
      ],
      cldEvents: [
        { id: 'EV-1', eventType: 'REQUEST', date: '2024-09-02', detail: 'Transition referral' },
        {
          id: 'EV-2',
          eventType: 'ASSESSMENT',
          date: '2024-10-01',
          detail: 'Care Act s58 assessment started',
        },
      ],
    });
    expect(erin.sources).toEqual([
      { agency: 'ADULT_SERVICES', state: 'OK', asOf: '2026-11-25T09:00:00.000Z', reason: null },
    ]);
    expect(erin.chronology.map((event: { kind: string }) => event.kind)).toEqual([
      'PATHWAY_PLAN',
      'CLD_REQUEST',
      'S58_ASSESSMENT',
      'TRANSITION_REFERRAL',
      'CLD_ASSESSMENT',
    ]);
    expect(erin.teamAroundTheChild).toEqual([
      { role: 'TRANSITION_WORKER', name: 'Tara Worker', email: 'transitions@asc.example' },
      { role: 'PERSONAL_ADVISER', name: 'Pat Adviser', email: 'leaving.care@council.example' },
    ]);
    expect(await requestsTo(searchRoute)).toBe(1);
  });

  it('combines a young person’s duplicate records, and says NOT_LINKED for a child adult services do not know', async () => {
    const result = await query(`{
      finn: child(id: "finn") { adultServices { personIds cldEvents { eventType detail } } sources { state } }
      unknown: child(id: "unknown") { adultServices { personIds } sources { state reason } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.finn).toEqual({
      adultServices: {
        personIds: ['ASC-1002', 'ASC-1003'],
        cldEvents: [{ eventType: 'SERVICE', detail: 'Day opportunities' }],
      },
      sources: [{ state: 'OK' }],
    });
    expect(result.data?.unknown).toEqual({
      adultServices: null,
      sources: [{ state: 'NOT_LINKED', reason: null }],
    });
  });

  it('reads a page of 100 children with exactly ONE upstream request', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `c${i}`);
    const result = await query(
      `query ($ids: [ID!]!) {
        children(ids: $ids) { id adultServices { personIds } adultServicesSource { state } teamAroundTheChild { role } chronology { kind } }
      }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.children).toHaveLength(100);
    expect(result.data?.children[42].adultServices).toEqual({ personIds: ['ASC-X0042'] });
    expect(await requestsTo(searchRoute)).toBe(1);
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
        child(id: "erin") { id adultPersonIds adultServices { personIds } sources { agency state reason } }
      }`);
      expect(result.data?.child).toEqual({
        id: 'erin',
        adultPersonIds: ['ASC-1001'],
        adultServices: null,
        sources: [{ agency: 'ADULT_SERVICES', state, reason }],
      });
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors ?? [];
      expect(error?.path).toEqual(['child', 'adultServices']);
      expect(error?.message).toBe(hubErrorIn(error)?.safeMessage);
      expect(hubErrorIn(error)?.details).toEqual({ agency: 'ADULT_SERVICES', reason });
      const visible = JSON.stringify({ ...error?.toJSON(), details: hubErrorIn(error)?.details });
      expect(visible).not.toMatch(/ASC-|Erin|Evans|9990|127\.0\.0\.1|adult\/v1/);
    },
  );

  it('fails fast once the circuit is open, without calling the system, and says CIRCUIT_OPEN', async () => {
    connector = await makeConnector({ ADULT_SERVICES_BREAKER_THRESHOLD: '2' });
    await admin('PUT', '/admin/faults', { errorRate: 1 });
    for (let i = 0; i < 2; i += 1) await query(`{ child(id: "erin") { adultServices { personIds } } }`);
    const before = await requestsTo(searchRoute);
    const result = await query(
      `{ child(id: "erin") { adultServices { personIds } sources { state reason } } }`,
    );
    expect(result.data?.child.sources).toEqual([{ state: 'UNAVAILABLE', reason: 'CIRCUIT_OPEN' }]);
    expect(await requestsTo(searchRoute)).toBe(before);
  });

  it('pages through every adult record for the identity index', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await connector.personIndex!(cursor, 50);
      seen.push(...page.records.map((record) => record.localId));
      cursor = page.next;
    } while (cursor !== null);
    expect(seen.slice(0, 4)).toEqual(['ASC-1001', 'ASC-1002', 'ASC-1003', 'ASC-1004']);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4 + extraPeople);
    const [first] = (await connector.personIndex!(null, 1)).records;
    expect(first).toEqual({
      agency: 'adult',
      localId: 'ASC-1001',
      nhsNumber: fixtureNhsNumbers.erin,
      upn: null,
      givenName: 'Erin',
      familyName: 'Evans',
      dateOfBirth: '2008-01-01',
      sex: 'F',
      postcode: 'AB1 2CD',
    });
  });

  it('lists the transition worker and personal adviser relationships, and answers ping', async () => {
    expect(await connector.relationships!(['ASC-1001', 'ASC-1004'])).toEqual([
      {
        localId: 'ASC-1001',
        kind: 'TRANSITION_WORKER',
        subject: { person: 'transitions@asc.example' },
        since: null,
      },
      {
        localId: 'ASC-1001',
        kind: 'PERSONAL_ADVISER',
        subject: { person: 'leaving.care@council.example' },
        since: '2024-08-15',
      },
    ]);
    await expect(connector.ping()).resolves.toBeUndefined();
    await admin('PUT', '/admin/faults', { down: true });
    await expect(connector.ping()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});

describe('transition handoff to the adult services simulator', () => {
  it('files a package once; an idempotent replay answers the same reference without filing again', async () => {
    const first = await connector.submitHandoff(handoffPackage());
    const replay = await connector.submitHandoff(handoffPackage({ sentAt: '2026-11-25T09:05:00Z' }));
    expect(first).toEqual({
      reference: expect.stringMatching(/^ASC-\d{8}$/),
      status: 'RECEIVED',
      created: true,
    });
    expect(replay).toEqual({ ...first, created: false });
    const result = await query(
      `{ child(id: "erin") { adultServices { transitionReferrals { id reason } } } }`,
    );
    const referrals = result.data?.child.adultServices.transitionReferrals as Array<{ id: string }>;
    expect(referrals.filter((referral) => referral.id === `TR-${first.reference}`)).toHaveLength(1);
  });

  it('sends once, without retrying, when the intake is unavailable; the caller retries and it is filed', async () => {
    await admin('PUT', '/admin/handoff-failures', { failFirst: 1 });
    const pkg = handoffPackage({ handoffId: 'HUB-HO-INT-2' });
    await expect(connector.submitHandoff(pkg)).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      details: { agency: 'ADULT_SERVICES', reason: 'UPSTREAM_HTTP_503' },
    });
    expect(await requestsTo(intakeRoute)).toBe(1);
    expect(await connector.submitHandoff(pkg)).toMatchObject({ created: true });
    expect(await requestsTo(intakeRoute)).toBe(2);
  });

  it('reports a different package under a used handoff id as CONFLICT, naming no one', async () => {
    await connector.submitHandoff(handoffPackage({ handoffId: 'HUB-HO-INT-3' }));
    const error = await connector
      .submitHandoff(
        handoffPackage({ handoffId: 'HUB-HO-INT-3', sections: [{ type: 'EDUCATION', content: {} }] }),
      )
      .catch((caught: unknown) => caught as HubError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { agency: 'ADULT_SERVICES', reason: 'HANDOFF_CONFLICT' },
    });
    expect(
      JSON.stringify({ m: (error as HubError).safeMessage, d: (error as HubError).details }),
    ).not.toMatch(/ASC-|Erin/);
  });
});
