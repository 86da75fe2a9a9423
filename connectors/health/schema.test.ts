import { Kind, execute, parse, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../connector.js';
import { parseConfig } from '../../platform/config.js';
import { isHubError } from '../../platform/errors.js';
import health from './index.js';
import { startFhirStub, type FhirStub } from './fixtures/fhir-stub-server.js';

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let stub: FhirStub;
beforeAll(async () => {
  stub = await startFhirStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
  stub.script.length = 0;
});

const now = () => new Date('2025-04-01T08:00:00.000Z');

async function connector(env: Record<string, string> = {}) {
  const { health: config } = parseConfig(
    { health: health.configSection },
    { HEALTH_FHIR_BASE_URL: stub.base, HEALTH_TIMEOUT_MS: '1000', HEALTH_RETRIES: '0', ...env },
  );
  return health.create(config, { now } as unknown as ConnectorDeps);
}

async function run(query: string, variables: Record<string, unknown> = {}, contextValue: object = {}) {
  const { schema } = await connector();
  return (await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue,
  })) as ExecutionResult<Data>;
}

const childrenQuery = /* GraphQL */ `
  query ($keys: [[ID!]!]!) {
    _healthChildren(keys: $keys) {
      gpPatientIds
      health {
        registeredPractice {
          odsCode
          name
        }
        conditions {
          display
          category
        }
        sexualHealth {
          conditions {
            display
          }
        }
        mentalHealth {
          conditions {
            display
          }
        }
        aAndEAttendances {
          id
          status
        }
        asOf
      }
      healthSource {
        agency
        state
        asOf
        reason
      }
      healthChronology {
        kind
        category
      }
      healthTeam {
        name
        role
        organisation
      }
    }
  }
`;

