/**
 * A record the store refuses although it passed validation (a value PostgreSQL's types cannot hold, a constraint
 * the validator does not know): one such record must not fail its chunk on every retry and hold up the feed.
 * ingest-feed.ts retries the failed chunk a record at a time; the record that still fails alone is settled here
 * as a dead letter, INTERNAL_ERROR, in a transaction of its own.
 */
import type { Db } from '../../store/db.js';
import { finishFeedIfDone, lockFeed, pendingRecords, settleRecords } from './feed-records-store.js';
import { rejected } from './record-outcome.js';

/** SQLSTATE classes of a value the store refused: data exceptions (22) and integrity violations (23). */
export function isUnstorableValue(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

/** Dead-letters the feed's first PENDING record; returns its position, or null when none is left. */
export async function deadLetterFirstPending(db: Db, feedId: string, now: Date): Promise<number | null> {
  return db.transaction(async (tx) => {
    const feed = await lockFeed(tx, feedId);
    if (!feed || feed.status !== 'RECEIVED') return null;
    const [record] = await pendingRecords(tx, feedId, 1);
    if (!record) return null;
    await settleRecords(
      tx,
      feedId,
      [rejected(record.position, 'INTERNAL_ERROR', '(record): could not be stored')],
      new Map([[record.position, record.replays]]),
      now,
    );
    await finishFeedIfDone(tx, feedId, now);
    return record.position;
  });
}
