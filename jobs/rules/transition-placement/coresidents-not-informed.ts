/**
 * CORESIDENTS_NOT_INFORMED: the learning review recommends routinely telling the social workers and IROs of a
 * children's home's existing residents about a new admission. Raised on the admitted child, for the home in the
 * joined record's residential context: every child living there when the child arrived needs a notice about
 * them, on this stay, to a social worker and to an IRO. The local rule read here: by the end of the next working
 * day; a notice sent later still answers it (the workers were told).
 *
 * Two records answer it. Social care's own: the joined record does not say who each resident's allocated social
 * worker and IRO are, so a recorded notice counts if it went to someone in that role; whether it was the
 * resident's own worker cannot be checked. The hub's: the notices it sends on the admission webhook to the
 * residents' social workers and IROs as the identity index names them (jobs/notify-coresidents); once every one
 * of them has been delivered and no resident was left without a worker to tell (`record.hub.coResidentNotices`,
 * `uncovered`), the admission was notified.
 */
import type { CoresidentNotificationValue } from '../../../connectors/social-care/social-care-section.js';
import type { Finding } from '../rule.js';
import { decided, defineRule, notAssessed } from '../rule.js';
import { dateOf } from '../time/calendar-day.js';
import { OutsideCalendarError } from '../time/working-days.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, missingData } from './facts/agency-parts.js';
import {
  childrensHomeStays,
  latestStayIn,
  placementIdsOf,
  stayOn,
  staysUnknown,
} from './facts/childrens-homes.js';
import { residentsAtAdmission } from './facts/existing-residents.js';
import { instantOrNull } from '../facts/instants.js';
import { shownDate } from './facts/recorded-dates.js';

type NotifiedRole = 'SOCIAL_WORKER' | 'IRO';

function roleOf(notice: CoresidentNotificationValue): NotifiedRole | 'OTHER' | null {
  const role = notice.notified?.role.trim().toUpperCase();
  if (role === undefined) return null;
  if (role === 'IRO' || role.includes('REVIEWING_OFFICER')) return 'IRO';
  if (role.includes('SOCIAL_WORKER')) return 'SOCIAL_WORKER';
  return 'OTHER';
}

const roleNames: Record<NotifiedRole, string> = { SOCIAL_WORKER: 'social worker', IRO: 'IRO' };

export const coresidentsNotInformed = defineRule({
  id: 'CORESIDENTS_NOT_INFORMED',
  title: "Existing residents' social workers and IROs not told of a new admission",
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      "The learning review's recommendation (inform existing residents' social workers and IROs); local policy",
  },
  severity: 'medium',
  owner: 'SOCIAL_WORKER',
  category: 'PLACEMENT',
  needs: ['socialCare'],
  evaluate(record, context) {
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], "the child's placements and notices are unknown");
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const stays = childrensHomeStays(socialCare.placements);
    if (staysUnknown(stays)) return missingData(stays.missing);
    const residential = record.residential;
    if (!residential) {
      if (stayOn(stays, context.today))
        return missingData("the joined record does not give the residents of the child's children's home");
      return decided([]);
    }
    const stay = latestStayIn(stays, residential.unitId);
    if (!stay) return missingData('the residential context names a home the child has no placement in');
    const ids = placementIdsOf(stay);
    const hubNotified = record.hub.coResidentNotices.some(
      (notices) => ids.has(notices.placementKey) && notices.recipients > 0 && notices.allSentAt !== null,
    );
    if (hubNotified) return decided([]);

    let due;
    try {
      due = context.calendar.addWorkingDays(stay.admittedOn, context.config.coresidentNoticeWorkingDays);
    } catch (error) {
      if (error instanceof OutsideCalendarError)
        return notAssessed('OUTSIDE_CALENDAR', `no bank holidays are known for ${error.year}`);
      throw error;
    }
    if (context.today <= due) return decided([]);

    const admittedAt = instantOrNull(stay.admission.startDate) ?? 0;
    const residents = residentsAtAdmission(residential, admittedAt, context.today);
    const onStay = socialCare.coresidentNotifications.filter((n) =>
      n.placementId !== null ? ids.has(n.placementId) : n.residentialUnitId === residential.unitId,
    );
    const gaps: Array<{ personId: string; missing: NotifiedRole[] }> = [];
    let unknownRecipient = false;
    for (const { resident } of residents) {
      const about = onStay.filter((n) => n.aboutPersonId === resident.socialCarePersonId);
      const roles = new Set(about.map(roleOf));
      const missing = (['SOCIAL_WORKER', 'IRO'] as const).filter((role) => !roles.has(role));
      if (missing.length === 0) continue;
      if (roles.has(null)) unknownRecipient = true;
      gaps.push({ personId: resident.socialCarePersonId, missing });
    }
    if (gaps.length === 0) return decided([]);
    if (unknownRecipient)
      return missingData('a notice about an existing resident does not record who was told');

    const finding: Finding = {
      subject: { kind: 'PLACEMENT', id: stay.admission.id },
      summary:
        "The social workers and IROs of children already living in the children's home were not all told of this admission within the local window.",
      evidence: [
        evidenceFrom(
          record.socialCare,
          stay.admission.id,
          `admitted to the children's home ${shownDate(stay.admission.startDate)}; notices due by ${dateOf(due)}`,
        ),
        ...gaps.map((gap) =>
          evidenceFrom(
            record.socialCare,
            gap.personId,
            `existing resident (social care record ${gap.personId}): no notice to their ${gap.missing.map((role) => roleNames[role]).join(' or ')} recorded`,
          ),
        ),
      ],
      dueDate: dateOf(due),
    };
    return decided([finding]);
  },
});
