/**
 * The hub's producers: queues for every job definition (so the gateway's webhooks and the workers' fan-out can
 * add jobs), the nightly reconciliation scheduler, and the reconciliation set-up the workers evaluate with.
 */
import type { Queue } from 'bullmq';
import type { Enqueue, ReconciliationSetup } from '../jobs/define-job.js';
import { deliverNotificationsQueue } from '../jobs/notifications/request-delivery.js';
import { createJobDefinitions } from '../jobs/registry.js';
import { rules } from '../jobs/rules/registry.js';
import { createWorkingDayCalendar } from '../jobs/rules/time/working-days.js';
import { createEnqueue, createQueues } from '../jobs/worker-host.js';
import type { Logger } from '../platform/logger.js';
import { keyspace } from '../platform/redis.js';
import type { HubConfig } from './config.js';
import type { Lifecycle } from './lifecycle.js';

export interface HubQueues {
  enqueue: Enqueue;
  queues: ReadonlyMap<string, Queue>;
}

export function openJobQueues(context: {
  config: HubConfig;
  redisUrl: string;
  lifecycle: Lifecycle;
}): HubQueues {
  const queues = createQueues(
    createJobDefinitions(context.config),
    { url: context.redisUrl, maxRetriesPerRequest: null },
    keyspace(context.config.platform.hubEnv),
  );
  context.lifecycle.add(
    'job queues',
    async () => void (await Promise.all([...queues.values()].map((q) => q.close()))),
  );
  return { enqueue: createEnqueue(queues), queues };
}

/** Adds (or updates, or removes) the nightly `reconcile-all` scheduler; idempotent across restarts and processes. */
export async function scheduleNightlyReconciliation(
  queues: HubQueues['queues'],
  config: HubConfig,
  logger: Logger,
): Promise<void> {
  const queue = queues.get('reconcile-all');
  if (!queue) return;
  const pattern = config.reconcileSchedule.pattern;
  if (pattern === null) {
    await queue.removeJobScheduler('reconcile-all-nightly');
    return;
  }
  await queue.upsertJobScheduler(
    'reconcile-all-nightly',
    { pattern, tz: 'Europe/London' },
    { name: 'reconcile-all', data: {} },
  );
  logger.info({ pattern }, 'nightly reconciliation scheduled');
}

export function reconciliationSetup(config: HubConfig): ReconciliationSetup {
  return { rules, calendar: createWorkingDayCalendar(), config: config.rules };
}

/** How often the outbox is swept for due notices (retries, and anything an immediate run missed). */
export const notificationDeliveryEveryMs = 30_000;

/** Adds (or updates) the `deliver-notifications` repeat scheduler; idempotent across restarts and processes. */
export async function scheduleNotificationDelivery(
  queues: HubQueues['queues'],
  logger: Logger,
  everyMs: number = notificationDeliveryEveryMs,
): Promise<void> {
  const queue = queues.get(deliverNotificationsQueue);
  if (!queue) return;
  await queue.upsertJobScheduler(
    'deliver-notifications-sweep',
    { every: everyMs },
    { name: deliverNotificationsQueue, data: {} },
  );
  logger.info({ everyMs }, 'notification delivery scheduled');
}
