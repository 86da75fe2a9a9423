/**
 * Stores a feed durably, record by record, as it streams in. The feed row is written first as RECEIVING; records
 * go in batches (each its own commit, so an upload of any size never holds one long transaction — with embedded
 * PGlite that would stall the whole hub); the last step, in one transaction, makes the feed RECEIVED. The ingest
 * job only takes RECEIVED feeds, so an upload that breaks off leaves a RECEIVING feed that is never processed:
 * its rows are removed at once, or by `abandonStaleFeeds` if the database was unreachable at that moment.
 *
 * The same bytes sent again (same kind, same sha256) add nothing: the new copy is abandoned and the first feed's
 * id returned. For CSV, the header row is stored as the record at position 1 (the validator reads the column
 * names from it); `record_count` counts data records only.
 */
import type { Db, Queryable } from '../../store/db.js';
import { newFeedId } from './feed-id.js';
import type { FeedKind, FeedRecord } from './feed-record.js';

export type FeedStatus = 'RECEIVING' | 'RECEIVED' | 'PROCESSED' | 'ABANDONED';

export interface ReceiveFeedInput {
  kind: FeedKind;
  /** The feed client's user id. */
  submittedBy: string;
  /** The declared sender (ODS code, URN), or null. */
  sender: string | null;
  records: AsyncIterable<FeedRecord>;
  /** Size and sha256 of the bytes the records came from, read once the records are exhausted. */
  content: { bytes(): number; sha256(): string };
  now: () => Date;
  /** Records per INSERT, and bytes per INSERT: whichever is reached first (measured: bench/feeds/intake.ts). */
  batch?: { rows: number; bytes: number };
}

export interface ReceivedFeed {
  feedId: string;
  /** Set when these bytes were received before: then feedId is the first feed's id, and nothing was added. */
  duplicateOf?: string;
  status: FeedStatus;
  /** Data records of the feed (a CSV header is not one). */
  recordCount: number;
  bytes: number;
}

export const DEFAULT_INTAKE_BATCH = { rows: 2000, bytes: 4 * 1024 * 1024 };

// One multi-row INSERT per batch. The batch's bytes travel as ONE bytea parameter (sent in binary) cut into
// records by offset: a bytea[] array goes as hex text (twice the bytes, parsed back by the server), which
// measured about half as fast (bench/feeds/intake.ts).
const insertRecordsSql = `INSERT INTO feed_records (feed_id, position, raw, raw_size)
  SELECT $1, t.position, substring($2::bytea FROM t.start FOR t.length), t.raw_size
    FROM unnest($3::int[], $4::int[], $5::int[], $6::int[]) AS t(position, start, length, raw_size)`;

export async function receiveFeed(db: Db, input: ReceiveFeedInput): Promise<ReceivedFeed> {
  const feedId = newFeedId();
  await db.query(
    `INSERT INTO feeds (id, kind, submitted_by, sender, status, received_at) VALUES ($1, $2, $3, $4, 'RECEIVING', $5)`,
    [feedId, input.kind, input.submittedBy, input.sender, input.now()],
  );
  let stored: number;
  try {
    stored = await storeRecords(db, feedId, input.records, input.batch ?? DEFAULT_INTAKE_BATCH);
  } catch (error) {
    // Nothing of a refused or broken-off feed is kept; if this fails too, the feed stays RECEIVING (never
    // processed) until abandonStaleFeeds removes it.
    await discardFeed(db, feedId).catch(() => undefined);
    throw error;
  }
  const recordCount = input.kind === 'SCHOOL_CSV' ? Math.max(0, stored - 1) : stored;
  return completeFeed(db, {
    feedId,
    kind: input.kind,
    sha256: input.content.sha256(),
    bytes: input.content.bytes(),
    recordCount,
    storedAt: input.now(),
  });
}

/**
 * Inserts records in batches, up to two in flight (on two pooled connections) while the next is read from the
 * body, so reading the upload and writing to the database overlap; at most three batches are held in memory.
 */
