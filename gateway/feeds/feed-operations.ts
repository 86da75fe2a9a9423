/**
 * What the feeds subschema needs from the feed store. The feed ingest's own functions (feeds/ingest/) answer a
 * feed's status, replay and discard dead letters, and read the landed data of children; the gateway adds what only
 * it needs — who submitted a feed or a letter's feed (to decide who may see it), listings, and a dead-letter page
 * that says whether there is more. `feedOperations` (feed-store.ts) puts the two together; tests may wrap it.
 */
import type { GpFeedResource, SchoolReturnRow } from '../../feeds/ingest/child-feed-reads.js';
import type { FeedDeadLetter, FeedStatus as IngestFeedStatus } from '../../feeds/ingest/feed-status.js';
import type { Db, Queryable } from '../../store/db.js';

export type { GpFeedResource, SchoolReturnRow } from '../../feeds/ingest/child-feed-reads.js';
export type { FeedDeadLetter } from '../../feeds/ingest/feed-status.js';

export const FEED_STATUSES = ['RECEIVING', 'RECEIVED', 'PROCESSED', 'ABANDONED'] as const;
export type FeedStatusName = (typeof FEED_STATUSES)[number];

export interface DeadLetterPage {
  items: FeedDeadLetter[];
  /** Pass as `after` for the next page; null when the page is empty. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** A feed as listings show it; its counts come from its status. */
export interface FeedSummary {
  id: string;
  kind: IngestFeedStatus['kind'];
  status: FeedStatusName;
  sender: string | null;
  submittedBy: string;
  /** ISO 8601. */
  receivedAt: string;
  processedAt: string | null;
}

export interface FeedStatusView extends Omit<IngestFeedStatus, 'deadLetters'> {
  submittedBy: string;
  deadLetters(first: number, after?: string | null): Promise<DeadLetterPage>;
}

export interface FeedPage {
  items: FeedSummary[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface FeedListing {
  first: number;
  after?: string | null;
  status?: FeedStatusName | null;
  /** Only this feed client's feeds; every feed when absent. */
  submittedBy?: string | null;
}

/** A dead letter with what deciding who may act on it needs: its feed and the feed's submitter. */
export interface DeadLetterOfFeed extends FeedDeadLetter {
  feedId: string;
  submittedBy: string;
}

export interface DeadLetterAction {
  deadLetterId: string;
  actor: string;
  now: Date;
}

export interface FeedOperations {
  feedStatus(db: Queryable, feedId: string): Promise<FeedStatusView | null>;
  listFeeds(db: Queryable, listing: FeedListing): Promise<FeedPage>;
  deadLetterOf(db: Queryable, deadLetterId: string): Promise<DeadLetterOfFeed | null>;
  /** Flips an OPEN letter to REPLAYED and puts the corrected record up for ingest; the caller enqueues. */
  replayDeadLetter(db: Db, action: DeadLetterAction & { correctedRaw: Buffer }): Promise<{ feedId: string }>;
  discardDeadLetter(db: Db, action: DeadLetterAction): Promise<{ feedId: string }>;
  gpFeedResourcesOf(db: Queryable, childIds: readonly string[]): Promise<GpFeedResource[]>;
  schoolReturnsOf(db: Queryable, childIds: readonly string[]): Promise<SchoolReturnRow[]>;
}
