/**
 * The follow-ups of landed chunks, kept in the store until they reach the queues (migration 0014): written in the
 * chunk's transaction, read back and marked once the job has handed them on. See ingest-feed.ts.
 */
import { z } from 'zod';
import type { Queryable } from '../../store/db.js';
import type { FeedAlert } from './record-outcome.js';

export interface PendingFollowUps {
  ids: string[];
  childIds: string[];
  alerts: FeedAlert[];
}

const alertPayload = z.object({
  kind: z.enum(['UNSCHEDULED_CARE', 'SCHOOL_EXCLUSION']),
  childId: z.string(),
  eventKey: z.string(),
  occurredAt: z.string(),
});
const reconcilePayload = z.object({ childId: z.string() });

export async function recordFollowUps(
  tx: Queryable,
  feedId: string,
  followUps: { childIds: readonly string[]; alerts: readonly FeedAlert[] },
  now: Date,
): Promise<void> {
  const rows = [
    ...followUps.childIds.map((childId) => ({ kind: 'RECONCILE', payload: { childId } })),
    ...followUps.alerts.map((alert) => ({ kind: 'ALERT', payload: alert })),
  ];
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO feed_follow_ups (feed_id, kind, payload, created_at)
     SELECT $1, kind, payload::jsonb, $4 FROM unnest($2::text[], $3::text[]) AS f (kind, payload)`,
    [feedId, rows.map((row) => row.kind), rows.map((row) => JSON.stringify(row.payload)), now],
  );
}

/** The feed's follow-ups not yet handed to the queues, oldest first. */
export async function pendingFollowUps(db: Queryable, feedId: string): Promise<PendingFollowUps> {
  const { rows } = await db.query<{ id: string; kind: string; payload: unknown }>(
    `SELECT id::text AS id, kind, payload FROM feed_follow_ups
     WHERE feed_id = $1 AND dispatched_at IS NULL ORDER BY id`,
    [feedId],
  );
  const pending: PendingFollowUps = { ids: [], childIds: [], alerts: [] };
  for (const row of rows) {
    pending.ids.push(row.id);
    if (row.kind === 'ALERT') pending.alerts.push(alertPayload.parse(row.payload));
    else pending.childIds.push(reconcilePayload.parse(row.payload).childId);
  }
  pending.childIds = [...new Set(pending.childIds)];
  return pending;
}

export async function markDispatched(db: Queryable, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`UPDATE feed_follow_ups SET dispatched_at = $2 WHERE id = ANY($1::bigint[])`, [ids, now]);
}

/** notify-alert settled this alert: a feed follow-up that raised it need not be handed on again. */
export async function markAlertFollowUpsDone(
  db: Queryable,
  alert: { childId: string; eventKey: string },
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE feed_follow_ups SET completed_at = $3
     WHERE kind = 'ALERT' AND completed_at IS NULL AND payload ->> 'eventKey' = $1 AND payload ->> 'childId' = $2`,
    [alert.eventKey, alert.childId, now],
  );
}

/**
 * Alerts handed to the queue before `before` and never settled: the queue lost them (Redis came back empty), so
 * the feed sweep hands them on again. Their job ids make a second hand-over of one still queued a no-op.
 */
export async function unsettledAlerts(
  db: Queryable,
  before: Date,
  limit = 1000,
): Promise<{ ids: string[]; alerts: FeedAlert[] }> {
  const { rows } = await db.query<{ id: string; payload: unknown }>(
    `SELECT id::text AS id, payload FROM feed_follow_ups
     WHERE kind = 'ALERT' AND dispatched_at IS NOT NULL AND completed_at IS NULL AND dispatched_at < $1
     ORDER BY id LIMIT $2`,
    [before, limit],
  );
  return { ids: rows.map((row) => row.id), alerts: rows.map((row) => alertPayload.parse(row.payload)) };
}
