/**
 * PLACEMENT_MEETING_MISSED: a placement planning meeting (type PLACEMENT_PLANNING) is held within the local
 * window after a placement starts (RULE_PLACEMENT_MEETING_HOURS, default 72 hours) and updates the risk and
 * matching assessment — the learning review found 72-hour meetings that did not. One finding per placement,
 * from the moment the window closes: no such meeting in the window, or only ones that did not update the
 * assessment (high while the child is still there, medium once the placement has ended). A placement that ended
 * inside the window needed none. A meeting of unrecorded type is not taken for a planning meeting (its status
 * is MEETING_STATUS_UNCLEAR's finding); one whose update of the assessment is unrecorded cannot be judged.
 * Times are compared as instants; a value with no time of day is read in the placement's favour (a start as
 * the end of its day, a meeting as the start of its day).
 */
import type { MeetingValue, PlacementValue } from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type Evidence, type RuleContext } from '../rule.js';
import { dateOf, englandDayOf } from '../time/calendar-day.js';
import { socialCareSaid } from './facts/evidence.js';
import { instantOf } from '../facts/instants.js';
import { withSocialCare } from './facts/readable.js';
import { socialCareDay } from '../facts/agency-days.js';
import { cannotDecide, judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const hourMs = 3_600_000;
const needs = ['socialCare'] as const;

export const placementMeetingMissed = defineRule({
  id: 'PLACEMENT_MEETING_MISSED',
  title: 'No placement planning meeting updating the risk and matching assessment within the local window',
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      'Learning review: use 72-hour placement meetings to update risk and matching assessments (window is local practice, default 72 hours)',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'PLACEMENT',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) =>
      judgeEach(
        section.placements,
        (placement) => judgePlacement(record, context, placement, section.meetings),
        (placement) => `placement ${placement.id}`,
      ),
    );
  },
});

function judgePlacement(
  record: JoinedChildRecord,
  context: RuleContext,
  placement: PlacementValue,
  meetings: readonly MeetingValue[],
): SubjectVerdict {
  const hours = context.config.placementMeetingHours;
  const started = instantOf(placement.startDate, true);
  const closes = started + hours * hourMs;
  const now = context.now.getTime();
  if (now <= closes) return null;
  const ended = placement.endDate === null ? null : instantOf(placement.endDate);
  if (ended !== null && ended <= closes) return null;

  const linked = meetings.filter((meeting) => meeting.placementId === placement.id);
  const planning = meetings
    .filter((meeting) => meeting.type?.trim().toUpperCase() === 'PLACEMENT_PLANNING')
    .map((meeting) => ({ meeting, at: instantOf(meeting.date) }))
    .filter(({ meeting, at }) =>
      meeting.placementId === null
        ? at >= instantOf(placement.startDate) && at <= closes
        : meeting.placementId === placement.id,
    );
  const inWindow = planning.filter(({ at }) => at <= closes);
  if (inWindow.some(({ meeting }) => meeting.updatedRiskAssessment === true)) return null;
  const subject = `placement ${placement.id}`;
  if (inWindow.some(({ meeting }) => meeting.updatedRiskAssessment === null))
    return cannotDecide(
      'MISSING_DATA',
      `${subject}: whether the placement planning meeting updated the risk and matching assessment is not recorded`,
    );

  const startDay = socialCareDay(placement.startDate);
  const evidence: Evidence[] = [
    socialCareSaid(record, placement.id, `placement started ${dateOf(startDay)}`),
  ];
  const day = (at: number) => dateOf(englandDayOf(new Date(at)));
  for (const { meeting, at } of planning)
    evidence.push(
      socialCareSaid(
        record,
        meeting.id,
        at > closes
          ? `placement planning meeting held ${day(at)}, after the ${hours}-hour window`
          : `placement planning meeting held ${day(at)} without updating the risk and matching assessment`,
      ),
    );
  for (const meeting of linked.filter((m) => m.type === null))
    evidence.push(
      socialCareSaid(record, meeting.id, `meeting of unrecorded type held ${day(instantOf(meeting.date))}`),
    );
  const summary =
    inWindow.length === 0
      ? `No placement planning meeting was held within ${hours} hours (local practice) of the placement that started ${dateOf(startDay)}.`
      : `The placement planning meeting for the placement that started ${dateOf(startDay)} did not update the risk and matching assessment.`;
  return {
    subject: { kind: 'PLACEMENT', id: placement.id },
    summary,
    evidence,
    dueDate: day(closes),
    ...(ended === null || ended > now ? {} : { severity: 'medium' as const }),
  };
}
