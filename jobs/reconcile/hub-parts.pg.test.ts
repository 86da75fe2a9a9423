import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { coresidentAdmissionNotice } from '../notifications/content.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { readHubParts } from './hub-parts.js';

let store: TestSchema;
let db: Db;
const t0 = new Date('2026-11-25T09:00:00Z');

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_hub_parts' });
  db = store.db;
  const notice = coresidentAdmissionNotice({ childIds: ['c-res'], admittedOn: '2026-11-20' });
  await db.transaction(async (tx) => {
    for (const [key, to] of [
      ['PL1', 'sw@council.example'],
      ['PL1', 'iro@council.example'],
      ['PL2', 'sw@council.example'],
    ] as const) {
      await enqueueNotification(
        tx,
        {
          recipient: { channel: 'EMAIL', address: to },
          dedupeKey: `CORESIDENT_ADMISSION:c-1:${key}:${to}`,
          event: { childId: 'c-1', key },
          content: notice,
        },
        t0,
      );
    }
  });
  await db.query(
    `UPDATE notifications SET status = 'SENT', attempts = 1, sent_at = $1
     WHERE event_key = 'PL1' AND recipient = 'sw@council.example'`,
    [new Date('2026-11-25T09:00:01Z')],
  );
  await db.query(
    `UPDATE notifications SET status = 'SENT', attempts = 1, sent_at = $1
     WHERE event_key = 'PL1' AND recipient = 'iro@council.example'`,
    [new Date('2026-11-25T09:00:03Z')],
  );
  await db.query(
    `INSERT INTO transition_handoffs (id, child_id, requested_by, reason, status, adult_reference, requested_at,
       status_changed_at)
     VALUES ('h2', 'c-1', 'u1', 'r', 'DELIVERED', 'ASC-12345678', '2026-11-02T10:00:00Z', '2026-11-02T10:00:00Z'),
            ('h1', 'c-1', 'u1', 'r', 'FAILED', NULL, '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z'),
            ('h3', 'c-2', 'u1', 'r', 'REQUESTED', NULL, '2026-11-03T10:00:00Z', '2026-11-03T10:00:00Z')`,
  );
  // PL1: every resident covered. PL3: one resident and nobody to tell, so no notice at all was written.
  await db.query(
    `INSERT INTO coresident_notice_plans (admitted_child_id, placement_key, residents, uncovered, planned_at)
     VALUES ('c-1', 'PL1', 1, 0, $1), ('c-1', 'PL3', 1, 1, $1)`,
    [t0],
  );
});
afterAll(async () => {
  await store.drop();
});

describe("the hub's own part of the joined records", () => {
  it('gives each admission’s notices and each handoff, per child, in one read', async () => {
    const parts = await readHubParts(db, ['c-1', 'c-2', 'c-none']);
    expect(parts.get('c-1')).toEqual({
      coResidentNotices: [
        {
          placementKey: 'PL1',
          recipients: 2,
          sent: 2,
          uncovered: 0,
          allSentAt: '2026-11-25T09:00:03.000Z',
        },
        { placementKey: 'PL2', recipients: 1, sent: 0, uncovered: 0, allSentAt: null },
        { placementKey: 'PL3', recipients: 0, sent: 0, uncovered: 1, allSentAt: null },
      ],
      handoffs: [
        { id: 'h1', status: 'FAILED', requestedAt: '2026-11-01T10:00:00.000Z', adultReference: null },
        {
          id: 'h2',
          status: 'DELIVERED',
          requestedAt: '2026-11-02T10:00:00.000Z',
          adultReference: 'ASC-12345678',
        },
      ],
    });
    expect(parts.get('c-2')).toEqual({
      coResidentNotices: [],
      handoffs: [
        { id: 'h3', status: 'REQUESTED', requestedAt: '2026-11-03T10:00:00.000Z', adultReference: null },
      ],
    });
    expect(parts.get('c-none')).toEqual({ coResidentNotices: [], handoffs: [] });
    expect(await readHubParts(db, [])).toEqual(new Map());
  });
});
