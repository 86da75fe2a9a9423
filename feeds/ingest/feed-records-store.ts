/** The SQL of reading and settling feed records, inside a chunk's transaction unless said otherwise. */
import type { Queryable, Tx } from '../../store/db.js';
import type { StoredRecord } from '../records/decode-record.js';
import type { RecordOutcome } from './record-outcome.js';

export type FeedKind = 'GP_FHIR' | 'SCHOOL_CSV';
export type FeedState = 'RECEIVING' | 'RECEIVED' | 'PROCESSED' | 'ABANDONED';

export interface LockedFeed {
  id: string;
  kind: FeedKind;
  status: FeedState;
  /** The declared sender, else the submitting account: GP resources are keyed by it. */
  sender: string;
}

/** Locks the feed row: chunks of one feed (and replays into it) run one at a time, in position order. */
export async function lockFeed(tx: Tx, feedId: string): Promise<LockedFeed | null> {
  const { rows } = await tx.query<LockedFeed>(
    `SELECT id, kind, status, coalesce(sender, submitted_by) AS sender FROM feeds WHERE id = $1 FOR UPDATE`,
    [feedId],
  );
  return rows[0] ?? null;
}

interface StoredRow {
  position: number;
  bytes: Uint8Array;
  raw_size: number;
  corrected: boolean;
  replays: number;
}

export interface PendingRecord extends StoredRecord {
  replays: number;
}

const storedColumns = `position, coalesce(corrected_raw, raw) AS bytes, raw_size, corrected_raw IS NOT NULL AS corrected,
  replays`;

const toStored = (row: StoredRow): PendingRecord => ({
  position: row.position,
  bytes: row.bytes,
  rawSize: row.raw_size,
  corrected: row.corrected,
  replays: row.replays,
});

export async function pendingRecords(tx: Tx, feedId: string, limit: number): Promise<PendingRecord[]> {
  const { rows } = await tx.query<StoredRow>(
    `SELECT ${storedColumns} FROM feed_records
      WHERE feed_id = $1 AND state = 'PENDING' ORDER BY position LIMIT $2 FOR UPDATE`,
    [feedId, limit],
  );
  return rows.map(toStored);
}

export async function recordAt(
  db: Queryable,
  feedId: string,
  position: number,
): Promise<PendingRecord | null> {
  const { rows } = await db.query<StoredRow>(
    `SELECT ${storedColumns} FROM feed_records WHERE feed_id = $1 AND position = $2`,
    [feedId, position],
  );
  return rows[0] ? toStored(rows[0]) : null;
}

/** Every record of a feed, a page at a time (for the feed's patient index). */
export async function* allRecords(
  db: Queryable,
  feedId: string,
  pageSize = 2000,
): AsyncGenerator<PendingRecord> {
  let after = -1;
  for (;;) {
    const { rows } = await db.query<StoredRow>(
      `SELECT ${storedColumns} FROM feed_records WHERE feed_id = $1 AND position > $2 ORDER BY position LIMIT $3`,
      [feedId, after, pageSize],
    );
    for (const row of rows) yield toStored(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = last.position;
  }
}

/** States, children and letters of a chunk's records, in two statements. */
export async function settleRecords(
  tx: Tx,
  feedId: string,
  outcomes: readonly RecordOutcome[],
  replaysByPosition: ReadonlyMap<number, number>,
  now: Date,
): Promise<void> {
  if (outcomes.length === 0) return;
  await tx.query(
    `UPDATE feed_records AS record
        SET state = settled.state, child_id = settled.child_id, processed_at = $2
       FROM jsonb_to_recordset($3::jsonb) AS settled(position integer, state text, child_id text)
      WHERE record.feed_id = $1 AND record.position = settled.position`,
    [
      feedId,
      now.toISOString(),
      JSON.stringify(
        outcomes.map(({ position, state, childId }) => ({ position, state, child_id: childId })),
      ),
    ],
  );
  const letters = outcomes.flatMap(({ position, letter }) =>
    letter ? [{ position, ...letter, replay: replaysByPosition.get(position) ?? 0 }] : [],
  );
  if (letters.length === 0) return;
  await tx.query(
    `INSERT INTO feed_dead_letters (feed_id, position, reason, detail, created_at, replay)
     SELECT $1, letter.position, letter.reason, letter.detail, $2, letter.replay
       FROM jsonb_to_recordset($3::jsonb) AS letter(position integer, reason text, detail text, replay integer)
     ON CONFLICT (feed_id, position, replay) DO NOTHING`,
    [feedId, now.toISOString(), JSON.stringify(letters)],
  );
}

/** PROCESSED once nothing is PENDING; returns whether it is. */
export async function finishFeedIfDone(tx: Tx, feedId: string, now: Date): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE feeds SET status = 'PROCESSED', processed_at = $2
      WHERE id = $1 AND status = 'RECEIVED'
        AND NOT EXISTS (SELECT 1 FROM feed_records WHERE feed_id = $1 AND state = 'PENDING')`,
    [feedId, now.toISOString()],
  );
  return rowCount > 0;
}
