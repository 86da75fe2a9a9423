/**
 * `reconcile-all`: the nightly run (a BullMQ job scheduler adds it; see hub/job-queues.ts). It pages through every
 * child in the identity index and adds one `reconcile-child` job per batch.
 *
 * BullMQ's state lives in Redis, so what a run survives is what Redis keeps. The guarantee, and what makes it true
 * (test/reconcile-faults.test.ts checks each case):
 * - The fan-out is idempotent by job id and may be run again at any time. A batch job's id is
 *   `<run id>-<batch number>-<digest of its child ids>`: running the fan-out again under the same run id (a
 *   redelivery, a retry, someone adding the run again) adds only the batches Redis does not hold, and a batch whose
 *   children changed since (a child added to or split from the index) gets a new id, so a stale id never leaves a
 *   child out. Reconciling a child twice changes nothing (reconcile-child), so extra batches cost time, not findings.
 * - A worker killed mid-run: its batches are handed out again once their locks expire (BullMQ's stalled-job check,
 *   30 to 60 s), to any worker. BullMQ fails a job it finds stalled a second time ("job stalled more than allowable
 *   limit", worker option maxStalledCount 1) whatever attempts it has left — this fan-out included; those children
 *   wait for the next run. Raising it for these idempotent jobs needs jobs/worker-host.ts to pass worker options.
 * - Redis crashing and coming back with its append-only file (production: appendfsync everysec, ADR 0004) loses
 *   at most the last second of writes. The file replays a prefix of what happened, so if a batch's add was lost,
 *   the fan-out's completion, written after it, was lost too: the fan-out comes back active, is handed out again
 *   when its lock expires, and adds exactly the missing batches. Batches that come back unfinished run again.
 * - Redis coming back empty (no AOF, a new server) loses the run with it: add `reconcile-all` again with the same
 *   run id (or wait for the next night's run); the workers reconnect to the new server by themselves, and the
 *   nightly scheduler is recreated when a worker starts.
 * Batches are added in bulk, so the window in which a crash interrupts the fan-out itself stays short.
 */
import { createHash } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { childIdPage } from '../../connectors/identity/identity-reads.js';
import { defineJob, type Enqueue } from '../define-job.js';

/** Batch jobs added per round trip to Redis. */
const addsPerCall = 200;

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
  // Re-running is safe (findings unchanged on re-run; batch ids idempotent): survive repeated worker deaths.
  maxStalledCount: 5,
  jobOptions: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  async run(data, context) {
    const { enqueue, db, logger } = context.deps;
    if (!enqueue)
      throw new UnrecoverableError('reconcile-all needs a queue to add its batches to (hub wiring)');
    const runId = (data.runId ?? `run-${context.jobId}`).replaceAll(':', '-');
    let pending: Parameters<Enqueue>[1][number][] = [];
    const flush = async () => {
      if (pending.length > 0) await enqueue('reconcile-child', pending);
      pending = [];
    };
    let after: string | null = null;
    let batches = 0;
    let children = 0;
    for (;;) {
      const page = await childIdPage(db, {}, data.batchSize, after);
      if (page.ids.length === 0) break;
      pending.push({
        data: { childIds: page.ids, trigger: 'NIGHTLY', runId },
        options: { jobId: batchJobId(runId, batches, page.ids) },
      });
      if (pending.length >= addsPerCall) await flush();
      batches += 1;
      children += page.ids.length;
      after = page.ids[page.ids.length - 1] ?? null;
      if (!page.hasNextPage) break;
    }
    await flush();
    logger.info({ runId, batches, children }, 'reconciliation run fanned out');
    return { runId, batches, children };
  },
});

/** `<run id>-<batch number>-<digest of the batch's child ids>`: the same batch of a run always has the same id. */
export function batchJobId(runId: string, batch: number, childIds: readonly string[]): string {
  const digest = createHash('sha256').update(childIds.join('\n')).digest('hex').slice(0, 16);
  return `${runId}-${batch}-${digest}`;
}
