/**
 * The safety net behind "stored, then enqueued": a feed whose ingest job could not be added (Redis down at that
 * moment) is still RECEIVED, and this adds a job for every such feed. The job id is the feed id, so a feed whose
 * job is already queued is not queued twice. The hub runs it at start-up and on a schedule.
 */
import type { Queryable } from '../../store/db.js';

export const INGEST_FEED_QUEUE = 'ingest-feed';

/** The shape of the hub's enqueue function (jobs/define-job.ts), which feeds/ may not import. */
export type EnqueueFeedJobs = (
  queue: string,
  jobs: ReadonlyArray<{ data: { feedId: string }; options: { jobId: string } }>,
) => Promise<void>;

/** The ingest job for each feed, as the intake route and this sweep add it. */
export function ingestJobsFor(feedIds: readonly string[]) {
  return feedIds.map((feedId) => ({ data: { feedId }, options: { jobId: feedId } }));
}

/** Enqueues the ingest job of every RECEIVED feed, oldest first; returns how many feeds that was. */
export async function enqueueReceivedFeeds(
  db: Queryable,
  enqueue: EnqueueFeedJobs,
  { chunk = 500 }: { chunk?: number } = {},
): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM feeds WHERE status = 'RECEIVED' ORDER BY stored_at, id`,
  );
  const ids = rows.map((row) => row.id);
  for (let i = 0; i < ids.length; i += chunk)
    await enqueue(INGEST_FEED_QUEUE, ingestJobsFor(ids.slice(i, i + chunk)));
  return ids.length;
}
