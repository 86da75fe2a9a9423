/**
 * `ingest-feed`: validates, matches and lands (or dead-letters) the PENDING records of one feed, chunk by chunk
 * (feeds/ingest/), then enqueues reconciliation for the children each chunk touched and notifications for the
 * alerts it raised. Added by feed intake once a feed is RECEIVED, and after a dead letter is replayed. Re-running
 * is always safe — each chunk commits its landings and record states together — so a worker death is survived
 * many times over. Its follow-ups are kept in the store until they reach the queues (feeds/ingest/follow-ups-store).
 */
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { ingestFeed, type IngestReport } from '../../feeds/ingest/ingest-feed.js';
import { defineJob } from '../define-job.js';
import { enqueueFollowUps } from './follow-ups.js';

export const ingestFeedQueue = 'ingest-feed';

export const ingestFeedData = z.object({
  feedId: z.string().regex(/^feed_[A-Za-z0-9_-]{1,64}$/),
  requestId: z.string().max(100).optional(),
});

export const ingestFeedJob = defineJob<z.infer<typeof ingestFeedData>, IngestReport>({
  name: ingestFeedQueue,
  domain: 'feeds',
  data: ingestFeedData,
  concurrency: 2,
  // Every re-run resumes at the first PENDING record, so a job whose workers keep dying is worth picking up again.
  maxStalledCount: 100,
  // The feed's state is in the store, not in the job: a finished or failed job is removed, so the feed sweep's
  // re-add (job id = feed id) is never swallowed by an old job of the same id while the feed is still RECEIVED.
  jobOptions: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: true,
    removeOnFail: true,
  },
  async run(data, context) {
    const { db, now, logger, enqueue } = context.deps;
    if (!enqueue)
      throw new UnrecoverableError('ingest-feed needs enqueue (hub wiring) for reconciliation and alerts');
    const report = await ingestFeed(
      { db, now, afterChunk: (chunk) => enqueueFollowUps(enqueue, chunk) },
      data.feedId,
    );
    logger.info({ ...report }, 'feed ingested');
    return report;
  },
});
