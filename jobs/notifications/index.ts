/**
 * `deliver-notifications`: sends what is due in the notifications outbox (deliver.ts). Re-running it is always
 * safe: it only picks PENDING rows that are due, so a redelivered or overlapping job finds nothing or other rows.
 * The transports come from configuration, so the hub builds the job with `createDeliverNotificationsJob`.
 */
import { z } from 'zod';
import { defineJob } from '../define-job.js';
import { deliverDue, type SentNotification } from './deliver.js';
import type { NotifyConfig } from './notify-config.js';
import { eventNoticesAllSent } from './outbox.js';
import { debounceMs } from '../reconcile-child/reconcile-on-event.js';
import { deliverNotificationsQueue } from './request-delivery.js';
import type { Transports } from './transport.js';

export function createDeliverNotificationsJob(
  config: Pick<NotifyConfig, 'maxAttempts'>,
  transports: Transports,
  backoff: { baseMs?: number; maxMs?: number } = {},
) {
  return defineJob({
    name: deliverNotificationsQueue,
    domain: 'notify',
    data: z.object({ limit: z.number().int().min(1).max(1000).default(200) }),
    concurrency: 1,
    maxStalledCount: 5,
    // Retries of a row are the outbox's business (next_attempt_at); the job itself runs again on its schedule.
    jobOptions: { attempts: 1 },
    async run(data, context) {
      const { db, now, logger, enqueue } = context.deps;
      const admissions = new Map<string, { childId: string; key: string }>();
      const onSent = (sent: SentNotification) => {
        if (sent.kind === 'CORESIDENT_ADMISSION' && sent.event)
          admissions.set(`${sent.event.childId}\n${sent.event.key}`, sent.event);
      };
      const report = await deliverDue(db, transports, {
        onSent,
        now,
        limit: data.limit,
        maxAttempts: config.maxAttempts,
        baseBackoffMs: backoff.baseMs,
        maxBackoffMs: backoff.maxMs,
        logger,
      });
      if (report.sent + report.retrying + report.failed > 0) logger.info(report, 'notifications delivered');
      // An admission whose notices have all gone answers CORESIDENTS_NOT_INFORMED: reconcile the admitted child
      // now rather than at night. Debounced like a webhook, so it joins any reconciliation already waiting.
      const complete: string[] = [];
      for (const event of admissions.values()) {
        if (await eventNoticesAllSent(db, 'CORESIDENT_ADMISSION', event)) complete.push(event.childId);
      }
      const childIds = [...new Set(complete)];
      if (childIds.length > 0 && enqueue) {
        await enqueue(
          'reconcile-child',
          childIds.map((childId) => ({
            data: { childIds: [childId], trigger: 'WEBHOOK' },
            options: { debounce: { id: `child-${childId}`, ms: debounceMs } },
          })),
        );
      }
      return { ...report, reconciled: childIds.length };
    },
  });
}
