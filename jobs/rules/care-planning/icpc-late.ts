/**
 * ICPC_LATE: the initial child protection conference is held within 15 working days of the strategy discussion
 * that started the section 47 enquiry (Working Together to Safeguard Children 2023). One finding per enquiry
 * that led, or should have led, to a conference: not yet held after the deadline (high), or held after it
 * (medium). A conference is due when one is recorded for the enquiry or the enquiry's outcome is "conference";
 * an enquiry that ended in no further action or a child in need plan needs none. An enquiry with no outcome
 * and no conference, once 15 working days have passed, cannot be judged (the conference may be late, or not
 * needed at all). Transfer-in conferences run from the transfer, not a strategy discussion, and are left out.
 */
import type {
  InitialConferenceValue,
  S47EnquiryValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type RuleContext } from '../rule.js';
import { describeDue, dueDateOf, earliestDay, judgeDeadline, workingDaysAfter } from './facts/deadline.js';
import { socialCareSaid } from './facts/evidence.js';
import { withSocialCare } from './facts/readable.js';
import { dateOf } from '../time/calendar-day.js';
import { optionalSocialCareDay, socialCareDay } from '../facts/agency-days.js';
import { cannotDecide, judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const workingDaysAllowed = 15;
const needs = ['socialCare'] as const;

type Item =
  | { enquiry: S47EnquiryValue; conferences: InitialConferenceValue[] }
  | { enquiry: null; conference: InitialConferenceValue };

export const icpcLate = defineRule({
  id: 'ICPC_LATE',
  title: 'Initial child protection conference more than 15 working days after the strategy discussion',
  source: {
    kind: 'STATUTORY_GUIDANCE',
    citation: 'Working Together to Safeguard Children 2023 (initial conference within 15 working days)',
  },
  severity: 'high',
  owner: 'TEAM_MANAGER',
  category: 'CHILD_PROTECTION',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) =>
      judgeEach(
        conferencesByEnquiry(section.s47Enquiries, section.initialConferences),
        (item) =>
          item.enquiry
            ? judgeEnquiry(record, context, item.enquiry, item.conferences)
            : cannotDecide(
                'MISSING_DATA',
                `conference ${item.conference.id}: no enquiry it follows is recorded`,
              ),
        (item) => (item.enquiry ? `enquiry ${item.enquiry.id}` : `conference ${item.conference.id}`),
      ),
    );
  },
});

/**
 * Each enquiry with its conferences. A conference that names no enquiry (or one not in the record) belongs to
 * the latest enquiry whose strategy discussion came before it.
 */
function conferencesByEnquiry(
  enquiries: readonly S47EnquiryValue[],
  conferences: readonly InitialConferenceValue[],
): Item[] {
  const items = new Map(
    enquiries.map((enquiry) => [enquiry.id, { enquiry, conferences: [] as InitialConferenceValue[] }]),
  );
  const orphans: Item[] = [];
  for (const conference of conferences) {
    if (conference.transferIn === true) continue;
    const named = conference.s47EnquiryId === null ? undefined : items.get(conference.s47EnquiryId);
    const home = named ?? enquiryBefore(enquiries, conference, items);
    if (home) home.conferences.push(conference);
    else orphans.push({ enquiry: null, conference });
  }
  return [...items.values(), ...orphans];
}

function enquiryBefore(
  enquiries: readonly S47EnquiryValue[],
  conference: InitialConferenceValue,
  items: Map<string, { enquiry: S47EnquiryValue; conferences: InitialConferenceValue[] }>,
) {
  try {
    const day = optionalSocialCareDay(conference.date ?? conference.targetDate);
    if (day === null) return undefined;
    const before = enquiries
      .filter((enquiry) => socialCareDay(enquiry.strategyDiscussionDate) <= day)
      .sort((a, b) => socialCareDay(a.strategyDiscussionDate) - socialCareDay(b.strategyDiscussionDate));
    const latest = before[before.length - 1];
    return latest ? items.get(latest.id) : undefined;
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function judgeEnquiry(
  record: JoinedChildRecord,
  context: RuleContext,
  enquiry: S47EnquiryValue,
  conferences: readonly InitialConferenceValue[],
): SubjectVerdict {
  const strategy = socialCareDay(enquiry.strategyDiscussionDate);
  if (strategy > context.today) return null;
  const deadline = workingDaysAfter(context.calendar, strategy, workingDaysAllowed);
  const held = earliestDay(conferences.map((conference) => optionalSocialCareDay(conference.date)));
  const subject = `enquiry ${enquiry.id}`;
  const state = judgeDeadline(deadline, held, context.today, subject);
  if (state === 'MET' || state === 'PENDING') return null;
  if (typeof state !== 'string') return state;

  const outcomes = enquiry.outcomes.map((outcome) => outcome.trim().toUpperCase());
  const conferenceDue = conferences.length > 0 || outcomes.includes('CP_CONFERENCE');
  if (!conferenceDue) {
    const noneNeeded = enquiry.noFurtherAction === true || outcomes.length > 0;
    return noneNeeded
      ? null
      : cannotDecide(
          'MISSING_DATA',
          `${subject}: no outcome recorded, so whether a conference is due is unknown`,
        );
  }
  const evidence = [
    socialCareSaid(record, enquiry.id, `strategy discussion ${dateOf(strategy)}`),
    ...conferences.map((conference) =>
      socialCareSaid(
        record,
        conference.id,
        conference.date === null
          ? 'initial conference not held'
          : `initial conference held ${dateOf(socialCareDay(conference.date))}`,
      ),
    ),
  ];
  if (conferences.length === 0)
    evidence.push(socialCareSaid(record, enquiry.id, 'enquiry outcome: conference; no conference recorded'));
  const due = describeDue(deadline);
  if (state === 'OVERDUE')
    return {
      subject: { kind: 'S47_ENQUIRY', id: enquiry.id },
      summary: `The initial child protection conference after the strategy discussion on ${dateOf(strategy)} has not been held; it was due by ${due}.`,
      evidence,
      dueDate: dueDateOf(deadline),
    };
  return {
    subject: { kind: 'S47_ENQUIRY', id: enquiry.id },
    summary: `The initial child protection conference was held ${dateOf(held!)}, more than 15 working days after the strategy discussion on ${dateOf(strategy)} (due by ${due}).`,
    evidence,
    dueDate: dueDateOf(deadline),
    severity: 'medium',
  };
}
