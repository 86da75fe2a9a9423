/**
 * The feeds subschema stitched into the real gateway schema (access control included) beside a fake identity
 * subschema, over feed tables filled directly: who may see a feed, what replaying and discarding change and
 * record, and what the landed data on the child shows to each role.
 */
import { execute, parse, validate, type ExecutionResult } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Enqueue } from '../../jobs/define-job.js';
import type { HubError } from '../../platform/errors.js';
import type { DataCategory } from '../../schema/data-categories.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import type { Caller } from '../auth/policy.js';
import type { Activity } from '../auth/vocabulary.js';
import type { AccessDecider, ChildAccess } from '../access/child-access.js';
import { testGatewayContext, unrestrictedTestCaller } from '../access/testing.js';
import { originalErrorOf } from '../format-error.js';
import { stitchGateway } from '../stitch.js';
import { fakeIdentityConnector } from '../testing/fake-connectors.js';
import { feedActionsOf } from './feed-actions.js';
import { feedOperations } from './feed-store.js';
import { feedsConnector } from './feeds-connector.js';
import { createFeedsSchema } from './feeds-schema.js';
import { aAndE, asthma, depression, landedGp } from './testing/landed-rows.js';
import { seedDeadLetter, seedFeed, seedGpResource, seedSchoolReturn } from './testing/seed-feeds.js';

let store: TestSchema;
let enqueued: Array<{ queue: string; jobs: Parameters<Enqueue>[1] }>;
/** When set, enqueueing fails (Redis down). */
let enqueueFails: boolean;
let letters: string[];
/** The child ids of each read of landed GP resources and school returns. */
let reads: { gp: string[][]; school: string[][] };
const now = new Date('2026-11-25T09:00:00.000Z');

beforeEach(async () => {
  store = await migratedSchema({ prefix: 't_feeds_gw' });
  enqueued = [];
  enqueueFails = false;
  reads = { gp: [], school: [] };
  await seedFeed(store.db, {
    id: 'feed_gp1',
    kind: 'GP_FHIR',
    submittedBy: 'svc-gp-a',
    sender: 'A81001',
    status: 'PROCESSED',
    receivedAt: '2026-11-20T09:00:00.000Z',
    processedAt: '2026-11-20T09:05:00.000Z',
    records: [
      { state: 'ACCEPTED', childId: 'child-1' },
      { state: 'ACCEPTED', childId: 'child-1' },
      { state: 'DUPLICATE', childId: 'child-1' },
      { state: 'REJECTED' },
      { state: 'REJECTED' },
      { state: 'REJECTED' },
    ],
  });
  await seedFeed(store.db, {
    id: 'feed_gp2',
    kind: 'GP_FHIR',
    submittedBy: 'svc-gp-a',
    sender: 'A81001',
    status: 'RECEIVING',
    receivedAt: '2026-11-21T09:00:00.000Z',
  });
  await seedFeed(store.db, {
    id: 'feed_school1',
    kind: 'SCHOOL_CSV',
    submittedBy: 'svc-school-b',
    sender: '100001',
    status: 'RECEIVED',
    receivedAt: '2026-11-22T09:00:00.000Z',
    records: [
      { state: 'ACCEPTED', position: 1 },
      { state: 'ACCEPTED', childId: 'child-1', position: 2 },
      { state: 'PENDING', position: 3 },
    ],
  });
  letters = [];
  for (const position of [3, 4, 5])
    letters.push(
      await seedDeadLetter(store.db, {
        feedId: 'feed_gp1',
        position,
        reason: position === 3 ? 'NHS_NUMBER_CHECKSUM' : 'MISSING_FIELD',
        detail: position === 3 ? 'subject.identifier' : 'code',
        createdAt: '2026-11-20T09:04:00.000Z',
      }),
    );
});
afterEach(async () => {
  await store.drop();
});

/** child-1 and child-2 are the caller's; child-2's record is sealed; child-9 is nobody's. */
const decider: AccessDecider = {
  decide: async (_caller, ids) =>
    new Map(
      ids.map((id): [string, ChildAccess] => {
        const allowed = id !== 'child-9';
        return [
          id,
          {
            childId: id,
            allowed,
            basis: allowed ? 'RELATIONSHIP' : 'NONE',
            grantId: null,
            sealedReason: id === 'child-2' ? 'ADOPTION' : null,
          },
        ];
      }),
    ),
  reachableChildIds: async () => ['child-1', 'child-2'],
};