describe('health subschema', () => {
  it('answers one Child per key, in order, from one upstream search for all the keys', async () => {
    const keys = [
      ['pat-a'],
      [],
      ['pat-b', 'pat-a'],
      ...Array.from({ length: 97 }, (_, i) => [`unknown-${i}`]),
    ];
    const result = await run(childrenQuery, { keys });
    expect(result.errors).toBeUndefined();
    expect(stub.requests).toHaveLength(1);
    const ids =
      stub.requests[0]?.query.get('_id')?.split(',') ?? stub.requests[0]?.form?.get('_id')?.split(',');
    expect(ids).toHaveLength(99);
    const children = result.data?._healthChildren as Data[];
    expect(children).toHaveLength(100);
    expect(children.map((child) => child.healthSource.state).slice(0, 4)).toEqual([
      'OK',
      'NOT_LINKED',
      'OK',
      'NOT_LINKED',
    ]);
    expect(children[3]?.healthSource.reason).toBe('PATIENT_NOT_FOUND');
    expect(children[1]).toMatchObject({ health: null, healthChronology: [], healthTeam: [] });
  });

  it('maps the section, chronology and team for a child', async () => {
    const result = await run(childrenQuery, { keys: [['pat-a']] });
    const child = (result.data?._healthChildren as Data[])[0];
    expect(child?.health).toEqual({
      registeredPractice: { odsCode: 'A81001', name: 'Riverside Surgery' },
      conditions: [{ display: 'Asthma', category: 'HEALTH' }],
      sexualHealth: { conditions: [{ display: 'Chlamydial infection' }] },
      mentalHealth: { conditions: [{ display: 'Low mood' }] },
      aAndEAttendances: [{ id: 'enc-a-ae', status: 'in-progress' }],
      asOf: '2025-04-01T08:00:00.000Z',
    });
    expect(child?.healthSource).toEqual({
      agency: 'HEALTH',
      state: 'OK',
      asOf: '2025-04-01T08:00:00.000Z',
      reason: null,
    });
    expect(child?.healthChronology.map((e: Data) => e.kind)).toContain('A_AND_E_ATTENDANCE');
    expect(child?.healthTeam).toEqual([
      { name: 'Dr Priya Shah', role: 'GP', organisation: 'Riverside Surgery' },
    ]);
  });

  it('shares one search between merged calls of the same request, and none between requests', async () => {
    const { schema } = await connector();
    const query = parse(`{ a: _healthChildren(keys: [["pat-a"]]) { healthSource { state } }
                           b: _healthChildren(keys: [["pat-b"]]) { healthSource { state } } }`);
    await execute({ schema, document: query, contextValue: {} });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]?.query.get('_id')).toBe('pat-a,pat-b');
    await execute({ schema, document: query, contextValue: {} });
    expect(stub.requests).toHaveLength(2);
  });

  it('makes no upstream request for children with no GP records linked', async () => {
    const result = await run(childrenQuery, { keys: [[], []] });
    expect(stub.requests).toHaveLength(0);
    expect((result.data?._healthChildren as Data[]).map((c) => c.healthSource.state)).toEqual([
      'NOT_LINKED',
      'NOT_LINKED',
    ]);
  });

  it('on failure nulls the section, throws the HubError there, and says why in healthSource', async () => {
    stub.script.push({ kind: 'status', status: 503 });
    const result = await run(
      `{ _healthChildren(keys: [["pat-a"], []]) { gpPatientIds health { asOf } healthSource { state reason asOf } } }`,
    );
    expect(result.data?._healthChildren).toEqual([
      {
        gpPatientIds: ['pat-a'],
        health: null,
        healthSource: { state: 'UNAVAILABLE', reason: 'UPSTREAM_HTTP_503', asOf: '2025-04-01T08:00:00.000Z' },
      },
      { gpPatientIds: [], health: null, healthSource: { state: 'NOT_LINKED', reason: null, asOf: null } },
    ]);
    expect(result.errors).toHaveLength(1);
    const original = result.errors?.[0]?.originalError;
    expect(isHubError(original) && original.details).toEqual({
      agency: 'HEALTH',
      reason: 'UPSTREAM_HTTP_503',
    });
    expect(JSON.stringify(result.errors)).not.toContain('pat-a');
  });

  it('throws the failure from the chronology and team too', async () => {
    stub.script.push({ kind: 'status', status: 500 });
    const result = await run(
      `{ _healthChildren(keys: [["pat-a"]]) { healthChronology { kind } healthTeam { name } } }`,
    );
    expect(result.data?._healthChildren).toEqual([{ healthChronology: null, healthTeam: null }]);
    expect(result.errors?.map((e) => e.path?.at(-1))).toEqual(['healthChronology', 'healthTeam']);
  });

  it('declares a data category on every field of the section that carries child data', async () => {
    const { schema } = await connector();
    const categoryOf = (typeName: string) =>
      Object.fromEntries(
        Object.values((schema.getType(typeName) as GraphQLObjectType).getFields()).map((field) => {
          const directive = field.astNode?.directives?.find((d) => d.name.value === 'category');
          const value = directive?.arguments?.[0]?.value;
          return [field.name, value?.kind === Kind.ENUM ? value.value : null];
        }),
      );
    const section = categoryOf('HealthSection');
    expect(Object.entries(section).filter(([, category]) => category === null)).toEqual([['asOf', null]]);
    expect(section).toMatchObject({
      registeredPractice: 'GP_DETAILS',
      registeredGp: 'GP_DETAILS',
      patients: 'IDENTITY',
      conditions: 'HEALTH',
      sexualHealth: 'SEXUAL_HEALTH',
      mentalHealth: 'MENTAL_HEALTH',
    });
    expect(new Set(Object.values(categoryOf('SexualHealthRecords')))).toEqual(new Set(['SEXUAL_HEALTH']));
    expect(new Set(Object.values(categoryOf('MentalHealthRecords')))).toEqual(new Set(['MENTAL_HEALTH']));
  });

  it('is a connector the gateway can use: contribution, merge, ping, person index and relationships', async () => {
    const built = await connector();
    expect(built.agency).toEqual({
      agency: 'HEALTH',
      keyField: 'gpPatientIds',
      sourceField: 'healthSource',
      chronologyField: 'healthChronology',
      teamField: 'healthTeam',
    });
    expect(built.merge.Child).toMatchObject({
      selectionSet: '{ gpPatientIds }',
      fieldName: '_healthChildren',
    });
    await built.ping();
    const index = await built.personIndex?.(null, 10);
    expect(index?.records.map((r) => r.localId)).toEqual(['pat-a', 'pat-b']);
    expect(await built.relationships?.(['pat-a'])).toEqual([
      { localId: 'pat-a', kind: 'GP_PRACTICE', subject: { organisation: 'A81001' }, since: null },
    ]);
    await built.close();
  });
});

describe('health merge config', () => {
  it('keys each child by an object, so batch delegation sends one id list per child', async () => {
    const { merge } = await connector();
    const config = merge.Child as {
      key: (child: object) => unknown;
      argsFromKeys: (keys: unknown[]) => unknown;
    };
    const key = config.key({ gpPatientIds: ['a', 'b'] });
    // An array key would make batch-delegate load each id as its own key and answer a list.
    expect(Array.isArray(key)).toBe(false);
    expect(config.argsFromKeys([key, config.key({ gpPatientIds: [] })])).toEqual({ keys: [['a', 'b'], []] });
    expect(config.key({})).toEqual({ gpPatientIds: [] });
  });
});
