import type { GraphQLSchema } from 'graphql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { startAccessGrant } from '../audit/access-grants.js';
import { AuditWriter } from '../../store/audit/audit-writer.js';
import { migratedSchema, sampleEvent, type TestSchema } from '../audit/testing/audit-test-db.js';
import { createAccessAdminSchema } from './access-admin-schema.js';
import {
  addChildren,
  countRows,
  dataOf,
  errorCode,
  run,
  testCaller,
} from './testing/access-admin-test-kit.js';

let store: TestSchema;
let db: Db;
let schema: GraphQLSchema;
let writer: AuditWriter;
const clock = new Date('2026-03-02T12:00:00.000Z');

beforeEach(async () => {
  store = await migratedSchema();
  db = store.db;
  writer = new AuditWriter(db);
  schema = createAccessAdminSchema({ db, now: () => clock });
  await addChildren(db, 'ch_a', 'ch_b');
});
afterEach(async () => {
  await writer.close();
  await store.drop();
});

const officer = testCaller('PRIVACY_OFFICER', { userId: 'po-1' });
const secondOfficer = testCaller('PRIVACY_OFFICER', { userId: 'po-2' });
const t0 = new Date('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

const childLog = `query ($childId: ID!, $first: Int, $after: String) {
  childAccessLog(childId: $childId, first: $first, after: $after) {
    nodes { id occurredAt userId role organisation purpose childId categories fields outcome reason basis grantId }
    pageInfo { hasNextPage endCursor } } }`;
const userLog = `query ($userId: ID!, $first: Int, $after: String) {
  userAccessLog(userId: $userId, first: $first, after: $after) {
    nodes { userId childId occurredAt } pageInfo { hasNextPage endCursor } } }`;
const alertFields = `id kind userId childId status acknowledgedBy closedBy distinctChildren threshold
  grant { id kind reason childId } notes { status note writtenBy writtenAt }`;
const alertList = `query ($status: PrivacyAlertStatus, $first: Int, $after: String) {
  privacyAlerts(status: $status, first: $first, after: $after) {
    nodes { ${alertFields} } pageInfo { hasNextPage endCursor } } }`;
const acknowledge = `mutation ($id: ID!, $note: String) {
  acknowledgePrivacyAlert(id: $id, note: $note) { ${alertFields} } }`;
const close = `mutation ($id: ID!, $note: String!) { closePrivacyAlert(id: $id, note: $note) { ${alertFields} } }`;

interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Every page of a connection query, following endCursor. */
async function allPages<T>(
  field: string,
  source: string,
  variables: Record<string, unknown>,
): Promise<{ nodes: T[]; pages: number }> {
  const nodes: T[] = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const data: Record<string, Connection<T>> = dataOf(
      await run(schema, officer, source, { ...variables, after }),
    );
    const page = data[field] as Connection<T>;
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    pages += 1;
  } while (after !== null);
  return { nodes, pages };
}

async function grantAlert(
  userId: string,
  childId: string,
  kind: 'SELF_CLAIMED' | 'BREAK_GLASS',
  minute: number,
) {
  await startAccessGrant(db, {
    actor: { userId, role: 'SOCIAL_WORKER', organisation: '873' },
    childId,
    kind,
    reason: 'Out-of-hours duty: police protection overnight',
    purpose: 'SAFEGUARDING',
    requestId: `req-grant-${minute}`,
    durationMinutes: 30,
    now: at(minute),
  });
}

