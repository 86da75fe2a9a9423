/**
 * The health connector against the real GP simulator (FHIR R4 over HTTP on port 0), stitched into the real
 * gateway with a tiny identity schema and another (fake) agency: the fixture child's full section, one upstream
 * request for a page of 100 children (by the simulator's own admin counters), and each simulator fault turning
 * into a null section, one error naming the agency and no identifiers, and a source state that says why.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { FastifyInstance } from 'fastify';
import { GraphQLError, execute, parse, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// The gateway and the simulators are what this test runs the connector against; only tests may import them.

import { testGatewayContext } from '../../gateway/access/testing.js';
import { stitchGateway } from '../../gateway/stitch.js';

import { fakeAgencyConnector } from '../../gateway/testing/fake-connectors.js';

import { fixtureNhsNumbers, gpFixturePopulation } from '../../simulators/gp/fixture-population.js';

import { createGpServer } from '../../simulators/gp/server.js';

import { FaultController } from '../../simulators/kit/faults.js';

import { WebhookSender } from '../../simulators/kit/webhooks.js';
import type { Connector, ConnectorDeps } from '../connector.js';
import { parseConfig } from '../../platform/config.js';
import { HubError } from '../../platform/errors.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import health from './index.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface IdentityChild {
  id: string;
  gpPatientIds: string[];
  upn: string | null;
}

const extraPatients = 120;
const identityChildren: IdentityChild[] = [
  { id: 'c-ava', gpPatientIds: ['gp-pat-001'], upn: 'upn-ava' },
  { id: 'c-ben', gpPatientIds: ['gp-pat-002'], upn: 'upn-ben' },
  { id: 'c-none', gpPatientIds: [], upn: 'upn-none' },
  { id: 'c-dylan', gpPatientIds: ['gp-pat-004', 'gp-pat-005'], upn: null },
  ...Array.from({ length: extraPatients }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return { id: `c-x${n}`, gpPatientIds: [`gp-pat-x${n}`], upn: null };
  }),
];

/** The hub's identity subschema, reduced to what the merge needs: a child's GP patient ids (and a UPN). */
function identityConnector(children: IdentityChild[]): Connector {
  const byId = new Map(children.map((child) => [child.id, child]));
  return {
    name: 'identity',
    schema: makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        ${sharedTypeDefs}
        type Child {
          id: ID!
          gpPatientIds: [ID!]!
          upn: String
        }
        type Query {
          child(id: ID!): Child
          children(ids: [ID!]!): [Child]!
          _childrenByIds(ids: [ID!]!): [Child]!
        }
      `,
      resolvers: {
        Query: {
          child: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
          children: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => byId.get(id) ?? null),
          _childrenByIds: (_: unknown, { ids }: { ids: string[] }) => ids.map((id) => byId.get(id) ?? null),
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

let simulator: FastifyInstance;
let origin = '';

beforeAll(async () => {
  simulator = createGpServer({
    population: gpFixturePopulation({ extraPatients }),
    faults: new FaultController(),
    webhooks: new WebhookSender({ url: null, secret: 'test-secret-0123456789' }),
    timeoutHoldMs: 10_000,
  });
  origin = await simulator.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => simulator.close());
beforeEach(async () => {
  await admin('POST', '/admin/faults/reset');
  await admin('POST', '/admin/counters/reset');
});

async function admin(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Data> {
  const response = await fetch(`${origin}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as Data;
}

async function gateway(env: Record<string, string> = {}): Promise<GraphQLSchema> {
  const { health: config } = parseConfig(
    { health: health.configSection },
    {
      HEALTH_FHIR_BASE_URL: `${origin}/fhir`,
      HEALTH_TIMEOUT_MS: '500',
      HEALTH_RETRIES: '1',
      HEALTH_BREAKER_THRESHOLD: '50',
      ...env,
    },
  );
  const connector = await health.create(config, { now: () => new Date() } as unknown as ConnectorDeps);
  return stitchGateway(
    [
      identityConnector(identityChildren),
      connector,
      fakeAgencyConnector({ name: 'education', agency: 'EDUCATION', keyField: 'upn' }),
    ],
    { maxBatchSize: 100 },
  );
}

async function run(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}) {
  return (await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: testGatewayContext(),
  })) as ExecutionResult<Data>;
}

