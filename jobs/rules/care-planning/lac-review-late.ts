/**
 * LAC_REVIEW_LATE: a looked-after child's case is first reviewed within 20 working days of the day they became
 * looked after, the second review no more than 3 months after the first, and each later one no more than 6
 * months after the one before (CPPCR 2010 reg 33). Judged for each period of care along its held reviews (not
 * cancelled, dated within the period), each limit running from the review actually held before it: a review held
 * after its limit is a medium finding on that review; no review by the limit is a finding on the period of care
 * (high while the child is still looked after, medium once the period has ended — the review was missed).
 * Reviews name their period (the SSD keys them by it); one naming a period not in the record joins the period
 * its date falls in.
 */
import type {
  LookedAfterReviewValue,
  SocialCareSectionValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type RuleContext } from '../rule.js';
import { addMonths, dateOf, type DayNumber } from '../time/calendar-day.js';
import {
  describeDue,
  dueDateOf,
  exactDeadline,
  judgeDeadline,
  workingDaysAfter,
  type Deadline,
} from './facts/deadline.js';
import { socialCareSaid } from './facts/evidence.js';
import { periodsOfCare, type PeriodOfCare } from './facts/periods-of-care.js';
import { withSocialCare } from './facts/readable.js';
import { optionalSocialCareDay } from '../facts/agency-days.js';
import { spanOn } from '../facts/spans.js';
import { judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const firstReviewWorkingDays = 20;
const needs = ['socialCare'] as const;

export const lacReviewLate = defineRule({
  id: 'LAC_REVIEW_LATE',
  title:
    'Looked-after review late: first within 20 working days, second within 3 months, then every 6 months',
  source: {
    kind: 'LAW',
    citation: 'Care Planning, Placement and Case Review (England) Regulations 2010 reg 33',
  },
  severity: 'high',
  owner: 'IRO',
  category: 'LOOKED_AFTER',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) => {
      const periods = periodsOfCare(section);
      return judgeEach(
        periods,
        (period) => judgePeriod(record, context, period, reviewsOf(section, periods, period)),
        (period) => `period of care ${period.id}`,
      );
    });
  },
});

interface HeldReview {
  review: LookedAfterReviewValue;
  day: DayNumber;
}

function reviewsOf(
  section: SocialCareSectionValue,
  periods: readonly PeriodOfCare[],
  period: PeriodOfCare,
): HeldReview[] {
  const known = new Set(periods.map((p) => p.id));
  return section.lookedAfterReviews
    .filter((review) => review.cancelled !== true)
    .map((review) => ({ review, day: optionalSocialCareDay(review.date) }))
    .filter((item): item is HeldReview => item.day !== null)
    .filter(({ review, day }) =>
      known.has(review.periodOfCareId)
        ? review.periodOfCareId === period.id
        : spanOn(periods, day) === period,
    )
    .filter(({ day }) => day >= period.start && (period.end === null || day < period.end))
    .sort((a, b) => a.day - b.day);
}

function judgePeriod(
  record: JoinedChildRecord,
  context: RuleContext,
  period: PeriodOfCare,
  reviews: readonly HeldReview[],
): SubjectVerdict[] {
  const asOf = period.end === null || period.end > context.today ? context.today : period.end;
  const verdicts: SubjectVerdict[] = [];
  let deadline: Deadline = workingDaysAfter(context.calendar, period.start, firstReviewWorkingDays);
  let limit = `within ${firstReviewWorkingDays} working days of becoming looked after on ${dateOf(period.start)}`;
  for (let index = 0; ; index += 1) {
    const held = reviews[index];
    const state = judgeDeadline(
      deadline,
      held && held.day <= asOf ? held.day : null,
      asOf,
      `period of care ${period.id}`,
    );
    if (typeof state !== 'string') return [...verdicts, state];
    if (state === 'PENDING') return verdicts;
    if (state === 'OVERDUE') {
      const current = period.end === null || period.end > context.today;
      const previous = reviews[index - 1];
      return [
        ...verdicts,
        {
          subject: { kind: 'PERIOD_OF_CARE', id: period.id },
          summary: `No looked-after review was held by ${describeDue(deadline)} (${limit}).`,
          evidence: [
            socialCareSaid(record, period.id, `became looked after ${dateOf(period.start)}`),
            previous
              ? socialCareSaid(record, previous.review.id, `last review held ${dateOf(previous.day)}`)
              : socialCareSaid(record, period.id, 'no review held'),
            ...(current ? [] : [socialCareSaid(record, period.id, `care ended ${dateOf(asOf)}`)]),
          ],
          dueDate: dueDateOf(deadline),
          ...(current ? {} : { severity: 'medium' as const }),
        },
      ];
    }
    if (!held) return verdicts;
    if (state === 'LATE')
      verdicts.push({
        subject: { kind: 'LAC_REVIEW', id: held.review.id },
        summary: `A looked-after review was held ${dateOf(held.day)}, later than ${describeDue(deadline)} (${limit}).`,
        evidence: [
          socialCareSaid(record, period.id, `became looked after ${dateOf(period.start)}`),
          socialCareSaid(record, held.review.id, `review held ${dateOf(held.day)}`),
        ],
        dueDate: dueDateOf(deadline),
        severity: 'medium',
      });
    const months = index === 0 ? 3 : 6;
    deadline = exactDeadline(addMonths(held.day, months));
    limit = `${months} months after the review on ${dateOf(held.day)}`;
  }
}