function gateway() {
  const identity = fakeIdentityConnector(
    ['child-1', 'child-2', 'child-9'].map((id) => ({ id, nhsNumber: null, upn: null })),
  );
  return stitchGateway([
    identity,
    feedsConnector({
      db: store.db,
      now: () => now,
      enqueue: async (queue, jobs) => {
        if (enqueueFails) throw new Error('queue unavailable (test)');
        enqueued.push({ queue, jobs });
      },
      feeds: {
        ...feedOperations,
        gpFeedResourcesOf: (db, ids) => {
          reads.gp.push([...ids]);
          return feedOperations.gpFeedResourcesOf(db, ids);
        },
        schoolReturnsOf: (db, ids) => {
          reads.school.push([...ids]);
          return feedOperations.schoolReturnsOf(db, ids);
        },
      },
    }),
  ]);
}

const feedClient = (userId: string): Partial<Caller> => ({
  userId,
  role: 'FEED_CLIENT',
  organisation: 'A81001',
  purpose: 'DATA_FEED',
  activities: new Set<Activity>(['SUBMIT_FEED']),
  categories: new Set(),
});
const admin: Partial<Caller> = {
  userId: 'admin-1',
  role: 'ADMIN',
  organisation: '873',
  purpose: 'ADMINISTRATION',
  activities: new Set<Activity>(['MANAGE_ALERTS', 'MANAGE_FEEDS']),
  categories: new Set(),
};
const professional = (categories: DataCategory[], activities: Activity[] = []): Partial<Caller> => ({
  role: 'SOCIAL_WORKER',
  activities: new Set(activities),
  categories: new Set(categories),
});

async function run(query: string, caller: Partial<Caller>, variables?: Record<string, unknown>) {
  const schema = gateway();
  const document = parse(query);
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw new Error(invalid.map((error) => error.message).join('; '));
  const context = testGatewayContext({ caller: unrestrictedTestCaller(caller), decider });
  const result = (await execute({
    schema,
    document,
    contextValue: context,
    variableValues: variables,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  })) as ExecutionResult<Record<string, any>>;
  return { result, events: context.access.auditEvents(now) };
}

/** Each error's code as the gateway's error formatter finds it (under stitching's wrapping). */
const codes = (result: ExecutionResult) =>
  result.errors?.map((error) => (originalErrorOf(error) as HubError | undefined)?.code ?? error.message) ??
  [];

const statusQuery = `query($id: ID!, $first: Int, $after: String) {
  feed(id: $id) {
    id kind status sender receivedAt processedAt recordCount accepted duplicates rejected pending
    deadLetters(first: $first, after: $after) {
      nodes { id position reason detail status replay }
      endCursor hasNextPage
    }
  }
}`;

describe('feed(id)', () => {
  it('gives the submitting feed client its feed’s counts and dead letters, a page at a time', async () => {
    const { result } = await run(statusQuery, feedClient('svc-gp-a'), { id: 'feed_gp1', first: 2 });
    expect(codes(result)).toEqual([]);
    expect(result.data?.feed).toEqual({
      id: 'feed_gp1',
      kind: 'GP_FHIR',
      status: 'PROCESSED',
      sender: 'A81001',
      receivedAt: '2026-11-20T09:00:00.000Z',
      processedAt: '2026-11-20T09:05:00.000Z',
      recordCount: 6,
      accepted: 2,
      duplicates: 1,
      rejected: 3,
      pending: 0,
      deadLetters: {
        nodes: [
          {
            id: letters[0],
            position: 3,
            reason: 'NHS_NUMBER_CHECKSUM',
            detail: 'subject.identifier',
            status: 'OPEN',
            replay: 0,
          },
          { id: letters[1], position: 4, reason: 'MISSING_FIELD', detail: 'code', status: 'OPEN', replay: 0 },
        ],
        endCursor: letters[1],
        hasNextPage: true,
      },
    });
    const next = await run(statusQuery, feedClient('svc-gp-a'), {
      id: 'feed_gp1',
      first: 2,
      after: letters[1],
    });
    expect(next.result.data?.feed.deadLetters).toEqual({
      nodes: [expect.objectContaining({ id: letters[2], position: 5 })],
      endCursor: letters[2],
      hasNextPage: false,
    });
  });

  it('shows any feed to MANAGE_FEEDS', async () => {
    const { result } = await run(statusQuery, admin, { id: 'feed_school1' });
    expect(codes(result)).toEqual([]);
    // The CSV header (line 1) is not a data record.
    expect(result.data?.feed).toMatchObject({
      id: 'feed_school1',
      recordCount: 2,
      accepted: 1,
      pending: 1,
      rejected: 0,
    });
  });

  it('refuses another feed client the same way whether the feed exists or not, and audits the refusal', async () => {
    for (const id of ['feed_gp1', 'feed_nothing']) {
      const { result, events } = await run(statusQuery, feedClient('svc-school-b'), { id });
      expect(result.data?.feed).toBeNull();
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0]?.message).toBe('You are not allowed to see this feed.');
      expect(events).toEqual([
        expect.objectContaining({ childId: null, outcome: 'DENIED', reason: 'FEED_NOT_PERMITTED' }),
      ]);
    }
  });

  it('refuses a caller with neither feed activity, however much child data they see', async () => {
    const { result } = await run(statusQuery, professional(['IDENTITY', 'HEALTH']), { id: 'feed_gp1' });
    expect(result.data?.feed).toBeNull();
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });
});

