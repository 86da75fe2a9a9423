/**
 * The feed sweep's second half: alerts a feed handed to the queue that notify-alert never settled (the queue lost
 * them: Redis came back empty) are handed on again, under the same job ids, so one still waiting is not doubled.
 */
import { markDispatched, unsettledAlerts } from '../../feeds/ingest/follow-ups-store.js';
import type { Queryable } from '../../store/db.js';
import type { Enqueue } from '../define-job.js';
import { notifyAlertQueue } from '../notify-alert/alert-data.js';
import { alertJobs } from './follow-ups.js';

/** Long enough that a queued alert waiting for a busy worker is not mistaken for a lost one. */
export const unsettledAlertAgeMs = 10 * 60_000;

export async function redispatchUnsettledAlerts(
  db: Queryable,
  enqueue: Enqueue,
  now: Date,
  olderThanMs = unsettledAlertAgeMs,
): Promise<number> {
  const { ids, alerts } = await unsettledAlerts(db, new Date(now.getTime() - olderThanMs));
  if (alerts.length === 0) return 0;
  await enqueue(notifyAlertQueue, alertJobs(alerts));
  // Handed on again now: the next sweep waits another period before trying once more.
  await markDispatched(db, ids, now);
  return alerts.length;
}
