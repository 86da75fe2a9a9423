/**
 * What a `notify-alert` job carries: which alert, the hub's child id, the producer's key for the event (an
 * encounter id, a missing episode id, a school return row) and when it happened. Producers (feeds, agency
 * webhooks) add jobs with exactly this shape; the job works out who is told and what the notice says.
 */
import { z } from 'zod';

export const notifyAlertQueue = 'notify-alert';

export const alertKinds = ['UNSCHEDULED_CARE', 'MISSING_EPISODE', 'SCHOOL_EXCLUSION'] as const;

export const notifyAlertData = z.object({
  kind: z.enum(alertKinds),
  childId: z.string().regex(/^[\w-]{1,64}$/),
  /** Unique per event for its producer; part of each notice's dedupe key, so re-adding the event adds nothing. */
  eventKey: z.string().regex(/^[\w:./-]{1,150}$/),
  /** An A&E attendance's start, a return from a missing episode, an exclusion's first day. */
  occurredAt: z.iso.datetime({ offset: true }),
});

export type NotifyAlertData = z.output<typeof notifyAlertData>;

/** A BullMQ job id for the alert (ids may not contain ':'): adding one event twice adds one job. */
export function alertJobId(data: Pick<NotifyAlertData, 'kind' | 'eventKey'>): string {
  return `alert-${data.kind}-${data.eventKey.replaceAll(':', '-')}`;
}