/** The HubError under a stitched error (the gateway wraps the subschema's located error once more). */
function hubErrorUnder(error: unknown): HubError | null {
  let current: unknown = error;
  while (current instanceof GraphQLError) current = current.originalError;
  return current instanceof HubError ? current : null;
}

const patientSearches = async (): Promise<number> =>
  ((await admin('GET', '/admin/counters')).counts as Record<string, number>)['Patient:search'] ?? 0;

describe('health connector against the GP simulator, through the stitched gateway', () => {
  it('gives the fixture child their full health section, chronology, team and source', async () => {
    const result = await run(
      await gateway(),
      /* GraphQL */ `
        {
          child(id: "c-ava") {
            id
            health {
              registeredPractice {
                odsCode
                name
              }
              registeredGp {
                name
                email
              }
              patients {
                patientId
                nhsNumber
                nhsNumberValid
                givenNames
                familyName
                birthDate
                gender
              }
              conditions {
                display
                clinicalStatus
                active
                category
              }
              mentalHealth {
                conditions {
                  display
                  category
                }
              }
              sexualHealth {
                conditions {
                  display
                }
              }
              medications {
                display
                status
              }
              allergies {
                display
                criticality
              }
              immunisations {
                display
                date
              }
              encounters {
                kind
                start
                end
                status
              }
              aAndEAttendances {
                id
                reason
              }
              observations {
                display
                value
              }
              asOf
            }
            healthSource {
              agency
              state
              reason
            }
            chronology(agencies: [HEALTH]) {
              kind
              category
              recordId
            }
            teamAroundTheChild {
              agency
              name
              role
              organisation
            }
            sources {
              agency
              state
            }
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    const child = result.data?.child as Data;
    expect(child.health).toMatchObject({
      registeredPractice: { odsCode: 'A81001', name: 'Riverside Surgery' },
      registeredGp: { name: 'Dr Priya Shah', email: 'prof-gp-1@example.nhs.uk' },
      patients: [
        {
          patientId: 'gp-pat-001',
          nhsNumber: fixtureNhsNumbers.ava,
          nhsNumberValid: true,
          givenNames: ['Ava', 'Grace'],
          familyName: 'Thompson',
          birthDate: '2010-05-14',
          gender: 'female',
        },
      ],
      conditions: [
        { display: 'Asthma', clinicalStatus: 'active', active: true, category: 'HEALTH' },
        { display: 'Atopic dermatitis', clinicalStatus: 'resolved', active: false, category: 'HEALTH' },
      ],
      mentalHealth: { conditions: [{ display: 'Anxiety disorder', category: 'MENTAL_HEALTH' }] },
      sexualHealth: { conditions: [] },
      medications: [{ display: 'Salbutamol 100micrograms/dose inhaler CFC free', status: 'active' }],
      allergies: [{ display: 'Allergy to penicillin', criticality: 'high' }],
      immunisations: [{ display: 'Measles, mumps and rubella vaccination', date: '2011-06-01' }],
      encounters: [
        { kind: 'GP_APPOINTMENT', status: 'finished' },
        { kind: 'A_AND_E_ATTENDANCE', start: '2025-01-18T22:40:00.000Z', end: '2025-01-19T03:15:00.000Z' },
      ],
      aAndEAttendances: [{ id: 'enc-001-b', reason: 'Injury to wrist' }],
      observations: [
        { display: 'Body weight', value: '41.2 kg' },
        { display: 'Body height', value: '152 cm' },
      ],
    });
    expect(child.healthSource).toEqual({ agency: 'HEALTH', state: 'OK', reason: null });
    expect(child.chronology.map((e: Data) => [e.kind, e.category])).toEqual([
      ['CONDITION_RECORDED', 'HEALTH'],
      ['IMMUNISATION_GIVEN', 'HEALTH'],
      ['CONDITION_RECORDED', 'HEALTH'],
      ['CONDITION_RECORDED', 'MENTAL_HEALTH'],
      ['GP_APPOINTMENT', 'HEALTH'],
      ['A_AND_E_ATTENDANCE', 'HEALTH'],
    ]);
    expect(child.teamAroundTheChild).toContainEqual({
      agency: 'HEALTH',
      name: 'Dr Priya Shah',
      role: 'GP',
      organisation: 'Riverside Surgery',
    });
    expect(child.sources).toEqual([
      { agency: 'HEALTH', state: 'OK' },
      { agency: 'EDUCATION', state: 'OK' },
    ]);
    expect(await patientSearches()).toBe(1);
  });

  it('labels sexual health and shows an open A&E attendance and an admission for another child', async () => {
    const result = await run(
      await gateway(),
      `{ child(id: "c-ben") { health { sexualHealth { conditions { display } } aAndEAttendances { status end }
         hospitalAdmissions { reason } } chronology(kinds: ["CONDITION_RECORDED"]) { category } } }`,
    );
    expect(result.data?.child).toEqual({
      health: {
        sexualHealth: { conditions: [{ display: 'Chlamydial infection' }] },
        aAndEAttendances: [{ status: 'in-progress', end: null }],
        hospitalAdmissions: [{ reason: 'Appendicitis' }],
      },
      chronology: [{ category: 'HEALTH' }, { category: 'SEXUAL_HEALTH' }],
    });
  });

  it('shows both GP records of a child registered twice', async () => {
    const result = await run(
      await gateway(),
      `{ child(id: "c-dylan") { health { registrations { patientId practice { odsCode } } patients { birthDate } } } }`,
    );
    expect(result.data?.child.health).toEqual({
      registrations: [
        { patientId: 'gp-pat-004', practice: { odsCode: 'A81001' } },
        { patientId: 'gp-pat-005', practice: { odsCode: 'B82002' } },
      ],
      patients: [{ birthDate: '2011-02-03' }, { birthDate: '2011-03-02' }],
    });
  });

  it('reads a page of 100 children with exactly one upstream request', async () => {
    const ids = identityChildren.slice(0, 100).map((child) => child.id);
    const result = await run(
      await gateway(),
      `query ($ids: [ID!]!) { children(ids: $ids) { id health { asOf encounters { kind } }
         healthSource { state } chronology { kind } teamAroundTheChild { name } } }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    const children = result.data?.children as Data[];
    expect(children).toHaveLength(100);
    expect(children.filter((child) => child.healthSource.state === 'OK')).toHaveLength(99);
    expect(children.find((child) => child.id === 'c-none')?.healthSource.state).toBe('NOT_LINKED');
    const counters = await admin('GET', '/admin/counters');
    expect(counters).toEqual({ total: 1, counts: { 'Patient:search': 1 } });
  });

  // Transient failures are retried once (HEALTH_RETRIES=1); a payload that fails validation is not retried.
  const faultCases: Array<{
    name: string;
    faults: Data;
    state: string;
    reason: string;
    code: string;
    requests: number;
  }> = [
    {
      name: 'down',
      faults: { down: true },
      state: 'UNAVAILABLE',
      reason: 'UPSTREAM_HTTP_503',
      code: 'UPSTREAM_UNAVAILABLE',
      requests: 2,
    },
    {
      name: 'erroring',
      faults: { errorRate: 1 },
      state: 'UNAVAILABLE',
      reason: 'UPSTREAM_HTTP_500',
      code: 'UPSTREAM_UNAVAILABLE',
      requests: 2,
    },
    {
      name: 'slow',
      faults: { latencyMs: 1500 },
      state: 'TIMED_OUT',
      reason: 'UPSTREAM_TIMEOUT',
      code: 'UPSTREAM_TIMEOUT',
      requests: 2,
    },
    {
      name: 'timing out',
      faults: { timeoutRate: 1 },
      state: 'TIMED_OUT',
      reason: 'UPSTREAM_TIMEOUT',
      code: 'UPSTREAM_TIMEOUT',
      requests: 2,
    },
    {
      name: 'malformed',
      faults: { malformedRate: 1 },
      state: 'UNAVAILABLE',
      reason: 'UPSTREAM_BAD_PAYLOAD',
      code: 'UPSTREAM_BAD_PAYLOAD',
      requests: 1,
    },
  ];

  for (const fault of faultCases) {
    it(`when the GP system is ${fault.name}: health is null, one error names the agency, the source says why`, async () => {
      await admin('PUT', '/admin/faults', fault.faults);
      const result = await run(
        await gateway(),
        `{ child(id: "c-ava") { id gpPatientIds health { asOf } education { summary }
           sources { agency state reason asOf } } }`,
      );
      expect(result.data?.child).toMatchObject({
        id: 'c-ava',
        gpPatientIds: ['gp-pat-001'],
        health: null,
        education: { summary: 'education record' },
        sources: [
          { agency: 'HEALTH', state: fault.state, reason: fault.reason },
          { agency: 'EDUCATION', state: 'OK', reason: null },
        ],
      });
      expect(result.data?.child.sources[0].asOf).toEqual(expect.any(String));
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors ?? [];
      const hubError = hubErrorUnder(error);
      expect(error?.path).toEqual(['child', 'health']);
      expect(error?.message).toBe(hubError?.safeMessage);
      expect(hubError?.code).toBe(fault.code);
      expect(hubError?.details).toEqual({ agency: 'HEALTH', reason: fault.reason });
      const visible = JSON.stringify({ error, safe: hubError?.safeMessage, details: hubError?.details });
      for (const identifier of ['gp-pat-001', fixtureNhsNumbers.ava, '127.0.0.1', 'Thompson'])
        expect(visible).not.toContain(identifier);
      expect(await patientSearches()).toBe(fault.requests);
    });
  }

  it('opens the circuit after repeated failures and then fails fast without calling the GP system', async () => {
    const schema = await gateway({ HEALTH_RETRIES: '0', HEALTH_BREAKER_THRESHOLD: '2' });
    await admin('PUT', '/admin/faults', { down: true });
    const query = `{ child(id: "c-ava") { health { asOf } healthSource { state reason } } }`;
    await run(schema, query);
    await run(schema, query);
    expect(await patientSearches()).toBe(2);
    await admin('POST', '/admin/faults/reset');
    const result = await run(schema, query);
    expect(result.data?.child.healthSource).toEqual({ state: 'UNAVAILABLE', reason: 'CIRCUIT_OPEN' });
    expect(await patientSearches()).toBe(2);
  });

  it('copes with modest latency inside the timeout', async () => {
    await admin('PUT', '/admin/faults', { latencyMs: 100 });
    const result = await run(await gateway(), `{ child(id: "c-ava") { healthSource { state } } }`);
    expect(result.data?.child.healthSource.state).toBe('OK');
  });

  it('pages the person index through every patient and finds each practice for relationships', async () => {
    const { health: config } = parseConfig(
      { health: health.configSection },
      { HEALTH_FHIR_BASE_URL: `${origin}/fhir` },
    );
    const connector = await health.create(config, { now: () => new Date() } as unknown as ConnectorDeps);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<NonNullable<Connector['personIndex']>>> = await (
        connector.personIndex as NonNullable<Connector['personIndex']>
      )(cursor, 50);
      seen.push(...page.records.map((record) => record.localId));
      cursor = page.next;
      pages += 1;
    } while (cursor !== null);
    expect(seen).toHaveLength(5 + extraPatients);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(3);
    expect(await connector.relationships?.(['gp-pat-001', 'gp-pat-005', 'missing'])).toEqual([
      { localId: 'gp-pat-001', kind: 'GP_PRACTICE', subject: { organisation: 'A81001' }, since: null },
      { localId: 'gp-pat-005', kind: 'GP_PRACTICE', subject: { organisation: 'B82002' }, since: null },
    ]);
    await connector.ping();
  });
});
