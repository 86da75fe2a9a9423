/**
 * Asks for a delivery run now, after a producer has committed outbox rows, so a notice leaves in seconds rather
 * than at the next tick of the 30-second schedule. Debounced: a burst of producers is one run.
 */
import type { Enqueue } from '../define-job.js';

export const deliverNotificationsQueue = 'deliver-notifications';

export const deliverNowDebounce = { id: 'deliver-notifications-now', ms: 500 } as const;

export async function requestDelivery(enqueue: Enqueue | undefined): Promise<void> {
  await enqueue?.(deliverNotificationsQueue, [{ data: {}, options: { debounce: deliverNowDebounce } }]);
}
