/**
 * Who is told of an alert, and what each notice says. Pure: the job reads the facts, this decides.
 * - UNSCHEDULED_CARE: the allocated social worker, only for a child on a child protection plan or looked after
 *   (a plan wins when both: it is the more urgent reason).
 * - MISSING_EPISODE: the allocated social worker; the return interview is due 72 hours after the return.
 * - SCHOOL_EXCLUSION: the allocated social worker and the virtual school head, each with their own action.
 */
import { dateOf, englandDayOf } from '../rules/time/calendar-day.js';
import {
  missingEpisodeAlert,
  schoolExclusionAlert,
  unscheduledCareAlert,
  type NotificationContent,
} from '../notifications/content.js';
import { alertDedupeKey } from '../notifications/dedupe-keys.js';
import type { EnqueueNotification } from '../notifications/outbox.js';
import type { NotifyAlertData } from './alert-data.js';

export interface AlertFacts {
  alert: NotifyAlertData;
  socialWorker: string | undefined;
  virtualSchoolHead: string | undefined;
  /** UNSCHEDULED_CARE only: the child's status as social care records it. */
  status?: { childProtectionPlan: boolean; lookedAfter: boolean };
}

export type AlertSkip = 'NOT_ON_PLAN_OR_LOOKED_AFTER' | 'NO_RECIPIENT';

export function planAlert(facts: AlertFacts): { notices: EnqueueNotification[]; skipped: AlertSkip | null } {
  const { alert } = facts;
  const on = dateOf(englandDayOf(alert.occurredAt));
  const addressed: Array<{ to: string | undefined; content: NotificationContent }> = [];
  switch (alert.kind) {
    case 'UNSCHEDULED_CARE': {
      const because = facts.status?.childProtectionPlan
        ? 'CHILD_PROTECTION_PLAN'
        : facts.status?.lookedAfter
          ? 'LOOKED_AFTER'
          : null;
      if (because === null) return { notices: [], skipped: 'NOT_ON_PLAN_OR_LOOKED_AFTER' };
      addressed.push({
        to: facts.socialWorker,
        content: unscheduledCareAlert({
          childId: alert.childId,
          attendedOn: on,
          setting: 'EMERGENCY_DEPARTMENT',
          because,
        }),
      });
      break;
    }
    case 'MISSING_EPISODE':
      addressed.push({
        to: facts.socialWorker,
        content: missingEpisodeAlert({ childId: alert.childId, returnedAt: alert.occurredAt }),
      });
      break;
    case 'SCHOOL_EXCLUSION':
      for (const [to, recipientRole] of [
        [facts.socialWorker, 'SOCIAL_WORKER'],
        [facts.virtualSchoolHead, 'VIRTUAL_SCHOOL'],
      ] as const) {
        addressed.push({
          to,
          content: schoolExclusionAlert({ childId: alert.childId, startsOn: on, recipientRole }),
        });
      }
      break;
  }
  const notices = addressed.flatMap(({ to, content }): EnqueueNotification[] =>
    to === undefined
      ? []
      : [
          {
            recipient: { channel: 'EMAIL', address: to },
            dedupeKey: alertDedupeKey(alert.kind, alert.eventKey, to),
            event: { childId: alert.childId, key: alert.eventKey },
            content,
          },
        ],
  );
  // One person in both roles gets one notice (the same dedupe key): the first, the social worker's.
  const byKey = new Map<string, EnqueueNotification>();
  for (const notice of notices) if (!byKey.has(notice.dedupeKey)) byKey.set(notice.dedupeKey, notice);
  const unique = [...byKey.values()];
  return { notices: unique, skipped: unique.length === 0 ? 'NO_RECIPIENT' : null };
}
