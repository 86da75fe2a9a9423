/**
 * `identity-sync`: rebuilds the identity index from the agencies (at start-up, on a schedule, and when an agency
 * says people changed). One run at a time; a later run simply supersedes an earlier one, so it is idempotent.
 */
import { z } from 'zod';
import { defineJob } from '../define-job.js';
import { syncIdentityIndex } from './sync-identity-index.js';

export const identitySyncJob = defineJob({
  name: 'identity-sync',
  domain: 'identity',
  data: z.object({
    trigger: z.enum(['startup', 'schedule', 'webhook', 'manual']),
    requestId: z.string().optional(),
  }),
  concurrency: 1,
  jobOptions: { attempts: 3, backoff: { type: 'exponential', delay: 5000 } },
  async run(_data, context) {
    const report = await syncIdentityIndex(context.deps);
    context.deps.logger.info(
      {
        children: report.children,
        newChildren: report.newChildren,
        records: report.records,
        unavailable: report.unavailable,
      },
      'identity index rebuilt',
    );
    return report;
  },
});
