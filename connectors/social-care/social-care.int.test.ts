/**
 * The social care connector against the real simulator (PostgreSQL behind its fault proxy, started here on free
 * ports in its own schema and role), stitched with a tiny identity subschema through the gateway's own
 * stitchGateway: what a caller of the hub would see.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, parse, type ExecutionResult } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// Test only: the connector is checked through the real gateway stitching, against the real simulator.
import { testGatewayContext } from '../../gateway/access/testing.js';
import { stitchGateway } from '../../gateway/stitch.js';
import { FaultController } from '../../simulators/kit/faults.js';
import { WebhookSender } from '../../simulators/kit/webhooks.js';
import {
  startSocialCareSimulator,
  type SocialCareSimulator,
} from '../../simulators/social-care/simulator.js';
import { testDatabaseUrl, uniqueName } from '../../simulators/social-care/test-support/pg-test-env.js';
import type { Connector, ConnectorDeps } from '../connector.js';
import { parseConfig } from '../../platform/config.js';
import { isHubError, type HubError } from '../../platform/errors.js';
import { createLogger } from '../../platform/logger.js';
import type { Redis } from '../../platform/redis.js';
import { sharedTypeDefs } from '../../schema/shared-sdl.js';
import type { Db } from '../../store/db.js';
import socialCareConnector from './index.js';
import {
  coresidentPersonId,
  fixtureEmail,
  fixturePersonId,
  fixtureUnitId,
  simulatorPopulation,
} from './test-fixtures/simulator-fixture.js';

const syntheticRecords = 120;
const population = simulatorPopulation(syntheticRecords);
const pagePersonIds = population.socialCare.slice(0, 100).map((record) => record.personId);
let simulator: SocialCareSimulator;
let connector: Connector;

beforeAll(async () => {
  simulator = await startSocialCareSimulator({
    population,
    database: {
      kind: 'postgres',
      url: testDatabaseUrl,
      schema: uniqueName('ssd_connector_test'),
      readerRole: uniqueName('ssd_connector_reader'),
      dropSchemaOnClose: true,
    },
    webhooks: new WebhookSender({ url: null, secret: 'social-care-connector-int-test' }),
    faults: new FaultController({}, () => 0),
  });
});
afterAll(() => simulator.close());

beforeEach(async () => {
  await admin('POST', '/admin/faults/reset');
  // A cleared `down` fault listens again within ~50 ms.
  await new Promise((resolve) => setTimeout(resolve, 100));
  connector = await makeConnector();
  await admin('POST', '/admin/counters/reset');
});
afterEach(() => connector.close());

async function admin(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${simulator.adminUrl}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return response.json();
}

async function queryCounts(): Promise<Record<string, number>> {
  const { counts } = (await admin('GET', '/admin/counters')) as { counts: Record<string, number> };
  return counts;
}

async function makeConnector(env: Record<string, string> = {}): Promise<Connector> {
  const { socialCare } = parseConfig(
    { socialCare: socialCareConnector.configSection },
    {
      SOCIAL_CARE_DATABASE_URL: simulator.connectionString,
      SOCIAL_CARE_SCHEMA: simulator.schema,
      // Generous, so a busy test machine never times out a healthy read; fault tests shorten it.
      SOCIAL_CARE_TIMEOUT_MS: '5000',
      SOCIAL_CARE_RETRIES: '0',
      SOCIAL_CARE_BREAKER_THRESHOLD: '100',
      ...env,
    },
  );
  const deps: ConnectorDeps = {
    logger: createLogger({ service: 'social-care-int-test', level: 'silent' }),
    // Neither is used: this connector caches nothing and keeps no state of its own.
    redis: {} as Redis,
    db: {} as Db,
    cacheKey: (...parts) => parts.join(':'),
    now: () => new Date('2025-06-30T12:00:00.000Z'),
  };
  return socialCareConnector.create(socialCare, deps);
}

/** A tiny identity subschema: children linked to SSD person ids as the identity index would link them. */
function identityConnector(links: Record<string, string[]>): Connector {
  const child = (id: string) => (id in links ? { id, socialCarePersonIds: links[id] } : null);
  const byPersonId = (personId: string) =>
    child(Object.keys(links).find((id) => links[id]?.includes(personId)) ?? '');
  return {
    name: 'identity',
    schema: makeExecutableSchema({
      typeDefs: /* GraphQL */ `
        ${sharedTypeDefs}
        type Child {
          id: ID!
          socialCarePersonIds: [ID!]!
        }
        type Query {
          child(id: ID!): Child
          children(ids: [ID!]!): [Child]!
          _childrenByIds(ids: [ID!]!): [Child]!
          _childrenBySocialCarePersonIds(ids: [ID!]!): [Child]!
        }
      `,
      resolvers: {
        Query: {
          child: (_: unknown, { id }: { id: string }) => child(id),
          children: (_: unknown, { ids }: { ids: string[] }) => ids.map(child),
          _childrenByIds: (_: unknown, { ids }: { ids: string[] }) => ids.map(child),
          _childrenBySocialCarePersonIds: (_: unknown, { ids }: { ids: string[] }) => ids.map(byPersonId),
        },
      },
    }),
    merge: {
      Child: {
        entryPoints: [
          {
            selectionSet: '{ id }',
            fieldName: '_childrenByIds',
            key: ({ id }: { id: string }) => id,
            argsFromKeys: (ids: readonly string[]) => ({ ids }),
          },
          {
            selectionSet: '{ socialCarePersonIds }',
            fieldName: '_childrenBySocialCarePersonIds',
            key: ({ socialCarePersonIds }: { socialCarePersonIds: string[] }) => socialCarePersonIds[0],
            argsFromKeys: (ids: readonly string[]) => ({ ids }),
          },
        ],
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
  fixture: [fixturePersonId],
  coresident: [coresidentPersonId],
  unknown: [],
  gone: ['P-NOT-THERE'],
  ...Object.fromEntries(pagePersonIds.map((personId, i) => [`c${i}`, [personId]])),
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

const fullSection = `
  personIds sealedReason sendFlag disabilities
  status { lookedAfter childInNeed childProtectionPlan legalStatus careLeaver }
  referrals { id date primaryNeed noFurtherAction closedDate }
  assessments { id referralId startDate childSeen authorisedDate factors }
  childInNeedPlans { id startDate endDate }
  visits { id kind date childSeen }
  s47Enquiries { id strategyDiscussionDate endDate noFurtherAction outcomes }
  initialConferences { id s47EnquiryId targetDate date resultedInPlan cpPlanId }
  childProtectionPlans { id startDate endDate initialCategory latestCategory }
  childProtectionReviews { id cpPlanId date participation }
  careEpisodes { id periodOfCareId startDate startReason legalStatus ceasedDate ceasedReason }
  legalStatuses { code startDate endDate }
  placements {
    id type urn provider postcode startDate endDate changeReason longTerm interim intendedEndDate
    awaitingLongTermPlacement lastPanelReviewDate residentialUnit { id name urn capacity }
  }
  currentPlacement { id }
  lookedAfterReviews { id periodOfCareId dueDate date participation }
  healthAssessments { id type date status }
  carePlans { id permanencePlan lastReviewedDate health { gpName gpPracticeCode conditions medications allergies } }
  placementPlans { id placementId date }
  missingEpisodes { id type startDate endDate returnInterviewOffered returnInterviewAccepted returnInterviewDate reviewRequested }
  careLeaver { eligibility needsAssessmentDate pathwayPlanDate personalAdviser { name role organisation } }
  placementReferrals { id assessmentId assessmentAuthorisedDate risks diagnoses medications ehcpStatus missingHistory resultingPlacementId }
  placementAssessments { id kind risksConsidered addressesExistingResidents }
  meetings { id type statutory purpose requiredAttendees actualAttendees minutesRecipients updatedRiskAssessment }
  placementNotifications { recipient date }
  coresidentNotifications { aboutPersonId residentialUnitId notified { name role } }
`;

describe('social care connector against the simulator, through the stitched gateway', () => {
  it('answers the full section, chronology, team and source for a fixture child', async () => {
    const result = await query(`{
      child(id: "fixture") {
        id
        socialCare { ${fullSection} }
        sources { agency state asOf reason }
        chronology { kind category }
        teamAroundTheChild { role name organisation since }
      }
    }`);
    expect(result.errors).toBeUndefined();
    const child = result.data?.child;
    expect(child.sources).toEqual([
      { agency: 'SOCIAL_CARE', state: 'OK', asOf: '2025-06-30T12:00:00.000Z', reason: null },
    ]);
    const section = child.socialCare;
    expect(section).toMatchObject({
      personIds: [fixturePersonId],
      sealedReason: null,
      sendFlag: true,
      disabilities: ['AUT', 'LD'],
      status: {
        lookedAfter: true,
        childInNeed: true,
        childProtectionPlan: false,
        legalStatus: 'C2',
        careLeaver: true,
      },
      referrals: [
        {
          id: 'FX-REF1',
          date: '2023-01-10T09:00:00.000Z',
          primaryNeed: 'N1',
          noFurtherAction: false,
          closedDate: null,
        },
      ],
      assessments: [
        {
          id: 'FX-ASM1',
          referralId: 'FX-REF1',
          startDate: '2023-01-12T10:00:00.000Z',
          childSeen: true,
          authorisedDate: '2023-02-20T16:00:00.000Z',
          factors: ['11A', '24A', '10A'],
        },
      ],
      childInNeedPlans: [{ id: 'FX-REF1-CINP', startDate: '2023-01-20T11:00:00.000Z', endDate: null }],
      visits: [
        { id: 'FX-VIS1', kind: 'CHILD_IN_NEED', date: '2023-01-20T11:00:00.000Z', childSeen: true },
        { id: 'FX-CPV1', kind: 'CHILD_PROTECTION', date: '2023-02-10T11:00:00.000Z', childSeen: false },
        { id: 'FX-CLAV1', kind: 'LOOKED_AFTER', date: '2023-06-05T11:00:00.000Z', childSeen: true },
      ],
      s47Enquiries: [
        {
          id: 'FX-S47',
          strategyDiscussionDate: '2023-01-11T14:00:00.000Z',
          endDate: '2023-01-25T12:00:00.000Z',
          noFurtherAction: false,
          outcomes: ['CP_CONFERENCE'],
        },
      ],
      initialConferences: [
        {
          id: 'FX-ICPC',
          s47EnquiryId: 'FX-S47',
          targetDate: '2023-02-01T00:00:00.000Z',
          date: '2023-01-30T10:00:00.000Z',
          resultedInPlan: true,
          cpPlanId: 'FX-CPP',
        },
      ],
      childProtectionPlans: [
        {
          id: 'FX-CPP',
          startDate: '2023-01-30T10:00:00.000Z',
          endDate: '2023-06-01T00:00:00.000Z',
          initialCategory: 'NEG',
          latestCategory: 'NEG',
        },
      ],
      childProtectionReviews: [
        { id: 'FX-CPR1', cpPlanId: 'FX-CPP', date: '2023-04-28T10:00:00.000Z', participation: 'PN7' },
      ],
      careEpisodes: [
        {
          id: 'FX-EP1',
          periodOfCareId: 'FX-CLA1',
          startReason: 'S',
          legalStatus: 'C2',
          ceasedDate: '2024-01-15T12:00:00.000Z',
          ceasedReason: 'X1',
        },
        { id: 'FX-EP2', periodOfCareId: 'FX-CLA1', startReason: 'P', legalStatus: 'C2', ceasedDate: null },
      ],
      legalStatuses: [{ code: 'C2', startDate: '2023-06-01T12:00:00.000Z', endDate: null }],
      placements: [
        {
          id: 'FX-PL1',
          type: 'U4',
          postcode: 'LS7 3AB',
          endDate: '2024-01-15T12:00:00.000Z',
          changeReason: 'CARPL',
          longTerm: true,
          interim: false,
          residentialUnit: null,
        },
        {
          id: 'FX-PL2',
          type: 'K2',
          urn: 'SC999001',
          provider: 'PR4',
          postcode: 'LS2 9JT',
          startDate: '2024-01-15T12:00:00.000Z',
          endDate: null,
          longTerm: false,
          interim: true,
          intendedEndDate: '2024-04-15T12:00:00.000Z',
          awaitingLongTermPlacement: true,
          lastPanelReviewDate: '2024-03-01T10:00:00.000Z',
          residentialUnit: { id: fixtureUnitId, name: 'Fixture House', urn: 'SC999001', capacity: 3 },
        },
      ],
      currentPlacement: { id: 'FX-PL2' },
      lookedAfterReviews: [
        { id: 'FX-CLAR1', periodOfCareId: 'FX-CLA1', date: '2023-06-28T10:00:00.000Z', participation: 'PN1' },
      ],
      healthAssessments: [
        { id: 'FX-IHA', type: 'IHA', date: '2023-06-20T09:00:00.000Z', status: 'COMPLETED' },
        { id: 'FX-RHA', type: 'RHA', date: '2024-06-10T09:00:00.000Z', status: 'COMPLETED' },
      ],
      carePlans: [
        {
          id: 'FX-CP',
          permanencePlan: 'Long-term foster care',
          lastReviewedDate: '2024-02-01T00:00:00.000Z',
          health: {
            gpName: 'Dr Example',
            gpPracticeCode: 'B86001',
            conditions: ['asthma'],
            medications: ['salbutamol'],
            allergies: [],
          },
        },
      ],
      placementPlans: [{ id: 'FX-PL2-PP', placementId: 'FX-PL2', date: '2024-01-19T00:00:00.000Z' }],
      missingEpisodes: [
        {
          id: 'FX-MISS1',
          type: 'M',
          startDate: '2024-02-10T22:00:00.000Z',
          endDate: '2024-02-11T08:00:00.000Z',
          returnInterviewOffered: true,
          returnInterviewAccepted: true,
          returnInterviewDate: '2024-02-13T15:00:00.000Z',
          reviewRequested: false,
        },
      ],
      careLeaver: {
        eligibility: 'Eligible',
        needsAssessmentDate: '2025-04-01T00:00:00.000Z',
        pathwayPlanDate: null,
        personalAdviser: { name: 'Pat Adviser', role: 'PERSONAL_ADVISER', organisation: 'Leaving Care Team' },
      },
      placementReferrals: [
        {
          id: 'FX-PL2-REF',
          assessmentId: 'FX-ASM1',
          assessmentAuthorisedDate: '2023-02-20T16:00:00.000Z',
          risks: ['missing episodes'],
          diagnoses: ['ADHD'],
          medications: ['methylphenidate'],
          ehcpStatus: 'REQUESTED',
          missingHistory: true,
          resultingPlacementId: 'FX-PL2',
        },
      ],
      placementAssessments: [
        {
          id: 'FX-PL2-MA',
          kind: 'IMPACT_ON_RESIDENTS',
          risksConsidered: ['peer exploitation'],
          addressesExistingResidents: false,
        },
      ],
      meetings: [
        {
          id: 'FX-PL2-MTG',
          type: null,
          statutory: null,
          purpose: 'Agree the placement plan',
          requiredAttendees: null,
          actualAttendees: ['SOCIAL_WORKER', 'CARER'],
          minutesRecipients: null,
          updatedRiskAssessment: false,
        },
      ],
      placementNotifications: [{ recipient: 'GP', date: '2024-01-18T09:00:00.000Z' }],
      coresidentNotifications: [
        {
          aboutPersonId: coresidentPersonId,
          residentialUnitId: fixtureUnitId,
          notified: { name: 'Sasha Other', role: 'SOCIAL_WORKER' },
        },
      ],
    });
    expect(child.chronology.map((event: { kind: string }) => event.kind)).toEqual([
      'REFERRAL',
      'STRATEGY_DISCUSSION',
      'ASSESSMENT_STARTED',
      'VISIT',
      'CP_PLAN_STARTED',
      'ICPC',
      'VISIT',
      'ASSESSMENT_AUTHORISED',
      'CP_PLAN_ENDED',
      'BECAME_LOOKED_AFTER',
      'PLACEMENT_STARTED',
      'VISIT',
      'HEALTH_ASSESSMENT',
      'LAC_REVIEW',
      'PLACEMENT_REFERRAL',
      'PLACEMENT_ENDED',
      'PLACEMENT_STARTED',
      'MEETING',
      'MISSING_EPISODE',
      'RETURN_INTERVIEW',
      'HEALTH_ASSESSMENT',
    ]);
    expect(child.chronology.find((e: { kind: string }) => e.kind === 'MISSING_EPISODE').category).toBe(
      'EXPLOITATION_RISK',
    );
    expect(child.teamAroundTheChild).toEqual([
      {
        role: 'SOCIAL_WORKER',
        name: 'Sam Worker',
        organisation: 'Children Looked After Team 1',
        since: '2023-06-01',
      },
      {
        role: 'TEAM_MANAGER',
        name: 'Tara Manager',
        organisation: 'Children Looked After Team 1',
        since: '2023-06-02',
      },
      {
        role: 'IRO',
        name: 'Ira Reviewer',
        organisation: 'Independent Reviewing Service',
        since: '2023-06-03',
      },
      {
        role: 'PERSONAL_ADVISER',
        name: 'Pat Adviser',
        organisation: 'Leaving Care Team',
        since: '2025-03-14',
      },
    ]);
  });

  it('says NOT_LINKED for a child social care does not know, and RECORD_NOT_FOUND for an id it no longer holds', async () => {
    const result = await query(`{
      unknown: child(id: "unknown") { socialCare { personIds } sources { state reason } }
      gone: child(id: "gone") { socialCare { personIds } sources { state reason } }
      coresident: child(id: "coresident") { socialCare { sealedReason status { lookedAfter legalStatus } } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.unknown).toEqual({
      socialCare: null,
      sources: [{ state: 'NOT_LINKED', reason: null }],
    });
    expect(result.data?.gone).toEqual({
      socialCare: null,
      sources: [{ state: 'NOT_LINKED', reason: 'RECORD_NOT_FOUND' }],
    });
    expect(result.data?.coresident.socialCare).toEqual({
      sealedReason: 'RESTRICTED_ADDRESS',
      status: { lookedAfter: true, legalStatus: 'V2' },
    });
  });

  it('reads a page of 100 children with exactly ONE query per table', async () => {
    const ids = pagePersonIds.map((_, i) => `c${i}`);
    const result = await query(
      `query ($ids: [ID!]!) { children(ids: $ids) {
        id socialCare { ${fullSection} } socialCareSource { state } teamAroundTheChild { role } chronology { kind }
      } }`,
      { ids },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.children).toHaveLength(100);
    expect(result.data?.children[42].socialCare.personIds).toEqual([pagePersonIds[42]]);
    const counts = await queryCounts();
    expect(Object.values(counts).every((count) => count === 1)).toBe(true);
    // Every table the section is read from: 31 by person id, plus factors, reviews, professionals, units.
    expect(Object.keys(counts).sort()).toEqual(
      expect.arrayContaining([
        'ssd_cla_reviews',
        'ssd_assessment_factors',
        'ssd_professionals',
        'ssdx_residential_unit',
      ]),
    );
    expect(Object.keys(counts)).toHaveLength(35);
  });

  it('lists a home’s residents as children the gateway completes from identity', async () => {
    const result = await query(`{
      residentialUnit(id: "${fixtureUnitId}") {
        name postcode
        residents { id socialCarePersonIds socialCare { currentPlacement { id } } }
      }
      earlier: residentialUnit(id: "${fixtureUnitId}") { residents(at: "2023-12-01T00:00:00Z") { id } }
      residentialUnits { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.residentialUnit).toEqual({
      name: 'Fixture House',
      postcode: 'LS2 9JT',
      residents: [
        {
          id: 'coresident',
          socialCarePersonIds: [coresidentPersonId],
          socialCare: { currentPlacement: { id: 'FX2-PL1' } },
        },
        {
          id: 'fixture',
          socialCarePersonIds: [fixturePersonId],
          socialCare: { currentPlacement: { id: 'FX-PL2' } },
        },
      ],
    });
    expect(result.data?.earlier.residents).toEqual([{ id: 'coresident' }]);
    expect(result.data?.residentialUnits.map((unit: { id: string }) => unit.id)).toContain(fixtureUnitId);
  });

  it.each([
    ['down', { down: true }, 'UNAVAILABLE', 'UPSTREAM_CONNECTION_FAILED'],
    ['error', { errorRate: 1 }, 'UNAVAILABLE', 'UPSTREAM_SQLSTATE_58000'],
    ['slow', { latencyMs: 1500 }, 'TIMED_OUT', 'UPSTREAM_TIMEOUT'],
    ['timeout', { timeoutRate: 1 }, 'TIMED_OUT', 'UPSTREAM_TIMEOUT'],
    ['malformed', { malformedRate: 1 }, 'UNAVAILABLE', 'UPSTREAM_BAD_PAYLOAD'],
  ])(
    '%s: the section is null, one error names the agency and no one, the source says why',
    async (_mode, faults, state, reason) => {
      await connector.close();
      connector = await makeConnector({ SOCIAL_CARE_TIMEOUT_MS: '400' });
      await admin('PUT', '/admin/faults', faults);
      const result = await query(`{
        child(id: "fixture") { id socialCarePersonIds socialCare { personIds status { lookedAfter } } sources { agency state reason } }
      }`);
      expect(result.data?.child).toEqual({
        id: 'fixture',
        socialCarePersonIds: [fixturePersonId],
        socialCare: null,
        sources: [{ agency: 'SOCIAL_CARE', state, reason }],
      });
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors ?? [];
      expect(error?.path).toEqual(['child', 'socialCare']);
      expect(error?.message).toBe(hubErrorIn(error)?.safeMessage);
      expect(hubErrorIn(error)?.details).toEqual({ agency: 'SOCIAL_CARE', reason });
      const visible = JSON.stringify({ ...error?.toJSON(), details: hubErrorIn(error)?.details });
      expect(visible).not.toMatch(/P-FIXTURE|Fixture|127\.0\.0\.1|ssd_|SELECT/);
    },
  );

  it('fails fast once the circuit is open, without querying, and says CIRCUIT_OPEN', async () => {
    await connector.close();
    connector = await makeConnector({ SOCIAL_CARE_BREAKER_THRESHOLD: '2' });
    await admin('PUT', '/admin/faults', { errorRate: 1 });
    await query(`{ child(id: "fixture") { socialCare { personIds } } }`);
    const before = (await admin('GET', '/admin/counters')) as { total: number };
    const result = await query(
      `{ child(id: "fixture") { socialCare { personIds } sources { state reason } } }`,
    );
    expect(result.data?.child.sources).toEqual([{ state: 'UNAVAILABLE', reason: 'CIRCUIT_OPEN' }]);
    expect(((await admin('GET', '/admin/counters')) as { total: number }).total).toBe(before.total);
  });

  it('pages through every person for the identity index', async () => {
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
    expect(seen).toHaveLength(syntheticRecords + 2);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await connector.personIndex!(null, 1000);
    expect(all.records.find((record) => record.localId === fixturePersonId)).toEqual({
      agency: 'social-care',
      localId: fixturePersonId,
      nhsNumber: '9990001006',
      upn: null,
      givenName: 'Fixture',
      familyName: 'Child',
      dateOfBirth: '2009-03-14',
      sex: 'F',
      postcode: 'LS6 1AA',
      sealedReason: null,
    });
    expect(all.records.find((record) => record.localId === coresidentPersonId)?.sealedReason).toBe(
      'RESTRICTED_ADDRESS',
    );
  });

  it('reads relationships naming each allocated professional by work e-mail, none for an unknown one', async () => {
    const relationships = await connector.relationships!([fixturePersonId, coresidentPersonId]);
    const byRecord = (localId: string) =>
      relationships
        .filter((relationship) => relationship.localId === localId)
        .sort((a, b) => a.kind.localeCompare(b.kind));
    expect(byRecord(fixturePersonId)).toEqual([
      {
        localId: fixturePersonId,
        kind: 'ALLOCATED_SOCIAL_WORKER',
        subject: { person: fixtureEmail('FX-SW') },
        since: '2023-06-01',
      },
      {
        localId: fixturePersonId,
        kind: 'IRO',
        subject: { person: fixtureEmail('FX-IRO') },
        since: '2023-06-03',
      },
      {
        localId: fixturePersonId,
        kind: 'PERSONAL_ADVISER',
        subject: { person: fixtureEmail('FX-PA') },
        since: '2025-03-14',
      },
      {
        localId: fixturePersonId,
        kind: 'TEAM_MANAGER',
        subject: { person: fixtureEmail('FX-TM') },
        since: '2023-06-02',
      },
    ]);
    // The co-resident's IRO is not in the council's workforce tables: no e-mail, so no relationship.
    expect(byRecord(coresidentPersonId)).toEqual([
      {
        localId: coresidentPersonId,
        kind: 'ALLOCATED_SOCIAL_WORKER',
        subject: { person: fixtureEmail('FX-SW2') },
        since: '2023-11-01',
      },
    ]);
    expect(relationships).toHaveLength(5);
    expect(await queryCounts()).toEqual({
      ssd_involvements: 1,
      ssd_care_leavers: 1,
      ssdx_professional_contact: 1,
    });
  });

  it('answers ping, and fails it when the database is down', async () => {
    await expect(connector.ping()).resolves.toBeUndefined();
    await admin('PUT', '/admin/faults', { down: true });
    await expect(connector.ping()).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});
