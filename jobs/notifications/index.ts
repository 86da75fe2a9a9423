/**
 * `deliver-notifications`: sends what is due in the notifications outbox (deliver.ts). Re-running it is always
 * safe: it only picks PENDING rows that are due, so a redelivered or overlapping job finds nothing or other rows.
 * The transports come from configuration, so the hub builds the job with `createDeliverNotificationsJob`.
 */
import { z } from 'zod';
import { defineJob } from '../define-job.js';
import { deliverDue } from './deliver.js';
import type { NotifyConfig } from './notify-config.js';
import type { Transports } from './transport.js';

export function createDeliverNotificationsJob(
  config: Pick<NotifyConfig, 'maxAttempts'>,
  transports: Transports,
  backoff: { baseMs?: number; maxMs?: number } = {},
) {
  return defineJob({
    name: 'deliver-notifications',
    domain: 'notify',
    data: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    concurrency: 1,
    maxStalledCount: 5,
    // Retries of a row are the outbox's business (next_attempt_at); the job itself runs again on its schedule.
    jobOptions: { attempts: 1 },
    async run(data, context) {
      const { db, now, logger } = context.deps;
      const report = await deliverDue(db, transports, {
        now,
        limit: data.limit,
        maxAttempts: config.maxAttempts,
        baseBackoffMs: backoff.baseMs,
        maxBackoffMs: backoff.maxMs,
        logger,
      });
      if (report.sent + report.retrying + report.failed > 0) logger.info(report, 'notifications delivered');
      return report;
    },
  });
}
