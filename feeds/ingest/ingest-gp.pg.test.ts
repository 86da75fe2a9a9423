import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import {
  badNhsNumber,
  conditionEntry,
  encounterEntry,
  nhsNumberFor,
  patientEntry,
} from '../records/testing/record-fixtures.js';
import { gpFeedResourcesOf } from './child-feed-reads.js';
import { ingestFeed } from './ingest-feed.js';
import type { FeedAlert } from './record-outcome.js';
import { bundleRecords, insertFeed, seedChild } from './testing/seed-feeds.js';

let store: TestSchema;
let db: Db;
const now = () => new Date('2026-12-03T12:00:00Z');

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_feed_gp' });
  db = store.db;
  for (let n = 1; n <= 5; n += 1) await seedChild(db, `child-${n}`, { nhsNumber: nhsNumberFor(n) });
});
afterAll(async () => {
  await store.drop();
});

async function run(feedId: string) {
  const alerts: FeedAlert[] = [];
  const childIds: string[] = [];
  const report = await ingestFeed(
    {
      db,
      now,
      chunkSize: 3,
      afterChunk: async (chunk) => {
        alerts.push(...chunk.alerts);
        childIds.push(...chunk.childIds);
      },
    },
    feedId,
  );
  return { report, alerts, childIds };
}

async function letters(feedId: string) {
  const { rows } = await db.query<{ position: number; reason: string }>(
    `SELECT position, reason FROM feed_dead_letters WHERE feed_id = $1 ORDER BY position`,
    [feedId],
  );
  return rows.map((row) => [row.position, row.reason]);
}

describe('ingesting a GP FHIR feed', () => {
  it('lands patients and their resources, resolving references across chunks, and dead-letters the rest', async () => {
    const entries = [
      // Clinical resources before their Patient: references resolve across the whole feed.
      encounterEntry('e1', { reference: 'urn:uuid:p1' }, { classCode: 'EMER' }),
      conditionEntry('c1', { reference: 'Patient/p2' }),
      encounterEntry('e2', { reference: 'Patient/p1' }),
      patientEntry('p1', nhsNumberFor(1)),
      patientEntry('p2', nhsNumberFor(2)),
      patientEntry('p3', badNhsNumber(3)),
      encounterEntry('e3', { reference: 'Patient/p3' }),
      { resource: { resourceType: 'Flag', id: 'f1' } },
      patientEntry('p8', nhsNumberFor(8)),
      encounterEntry('e4', { reference: 'Patient/p2' }, { classCode: 'XX' }),
      encounterEntry('e5', { reference: 'Patient/p2' }, { start: '2026-12-05T00:00:00Z' }),
    ];
    const feedId = await insertFeed(db, {
      kind: 'GP_FHIR',
      sender: 'A81001',
      records: bundleRecords(entries),
    });
    const { report, alerts, childIds } = await run(feedId);
    expect(report).toMatchObject({ status: 'PROCESSED', accepted: 5, duplicates: 0, rejected: 6 });
    expect(await letters(feedId)).toEqual([
      [5, 'NHS_NUMBER_CHECKSUM'],
      [6, 'UNRESOLVED_REFERENCE'],
      [7, 'UNSUPPORTED_RESOURCE'],
      [8, 'NO_MATCHING_CHILD'],
      [9, 'UNKNOWN_CODE'],
      [10, 'FUTURE_DATE'],
    ]);
    expect(alerts).toEqual([
      {
        kind: 'UNSCHEDULED_CARE',
        childId: 'child-1',
        eventKey: 'A81001/Encounter/e1',
        occurredAt: '2026-10-30T09:00:00.000Z',
      },
    ]);
    expect([...new Set(childIds)].sort()).toEqual(['child-1', 'child-2']);
    const landed = await gpFeedResourcesOf(db, ['child-1', 'child-2']);
    expect(landed.map((row) => [row.childId, `${row.resourceType}/${row.resourceId}`]).sort()).toEqual([
      ['child-1', 'Encounter/e1'],
      ['child-1', 'Encounter/e2'],
      ['child-1', 'Patient/p1'],
      ['child-2', 'Condition/c1'],
      ['child-2', 'Patient/p2'],
    ]);
    expect(landed.find((row) => row.resourceId === 'e1')).toMatchObject({
      lastUpdated: '2026-11-01T10:00:00.000Z',
      occurredAt: '2026-10-30T09:00:00.000Z',
      resource: entries[0]!.resource,
      provenance: { sender: 'A81001', feedId, position: 0, landedAt: now().toISOString() },
    });
  });

  it('adds nothing when the feed is sent again, and alerts once per encounter whatever its versions', async () => {
    const entries = [
      patientEntry('p4', nhsNumberFor(4)),
      encounterEntry('e40', { reference: 'Patient/p4' }, { classCode: 'EMER' }),
    ];
    const first = await run(
      await insertFeed(db, { kind: 'GP_FHIR', sender: 'B1', records: bundleRecords(entries) }),
    );
    expect(first.alerts).toHaveLength(1);
    const before = await db.query(`SELECT * FROM feed_gp_resources ORDER BY resource_id`);
    const again = await run(
      await insertFeed(db, { kind: 'GP_FHIR', sender: 'B1', records: bundleRecords([...entries].reverse()) }),
    );
    expect(again.report).toMatchObject({ accepted: 0, duplicates: 2, rejected: 0 });
    expect(again.alerts).toEqual([]);
    expect((await db.query(`SELECT * FROM feed_gp_resources ORDER BY resource_id`)).rows).toEqual(
      before.rows,
    );

    const updated = encounterEntry(
      'e40',
      { reference: 'Patient/p4' },
      { classCode: 'EMER', lastUpdated: '2026-11-02T00:00:00Z' },
    );
    const stale = encounterEntry(
      'e40',
      { reference: 'Patient/p4' },
      { classCode: 'AMB', lastUpdated: '2026-10-01T00:00:00Z' },
    );
    const third = await run(
      await insertFeed(db, {
        kind: 'GP_FHIR',
        sender: 'B1',
        records: bundleRecords([entries[0], updated, stale]),
      }),
    );
    expect(third.report).toMatchObject({ accepted: 1, duplicates: 2 });
    expect(third.alerts).toEqual([]);
    const { rows } = await db.query<{ last_updated: Date }>(
      `SELECT last_updated FROM feed_gp_resources WHERE sender = 'B1' AND resource_id = 'e40'`,
    );
    expect(rows[0]?.last_updated.toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });

  it('keys resources by sender: the same id from two practices is two resources', async () => {
    const entries = [patientEntry('p5', nhsNumberFor(5))];
    await run(await insertFeed(db, { kind: 'GP_FHIR', sender: 'C1', records: bundleRecords(entries) }));
    const other = await run(
      await insertFeed(db, { kind: 'GP_FHIR', sender: 'C2', records: bundleRecords(entries) }),
    );
    expect(other.report).toMatchObject({ accepted: 1 });
  });
});
