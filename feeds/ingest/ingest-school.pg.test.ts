import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { badUpn, schoolHeaderLine, schoolRow, upnFor } from '../records/testing/record-fixtures.js';
import { feedStatus } from './feed-status.js';
import { ingestFeed, type IngestFeedDeps } from './ingest-feed.js';
import type { FeedAlert } from './record-outcome.js';
import { csvRecords, insertFeed, seedChild } from './testing/seed-feeds.js';

let store: TestSchema;
let db: Db;
const now = () => new Date('2026-12-03T12:00:00Z');

beforeAll(async () => {
  store = await migratedSchema({ prefix: 't_feed_school' });
  db = store.db;
  for (let n = 1; n <= 20; n += 1) await seedChild(db, `child-${n}`, { upn: upnFor(n) });
  // One UPN linked to two children: ambiguous.
  await seedChild(db, 'twin-a', { upn: upnFor(99) });
  await db.query(
    `INSERT INTO agency_records (agency, local_id, child_id, upn, given_name, family_name, date_of_birth, sex)
     VALUES ('social-care', 'sc-twin-b', 'twin-a', NULL, 'T', 'B', '2014-01-01', 'U')`,
  );
  await db.query(`INSERT INTO children (id) VALUES ('twin-b')`);
  await db.query(
    `INSERT INTO agency_records (agency, local_id, child_id, upn, given_name, family_name, date_of_birth, sex)
     VALUES ('adult', 'ad-twin-b', 'twin-b', $1, 'T', 'B', '2014-01-01', 'U')`,
    [upnFor(99)],
  );
});
afterAll(async () => {
  await store.drop();
});

function run(feedId: string, extra: Partial<IngestFeedDeps> = {}) {
  const chunks: Array<{ childIds: string[]; alerts: FeedAlert[] }> = [];
  const deps: IngestFeedDeps = {
    db,
    now,
    afterChunk: async (chunk) => void chunks.push(chunk),
    ...extra,
  };
  return ingestFeed(deps, feedId).then((report) => ({ report, chunks }));
}

async function letters(feedId: string) {
  const { rows } = await db.query<{ position: number; reason: string; detail: string; replay: number }>(
    `SELECT position, reason, detail, replay FROM feed_dead_letters WHERE feed_id = $1 ORDER BY position`,
    [feedId],
  );
  return rows;
}

