/**
 * `reconcile-all`: the nightly run (a BullMQ job scheduler adds it; see reconcile-schedule.ts). It pages through
 * every child in the identity index and adds one `reconcile-child` job per batch. Each batch job's id is
 * `<run id>-<batch number>`, so a redelivered fan-out adds nothing twice.
 */
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { childIdPage } from '../../connectors/identity/identity-reads.js';
import { defineJob } from '../define-job.js';

export const reconcileAllJob = defineJob({
  name: 'reconcile-all',
  domain: 'reconcile',
  data: z.object({
    /** Names the run; defaults to the job id (each scheduled run gets its own). */
    runId: z
      .string()
      .regex(/^[\w:-]{1,100}$/)
      .optional(),
    batchSize: z.number().int().min(1).max(100).default(100),
    requestId: z.string().optional(),
  }),
  concurrency: 1,
  jobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  async run(data, context) {
    const { enqueue, db, logger } = context.deps;
    if (!enqueue)
      throw new UnrecoverableError('reconcile-all needs a queue to add its batches to (hub wiring)');
    const runId = (data.runId ?? `run-${context.jobId}`).replaceAll(':', '-');
    let after: string | null = null;
    let batches = 0;
    let children = 0;
    for (;;) {
      const page = await childIdPage(db, {}, data.batchSize, after);
      if (page.ids.length === 0) break;
      await enqueue('reconcile-child', [
        {
          data: { childIds: page.ids, trigger: 'NIGHTLY', runId },
          options: { jobId: `${runId}-${batches}` },
        },
      ]);
      batches += 1;
      children += page.ids.length;
      after = page.ids[page.ids.length - 1] ?? null;
      if (!page.hasNextPage) break;
    }
    logger.info({ runId, batches, children }, 'reconciliation run fanned out');
    return { runId, batches, children };
  },
});
