import { execute, parse, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import { createSocialCareSchema } from './schema.js';
import { createSocialCareClient } from './social-care-client.js';
import { testPolicy } from './test-fixtures/child-records.js';
import { createFakeSsdDriver, type FakeSsdDriver } from './test-fixtures/fake-ssd-driver.js';
import { ssdRows } from './test-fixtures/ssd-rows.js';

let driver: FakeSsdDriver;
beforeEach(() => {
  driver = createFakeSsdDriver(structuredClone(ssdRows));
});

const readAt = new Date('2025-06-30T12:00:00.000Z');
function makeSchema() {
  return createSocialCareSchema({
    client: createSocialCareClient({
      driver,
      policy: testPolicy({ timeoutMs: 100 }),
      maxConcurrentReads: 10,
    }),
    now: () => readAt,
  });
}

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function run(source: string, variables: Record<string, unknown> = {}): Promise<ExecutionResult<Data>> {
  return (await execute({
    schema: makeSchema(),
    document: parse(source),
    variableValues: variables,
    contextValue: {},
  })) as ExecutionResult<Data>;
}

const children = (selection: string) =>
  `query ($keys: [[ID!]!]!) { _socialCareChildren(keys: $keys) { ${selection} } }`;

const everything = `
  socialCarePersonIds
  socialCare {
    personIds sealedReason sendFlag disabilities
    status { lookedAfter childInNeed childProtectionPlan legalStatus careLeaver }
    referrals { id date } assessments { id factors } childInNeedPlans { id } visits { id kind }
    s47Enquiries { id outcomes } initialConferences { id } childProtectionPlans { id } childProtectionReviews { id }
    careEpisodes { id legalStatus } legalStatuses { code } lookedAfterReviews { id } healthAssessments { id }
    placements { id residentialUnit { id name residents { socialCarePersonIds } } } currentPlacement { id }
    carePlans { id health { allergies } } placementPlans { id } missingEpisodes { id returnInterviewDate }
    careLeaver { eligibility } placementReferrals { id } placementAssessments { id } meetings { id }
    placementNotifications { id } coresidentNotifications { id }
  }
  socialCareSource { agency state asOf reason }
  socialCareChronology { at agency kind summary recordId category }
  socialCareTeam { agency name role organisation email phone since }
`;

describe('social care subschema', () => {
  it('answers the full section for a child with two linked records', async () => {
    const result = await run(children(everything), { keys: [['P-100', 'P-101']] });
    expect(result.errors).toBeUndefined();
    const [child] = result.data?._socialCareChildren ?? [];
    expect(child.socialCarePersonIds).toEqual(['P-100', 'P-101']);
    expect(child.socialCare).toMatchObject({
      personIds: ['P-100', 'P-101'],
      status: { lookedAfter: true, legalStatus: 'C2' },
      assessments: [{ id: 'ASM-1', factors: ['11A', '24A', '10A'] }],
      placements: [
        { id: 'PL-1', residentialUnit: null },
        {
          id: 'PL-2',
          residentialUnit: {
            id: 'UNIT-1',
            name: 'Example House',
            residents: [{ socialCarePersonIds: ['P-100'] }],
          },
        },
      ],
      missingEpisodes: [{ id: 'MISS-1', returnInterviewDate: '2024-02-13T15:00:00.000Z' }],
    });
    expect(child.socialCareSource).toEqual({
      agency: 'SOCIAL_CARE',
      state: 'OK',
      asOf: '2025-06-30T12:00:00.000Z',
      reason: null,
    });
    expect(child.socialCareChronology.map((e: { kind: string }) => e.kind)).toContain('RETURN_INTERVIEW');
    expect(child.socialCareTeam.map((p: { role: string }) => p.role)).toEqual(['SOCIAL_WORKER', 'IRO']);
  });

  it('reads 100 children with ONE statement per table, each id once, answering in key order', async () => {
    const keys = Array.from({ length: 100 }, (_, i) =>
      i % 10 === 0 ? [] : i % 3 === 0 ? ['P-100', 'P-101'] : i % 3 === 1 ? ['P-200'] : [`GONE-${i}`],
    );
    const result = await run(
      children(
        'socialCarePersonIds socialCare { personIds placements { residentialUnit { name } } } socialCareSource { state reason } socialCareTeam { name } socialCareChronology { kind }',
      ),
      { keys },
    );
    expect(result.errors).toBeUndefined();
    const counts = driver.countsByTable();
    expect(Object.values(counts).every((count) => count === 1)).toBe(true);
    expect(Object.keys(counts)).toHaveLength(35);
    const personStatement = driver.statements.find((s) => s.table === 'ssd_person');
    expect(personStatement?.params[0]).toHaveLength(new Set(keys.flat()).size);
    const answers = result.data?._socialCareChildren ?? [];
    expect(answers.map((child: Data) => child.socialCarePersonIds)).toEqual(keys);
    expect(answers[3].socialCare.personIds).toEqual(['P-100', 'P-101']);
    expect(answers[0].socialCareSource).toEqual({ state: 'NOT_LINKED', reason: null });
    expect(answers[2]).toMatchObject({
      socialCare: null,
      socialCareSource: { state: 'NOT_LINKED', reason: 'RECORD_NOT_FOUND' },
    });
  });

  it('shares one read per table between merged calls in the same request', async () => {
    const result = (await execute({
      schema: makeSchema(),
      document: parse(`{
        a: _socialCareChildren(keys: [["P-100"]]) { socialCare { personIds } }
        b: _socialCareChildren(keys: [["P-200"], ["P-100"]]) { socialCare { personIds } socialCareTeam { role } }
      }`),
      contextValue: {},
    })) as ExecutionResult<Data>;
    expect(result.errors).toBeUndefined();
    expect(driver.countsByTable()['ssd_person']).toBe(1);
  });

  it('says NOT_LINKED, asks nobody, and returns empty lists for a child social care does not know', async () => {
    const result = await run(children(everything), { keys: [[]] });
    expect(result.errors).toBeUndefined();
    expect(result.data?._socialCareChildren[0]).toMatchObject({
      socialCare: null,
      socialCareSource: { state: 'NOT_LINKED', asOf: null, reason: null },
      socialCareChronology: [],
      socialCareTeam: [],
    });
    expect(driver.statements).toHaveLength(0);
  });

  it.each([
    ['a failing database', 'fail', 'UNAVAILABLE', 'UPSTREAM_SQLSTATE_58000', 'UPSTREAM_UNAVAILABLE'],
    ['a database that does not answer', 'hang', 'TIMED_OUT', 'UPSTREAM_TIMEOUT', 'UPSTREAM_TIMEOUT'],
  ] as const)(
    'fails only the social care part for %s, and the source says why',
    async (_name, step, state, reason, code) => {
      driver.script = Array.from({ length: 40 }, () => step);
      const result = await run(
        children('socialCarePersonIds socialCare { personIds } socialCareSource { state reason asOf }'),
        { keys: [['P-100'], []] },
      );
      const [linked, unlinked] = result.data?._socialCareChildren ?? [];
      expect(linked).toEqual({
        socialCarePersonIds: ['P-100'],
        socialCare: null,
        socialCareSource: { state, reason, asOf: '2025-06-30T12:00:00.000Z' },
      });
      expect(unlinked?.socialCareSource.state).toBe('NOT_LINKED');
      expect(result.errors).toHaveLength(1);
      const error = result.errors?.[0];
      expect(error?.path).toEqual(['_socialCareChildren', 0, 'socialCare']);
      expect((error?.originalError as HubError).code).toBe(code);
      expect((error?.originalError as HubError).details).toEqual({ agency: 'SOCIAL_CARE', reason });
    },
  );

  it('fails only the social care part for a corrupt value, naming no one', async () => {
    const rows = structuredClone(ssdRows);
    const first = rows['ssd_cla_placement']?.[0];
    if (first) first['clap_cla_placement_end_date'] = 'not-a-date';
    driver = createFakeSsdDriver(rows);
    const result = await run(children('socialCare { personIds } socialCareSource { state reason }'), {
      keys: [['P-100']],
    });
    expect(result.data?._socialCareChildren[0]).toEqual({
      socialCare: null,
      socialCareSource: { state: 'UNAVAILABLE', reason: 'UPSTREAM_BAD_PAYLOAD' },
    });
    expect(JSON.stringify(result.errors)).not.toMatch(/P-100|not-a-date|PL-1/);
  });

  it('serves residential units and their residents at a given time', async () => {
    const result = await run(`{
      residentialUnit(id: "UNIT-1") { id urn name provider postcode capacity residents { socialCarePersonIds } }
      before: residentialUnit(id: "UNIT-1") { residents(at: "2023-01-01T00:00:00Z") { socialCarePersonIds } }
      missing: residentialUnit(id: "UNIT-X") { id }
      residentialUnits { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      residentialUnit: {
        id: 'UNIT-1',
        urn: 'SC999001',
        name: 'Example House',
        provider: 'PR4',
        postcode: 'LS2 9JT',
        capacity: 4,
        residents: [{ socialCarePersonIds: ['P-100'] }],
      },
      before: { residents: [] },
      missing: null,
      residentialUnits: [{ id: 'UNIT-1' }],
    });
  });

  it('declares a data category on every field that carries child data', () => {
    const schema = makeSchema();
    const childTypes = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType =>
        'getFields' in type &&
        !type.name.startsWith('__') &&
        !['Query', 'Child', 'SourceStatus', 'ChronologyEvent', 'Practitioner'].includes(type.name) &&
        type.astNode?.kind === 'ObjectTypeDefinition',
    );
    expect(childTypes.map((type) => type.name)).toContain('SocialCareSection');
    for (const type of childTypes) {
      for (const field of Object.values(type.getFields())) {
        const category = field.astNode?.directives?.find((d) => d.name.value === 'category');
        expect(category, `${type.name}.${field.name}`).toBeDefined();
      }
    }
    const child = schema.getType('Child') as GraphQLObjectType;
    const categoryOf = (name: string) =>
      child.getFields()[name]?.astNode?.directives?.find((d) => d.name.value === 'category');
    expect(categoryOf('socialCare')).toBeDefined();
    expect(categoryOf('socialCareTeam')).toBeDefined();
  });
});
