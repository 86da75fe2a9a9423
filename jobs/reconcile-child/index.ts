/**
 * `reconcile-child`: reconciles up to 100 children (reconcile-children.ts). Added by agency webhooks and feeds for
 * the children they touch (debounced per child), by the nightly `reconcile-all` fan-out, and as the delayed
 * placement-meeting check. A transient failure (the hub's store, the audit) throws and BullMQ retries with
 * backoff; an agency that cannot be read does not fail the job — its part is recorded as not assessed.
 */
import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { defineJob } from '../define-job.js';
import { reconcileChildren } from './reconcile-children.js';

export const reconcileTriggers = ['WEBHOOK', 'FEED', 'NIGHTLY', 'PLACEMENT_MEETING', 'MANUAL'] as const;

export const reconcileChildJob = defineJob({
  name: 'reconcile-child',
  domain: 'reconcile',
  data: z.object({
    childIds: z
      .array(z.string().regex(/^[\w-]{1,64}$/))
      .min(1)
      .max(100),
    trigger: z.enum(reconcileTriggers),
    runId: z.string().max(100).optional(),
    requestId: z.string().optional(),
  }),
  concurrency: 2,
  // Re-running is safe (findings unchanged on re-run; batch ids idempotent): survive repeated worker deaths.
  maxStalledCount: 5,
  jobOptions: { attempts: 6, backoff: { type: 'exponential', delay: 2000 } },
  async run(data, context) {
    const { audit, reconciliation } = context.deps;
    if (!audit || !reconciliation)
      throw new UnrecoverableError(
        'reconcile-child needs the audit and the reconciliation set-up (hub wiring)',
      );
    const report = await reconcileChildren(
      { ...context.deps, audit, ...reconciliation },
      data.childIds,
      `job-${context.jobId}`,
    );
    context.deps.logger.info({ trigger: data.trigger, runId: data.runId, ...report }, 'children reconciled');
    return report;
  },
});