describe('feeds', () => {
  const query = `query($status: FeedStatus, $first: Int, $after: String) {
    feeds(status: $status, first: $first, after: $after) { nodes { id status pending } endCursor hasNextPage }
  }`;

  it('lists a feed client’s own feeds, and every feed for MANAGE_FEEDS, newest first', async () => {
    const own = await run(query, feedClient('svc-gp-a'));
    expect(own.result.data?.feeds.nodes.map((feed: { id: string }) => feed.id)).toEqual([
      'feed_gp2',
      'feed_gp1',
    ]);
    const all = await run(query, admin, { first: 2 });
    expect(all.result.data?.feeds.nodes.map((feed: { id: string }) => feed.id)).toEqual([
      'feed_school1',
      'feed_gp2',
    ]);
    expect(all.result.data?.feeds.hasNextPage).toBe(true);
    const rest = await run(query, admin, { first: 2, after: all.result.data?.feeds.endCursor });
    expect(rest.result.data?.feeds).toEqual({
      nodes: [{ id: 'feed_gp1', status: 'PROCESSED', pending: 0 }],
      endCursor: expect.any(String),
      hasNextPage: false,
    });
    const received = await run(query, admin, { status: 'RECEIVED' });
    expect(received.result.data?.feeds.nodes).toEqual([
      { id: 'feed_school1', status: 'RECEIVED', pending: 1 },
    ]);
  });

  it('refuses a cursor it did not give', async () => {
    const { result } = await run(query, admin, { after: 'bm90IGEgY3Vyc29y' });
    expect(codes(result)).toEqual(['VALIDATION_FAILED']);
  });
});

