/**
 * What a landed chunk starts: a reconciliation of each child whose data changed (debounced per child, the same way
 * agency webhooks do, so a webhook and a feed about one child within seconds are one run), and one `notify-alert`
 * job per alert, with the id notify-alert gives the event, so that seeing it again adds nothing. Job data carries
 * hub ids and event keys only, never an NHS number or a UPN.
 */
import type { FeedAlert } from '../../feeds/ingest/record-outcome.js';
import type { Enqueue } from '../define-job.js';
import { alertJobId, notifyAlertData, notifyAlertQueue } from '../notify-alert/alert-data.js';
import { debounceMs } from '../reconcile-child/reconcile-on-event.js';

type QueuedJob = Parameters<Enqueue>[1][number];

export function reconcileJobs(childIds: readonly string[]): QueuedJob[] {
  return childIds.map((childId) => ({
    data: { childIds: [childId], trigger: 'FEED' },
    options: { debounce: { id: `child-${childId}`, ms: debounceMs } },
  }));
}

/** notify-alert's own schema checks the data here, so a malformed alert fails where it is made. */
export function alertJobs(alerts: readonly FeedAlert[]): QueuedJob[] {
  return alerts.map((alert) => {
    const data = notifyAlertData.parse({
      kind: alert.kind,
      childId: alert.childId,
      eventKey: alert.eventKey,
      occurredAt: alert.occurredAt,
    });
    return { data, options: { jobId: alertJobId(data) } };
  });
}

/** Redis blips are retried here: the chunk is committed, and a later run of the job will not see it again. */
const retryDelaysMs = [200, 1_000, 5_000];

async function withRetries(add: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await add();
    } catch (error) {
      const delay = retryDelaysMs[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export async function enqueueFollowUps(
  enqueue: Enqueue,
  chunk: { childIds: readonly string[]; alerts: readonly FeedAlert[] },
): Promise<void> {
  const alerts = alertJobs(chunk.alerts);
  if (alerts.length > 0) await withRetries(() => enqueue(notifyAlertQueue, alerts));
  const reconciliations = reconcileJobs(chunk.childIds);
  if (reconciliations.length > 0) await withRetries(() => enqueue('reconcile-child', reconciliations));
}
