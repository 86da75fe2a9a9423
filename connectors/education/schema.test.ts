import { execute, parse, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HubError } from '../../platform/errors.js';
import { createUpstreamPolicy } from '../../platform/upstream/upstream-policy.js';
import { createEducationClient } from './education-client.js';
import { createEducationSchema } from './schema.js';
import {
  startFakeEducationApi,
  totalHits,
  type FakeEducationApi,
} from './test-fixtures/fake-education-api.js';

let api: FakeEducationApi;
beforeAll(async () => {
  api = await startFakeEducationApi();
  api.slowMs = 2500;
  await (await fetch(`${api.baseUrl}/pupils/index`)).text();
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
    agency: 'EDUCATION',
    timeoutMs: 1000,
    retries: 0,
    breakerThreshold: 100,
    breakerHalfOpenMs: 60_000,
  });
  return createEducationSchema({
    client: createEducationClient({ baseUrl: api.baseUrl, policy }),
    now: () => readAt,
  });
}

type Data = { _educationChildren: Array<Record<string, any> | null> }; // eslint-disable-line @typescript-eslint/no-explicit-any
async function run(keys: string[][], selection: string): Promise<ExecutionResult<Data>> {
  return (await execute({
    schema: makeSchema(),
    document: parse(`query ($keys: [[ID!]!]!) { _educationChildren(keys: $keys) { ${selection} } }`),
    variableValues: { keys },
    contextValue: {},
  })) as ExecutionResult<Data>;
}

const everything = `
  educationPupilIds
  education {
    pupilIds
    currentEnrolment { schoolUrn schoolName yearGroup from to current }
    enrolments { schoolUrn from to current }
    attendance { academicYear term possibleSessions attendedSessions percentage }
    exclusions { id date kind sessions reason schoolUrn }
    senProvision
    senNeeds
    ehcNeedsAssessments {
      id requestDate decisionDate decisionOutcome finalPlanDate status
      annualReviews { id date preparingForAdulthoodOutcomes }
    }
    personalEducationPlans { id date reviewedDate designatedTeacher { name role } }
  }
  educationSource { agency state asOf reason }
  educationChronology { at agency kind summary recordId category }
  educationTeam { agency name role organisation email phone since }
`;