describe('replayDeadLetter and discardDeadLetter', () => {
  const replay = `mutation($id: ID!, $record: String!) {
    replayDeadLetter(id: $id, correctedRecord: $record) { id status replay }
  }`;
  const discard = `mutation($id: ID!, $reason: String!) { discardDeadLetter(id: $id, reason: $reason) { id status } }`;
  const corrected = '{"resourceType":"Condition","id":"c-3"}';

  it('replays: flips the letter, puts the corrected record up for ingest, records who did it, enqueues ingest', async () => {
    const { result } = await run(replay, feedClient('svc-gp-a'), { id: letters[0], record: corrected });
    expect(codes(result)).toEqual([]);
    expect(result.data?.replayDeadLetter).toEqual({ id: letters[0], status: 'REPLAYED', replay: 0 });

    const { rows } = await store.db.query<{ state: string; corrected: string; raw: string; replays: number }>(
      `SELECT state, convert_from(corrected_raw, 'UTF8') AS corrected, convert_from(raw, 'UTF8') AS raw, replays
         FROM feed_records WHERE feed_id = 'feed_gp1' AND position = 3`,
    );
    expect(rows).toEqual([{ state: 'PENDING', corrected, raw: 'record 3', replays: 1 }]);
    const letter = await store.db.query(
      `SELECT resolved_by, resolved_at FROM feed_dead_letters WHERE id = $1::bigint`,
      [letters[0]],
    );
    expect(letter.rows).toEqual([{ resolved_by: 'svc-gp-a', resolved_at: now }]);

    expect(enqueued).toEqual([
      {
        queue: 'ingest-feed',
        jobs: [
          {
            data: { feedId: 'feed_gp1', requestId: 'test-request' },
            options: { jobId: `feed_gp1-replay-${letters[0]}` },
          },
        ],
      },
    ]);
    const status = await run(statusQuery, admin, { id: 'feed_gp1' });
    expect(status.result.data?.feed).toMatchObject({
      status: 'RECEIVED',
      processedAt: null,
      pending: 1,
      rejected: 2,
    });

    const actions = await feedActionsOf(store.db, 'feed_gp1');
    expect(actions).toEqual([
      {
        id: expect.any(String),
        occurredAt: now.toISOString(),
        requestId: 'test-request',
        userId: 'svc-gp-a',
        role: 'FEED_CLIENT',
        organisation: 'A81001',
        purpose: 'DATA_FEED',
        action: 'REPLAY_DEAD_LETTER',
        feedId: 'feed_gp1',
        deadLetterId: letters[0],
        position: 3,
        reason: null,
      },
    ]);
    // Ids and the position only: the corrected record is not in the record of the action.
    expect(JSON.stringify(actions)).not.toContain('Condition');
  });

  it('refuses to replay a letter twice (CONFLICT), and enqueues and records nothing more', async () => {
    await run(replay, admin, { id: letters[0], record: corrected });
    const again = await run(replay, admin, { id: letters[0], record: corrected });
    expect(again.result.data?.replayDeadLetter).toBeNull();
    expect(codes(again.result)).toEqual(['CONFLICT']);
    expect(enqueued).toHaveLength(1);
    expect(await feedActionsOf(store.db, 'feed_gp1')).toHaveLength(1);
  });

  it('replays nothing when ingest cannot be enqueued: the letter stays OPEN, unrecorded, and can be replayed later', async () => {
    enqueueFails = true;
    const failed = await run(replay, admin, { id: letters[0], record: corrected });
    expect(failed.result.data?.replayDeadLetter).toBeNull();
    expect(failed.result.errors).toHaveLength(1);
    const { rows } = await store.db.query(
      `SELECT l.status, r.state, r.corrected_raw IS NULL AS uncorrected
         FROM feed_dead_letters l JOIN feed_records r USING (feed_id, position) WHERE l.id = $1::bigint`,
      [letters[0]],
    );
    expect(rows).toEqual([{ status: 'OPEN', state: 'REJECTED', uncorrected: true }]);
    expect(await feedActionsOf(store.db, 'feed_gp1')).toEqual([]);

    enqueueFails = false;
    const retried = await run(replay, admin, { id: letters[0], record: corrected });
    expect(retried.result.data?.replayDeadLetter).toMatchObject({ status: 'REPLAYED' });
    expect(enqueued).toHaveLength(1);
  });

  it('refuses another feed client, or an unknown letter, the same way, changing nothing', async () => {
    for (const id of [letters[0], '999999']) {
      const { result } = await run(replay, feedClient('svc-school-b'), { id, record: corrected });
      expect(result.data?.replayDeadLetter).toBeNull();
      expect(codes(result)).toEqual(['FORBIDDEN']);
    }
    const { rows } = await store.db.query(`SELECT status FROM feed_dead_letters WHERE id = $1::bigint`, [
      letters[0],
    ]);
    expect(rows).toEqual([{ status: 'OPEN' }]);
    expect(enqueued).toEqual([]);
    expect(await feedActionsOf(store.db, 'feed_gp1')).toEqual([]);
  });

  it('refuses an empty corrected record before anything else', async () => {
    const { result } = await run(replay, admin, { id: letters[0], record: '' });
    expect(codes(result)).toEqual(['VALIDATION_FAILED']);
    expect(enqueued).toEqual([]);
  });

  it('discards with a reason (recorded), enqueues nothing, and needs the reason', async () => {
    const blank = await run(discard, admin, { id: letters[1], reason: '   ' });
    expect(codes(blank.result)).toEqual(['VALIDATION_FAILED']);

    const { result } = await run(discard, admin, {
      id: letters[1],
      reason: '  Sent again in a later feed  ',
    });
    expect(codes(result)).toEqual([]);
    expect(result.data?.discardDeadLetter).toEqual({ id: letters[1], status: 'DISCARDED' });
    expect(enqueued).toEqual([]);
    expect(await feedActionsOf(store.db, 'feed_gp1')).toEqual([
      expect.objectContaining({
        userId: 'admin-1',
        role: 'ADMIN',
        purpose: 'DATA_FEED',
        action: 'DISCARD_DEAD_LETTER',
        deadLetterId: letters[1],
        position: 4,
        reason: 'Sent again in a later feed',
      }),
    ]);
    const replayed = await run(replay, admin, { id: letters[1], record: corrected });
    expect(codes(replayed.result)).toEqual(['CONFLICT']);
  });

  it('keeps the record of actions append-only', async () => {
    await run(discard, admin, { id: letters[1], reason: 'Duplicate' });
    await expect(store.db.query(`UPDATE feed_actions SET reason = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(store.db.query(`DELETE FROM feed_actions`)).rejects.toThrow(/append-only/);
  });
});

describe('Child.gpFeed and Child.schoolCensus', () => {
  beforeEach(async () => {
    await seedGpResource(store.db, landedGp(asthma, { position: 0, occurredAt: '2020-02-01T00:00:00.000Z' }));
    await seedGpResource(
      store.db,
      landedGp(depression, { position: 1, occurredAt: '2026-03-01T00:00:00.000Z' }),
    );
    await seedGpResource(store.db, landedGp(aAndE, { position: 2, occurredAt: '2026-11-18T21:05:00.000Z' }));
    await seedGpResource(
      store.db,
      landedGp({ ...asthma, id: 'cond-sealed' }, { childId: 'child-2', position: 0 }),
    );
    await seedSchoolReturn(store.db, {
      upn: 'A123456789012',
      schoolUrn: '100001',
      censusDate: '2026-10-01',
      childId: 'child-1',
      asOf: '2026-10-02T16:00:00.000Z',
      feedId: 'feed_school1',
      position: 2,
      landedAt: '2026-11-22T09:01:00.000Z',
    });
  });

  const gpQuery = `query($id: ID!) { child(id: $id) { id gpFeed {
    conditions { id codeText status category provenance { feedId sender position receivedAt asOf } }
    encounters { id class isUnscheduledCare typeText start end }
    mentalHealth { conditions { id category } }
    unreadable
  } } }`;

  it('shows landed GP items with provenance; mental health items only in their own sub-section', async () => {
    const { result, events } = await run(
      gpQuery,
      professional(['IDENTITY', 'HEALTH', 'GP_DETAILS', 'MENTAL_HEALTH']),
      { id: 'child-1' },
    );
    expect(codes(result)).toEqual([]);
    expect(result.data?.child.gpFeed).toEqual({
      conditions: [
        {
          id: 'cond-asthma',
          codeText: 'Asthma',
          status: 'active',
          category: 'HEALTH',
          provenance: {
            feedId: 'feed_gp1',
            sender: 'A81001',
            position: 0,
            receivedAt: '2026-11-20T10:00:00.000Z',
            asOf: '2026-11-19T08:00:00.000Z',
          },
        },
      ],
      encounters: [
        {
          id: 'enc-ae',
          class: 'EMER',
          isUnscheduledCare: true,
          typeText: 'Emergency department patient visit',
          start: '2026-11-18T21:05:00Z',
          end: '2026-11-19T01:30:00Z',
        },
      ],
      mentalHealth: { conditions: [{ id: 'cond-dep', category: 'MENTAL_HEALTH' }] },
      unreadable: 0,
    });
    expect(events).toEqual([
      expect.objectContaining({
        childId: 'child-1',
        outcome: 'ALLOWED',
        categories: ['GP_DETAILS', 'HEALTH', 'MENTAL_HEALTH'],
      }),
    ]);
  });

  it('withholds every GP feed value from a caller without HEALTH', async () => {
    const { result, events } = await run(gpQuery, professional(['IDENTITY', 'EDUCATION', 'SEND']), {
      id: 'child-1',
    });
    expect(result.data?.child.gpFeed).toEqual({
      conditions: null,
      encounters: null,
      mentalHealth: null,
      unreadable: null,
    });
    expect(codes(result)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const data = JSON.stringify(result.data);
    for (const value of ['Asthma', 'A81001', 'EMER', 'cond-dep', 'feed_gp1'])
      expect(data).not.toContain(value);
    expect(events).toEqual([
      expect.objectContaining({ childId: 'child-1', outcome: 'PARTIAL', categories: [] }),
    ]);
  });

  it('withholds mental health items from a caller with HEALTH but not MENTAL_HEALTH', async () => {
    const { result } = await run(gpQuery, professional(['IDENTITY', 'HEALTH', 'GP_DETAILS']), {
      id: 'child-1',
    });
    expect(result.data?.child.gpFeed.conditions.map((item: { id: string }) => item.id)).toEqual([
      'cond-asthma',
    ]);
    expect(result.data?.child.gpFeed.mentalHealth).toBeNull();
    expect(JSON.stringify(result.data)).not.toContain('cond-dep');
  });

  it('hides the sending practice of a sealed child without the seal override, and shows it with one', async () => {
    const query = `{ child(id: "child-2") { gpFeed { conditions { id provenance { feedId sender } } } } }`;
    const sealed = await run(query, professional(['IDENTITY', 'HEALTH', 'GP_DETAILS']));
    expect(sealed.result.data?.child.gpFeed.conditions).toEqual([
      { id: 'cond-sealed', provenance: { feedId: 'feed_gp1', sender: null } },
    ]);
    expect(sealed.result.errors?.[0]?.message).toBe('This record is sealed.');
    const overridden = await run(
      query,
      professional(['IDENTITY', 'HEALTH', 'GP_DETAILS'], ['SEAL_OVERRIDE']),
    );
    expect(overridden.result.data?.child.gpFeed.conditions[0].provenance.sender).toBe('A81001');
  });

  it('shows school census returns with provenance, SEN fields only to callers who see SEND', async () => {
    const query = `{ child(id: "child-1") { schoolCensus {
      schoolUrn censusDate yearGroup sessionsPossible sessionsAttended attendancePercent suspensions
      permanentExclusion latestExclusionDate senProvision ehcp
      provenance { feedId sender position receivedAt asOf }
    } } }`;
    const { result } = await run(query, professional(['IDENTITY', 'EDUCATION', 'SEND']));
    expect(codes(result)).toEqual([]);
    expect(result.data?.child.schoolCensus).toEqual([
      {
        schoolUrn: '100001',
        censusDate: '2026-10-01',
        yearGroup: 'Y9',
        sessionsPossible: 120,
        sessionsAttended: 108,
        attendancePercent: 90,
        suspensions: 1,
        permanentExclusion: false,
        latestExclusionDate: '2026-09-20',
        senProvision: 'K',
        ehcp: false,
        provenance: {
          feedId: 'feed_school1',
          sender: '100001',
          position: 2,
          receivedAt: '2026-11-22T09:01:00.000Z',
          asOf: '2026-10-02T16:00:00.000Z',
        },
      },
    ]);
    const educationOnly = await run(query, professional(['IDENTITY', 'EDUCATION']));
    expect(educationOnly.result.data?.child.schoolCensus[0]).toMatchObject({
      schoolUrn: '100001',
      senProvision: null,
      ehcp: null,
    });
    const health = await run(query, professional(['IDENTITY', 'HEALTH']));
    expect(health.result.data?.child.schoolCensus).toBeNull();
    expect(codes(health.result)).toEqual(['FORBIDDEN']);
  });

  it('reads the landed data of a page of children in one query per table', async () => {
    const query = `{ children(ids: ["child-1", "child-2"]) { id gpFeed { conditions { id } } schoolCensus { censusDate } } }`;
    const { result } = await run(query, professional(['IDENTITY', 'HEALTH', 'EDUCATION']));
    expect(codes(result)).toEqual([]);
    expect(result.data?.children).toEqual([
      {
        id: 'child-1',
        gpFeed: { conditions: [{ id: 'cond-asthma' }] },
        schoolCensus: [{ censusDate: '2026-10-01' }],
      },
      { id: 'child-2', gpFeed: { conditions: [{ id: 'cond-sealed' }] }, schoolCensus: [] },
    ]);
    expect(reads).toEqual({ gp: [['child-1', 'child-2']], school: [['child-1', 'child-2']] });
  });

  it('answers nothing outside the gateway (no access session in the context)', async () => {
    const schema = createFeedsSchema({ db: store.db, now: () => now, enqueue: async () => undefined });
    const result = await execute({
      schema,
      document: parse(`{ _feedsChildren(ids: ["child-1"]) { id gpFeed { unreadable } } }`),
      contextValue: { caller: unrestrictedTestCaller() },
    });
    expect(result.errors?.[0]?.message).toMatch(/gateway/);
    expect(JSON.stringify(result.data)).not.toContain('Asthma');
  });
});
