/**
 * The feed operations the gateway uses: the feed ingest's functions for status, replay, discard and the landed
 * data, and SQL of its own (over store/migrations/0010_feeds.sql) for who submitted a feed, listings, and
 * dead-letter pages that say whether there is more.
 */
import { z } from 'zod';
import { gpFeedResourcesOf, schoolReturnsOf } from '../../feeds/ingest/child-feed-reads.js';
import { discardDeadLetter, replayDeadLetter } from '../../feeds/ingest/dead-letter-actions.js';
import { feedStatus as ingestFeedStatus, maxDeadLettersPage } from '../../feeds/ingest/feed-status.js';
import { HubError } from '../../platform/errors.js';
import type { Queryable } from '../../store/db.js';
import type {
  DeadLetterOfFeed,
  DeadLetterPage,
  FeedListing,
  FeedOperations,
  FeedPage,
  FeedStatusView,
  FeedSummary,
} from './feed-operations.js';

/** A dead letter's id is its cursor (letters are listed in id order). */
const letterId = z.string().regex(/^[1-9]\d{0,17}$/);
/** A feed's cursor: its received instant and id, newest first. */
const feedCursor = z.tuple([z.iso.datetime(), z.string().min(1).max(80)]);

function badCursor(): HubError {
  return new HubError('VALIDATION_FAILED', { safeMessage: 'The cursor is not one this listing gave.' });
}

export function decodeFeedCursor(cursor: string): [string, string] {
  try {
    return feedCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badCursor();
  }
}

export function encodeFeedCursor(feed: Pick<FeedSummary, 'receivedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([feed.receivedAt, feed.id]), 'utf8').toString('base64url');
}

const iso = (value: Date | string) => new Date(value).toISOString();

async function submitterOf(db: Queryable, feedId: string): Promise<string | null> {
  const { rows } = await db.query<{ submitted_by: string }>(`SELECT submitted_by FROM feeds WHERE id = $1`, [
    feedId,
  ]);
  return rows[0]?.submitted_by ?? null;
}

async function feedStatus(db: Queryable, feedId: string): Promise<FeedStatusView | null> {
  const [status, submittedBy] = await Promise.all([ingestFeedStatus(db, feedId), submitterOf(db, feedId)]);
  if (!status || submittedBy === null) return null;
  return {
    ...status,
    submittedBy,
    deadLetters: async (first, after): Promise<DeadLetterPage> => {
      if (after !== null && after !== undefined && !letterId.safeParse(after).success) throw badCursor();
      // One more than asked says whether there is a next page.
      const size = Math.min(first, maxDeadLettersPage - 1);
      const letters = await status.deadLetters(size + 1, after ?? null);
      const items = letters.slice(0, size);
      return { items, endCursor: items.at(-1)?.id ?? null, hasNextPage: letters.length > size };
    },
  };
}

interface FeedRow {
  id: string;
  kind: FeedSummary['kind'];
  status: FeedSummary['status'];
  sender: string | null;
  submitted_by: string;
  received_at: Date | string;
  processed_at: Date | string | null;
}

async function listFeeds(db: Queryable, listing: FeedListing): Promise<FeedPage> {
  const after = listing.after ? decodeFeedCursor(listing.after) : null;
  const { rows } = await db.query<FeedRow>(
    `SELECT id, kind, status, sender, submitted_by, received_at, processed_at FROM feeds
      WHERE ($1::text IS NULL OR status = $1)
        AND ($2::text IS NULL OR submitted_by = $2)
        AND ($3::timestamptz IS NULL OR (received_at, id) < ($3::timestamptz, $4::text))
      ORDER BY received_at DESC, id DESC LIMIT $5`,
    [
      listing.status ?? null,
      listing.submittedBy ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      listing.first + 1,
    ],
  );
  const items = rows.slice(0, listing.first).map((row): FeedSummary => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    sender: row.sender,
    submittedBy: row.submitted_by,
    receivedAt: iso(row.received_at),
    processedAt: row.processed_at === null ? null : iso(row.processed_at),
  }));
  const last = items.at(-1);
  return {
    items,
    endCursor: last ? encodeFeedCursor(last) : null,
    hasNextPage: rows.length > listing.first,
  };
}

async function deadLetterOf(db: Queryable, deadLetterId: string): Promise<DeadLetterOfFeed | null> {
  if (!letterId.safeParse(deadLetterId).success) return null;
  const { rows } = await db.query<DeadLetterOfFeed & { submitted_by: string; feed_id: string }>(
    `SELECT letter.id::text AS id, letter.feed_id, letter.position, letter.reason, letter.detail, letter.status,
            letter.replay, feed.submitted_by
       FROM feed_dead_letters AS letter JOIN feeds AS feed ON feed.id = letter.feed_id
      WHERE letter.id = $1::bigint`,
    [deadLetterId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    feedId: row.feed_id,
    position: row.position,
    reason: row.reason,
    detail: row.detail,
    status: row.status,
    replay: row.replay,
    submittedBy: row.submitted_by,
  };
}

export const feedOperations: FeedOperations = {
  feedStatus,
  listFeeds,
  deadLetterOf,
  replayDeadLetter,
  discardDeadLetter,
  gpFeedResourcesOf,
  schoolReturnsOf,
};
