/**
 * The views subschema stitched into the real gateway (access control included) beside a fake identity subschema,
 * over records handed in directly: what each role sees, what a seal hides, what the audit records, and how many
 * reads a request costs.
 */
import { execute, parse, validate, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { JoinedChildRecord } from '../../jobs/rules/joined-record.js';
import { rulesDefaults } from '../../jobs/rules/rules-config.js';
import { joinedRecord } from '../../jobs/rules/testing/joined-record-builder.js';
import { createWorkingDayCalendar } from '../../jobs/rules/time/working-days.js';
import type { TrackerFinding } from '../../jobs/views/index.js';
import {
  careEpisode,
  condition,
  ehc,
  lacReview,
  placement,
  placementReferral,
  ssd,
} from '../../jobs/views/testing/records.js';
import type { HubError } from '../../platform/errors.js';
import type { DataCategory } from '../../schema/data-categories.js';
import type { AccessDecider, ChildAccess } from '../access/child-access.js';
import { testGatewayContext, unrestrictedTestCaller } from '../access/testing.js';
import { emptyHealthRecords } from '../../jobs/rules/testing/joined-record-builder.js';
import { stitchGateway } from '../stitch.js';
import { fakeIdentityConnector } from '../testing/fake-connectors.js';
import type { ViewSources } from './view-sources.js';
import { buildViewsSchema, reconciliationViewsMerge } from './views-schema.js';

const now = new Date('2026-06-01T12:00:00.000Z');

function waitingChild(id: string): JoinedChildRecord {
  return joinedRecord({
    child: { id },
    socialCare: {
      careEpisodes: [careEpisode('2026-01-05')],
      lookedAfterReviews: [lacReview('LR1', '2026-01-26')],
      carePlans: [
        {
          id: `${id}-CP`,
          startDate: ssd('2026-01-06'),
          endDate: null,
          permanencePlan: null,
          lastReviewedDate: null,
          health: null,
        },
      ],
      healthAssessments: [{ id: `${id}-IHA`, type: 'IHA', date: ssd('2026-01-15'), status: 'COMPLETED' }],
      placements: [
        placement(`${id}-PL`, '2026-01-05', {
          interim: true,
          awaitingLongTermPlacement: true,
          lastPanelReviewDate: ssd('2026-05-01'),
        }),
      ],
      placementReferrals: [
        placementReferral(`${id}-RF`, '2026-01-04', {
          diagnoses: [],
          risks: [],
          resultingPlacementId: `${id}-PL`,
        }),
      ],
    },
    health: {
      ...emptyHealthRecords(),
      conditions: [condition(`${id}-C1`, 'Asthma', { onset: '2020-02-01' })],
    } as never,
    education: { ehcNeedsAssessments: [ehc({ id: `${id}-EHC`, requestDate: '2026-05-01' })] },
  });
}

const records = new Map<string, JoinedChildRecord>([
  ['c1', waitingChild('c1')],
  ['c2', waitingChild('c2')],
  ['c3', joinedRecord({ child: { id: 'c3' }, socialCare: 'UNAVAILABLE' })],
  ['c4', joinedRecord({ child: { id: 'c4' } })],
]);

function sources(findings: Record<string, TrackerFinding[]> = {}) {
  const calls = { readRecords: [] as string[][], referralLookups: 0 };
  const value: ViewSources = {
    readRecords: async (ids) => {
      calls.readRecords.push([...ids]);
      return ids.map((id) => records.get(id) ?? null);
    },
    openFindings: async (ids) => new Map(ids.map((id) => [id, findings[id] ?? []])),
    ownerPeople: async (ids) => new Map(ids.map((id) => [id, { SOCIAL_WORKER: `sw.${id}@council.example` }])),
    childrenWithReferralFinding: async (referralId, among) => {
      calls.referralLookups += 1;
      return referralId === 'c2-RF' && among.includes('c2') ? ['c2'] : [];
    },
  };
  return { value, calls };
}

/** c1..c9 are the caller's; c2 is sealed; c50 is nobody's. */
const decider: AccessDecider = {
  decide: async (_caller, ids) =>
    new Map(
      ids.map((id): [string, ChildAccess] => {
        const allowed = Number(id.slice(1)) < 10;
        return [
          id,
          {
            childId: id,
            allowed,
            basis: allowed ? 'RELATIONSHIP' : 'NONE',
            grantId: null,
            sealedReason: id === 'c2' ? 'ADOPTION' : null,
          },
        ];
      }),
    ),
  reachableChildIds: async () => ['c1', 'c2', 'c3', 'c4'],
};

async function run(
  query: string,
  categories: readonly DataCategory[],
  findings: Record<string, TrackerFinding[]> = {},
) {
  const { value, calls } = sources(findings);
  const views = {
    name: 'reconciliation-views',
    schema: buildViewsSchema(value, {
      now: () => now,
      calendar: createWorkingDayCalendar(),
      config: rulesDefaults,
    }),
    merge: reconciliationViewsMerge,
    ping: async () => undefined,
    close: async () => undefined,
  };
  const identity = fakeIdentityConnector(
    ['c1', 'c2', 'c3', 'c4', 'c50'].map((id) => ({ id, nhsNumber: null, upn: null })),
  );
  const schema = stitchGateway([identity, views]);
  const caller = unrestrictedTestCaller({
    role: 'SOCIAL_WORKER',
    categories: new Set(categories),
    activities: new Set(),
  });
  const context = testGatewayContext({ caller, decider });
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(invalid.map((error) => error.message).join('; '));
  const result = (await execute({ schema, document, contextValue: context })) as ExecutionResult<
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    Record<string, any>
  >;
  return { result, calls, events: context.access.auditEvents(now) };
}

const codes = (result: ExecutionResult) =>
  result.errors?.map((error) => (error.originalError as HubError | undefined)?.code ?? error.message) ?? [];

const everything: DataCategory[] = [
  'IDENTITY',
  'SOCIAL_CARE',
  'LOOKED_AFTER',
  'PLACEMENT',
  'HEALTH',
  'SEND',
  'EDUCATION',
  'EXPLOITATION_RISK',
  'MENTAL_HEALTH',
  'ADULT_SERVICES',
];

describe('Child.plans', () => {
  const query = `{ children(ids: ["c1", "c3"]) { id plans { items { kind category status owner { role person } nextDue { date overdue rule source { kind citation } } } notRead { agency state reason } } } }`;

  it('lists every current plan across agencies in one list, reading all the children asked for at once', async () => {
    const { result, calls } = await run(query, everything);
    expect(codes(result)).toEqual([]);
    const [c1, c3] = result.data!.children;
    // Overdue first (the first looked-after review fell due 20 working days after 5 January), then by due date.
    expect(c1.plans.items.map((item: { kind: string }) => item.kind)).toEqual([
      'CARE_PLAN',
      'EHC_PLAN',
      'INITIAL_HEALTH_ASSESSMENT',
    ]);
    expect(c1.plans.items.find((item: { kind: string }) => item.kind === 'CARE_PLAN')).toMatchObject({
      category: 'LOOKED_AFTER',
      owner: { role: 'SOCIAL_WORKER', person: 'sw.c1@council.example' },
      nextDue: { date: '2026-04-26', overdue: true, rule: 'LAC_REVIEW_LATE', source: { kind: 'LAW' } },
    });
    expect(c1.plans.notRead).toEqual([]);
    expect(c3.plans).toEqual({
      items: [],
      notRead: [{ agency: 'SOCIAL_CARE', state: 'UNAVAILABLE', reason: 'UPSTREAM_UNAVAILABLE' }],
    });
    expect(calls.readRecords).toEqual([['c1', 'c3']]);
  });

  it('shows a role only the items of the categories it may see, and audits each released category', async () => {
    const { result, events } = await run(query.replace('"c1", "c3"', '"c1"'), ['IDENTITY', 'HEALTH']);
    expect(codes(result)).toEqual([]);
    const items = result.data?.children[0].plans.items as Array<{ kind: string; category: string }>;
    expect(items.map((item) => [item.kind, item.category])).toEqual([
      ['INITIAL_HEALTH_ASSESSMENT', 'HEALTH'],
    ]);
    expect(events).toEqual([
      expect.objectContaining({ childId: 'c1', outcome: 'ALLOWED', categories: ['HEALTH'] }),
    ]);
    expect(events[0]?.fields).toEqual(
      expect.arrayContaining(['PlanItemHealth.kind', 'PlanItemHealth.nextDue']),
    );
  });

  it('hides a sealed child’s placement plan (PLACEMENT) without the seal override', async () => {
    const { result } = await run(`{ child(id: "c2") { plans { items { kind } } } }`, everything);
    const kinds = (result.data?.child.plans.items as Array<{ kind: string }>).map((item) => item.kind);
    expect(kinds).toContain('CARE_PLAN');
    expect(kinds).not.toContain('PLACEMENT_PLAN');
  });
});

describe('Child.referralAudits', () => {
  it('groups omissions by category, each released only to roles that may see it', async () => {
    const query = `{ child(id: "c1") { referralAudits { referralId assessment { problem } omittedHealth { what knownAtReferral } omittedSend { kind } } } }`;
    const all = await run(query, everything);
    expect(all.result.data?.child.referralAudits).toEqual([
      {
        referralId: 'c1-RF',
        assessment: { problem: 'NO_ASSESSMENT' },
        omittedHealth: [{ what: 'Asthma', knownAtReferral: true }],
        omittedSend: [],
      },
    ]);
    const placementOnly = await run(query, ['IDENTITY', 'PLACEMENT']);
    expect(placementOnly.result.data?.child.referralAudits[0]).toMatchObject({
      referralId: 'c1-RF',
      omittedHealth: null,
    });
    expect(codes(placementOnly.result)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const noPlacement = await run(query, ['IDENTITY', 'HEALTH']);
    expect(noPlacement.result.data?.child.referralAudits).toBeNull();
  });
});

describe('Query.placementTracker', () => {
  const query = `{ placementTracker(minDaysWaiting: 100) { entries { child { id } daysWaiting overThreshold lastPanelReviewDate placement { id } openFindings { rule severity category } } undecided { id } } }`;
  const findings: Record<string, TrackerFinding[]> = {
    c1: [
      {
        id: '1',
        rule: 'LONG_WAIT_FOR_PLACEMENT',
        severity: 'high',
        category: 'PLACEMENT',
        status: 'OPEN',
        dueDate: '2026-04-05',
      },
      { id: '2', rule: 'RHA_OVERDUE', severity: 'medium', category: 'HEALTH', status: 'OPEN', dueDate: null },
    ],
  };

  it('lists the caller’s waiting children (not a sealed one), with only the findings they may see, and audits them', async () => {
    const { result, events } = await run(query, ['IDENTITY', 'PLACEMENT'], findings);
    expect(codes(result)).toEqual([]);
    expect(result.data?.placementTracker).toEqual({
      entries: [
        {
          child: { id: 'c1' },
          daysWaiting: 147,
          overThreshold: true,
          lastPanelReviewDate: '2026-05-01',
          placement: { id: 'c1-PL' },
          openFindings: [{ rule: 'LONG_WAIT_FOR_PLACEMENT', severity: 'HIGH', category: 'PLACEMENT' }],
        },
      ],
      undecided: [{ id: 'c3' }],
    });
    const c1 = events.find((event) => event.childId === 'c1');
    expect(c1).toMatchObject({ outcome: 'ALLOWED', categories: ['PLACEMENT'] });
    const withHealth = await run(query, ['IDENTITY', 'PLACEMENT', 'HEALTH'], findings);
    expect(withHealth.result.data?.placementTracker.entries[0].openFindings).toHaveLength(2);
    expect(withHealth.events.find((event) => event.childId === 'c1')?.categories).toEqual([
      'HEALTH',
      'PLACEMENT',
    ]);
    const notAsked = await run(
      query.replace(' openFindings { rule severity category }', ''),
      ['IDENTITY', 'PLACEMENT', 'HEALTH'],
      findings,
    );
    expect(notAsked.events.find((event) => event.childId === 'c1')?.categories).toEqual(['PLACEMENT']);
    expect(c1?.fields).toEqual(
      expect.arrayContaining(['PlacementTrackerEntry.daysWaiting', 'PlacementTrackerEntry.openFindings']),
    );
    expect(events.map((event) => event.childId)).not.toContain('c4');
  });

  it('leaves out children who have waited less than asked', async () => {
    const { result } = await run(query.replace('100', '148'), ['IDENTITY', 'PLACEMENT'], findings);
    expect(result.data?.placementTracker.entries).toEqual([]);
  });

  it('refuses a negative wait without echoing it', async () => {
    const { result } = await run(query.replace('100', '-5'), ['IDENTITY', 'PLACEMENT']);
    expect(result.errors?.map((error) => error.message)).toEqual([
      '`minDaysWaiting` must be a whole number from 0 to 3650.',
    ]);
    expect(JSON.stringify(result.errors)).not.toContain('-5');
  });

  it('refuses to read more children than the bound, rather than answer for some of them', async () => {
    const many = {
      ...decider,
      reachableChildIds: async (_: unknown, limit: number) =>
        Array.from({ length: limit }, (_, i) => `c${i}`),
    };
    const { value, calls } = sources();
    const schema = buildViewsSchema(value, {
      now: () => now,
      calendar: createWorkingDayCalendar(),
      config: rulesDefaults,
    });
    const context = testGatewayContext({ decider: many as AccessDecider });
    const result = await execute({
      schema,
      document: parse('{ placementTracker { entries { daysWaiting } } }'),
      contextValue: context,
    });
    expect(result.errors?.[0]?.message).toMatch(/at most 2000 children/);
    expect(calls.readRecords).toEqual([]);
  });

  it('answers only through the gateway', async () => {
    const { value } = sources();
    const schema = buildViewsSchema(value, {
      now: () => now,
      calendar: createWorkingDayCalendar(),
      config: rulesDefaults,
    });
    const result = await execute({
      schema,
      document: parse('{ placementTracker { entries { daysWaiting } } }'),
      contextValue: {},
    });
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });
});

describe('Query.referralAudit', () => {
  const query = (id: string) =>
    `{ referralAudit(referralId: "${id}") { referralId child { id } omittedHealth { what } } }`;

  it('finds the referral among the caller’s children and binds its fields to that child', async () => {
    const { result, events, calls } = await run(query('c1-RF'), everything);
    expect(result.data?.referralAudit).toEqual({
      referralId: 'c1-RF',
      child: { id: 'c1' },
      omittedHealth: [{ what: 'Asthma' }],
    });
    expect(events.find((event) => event.childId === 'c1')).toMatchObject({
      categories: ['HEALTH', 'PLACEMENT'],
    });
    expect(calls.readRecords).toEqual([['c1', 'c2', 'c3', 'c4']]);
  });

  it('says NOT_FOUND alike for an unknown referral and a sealed child’s, found through its finding', async () => {
    const unknown = await run(query('nope'), everything);
    const sealed = await run(query('c2-RF'), everything);
    expect(unknown.result.errors?.[0]?.message).toBe('No such placement referral.');
    expect(sealed.result.errors?.[0]?.message).toBe('No such placement referral.');
    expect(sealed.calls.readRecords).toEqual([['c2']]);
  });
});
