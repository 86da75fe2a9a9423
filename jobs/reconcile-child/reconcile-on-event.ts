/**
 * What an agency event starts: a reconciliation of the child it is about, debounced per child (a burst of events
 * is one run), and for a placement start, a second run when the local window for the placement planning meeting
 * has passed (PLACEMENT_MEETING_MISSED can only be decided then). The event is already stored durably; if adding
 * the jobs fails, the nightly run still reconciles the child.
 */
import { childIdsByRecords, type IdentityAgency } from '../../connectors/identity/identity-reads.js';
import type { Queryable } from '../../store/db.js';
import type { Enqueue } from '../define-job.js';

export interface AgencyEventForReconciliation {
  id: string;
  type: string;
  agency: IdentityAgency;
  occurredAt: string;
  subject: { system: string; value: string };
  data: Record<string, unknown>;
}

/** Events close together about one child wait this long and run once. */
export const debounceMs = 5_000;

export function reconcileOnAgencyEvent(deps: {
  db: Queryable;
  enqueue: Enqueue;
  now: () => Date;
  placementMeetingHours: number;
}): (event: AgencyEventForReconciliation) => Promise<void> {
  return async (event) => {
    const [childId] = await childIdsByRecords(deps.db, event.agency, [event.subject.value]);
    if (!childId) return; // not (yet) in the identity index: the next identity sync and nightly run pick it up
    const jobs: Parameters<Enqueue>[1][number][] = [
      {
        data: { childIds: [childId], trigger: 'WEBHOOK' },
        options: { debounce: { id: `child-${childId}`, ms: debounceMs } },
      },
    ];
    if (event.type === 'placement.started') {
      const placementId =
        typeof event.data['placementId'] === 'string' ? event.data['placementId'] : event.id;
      const startDate =
        typeof event.data['startDate'] === 'string' ? event.data['startDate'] : event.occurredAt;
      const start = Date.parse(startDate);
      const due =
        (Number.isNaN(start) ? Date.parse(event.occurredAt) : start) + deps.placementMeetingHours * 3_600_000;
      jobs.push({
        data: { childIds: [childId], trigger: 'PLACEMENT_MEETING' },
        // One check per placement, however often the event is delivered; a minute after the window closes.
        options: {
          jobId: `placement-meeting-${placementId.replaceAll(':', '-')}`,
          delay: Math.max(0, due - deps.now().getTime()) + 60_000,
        },
      });
    }
    await deps.enqueue('reconcile-child', jobs);
  };
}