describe('education subschema', () => {
  it('answers the full section for a child with two linked pupil records', async () => {
    const result = await run([['P-100', 'P-101']], everything);
    expect(result.errors).toBeUndefined();
    const [child] = result.data?._educationChildren ?? [];
    expect(child?.educationPupilIds).toEqual(['P-100', 'P-101']);
    expect(child?.education).toMatchObject({
      pupilIds: ['P-100', 'P-101'],
      currentEnrolment: { schoolUrn: '130002', current: true },
      senProvision: 'E',
      senNeeds: ['SEMH', 'SLCN', 'ASD'],
      ehcNeedsAssessments: [{ id: 'EHC-9', decisionOutcome: 'Y', status: 'ISSUED' }],
      personalEducationPlans: [{ id: 'PEP-7', designatedTeacher: { name: 'Dee Teacher' } }],
    });
    expect(child?.education?.attendance[2]).toMatchObject({ term: 'AUTUMN', percentage: 80.7 });
    expect(child?.educationSource).toEqual({
      agency: 'EDUCATION',
      state: 'OK',
      asOf: '2026-11-25T09:00:00.000Z',
      reason: null,
    });
    expect(child?.educationChronology.map((e: { kind: string }) => e.kind)).toContain('EHCP_ANNUAL_REVIEW');
    expect(child?.educationTeam.map((p: { role: string }) => p.role)).toEqual([
      'SENCO',
      'DESIGNATED_TEACHER',
      'VIRTUAL_SCHOOL_HEAD',
    ]);
  });

  it('reads 100 children with ONE upstream request, each id once, answers in key order', async () => {
    const keys = Array.from({ length: 100 }, (_, i) =>
      i % 10 === 0 ? [] : i % 3 === 0 ? ['P-100', 'P-101'] : i % 3 === 1 ? ['P-200'] : [`GONE-${i}`],
    );
    const result = await run(
      keys,
      'educationPupilIds education { pupilIds } educationSource { state reason }',
    );
    expect(result.errors).toBeUndefined();
    expect(totalHits(api)).toBe(1);
    expect(api.searches[0]).toHaveLength(new Set(keys.flat()).size);
    const children = result.data?._educationChildren ?? [];
    expect(children.map((child) => child?.educationPupilIds)).toEqual(keys);
    expect(children[3]?.education?.pupilIds).toEqual(['P-100', 'P-101']);
    expect(children[0]?.educationSource).toEqual({ state: 'NOT_LINKED', reason: null });
    expect(children[2]).toMatchObject({
      education: null,
      educationSource: { state: 'NOT_LINKED', reason: 'RECORD_NOT_FOUND' },
    });
  });

  it('shares one upstream request between merged calls in the same request', async () => {
    const result = (await execute({
      schema: makeSchema(),
      document: parse(`{
        a: _educationChildren(keys: [["P-100"]]) { education { pupilIds } }
        b: _educationChildren(keys: [["P-200"], ["P-100"]]) { education { pupilIds } educationTeam { role } }
      }`),
      contextValue: {},
    })) as ExecutionResult<Record<string, unknown>>;
    expect(result.errors).toBeUndefined();
    expect(totalHits(api)).toBe(1);
  });

  it('says NOT_LINKED, asks nobody, and returns empty lists for a child education does not know', async () => {
    const result = await run([[]], everything);
    expect(result.errors).toBeUndefined();
    expect(result.data?._educationChildren[0]).toMatchObject({
      education: null,
      educationSource: { state: 'NOT_LINKED', asOf: null, reason: null },
      educationChronology: [],
      educationTeam: [],
    });
    expect(totalHits(api)).toBe(0);
  });

  it.each([
    ['a failing system', ['500'], 'UNAVAILABLE', 'UPSTREAM_HTTP_500', 'UPSTREAM_UNAVAILABLE'],
    ['a slow system', ['slow'], 'TIMED_OUT', 'UPSTREAM_TIMEOUT', 'UPSTREAM_TIMEOUT'],
    ['a broken payload', ['bad'], 'UNAVAILABLE', 'UPSTREAM_BAD_PAYLOAD', 'UPSTREAM_BAD_PAYLOAD'],
  ] as const)(
    'fails only the education part for %s, and the source says why',
    async (_name, script, state, reason, code) => {
      api.script = [...script];
      const result = await run(
        [['P-100'], []],
        'educationPupilIds education { pupilIds } educationSource { state reason asOf }',
      );
      const [linked, unlinked] = result.data?._educationChildren ?? [];
      expect(linked).toEqual({
        educationPupilIds: ['P-100'],
        education: null,
        educationSource: { state, reason, asOf: '2026-11-25T09:00:00.000Z' },
      });
      expect(unlinked?.educationSource.state).toBe('NOT_LINKED');
      expect(result.errors).toHaveLength(1);
      const error = result.errors?.[0];
      expect(error?.path).toEqual(['_educationChildren', 0, 'education']);
      expect((error?.originalError as HubError).code).toBe(code);
      expect((error?.originalError as HubError).details).toEqual({ agency: 'EDUCATION', reason });
      expect(
        JSON.stringify({ message: error?.message, details: (error?.originalError as HubError).details }),
      ).not.toMatch(/P-100|127\.0\.0\.1/);
    },
  );

  it('declares a data category on every field that carries child data', () => {
    const schema = makeSchema();
    const childTypes = [
      'EducationSection',
      'EducationEnrolment',
      'EducationTermAttendance',
      'EducationExclusion',
      'EhcNeedsAssessment',
      'EhcpAnnualReview',
      'PersonalEducationPlan',
    ];
    for (const typeName of childTypes) {
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const category = field.astNode?.directives?.find((d) => d.name.value === 'category');
        expect(category, `${typeName}.${field.name}`).toBeDefined();
      }
    }
    const child = schema.getType('Child') as GraphQLObjectType;
    const categoryOf = (name: string) =>
      child.getFields()[name]?.astNode?.directives?.find((d) => d.name.value === 'category');
    expect(categoryOf('education')).toBeDefined();
    expect(categoryOf('educationTeam')).toBeDefined();
  });
});