async function storeRecords(
  db: Db,
  feedId: string,
  records: AsyncIterable<FeedRecord>,
  limits: { rows: number; bytes: number },
): Promise<number> {
  const maxInFlight = 2;
  let batch: FeedRecord[] = [];
  let batchBytes = 0;
  let stored = 0;
  // Each settles to its insert's error or null, so a failure is never an unhandled rejection mid-upload.
  const inFlight: Array<Promise<unknown>> = [];
  let failed: unknown = null;
  const settleOldest = async () => {
    const error = await inFlight.shift();
    if (error !== null && error !== undefined) throw error;
  };
  const flush = async () => {
    const rows = batch;
    batch = [];
    batchBytes = 0;
    if (inFlight.length >= maxInFlight) await settleOldest();
    inFlight.push(
      insertBatch(db, feedId, rows).then(
        () => null,
        (error: unknown) => (failed = error),
      ),
    );
    stored += rows.length;
  };
  try {
    for await (const record of records) {
      if (failed !== null) throw failed;
      batch.push(record);
      batchBytes += record.raw.length;
      if (batch.length >= limits.rows || batchBytes >= limits.bytes) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (error) {
    // The clean-up that follows must not race an insert still in flight.
    await Promise.all(inFlight);
    throw error;
  }
  while (inFlight.length > 0) await settleOldest();
  return stored;
}

function insertBatch(db: Queryable, feedId: string, rows: readonly FeedRecord[]) {
  const starts: number[] = [];
  const lengths: number[] = [];
  let start = 1;
  for (const row of rows) {
    starts.push(start);
    lengths.push(row.raw.length);
    start += row.raw.length;
  }
  return db.query(insertRecordsSql, [
    feedId,
    Buffer.concat(rows.map((r) => r.raw)),
    rows.map((r) => r.position),
    starts,
    lengths,
    rows.map((r) => r.rawSize),
  ]);
}

async function completeFeed(
  db: Db,
  done: {
    feedId: string;
    kind: FeedKind;
    sha256: string;
    bytes: number;
    recordCount: number;
    storedAt: Date;
  },
): Promise<ReceivedFeed> {
  // Two uploads of the same bytes can finish together: the unique index on (kind, hash) lets one become RECEIVED;
  // the other fails, and on its second attempt finds the first.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction(async (tx) => {
        const { rows } = await tx.query<{
          id: string;
          status: FeedStatus;
          record_count: number;
          bytes: string;
        }>(
          `SELECT id, status, record_count, bytes FROM feeds
            WHERE kind = $1 AND content_sha256 = $2 AND status <> 'ABANDONED' AND id <> $3 LIMIT 1`,
          [done.kind, done.sha256, done.feedId],
        );
        const first = rows[0];
        if (first) {
          await tx.query(`DELETE FROM feed_records WHERE feed_id = $1`, [done.feedId]);
          await tx.query(
            `UPDATE feeds SET status = 'ABANDONED', content_sha256 = $2, bytes = $3, record_count = $4, stored_at = $5
              WHERE id = $1`,
            [done.feedId, done.sha256, done.bytes, done.recordCount, done.storedAt],
          );
          return {
            feedId: first.id,
            duplicateOf: first.id,
            status: first.status,
            recordCount: first.record_count,
            bytes: Number(first.bytes),
          };
        }
        const updated = await tx.query(
          `UPDATE feeds SET status = 'RECEIVED', content_sha256 = $2, bytes = $3, record_count = $4, stored_at = $5
            WHERE id = $1 AND status = 'RECEIVING'`,
          [done.feedId, done.sha256, done.bytes, done.recordCount, done.storedAt],
        );
        if (updated.rowCount !== 1) throw new Error('the feed was abandoned while it was being received');
        return { feedId: done.feedId, status: 'RECEIVED', recordCount: done.recordCount, bytes: done.bytes };
      });
    } catch (error) {
      if (attempt >= 2 || (error as { code?: unknown }).code !== '23505') {
        await discardFeed(db, done.feedId).catch(() => undefined);
        throw error;
      }
    }
  }
}

/** Removes a feed that was never completed (RECEIVING), and its records. */
async function discardFeed(db: Db, feedId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM feed_records WHERE feed_id = $1`, [feedId]);
    await tx.query(`DELETE FROM feeds WHERE id = $1 AND status = 'RECEIVING'`, [feedId]);
  });
}

/**
 * Abandons feeds still RECEIVING that began before `olderThan` (uploads whose clean-up could not reach the
 * database), removing their records. Returns how many were abandoned. `olderThan` must be well past the longest
 * upload, or a slow upload still in progress would be abandoned under it (its completion then fails).
 */
export async function abandonStaleFeeds(db: Db, { olderThan }: { olderThan: Date }): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `UPDATE feeds SET status = 'ABANDONED' WHERE status = 'RECEIVING' AND received_at < $1 RETURNING id`,
      [olderThan],
    );
    if (rows.length > 0)
      await tx.query(`DELETE FROM feed_records WHERE feed_id = ANY($1::text[])`, [rows.map((row) => row.id)]);
    return rows.length;
  });
}