describe('ingesting a school census feed', () => {
  it('lands valid rows against their children and dead-letters the rest with their reasons', async () => {
    const rows = [
      schoolRow({ upn: upnFor(1) }),
      schoolRow({ upn: upnFor(2), sessions_attended: '100' }),
      schoolRow({ upn: badUpn(3) }),
      schoolRow({ upn: upnFor(4), year_group: 'Q' }),
      Buffer.from([0x41, 0xff, 0x2c]),
      schoolRow({ upn: upnFor(5), census_date: '2026-12-04' }),
      schoolRow({ upn: upnFor(500) }),
      schoolRow({ upn: upnFor(99) }),
      schoolRow({ upn: upnFor(6), ehcp: '' }),
      schoolRow({ upn: upnFor(1), sessions_attended: '10' }),
    ];
    const records = csvRecords(schoolHeaderLine, rows);
    records.push({
      position: 12,
      raw: Buffer.from(schoolRow({ upn: upnFor(7) }).slice(0, 20)),
      rawSize: 4000,
    });
    const feedId = await insertFeed(db, { kind: 'SCHOOL_CSV', sender: '123456', records });

    const { report, chunks } = await run(feedId, { chunkSize: 4 });
    expect(report).toMatchObject({ outcome: 'PROCESSED', status: 'PROCESSED', accepted: 2, rejected: 9 });
    expect(chunks.flatMap((chunk) => chunk.childIds).sort()).toEqual(['child-1', 'child-2']);
    expect(await letters(feedId)).toEqual([
      { position: 4, reason: 'UPN_CHECK_LETTER', detail: 'upn', replay: 0 },
      { position: 5, reason: 'UNKNOWN_CODE', detail: 'year_group', replay: 0 },
      { position: 6, reason: 'BAD_ENCODING', detail: '(record)', replay: 0 },
      { position: 7, reason: 'FUTURE_DATE', detail: 'census_date', replay: 0 },
      { position: 8, reason: 'NO_MATCHING_CHILD', detail: 'upn', replay: 0 },
      { position: 9, reason: 'AMBIGUOUS_CHILD', detail: 'upn', replay: 0 },
      { position: 10, reason: 'MISSING_FIELD', detail: 'ehcp', replay: 0 },
      { position: 11, reason: 'DUPLICATE_IN_FEED', detail: 'upn, school_urn, census_date, as_of', replay: 0 },
      { position: 12, reason: 'OVERSIZE', detail: '(record): 4000 bytes', replay: 0 },
    ]);
    const status = await feedStatus(db, feedId);
    expect(status).toMatchObject({
      status: 'PROCESSED',
      recordCount: 11,
      accepted: 2,
      duplicates: 0,
      rejected: 9,
      pending: 0,
    });
    expect(status?.processedAt).toBe(now().toISOString());
    const landed = await db.query<{ upn: string; child_id: string; feed_id: string; position: number }>(
      `SELECT upn, child_id, feed_id, position FROM feed_school_returns ORDER BY position`,
    );
    expect(landed.rows).toEqual([
      { upn: upnFor(1), child_id: 'child-1', feed_id: feedId, position: 2 },
      { upn: upnFor(2), child_id: 'child-2', feed_id: feedId, position: 3 },
    ]);
    const header = await db.query<{ state: string }>(
      `SELECT state FROM feed_records WHERE feed_id = $1 AND position = 1`,
      [feedId],
    );
    expect(header.rows[0]?.state).toBe('ACCEPTED');
  });

  it('keeps the latest version: a re-send and an older extract are DUPLICATE, a newer one replaces', async () => {
    const key = { upn: upnFor(10), census_date: '2026-05-01' };
    const first = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      records: csvRecords(schoolHeaderLine, [schoolRow({ ...key, as_of: '2026-05-02T00:00:00Z' })]),
    });
    await run(first);
    const again = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      records: csvRecords(schoolHeaderLine, [
        schoolRow({ ...key, as_of: '2026-05-02T00:00:00Z' }),
        schoolRow({ ...key, as_of: '2026-05-01T00:00:00Z', sessions_attended: '1' }),
        schoolRow({ ...key, as_of: '2026-05-02T00:00:00Z', sessions_attended: '2' }),
      ]),
    });
    const { report } = await run(again);
    expect(report).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
    expect(await letters(again)).toEqual([
      { position: 4, reason: 'VERSION_CONFLICT', detail: 'upn, school_urn, census_date, as_of', replay: 0 },
    ]);
    const newer = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      records: csvRecords(schoolHeaderLine, [
        schoolRow({ ...key, as_of: '2026-05-03T00:00:00Z', sessions_attended: '3' }),
      ]),
    });
    expect((await run(newer)).report).toMatchObject({ accepted: 1 });
    const { rows } = await db.query<{ sessions_attended: number; feed_id: string }>(
      `SELECT sessions_attended, feed_id FROM feed_school_returns WHERE upn = $1`,
      [key.upn],
    );
    expect(rows).toEqual([{ sessions_attended: 3, feed_id: newer }]);
  });

  it('raises an exclusion alert for a recent first exclusion and for more suspensions, not for old news', async () => {
    const recent = { upn: upnFor(11), suspensions: '1', latest_exclusion_date: '2026-11-20' };
    const old = {
      upn: upnFor(12),
      suspensions: '1',
      latest_exclusion_date: '2026-09-01',
      census_date: '2026-10-01',
    };
    const first = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      records: csvRecords(schoolHeaderLine, [schoolRow(recent), schoolRow(old)]),
    });
    const { chunks } = await run(first);
    expect(chunks.flatMap((chunk) => chunk.alerts)).toEqual([
      {
        kind: 'SCHOOL_EXCLUSION',
        childId: 'child-11',
        eventKey: 'school/123456/2026-10-01/2026-11-20/child-11',
        occurredAt: '2026-11-20T00:00:00.000Z',
      },
    ]);
    const later = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      records: csvRecords(schoolHeaderLine, [
        schoolRow({
          ...old,
          suspensions: '2',
          latest_exclusion_date: '2026-09-20',
          as_of: '2026-10-03T00:00:00Z',
        }),
        schoolRow({ ...recent, as_of: '2026-10-03T00:00:00Z', sessions_attended: '80' }),
      ]),
    });
    const second = await run(later);
    expect(second.report).toMatchObject({ accepted: 2 });
    expect(second.chunks.flatMap((chunk) => chunk.alerts)).toEqual([
      expect.objectContaining({
        childId: 'child-12',
        eventKey: 'school/123456/2026-10-01/2026-09-20/child-12',
      }),
    ]);
    for (const alert of [...chunks, ...second.chunks].flatMap((chunk) => chunk.alerts))
      expect(JSON.stringify(alert)).not.toMatch(/\d{9}/);
  });

  it('dead-letters every row of a feed whose header is unusable, the header with its own reason', async () => {
    const feedId = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      records: csvRecords('upn,school_urn', [schoolRow({ upn: upnFor(13) })]),
    });
    await run(feedId);
    expect(await letters(feedId)).toEqual([
      expect.objectContaining({ position: 1, reason: 'MISSING_FIELD' }),
      { position: 2, reason: 'BAD_HEADER', detail: '(header)', replay: 0 },
    ]);
    expect((await feedStatus(db, feedId))?.status).toBe('PROCESSED');
  });

  it('skips a feed still RECEIVING, and a feed already PROCESSED', async () => {
    const receiving = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      status: 'RECEIVING',
      records: csvRecords(schoolHeaderLine, [schoolRow({ upn: upnFor(14) })]),
    });
    expect((await run(receiving)).report).toMatchObject({ outcome: 'SKIPPED', status: 'RECEIVING' });
    expect((await feedStatus(db, receiving))?.pending).toBe(1);
    expect((await run('feed_nonexistent')).report.outcome).toBe('NOT_FOUND');
    const done = await insertFeed(db, {
      kind: 'SCHOOL_CSV',
      records: csvRecords(schoolHeaderLine, [schoolRow({ upn: upnFor(14) })]),
    });
    expect((await run(done)).report).toMatchObject({ outcome: 'PROCESSED', accepted: 1 });
    expect((await run(done)).report).toMatchObject({ outcome: 'SKIPPED', status: 'PROCESSED', accepted: 0 });
  });

  it('survives a death mid-chunk: the chunk rolls back and a re-run settles every record exactly once', async () => {
    const rows = Array.from({ length: 9 }, (_, i) =>
      schoolRow({ upn: upnFor(15 + (i % 5)), census_date: `2026-0${i + 1}-01` }),
    );
    const feedId = await insertFeed(db, { kind: 'SCHOOL_CSV', records: csvRecords(schoolHeaderLine, rows) });
    let transactions = 0;
    const dying: Db = {
      ...db,
      engine: db.engine,
      schema: db.schema,
      query: (sql, params) => db.query(sql, params),
      transaction: (fn) =>
        db.transaction(async (tx) => {
          const result = await fn(tx);
          transactions += 1;
          if (transactions === 2) throw new Error('worker killed');
          return result;
        }),
    };
    await expect(run(feedId, { db: dying, chunkSize: 3 })).rejects.toThrow('worker killed');
    const midway = await feedStatus(db, feedId);
    // The first chunk (the header and two rows) committed; the second died before its commit.
    expect(midway).toMatchObject({ status: 'RECEIVED', accepted: 2, pending: 7 });
    const { report } = await run(feedId, { chunkSize: 3 });
    expect(report).toMatchObject({ status: 'PROCESSED', accepted: 7 });
    const after = await feedStatus(db, feedId);
    expect(after).toMatchObject({ accepted: 9, duplicates: 0, rejected: 0, pending: 0 });
    const { rows: landed } = await db.query(`SELECT 1 FROM feed_school_returns WHERE feed_id = $1`, [feedId]);
    expect(landed).toHaveLength(9);
  });
});
