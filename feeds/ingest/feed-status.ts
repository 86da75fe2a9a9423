/**
 * A feed's progress for its sender and the people who fix its dead letters: counts of data records by state (a
 * CSV header is not a data record) and its letters, a page at a time in the order they were written.
 */
import type { Queryable } from '../../store/db.js';
import type { DeadLetterReason } from '../records/dead-letter-reasons.js';
import type { FeedKind, FeedState } from './feed-records-store.js';
import { csvHeaderPosition } from './ingest-chunk.js';

export interface FeedDeadLetter {
  /** The letter's id (a bigserial, as a string): the cursor for `after`. */
  id: string;
  position: number;
  reason: DeadLetterReason;
  detail: string;
  status: 'OPEN' | 'REPLAYED' | 'DISCARDED';
  replay: number;
}

export interface FeedStatus {
  id: string;
  kind: FeedKind;
  status: FeedState;
  sender: string | null;
  receivedAt: string;
  processedAt: string | null;
  /** Data records stored (for a CSV, the rows after the header). */
  recordCount: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  pending: number;
  deadLetters(first: number, after?: string | null): Promise<FeedDeadLetter[]>;
}

export const maxDeadLettersPage = 500;

export async function feedStatus(db: Queryable, feedId: string): Promise<FeedStatus | null> {
  const { rows } = await db.query<{
    id: string;
    kind: FeedKind;
    status: FeedState;
    sender: string | null;
    received_at: Date;
    processed_at: Date | null;
    records: string;
    accepted: string;
    duplicates: string;
    rejected: string;
    pending: string;
  }>(
    `SELECT feed.id, feed.kind, feed.status, feed.sender, feed.received_at, feed.processed_at,
            count(record.position) AS records,
            count(record.position) FILTER (WHERE record.state = 'ACCEPTED') AS accepted,
            count(record.position) FILTER (WHERE record.state = 'DUPLICATE') AS duplicates,
            count(record.position) FILTER (WHERE record.state = 'REJECTED') AS rejected,
            count(record.position) FILTER (WHERE record.state = 'PENDING') AS pending
       FROM feeds AS feed
       LEFT JOIN feed_records AS record
         ON record.feed_id = feed.id AND NOT (feed.kind = 'SCHOOL_CSV' AND record.position = $2)
      WHERE feed.id = $1
      GROUP BY feed.id`,
    [feedId, csvHeaderPosition],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    sender: row.sender,
    receivedAt: new Date(row.received_at).toISOString(),
    processedAt: row.processed_at === null ? null : new Date(row.processed_at).toISOString(),
    recordCount: Number(row.records),
    accepted: Number(row.accepted),
    duplicates: Number(row.duplicates),
    rejected: Number(row.rejected),
    pending: Number(row.pending),
    deadLetters: (first, after) => deadLettersOf(db, feedId, first, after ?? null),
  };
}

export async function deadLettersOf(
  db: Queryable,
  feedId: string,
  first: number,
  after: string | null,
): Promise<FeedDeadLetter[]> {
  const limit = Math.max(0, Math.min(Math.trunc(first), maxDeadLettersPage));
  const cursor = after !== null && /^\d{1,18}$/.test(after) ? after : '0';
  if (limit === 0) return [];
  const { rows } = await db.query<FeedDeadLetter & { id: string }>(
    `SELECT id::text AS id, position, reason, detail, status, replay
       FROM feed_dead_letters WHERE feed_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    [feedId, cursor, limit],
  );
  return rows;
}
