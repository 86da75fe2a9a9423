/** What a `notify-coresidents` job carries: the admitted child and the admission (a social care placement). */
import { z } from 'zod';

export const notifyCoresidentsQueue = 'notify-coresidents';

export const notifyCoresidentsData = z.object({
  /** The hub id of the child admitted. */
  childId: z.string().regex(/^[\w-]{1,64}$/),
  placementId: z.string().min(1).max(150),
  /** The placement's start as the event gave it; the social care record's own start date is used when read. */
  admittedAt: z.iso.datetime({ offset: true }),
});

export type NotifyCoresidentsData = z.output<typeof notifyCoresidentsData>;

/** One job per admission, however often the webhook is delivered (BullMQ ids may not contain ':'). */
export function coresidentsJobId(placementId: string): string {
  return `coresidents-${placementId.replaceAll(':', '-')}`;
}
