/**
 * What an agency event starts: a reconciliation of the child it is about, debounced per child (a burst of events
 * is one run), and for a placement start, a second run when the local window for the placement planning meeting
 * has passed (PLACEMENT_MEETING_MISSED can only be decided then). The event is already stored durably; if adding
 * the jobs fails, the nightly run still reconciles the child.
 *
 * It also starts the notices the event calls for: a placement start, the co-resident notices (which find out
 * themselves whether the placement is in a children's home); a return from a missing episode, the alert to the
 * social worker that a return interview is due. One job per placement / episode, however often it is delivered.
 */
import { childIdsByRecords, type IdentityAgency } from '../../connectors/identity/identity-reads.js';
import type { Queryable } from '../../store/db.js';
import type { Enqueue } from '../define-job.js';
import { alertJobId, notifyAlertQueue, type NotifyAlertData } from '../notify-alert/alert-data.js';
import {
  coresidentsJobId,
  notifyCoresidentsQueue,
  type NotifyCoresidentsData,
} from '../notify-coresidents/coresident-data.js';

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
    const notices: Array<() => Promise<void>> = [];
    if (event.type === 'placement.started') {
      const placementId =
        typeof event.data['placementId'] === 'string' ? event.data['placementId'] : event.id;
      const startDate =
        typeof event.data['startDate'] === 'string' ? event.data['startDate'] : event.occurredAt;
      const start = Date.parse(startDate);
      const notice: NotifyCoresidentsData = {
        childId,
        placementId,
        admittedAt: Number.isNaN(start) ? event.occurredAt : new Date(start).toISOString(),
      };
      // An event that says the placement is in no children's home has no co-residents to tell; one that does
      // not say is checked by the job against the social care record.
      if (event.data['residentialUnitId'] !== null)
        notices.push(() =>
          deps.enqueue(notifyCoresidentsQueue, [
            { data: notice, options: { jobId: coresidentsJobId(placementId) } },
          ]),
        );
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
    if (event.type === 'missing.ended') {
      const episodeId = event.data['missingEpisodeId'];
      const endDate = typeof event.data['endDate'] === 'string' ? Date.parse(event.data['endDate']) : NaN;
      const alert: NotifyAlertData = {
        kind: 'MISSING_EPISODE',
        childId,
        eventKey: eventKeyOf(typeof episodeId === 'string' ? episodeId : event.id),
        occurredAt: Number.isNaN(endDate) ? event.occurredAt : new Date(endDate).toISOString(),
      };
      notices.push(() =>
        deps.enqueue(notifyAlertQueue, [{ data: alert, options: { jobId: alertJobId(alert) } }]),
      );
    }
    await deps.enqueue('reconcile-child', jobs);
    for (const add of notices) await add();
  };
}

/** An agency's id as an alert's event key: characters a dedupe key and a job id can carry. */
function eventKeyOf(id: string): string {
  return id.replace(/[^\w:./-]/g, '-').slice(0, 150);
}