describe('access logs (VIEW_AUDIT)', () => {
  it('pages who viewed a child and what a user viewed, newest first, showing ids and codes only', async () => {
    await writer.record([
      sampleEvent({ occurredAt: at(0), userId: 'sw-1', childId: 'ch_a' }),
      sampleEvent({ occurredAt: at(1), userId: 'sw-2', childId: 'ch_a' }),
      sampleEvent({ occurredAt: at(2), userId: 'sw-1', childId: 'ch_b' }),
      sampleEvent({ occurredAt: at(3), userId: 'gp-1', childId: 'ch_a', outcome: 'DENIED', grant: 'NONE' }),
      sampleEvent({ occurredAt: at(4), userId: 'sw-1', childId: 'ch_a' }),
    ]);
    const child = await allPages<{ userId: string; occurredAt: string; outcome: string; basis: string }>(
      'childAccessLog',
      childLog,
      { childId: 'ch_a', first: 2 },
    );
    expect(child.pages).toBe(2);
    expect(
      child.nodes.map((node) => [node.userId, node.occurredAt.slice(11, 16), node.outcome, node.basis]),
    ).toEqual([
      ['sw-1', '09:04', 'ALLOWED', 'RELATIONSHIP'],
      ['gp-1', '09:03', 'DENIED', 'NONE'],
      ['sw-2', '09:01', 'ALLOWED', 'RELATIONSHIP'],
      ['sw-1', '09:00', 'ALLOWED', 'RELATIONSHIP'],
    ]);
    expect(child.nodes[0]).toMatchObject({
      role: 'SOCIAL_WORKER',
      organisation: 'org-la-1',
      childId: 'ch_a',
      categories: ['education.attendance', 'health.immunisations'],
    });

    const user = await allPages<{ childId: string }>('userAccessLog', userLog, { userId: 'sw-1', first: 1 });
    expect(user.pages).toBe(3);
    expect(user.nodes.map((node) => node.childId)).toEqual(['ch_a', 'ch_b', 'ch_a']);

    const bad = await run(schema, officer, childLog, { childId: 'ch_a', after: 'bm90IGEgY3Vyc29y' });
    expect(errorCode(bad)).toBe('BAD_REQUEST');
    expect(errorCode(await run(schema, officer, childLog, { childId: 'ch_a', first: 0 }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('refuses anyone without VIEW_AUDIT, including administrators and team managers', async () => {
    await writer.record([sampleEvent({ occurredAt: at(0), userId: 'sw-1', childId: 'ch_a' })]);
    for (const caller of [
      testCaller('SOCIAL_WORKER'),
      testCaller('TEAM_MANAGER'),
      testCaller('ADMIN'),
      testCaller('PRIVACY_OFFICER', { activities: [] }),
    ]) {
      for (const [source, variables] of [
        [childLog, { childId: 'ch_a' }],
        [userLog, { userId: 'sw-1' }],
        [alertList, {}],
        [acknowledge, { id: '1' }],
        [close, { id: '1', note: 'Reviewed with the manager: legitimate.' }],
      ] as const)
        expect(errorCode(await run(schema, caller, source, variables))).toBe('FORBIDDEN');
    }
  });
});

describe('privacy alerts (VIEW_AUDIT)', () => {
  it('lists open alerts oldest first, paged, with the grant and its reason', async () => {
    await grantAlert('sw-1', 'ch_a', 'BREAK_GLASS', 0);
    await grantAlert('sw-2', 'ch_b', 'SELF_CLAIMED', 1);
    await grantAlert('sw-3', 'ch_a', 'BREAK_GLASS', 2);
    const open = await allPages<{ kind: string; userId: string; grant: { kind: string; reason: string } }>(
      'privacyAlerts',
      alertList,
      { first: 2 },
    );
    expect(open.pages).toBe(2);
    expect(open.nodes.map((alert) => [alert.kind, alert.userId, alert.grant.kind])).toEqual([
      ['BREAK_GLASS', 'sw-1', 'BREAK_GLASS'],
      ['SELF_CLAIMED_ACCESS', 'sw-2', 'SELF_CLAIMED'],
      ['BREAK_GLASS', 'sw-3', 'BREAK_GLASS'],
    ]);
    expect(open.nodes[0]?.grant.reason).toBe('Out-of-hours duty: police protection overnight');
  });

  it('acknowledges and closes an alert with notes; each list holds the alerts of its status', async () => {
    await grantAlert('sw-1', 'ch_a', 'BREAK_GLASS', 0);
    await grantAlert('sw-2', 'ch_b', 'BREAK_GLASS', 1);
    const [first, second] = dataOf<{ privacyAlerts: Connection<{ id: string }> }>(
      await run(schema, officer, alertList, {}),
    ).privacyAlerts.nodes;
    const firstId = first?.id as string;
    const secondId = second?.id as string;

    const acknowledged = dataOf<{ acknowledgePrivacyAlert: Record<string, unknown> }>(
      await run(schema, officer, acknowledge, { id: firstId, note: '  Asked the duty manager.  ' }),
    ).acknowledgePrivacyAlert;
    expect(acknowledged).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: 'po-1',
      notes: [
        {
          status: 'ACKNOWLEDGED',
          note: 'Asked the duty manager.',
          writtenBy: 'po-1',
          writtenAt: clock.toISOString(),
        },
      ],
    });
    const closed = dataOf<{ closePrivacyAlert: Record<string, unknown> }>(
      await run(schema, secondOfficer, close, {
        id: firstId,
        note: 'Police protection confirmed: legitimate.',
      }),
    ).closePrivacyAlert;
    expect(closed).toMatchObject({ status: 'CLOSED', acknowledgedBy: 'po-1', closedBy: 'po-2' });
    expect((closed['notes'] as unknown[]).length).toBe(2);
    // acknowledging without a note is allowed; closing needs one
    dataOf(await run(schema, officer, acknowledge, { id: secondId }));

    const list = async (status: string) =>
      dataOf<{ privacyAlerts: Connection<{ id: string }> }>(
        await run(schema, officer, alertList, { status }),
      ).privacyAlerts.nodes.map((alert) => alert.id);
    expect(await list('OPEN')).toEqual([]);
    expect(await list('ACKNOWLEDGED')).toEqual([secondId]);
    expect(await list('CLOSED')).toEqual([firstId]);
    expect(await countRows(db, 'privacy_alert_notes')).toBe(2);
  });

  it('refuses bad transitions, blank notes, unknown alerts and alerts about oneself, writing nothing', async () => {
    await grantAlert('sw-1', 'ch_a', 'BREAK_GLASS', 0);
    await grantAlert('po-1', 'ch_b', 'SELF_CLAIMED', 1); // as if the officer's own access were alerted
    const [other, own] = dataOf<{ privacyAlerts: Connection<{ id: string }> }>(
      await run(schema, officer, alertList, {}),
    ).privacyAlerts.nodes.map((alert) => alert.id);

    expect(errorCode(await run(schema, officer, close, { id: other, note: '   ' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(errorCode(await run(schema, officer, close, { id: '999999', note: 'Looked at it.' }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await run(schema, officer, acknowledge, { id: 'x' }))).toBe('NOT_FOUND');
    expect(errorCode(await run(schema, officer, acknowledge, { id: own, note: 'Mine.' }))).toBe('FORBIDDEN');
    expect(errorCode(await run(schema, officer, close, { id: own, note: 'Mine, fine.' }))).toBe('FORBIDDEN');
    expect(await countRows(db, 'privacy_alert_notes')).toBe(0);

    dataOf(await run(schema, officer, close, { id: other, note: 'Reviewed: legitimate.' }));
    const again = await run(schema, officer, close, { id: other, note: 'Closing twice.' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(errorCode(await run(schema, officer, acknowledge, { id: other }))).toBe('CONFLICT');
    expect(await countRows(db, 'privacy_alert_notes')).toBe(1);
    const { rows } = await db.query<{ status: string }>('SELECT status FROM privacy_alerts ORDER BY id');
    expect(rows.map((row) => row.status)).toEqual(['CLOSED', 'OPEN']);
  });

  it('pages closed alerts newest first, and a cursor only works for its own list', async () => {
    for (let minute = 0; minute < 5; minute += 1)
      await grantAlert(`sw-${minute}`, 'ch_a', 'BREAK_GLASS', minute);
    const ids = dataOf<{ privacyAlerts: Connection<{ id: string }> }>(
      await run(schema, officer, alertList, {}),
    ).privacyAlerts.nodes.map((alert) => alert.id);
    for (const id of ids) dataOf(await run(schema, officer, close, { id, note: 'Reviewed.' }));
    const closed = await allPages<{ id: string }>('privacyAlerts', alertList, { status: 'CLOSED', first: 2 });
    expect(closed.pages).toBe(3);
    expect(closed.nodes.map((alert) => alert.id)).toEqual([...ids].reverse());

    const firstPage = dataOf<{ privacyAlerts: Connection<{ id: string }> }>(
      await run(schema, officer, alertList, { status: 'CLOSED', first: 2 }),
    ).privacyAlerts;
    const misused = await run(schema, officer, alertList, {
      status: 'OPEN',
      after: firstPage.pageInfo.endCursor,
    });
    expect(errorCode(misused)).toBe('BAD_REQUEST');
  });
});
