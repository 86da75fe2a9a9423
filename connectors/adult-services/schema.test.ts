import { execute, parse, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { createAdultServicesClient } from './adult-client.js';
import { createAdultServicesSchema } from './schema.js';
import { startFakeAdultApi, totalHits, type FakeAdultApi } from './test-fixtures/fake-adult-api.js';

let api: FakeAdultApi;
beforeAll(async () => {
  api = await startFakeAdultApi();
  await (await fetch(`${api.baseUrl}/people/index`)).text();
});
afterAll(() => api.close());
beforeEach(() => {
  api.hits.clear();
  api.searches.length = 0;
  api.script = [];
});

const readAt = new Date('2026-11-25T09:00:00.000Z');
function makeSchema() {
  const policy = createUpstreamPolicy({
    agency: 'ADULT_SERVICES',
    timeoutMs: 1000,
    retries: 0,
    breakerThreshold: 100,
    breakerHalfOpenMs: 60_000,
  });
  return createAdultServicesSchema({
    client: createAdultServicesClient({ baseUrl: api.baseUrl, policy }),
    now: () => readAt,
  });
}

type Data = { _adultServicesChildren: Array<Record<string, any> | null> }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function run(keys: string[][], selection: string): Promise<ExecutionResult<Data>> {
  return (await execute({
    schema: makeSchema(),
    document: parse(`query ($keys: [[ID!]!]!) { _adultServicesChildren(keys: $keys) { ${selection} } }`),
    variableValues: { keys },
    contextValue: {},
  })) as ExecutionResult<Data>;
}

const everything = `
  adultPersonIds
  adultServices {
    personIds
    transitionReferrals { id date source reason }
    s58Assessments { id referralDate assessmentDate outcome }
    pathwayPlans { id needsAssessmentDate planDate personalAdviser { name role email since } }
    transitionWorkers { name role organisation email phone }
    cldEvents { id eventType date detail }
  }
  adultServicesSource { agency state asOf reason }
  adultServicesChronology { at agency kind summary recordId category }
  adultServicesTeam { agency name role organisation email phone since }
`;

describe('adult services subschema', () => {
  it('answers the full section for a young person with two linked records', async () => {
    const result = await run([['AP-1', 'AP-2']], everything);
    expect(result.errors).toBeUndefined();
    const [child] = result.data?._adultServicesChildren ?? [];
    expect(child?.adultServices).toMatchObject({
      personIds: ['AP-1', 'AP-2'],
      transitionReferrals: [{ id: 'TR-9', source: 'CHILDRENS_SERVICES' }],
      s58Assessments: [
        { id: 'S58-8', outcome: 'NOT_ELIGIBLE' },
        { id: 'S58-9', outcome: 'PENDING' },
      ],
      pathwayPlans: [{ id: 'PP-9', personalAdviser: { name: 'Pip Adviser', role: 'PERSONAL_ADVISER' } }],
      transitionWorkers: [{ name: 'Tam Worker', role: 'TRANSITION_WORKER' }],
      cldEvents: [{ id: 'EV-1' }, { id: 'EV-2' }, { id: 'EV-7', eventType: 'SERVICE' }],
    });
    expect(child?.adultServicesSource).toEqual({
      agency: 'ADULT_SERVICES',
      state: 'OK',
      asOf: '2026-11-25T09:00:00.000Z',
      reason: null,
    });
    expect(child?.adultServicesChronology.map((e: { kind: string }) => e.kind)).toContain(
      'TRANSITION_REFERRAL',
    );
    expect(child?.adultServicesTeam.map((p: { role: string }) => p.role)).toEqual([
      'TRANSITION_WORKER',
      'PERSONAL_ADVISER',
    ]);
    expect(totalHits(api)).toBe(1);
  });

  it('reads 100 children with ONE upstream request, each id once, answers in key order', async () => {
    const keys = Array.from({ length: 100 }, (_, i) =>
      i % 10 === 0 ? [] : i % 3 === 0 ? ['AP-1', 'AP-2'] : i % 3 === 1 ? ['AP-3'] : [`GONE-${i}`],
    );
    const result = await run(
      keys,
      'adultPersonIds adultServices { personIds } adultServicesSource { state reason } adultServicesTeam { role }',
    );
    expect(result.errors).toBeUndefined();
    expect(totalHits(api)).toBe(1);
    expect(api.searches[0]).toHaveLength(new Set(keys.flat()).size);
    const children = result.data?._adultServicesChildren ?? [];
    expect(children.map((child) => child?.adultPersonIds)).toEqual(keys);
    expect(children[3]?.adultServices?.personIds).toEqual(['AP-1', 'AP-2']);
    expect(children[0]?.adultServicesSource).toEqual({ state: 'NOT_LINKED', reason: null });
    expect(children[2]).toMatchObject({
      adultServices: null,
      adultServicesSource: { state: 'NOT_LINKED', reason: 'RECORD_NOT_FOUND' },
    });
  });

  it('says NOT_LINKED, asks nobody, and returns empty lists for a child adult services do not know', async () => {
    const result = await run([[]], everything);
    expect(result.errors).toBeUndefined();
    expect(result.data?._adultServicesChildren[0]).toMatchObject({
      adultServices: null,
      adultServicesSource: { state: 'NOT_LINKED', asOf: null, reason: null },
      adultServicesChronology: [],
      adultServicesTeam: [],
    });
    expect(totalHits(api)).toBe(0);
  });

  it.each([
    ['a failing system', ['500'], 'UNAVAILABLE', 'UPSTREAM_HTTP_500', 'UPSTREAM_UNAVAILABLE'],
    ['a slow system', ['slow'], 'TIMED_OUT', 'UPSTREAM_TIMEOUT', 'UPSTREAM_TIMEOUT'],
    ['a broken payload', ['bad'], 'UNAVAILABLE', 'UPSTREAM_BAD_PAYLOAD', 'UPSTREAM_BAD_PAYLOAD'],
  ] as const)(
    'fails only the adult services part for %s, and the source says why',
    async (_name, script, state, reason, code) => {
      api.script = [...script];
      const result = await run(
        [['AP-1'], []],
        'adultPersonIds adultServices { personIds } adultServicesSource { state reason asOf }',
      );
      const [linked, unlinked] = result.data?._adultServicesChildren ?? [];
      expect(linked).toEqual({
        adultPersonIds: ['AP-1'],
        adultServices: null,
        adultServicesSource: { state, reason, asOf: '2026-11-25T09:00:00.000Z' },
      });
      expect(unlinked?.adultServicesSource.state).toBe('NOT_LINKED');
      expect(result.errors).toHaveLength(1);
      const error = result.errors?.[0];
      expect(error?.path).toEqual(['_adultServicesChildren', 0, 'adultServices']);
      expect((error?.originalError as HubError).code).toBe(code);
      expect((error?.originalError as HubError).details).toEqual({ agency: 'ADULT_SERVICES', reason });
    },
  );

  it('declares a data category on every field that carries child data', () => {
    const schema = makeSchema();
    for (const typeName of [
      'AdultServicesSection',
      'AdultTransitionReferral',
      'CareActS58Assessment',
      'AdultPathwayPlan',
      'AdultCldEvent',
    ]) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const category = field.astNode?.directives?.find((d) => d.name.value === 'category');
        expect(category, `${typeName}.${field.name}`).toBeDefined();
      }
    }
  });
});
