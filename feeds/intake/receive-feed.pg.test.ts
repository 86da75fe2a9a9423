import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { migrate } from '../../store/migrate.js';
import { openPgliteDb } from '../../store/pglite-db.js';
import { migratedSchema, type TestSchema } from '../../store/testing/migrated-schema.js';
import { enqueueReceivedFeeds } from './enqueue-received-feeds.js';
import { splitFeedBody } from './feed-body.js';
import type { FeedKind } from './feed-record.js';
import { isFeedRefusal } from './feed-refusal.js';
import { abandonStaleFeeds, receiveFeed } from './receive-feed.js';

const limitsOf = (kind: FeedKind) => ({
  maxBodyBytes: 1_000_000,
  maxRecordBytes: kind === 'SCHOOL_CSV' ? 64 : 10_000,
});
const now = () => new Date('2026-11-02T10:00:00Z');

async function* chunksOf(body: Buffer, size = 7, failAfter?: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < body.length; i += size) {
    if (failAfter !== undefined && i >= failAfter)
      throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    yield body.subarray(i, i + size);
  }
}

function receive(
  db: Db,
  kind: FeedKind,
  body: Buffer | string,
  options: { failAfter?: number; batchRows?: number } = {},
) {
  const { records, content } = splitFeedBody(
    kind,
    chunksOf(Buffer.from(body), 7, options.failAfter),
    limitsOf(kind),
  );
  return receiveFeed(db, {
    kind,
    submittedBy: 'feed-client-1',
    sender: kind === 'GP_FHIR' ? 'M81001' : '123456',
    records,
    content,
    now,
    batch: { rows: options.batchRows ?? 3, bytes: 1_000_000 },
  });
}

const csv = (rows: number, tag = 'a') =>
  ['upn,note', ...Array.from({ length: rows }, (_, i) => `A${i},"${tag} ${i}\r\nsecond line"`)].join('\r\n') +
  '\r\n';

