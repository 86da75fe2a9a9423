/**
 * The record of who replayed or discarded a dead letter (feed_actions, store/migrations/0011): written in the
 * same transaction as the change, so a replay or discard never happens unrecorded. The access audit has no place
 * for it (its rows name a child unless access was refused, and a dead letter often has no child). Ids and the
 * person's reason only — never the record's content.
 */
import { z } from 'zod';
import type { Queryable } from '../../store/db.js';

export const FEED_ACTIONS = ['REPLAY_DEAD_LETTER', 'DISCARD_DEAD_LETTER'] as const;
export type FeedAction = (typeof FEED_ACTIONS)[number];

/** The purpose every feed action is recorded under, whatever purpose the person's token claimed. */
export const feedActionPurpose = 'DATA_FEED';

const text = (max: number) => z.string().trim().min(1).max(max);

export const feedActionSchema = z.strictObject({
  occurredAt: z.date(),
  requestId: text(128),
  userId: text(256),
  role: text(128),
  organisation: text(256),
  action: z.enum(FEED_ACTIONS),
  feedId: text(80),
  deadLetterId: z.string().regex(/^[1-9]\d{0,17}$/),
  position: z.number().int().min(0),
  reason: text(2000).nullable(),
});

export type FeedActionEntry = z.input<typeof feedActionSchema>;

export interface RecordedFeedAction extends Omit<FeedActionEntry, 'occurredAt'> {
  id: string;
  occurredAt: string;
  purpose: string;
}

export async function recordFeedAction(db: Queryable, entry: FeedActionEntry): Promise<void> {
  const valid = feedActionSchema.parse(entry);
  await db.query(
    `INSERT INTO feed_actions (occurred_at, request_id, user_id, role, organisation, purpose, action, feed_id,
                               dead_letter_id, position, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::bigint, $10, $11)`,
    [
      valid.occurredAt,
      valid.requestId,
      valid.userId,
      valid.role,
      valid.organisation,
      feedActionPurpose,
      valid.action,
      valid.feedId,
      valid.deadLetterId,
      valid.position,
      valid.reason,
    ],
  );
}

/** A feed's recorded actions, oldest first (for the privacy officer and for tests). */
export async function feedActionsOf(db: Queryable, feedId: string): Promise<RecordedFeedAction[]> {
  const { rows } = await db.query<{
    id: string;
    occurred_at: Date | string;
    request_id: string;
    user_id: string;
    role: string;
    organisation: string;
    purpose: string;
    action: FeedAction;
    feed_id: string;
    dead_letter_id: string;
    position: number;
    reason: string | null;
  }>(
    `SELECT id::text AS id, occurred_at, request_id, user_id, role, organisation, purpose, action, feed_id,
            dead_letter_id::text AS dead_letter_id, position, reason
       FROM feed_actions WHERE feed_id = $1 ORDER BY occurred_at, id`,
    [feedId],
  );
  return rows.map((row) => ({
    id: row.id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    requestId: row.request_id,
    userId: row.user_id,
    role: row.role,
    organisation: row.organisation,
    purpose: row.purpose,
    action: row.action,
    feedId: row.feed_id,
    deadLetterId: row.dead_letter_id,
    position: row.position,
    reason: row.reason,
  }));
}
