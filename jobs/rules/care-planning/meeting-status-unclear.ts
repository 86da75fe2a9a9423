/**
 * MEETING_STATUS_UNCLEAR: the learning review found meetings nobody could say the status of — statutory or not,
 * for what, who should attend, who receives the minutes. A meeting that does not record its type, whether it is
 * statutory, its purpose, its required attendees or its minutes recipients is a finding on that meeting (low).
 * An empty list of required attendees or minutes recipients says no more than a missing one.
 */
import type { MeetingValue } from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule } from '../rule.js';
import { socialCareSaid } from './facts/evidence.js';
import { withSocialCare } from './facts/readable.js';
import { dateOf } from '../time/calendar-day.js';
import { socialCareDay } from '../facts/agency-days.js';
import { judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const needs = ['socialCare'] as const;

export const meetingStatusUnclear = defineRule({
  id: 'MEETING_STATUS_UNCLEAR',
  title:
    'Meeting with no recorded type, statutory status, purpose, required attendees or minutes distribution',
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      'Learning review: clarity about the status of meetings (purpose, who attends, who receives minutes)',
  },
  severity: 'low',
  owner: 'SOCIAL_WORKER',
  category: 'SOCIAL_CARE',
  needs,
  evaluate(record) {
    return withSocialCare(record, needs, (section) =>
      judgeEach(
        section.meetings,
        (meeting) => judgeMeeting(record, meeting),
        (meeting) => `meeting ${meeting.id}`,
      ),
    );
  },
});

const blank = (text: string | null) => text === null || text.trim() === '';
const none = (list: readonly string[] | null) => list === null || list.every((item) => item.trim() === '');

function judgeMeeting(record: JoinedChildRecord, meeting: MeetingValue): SubjectVerdict {
  const unrecorded = [
    ...(blank(meeting.type) ? ['type'] : []),
    ...(meeting.statutory === null ? ['statutory status'] : []),
    ...(blank(meeting.purpose) ? ['purpose'] : []),
    ...(none(meeting.requiredAttendees) ? ['required attendees'] : []),
    ...(none(meeting.minutesRecipients) ? ['minutes recipients'] : []),
  ];
  if (unrecorded.length === 0) return null;
  const held = dateOf(socialCareDay(meeting.date));
  return {
    subject: { kind: 'MEETING', id: meeting.id },
    summary: `The meeting on ${held} does not record its ${listed(unrecorded)}.`,
    evidence: [
      socialCareSaid(record, meeting.id, `meeting ${held}: no ${unrecorded.join(', no ')} recorded`),
    ],
    dueDate: null,
  };
}

function listed(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