for (const engine of ['postgres', 'pglite'] as const) {
  describe(`receiving a feed (${engine})`, () => {
    let test: TestSchema | undefined;
    let db: Db;
    beforeAll(async () => {
      if (engine === 'postgres') {
        test = await migratedSchema({ prefix: 't_feed_intake' });
        db = test.db;
      } else {
        db = await openPgliteDb({ dataDir: 'memory://', schema: 'hub' });
        await migrate(db);
      }
    });
    afterAll(async () => {
      if (test) await test.drop();
      else await db.close();
    });

    const recordsOf = async (feedId: string) =>
      (
        await db.query<{ position: number; raw: Uint8Array; raw_size: number; state: string }>(
          `SELECT position, raw, raw_size, state FROM feed_records WHERE feed_id = $1 ORDER BY position`,
          [feedId],
        )
      ).rows.map((r) => ({
        position: r.position,
        raw: Buffer.from(r.raw).toString(),
        rawSize: r.raw_size,
        state: r.state,
      }));

    it('stores every CSV row as received, the header at position 1, and makes the feed RECEIVED', async () => {
      const body = csv(7);
      const result = await receive(db, 'SCHOOL_CSV', body);
      expect(result).toMatchObject({ status: 'RECEIVED', recordCount: 7, bytes: Buffer.byteLength(body) });
      expect(result.duplicateOf).toBeUndefined();
      const records = await recordsOf(result.feedId);
      expect(records).toHaveLength(8);
      expect(records[0]).toEqual({ position: 1, raw: 'upn,note', rawSize: 8, state: 'PENDING' });
      expect(records[1]).toEqual({
        position: 2,
        raw: 'A0,"a 0\r\nsecond line"',
        rawSize: 21,
        state: 'PENDING',
      });
      expect(records[7]?.position).toBe(14);
      const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM feeds WHERE id = $1`, [
        result.feedId,
      ]);
      expect(rows[0]).toMatchObject({
        kind: 'SCHOOL_CSV',
        status: 'RECEIVED',
        submitted_by: 'feed-client-1',
        sender: '123456',
        record_count: 7,
      });
      expect(rows[0]?.['stored_at']).not.toBeNull();
      expect(rows[0]?.['content_sha256']).toMatch(/^[0-9a-f]{64}$/);
    });

    it('answers a feed sent again with the first feed id and adds nothing', async () => {
      const body = csv(5, 'dup');
      const first = await receive(db, 'SCHOOL_CSV', body);
      const count = async () =>
        (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feed_records`)).rows[0]?.n;
      const before = await count();
      const again = await receive(db, 'SCHOOL_CSV', body, { batchRows: 2 });
      expect(again).toEqual({ ...first, duplicateOf: first.feedId });
      expect(await count()).toBe(before);
      const live = await db.query(
        `SELECT id FROM feeds WHERE content_sha256 = (SELECT content_sha256 FROM feeds WHERE id = $1) AND status <> 'ABANDONED'`,
        [first.feedId],
      );
      expect(live.rows).toEqual([{ id: first.feedId }]);
    });

    it('keeps the first bytes of an oversize record and its size', async () => {
      const long = 'x'.repeat(200);
      const result = await receive(db, 'SCHOOL_CSV', `h\n${long}\n`);
      const records = await recordsOf(result.feedId);
      expect(records[1]).toMatchObject({ raw: long.slice(0, 64), rawSize: 200 });
    });

    it('stores Bundle entries by index', async () => {
      const entries = Array.from({ length: 5 }, (_, i) => ({
        fullUrl: `urn:uuid:${i}`,
        resource: { resourceType: 'Encounter', id: `e${i}` },
      }));
      const result = await receive(
        db,
        'GP_FHIR',
        JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries }),
      );
      expect(result).toMatchObject({ status: 'RECEIVED', recordCount: 5 });
      const records = await recordsOf(result.feedId);
      expect(records.map((r) => [r.position, JSON.parse(r.raw)])).toEqual(entries.map((e, i) => [i, e]));
    });

    it('keeps nothing of a Bundle refused at its end, after entries were stored', async () => {
      const entries = Array.from({ length: 9 }, (_, i) => ({ resource: { id: `e${i}` } }));
      const body = JSON.stringify({ resourceType: 'Bundle', entry: entries, type: 'searchset' });
      const before = (await db.query(`SELECT id FROM feeds`)).rows.length;
      await expect(receive(db, 'GP_FHIR', body)).rejects.toSatisfy(
        (error: unknown) => isFeedRefusal(error) && error.reason === 'BUNDLE_TYPE',
      );
      expect((await db.query(`SELECT id FROM feeds`)).rows.length).toBe(before);
      expect(
        (
          await db.query(
            `SELECT 1 FROM feed_records r LEFT JOIN feeds f ON f.id = r.feed_id WHERE f.id IS NULL`,
          )
        ).rows,
      ).toEqual([]);
    });

    it('keeps nothing processable of an upload that breaks off', async () => {
      const before = (await db.query(`SELECT id FROM feeds`)).rows.length;
      await expect(receive(db, 'SCHOOL_CSV', csv(40, 'cut'), { failAfter: 500 })).rejects.toThrow('aborted');
      expect((await db.query(`SELECT id FROM feeds`)).rows.length).toBe(before);
    });

    it('abandons feeds left RECEIVING and enqueues RECEIVED ones', async () => {
      await db.query(
        `INSERT INTO feeds (id, kind, submitted_by, status, received_at) VALUES ('feed_stale', 'SCHOOL_CSV', 'x', 'RECEIVING', $1)`,
        [new Date('2026-11-01T00:00:00Z')],
      );
      await db.query(
        `INSERT INTO feed_records (feed_id, position, raw, raw_size) VALUES ('feed_stale', 1, '\\x41', 1)`,
      );
      expect(await abandonStaleFeeds(db, { olderThan: new Date('2026-11-01T12:00:00Z') })).toBe(1);
      expect((await db.query(`SELECT status FROM feeds WHERE id = 'feed_stale'`)).rows).toEqual([
        { status: 'ABANDONED' },
      ]);
      expect((await db.query(`SELECT 1 FROM feed_records WHERE feed_id = 'feed_stale'`)).rows).toEqual([]);

      const calls: Array<{ queue: string; jobs: unknown }> = [];
      const received = (
        await db.query<{ id: string }>(`SELECT id FROM feeds WHERE status = 'RECEIVED'`)
      ).rows.map((r) => r.id);
      const n = await enqueueReceivedFeeds(db, async (queue, jobs) => void calls.push({ queue, jobs }), {
        chunk: 2,
      });
      expect(n).toBe(received.length);
      expect(calls.every((c) => c.queue === 'ingest-feed')).toBe(true);
      const jobs = calls.flatMap(
        (c) => c.jobs as Array<{ data: { feedId: string }; options: { jobId: string } }>,
      );
      expect(jobs.map((j) => j.data.feedId).sort()).toEqual([...received].sort());
      expect(jobs.every((j) => j.options.jobId === j.data.feedId)).toBe(true);
    });

    it('two identical uploads finishing together leave one feed', async () => {
      const body = csv(30, 'race');
      const [a, b] = await Promise.all([receive(db, 'SCHOOL_CSV', body), receive(db, 'SCHOOL_CSV', body)]);
      expect(a?.feedId).toBe(b?.feedId);
      expect([a?.duplicateOf, b?.duplicateOf].filter((d) => d !== undefined)).toHaveLength(1);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM feed_records WHERE feed_id = $1`,
        [a?.feedId],
      );
      expect(rows[0]?.n).toBe(31);
    });
  });
}
