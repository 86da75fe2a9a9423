/**
 * CHILD_VOICE_MISSING: at a looked-after or child protection review the child's wishes and feelings are sought
 * (Children Act 1989 s22(4)–(5); the IRO Handbook); the learning review counted it among what worked well. A
 * held review coded PN7 (the child neither attended nor had their views conveyed), for a child aged 4 or over
 * on the day, is a finding on that review (medium), and high when the review before it in the same series
 * (looked-after, or child protection) was one too — two in a row. A held review with no participation code,
 * unless the child was under 4, or a PN7 review for a child whose date of birth is unknown, cannot be judged.
 */
import type {
  ChildProtectionReviewValue,
  LookedAfterReviewValue,
} from '../../../connectors/social-care/social-care-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { defineRule, type RuleContext } from '../rule.js';
import { ageOn } from '../time/ages.js';
import { dateOf, dayOfDateOrInstant, type DayNumber } from '../time/calendar-day.js';
import { socialCareSaid } from './facts/evidence.js';
import { withSocialCare } from './facts/readable.js';
import { optionalSocialCareDay } from '../facts/agency-days.js';
import { cannotDecide, judgeEach, type SubjectVerdict } from './facts/subject-verdicts.js';

const noViews = 'PN7';
const minimumAge = 4;
const needs = ['socialCare'] as const;

interface HeldReview {
  kind: 'LAC_REVIEW' | 'CP_REVIEW';
  id: string;
  day: DayNumber;
  participation: string | null;
}

export const childVoiceMissing = defineRule({
  id: 'CHILD_VOICE_MISSING',
  title: 'Review where the child (aged 4 or over) conveyed no views (PN7), or two in a row',
  source: {
    kind: 'LAW',
    citation:
      'Children Act 1989 s22(4)–(5) (wishes and feelings); IRO Handbook; learning review (what worked well)',
  },
  severity: 'medium',
  owner: 'IRO',
  // Child protection, not looked after: the rule reads both kinds of review, and every role that may see child
  // protection may see looked-after data, not the other way round.
  category: 'CHILD_PROTECTION',
  needs,
  evaluate(record, context) {
    return withSocialCare(record, needs, (section) => {
      const series = [
        held('LAC_REVIEW', section.lookedAfterReviews, context),
        held('CP_REVIEW', section.childProtectionReviews, context),
      ];
      return judgeEach(
        series,
        (reviews) => judgeSeries(record, reviews),
        (reviews) => `${reviews[0]?.kind ?? 'review'} series`,
      );
    });
  },
});

function held(
  kind: HeldReview['kind'],
  reviews: ReadonlyArray<LookedAfterReviewValue | ChildProtectionReviewValue>,
  context: RuleContext,
): HeldReview[] {
  return reviews
    .filter((review) => !('cancelled' in review && review.cancelled === true))
    .map((review) => ({
      kind,
      id: review.id,
      day: optionalSocialCareDay(review.date),
      participation: review.participation?.trim().toUpperCase() || null,
    }))
    .filter((review): review is HeldReview => review.day !== null && review.day <= context.today)
    .sort((a, b) => a.day - b.day);
}

function judgeSeries(record: JoinedChildRecord, reviews: readonly HeldReview[]): SubjectVerdict[] {
  const dob = record.child.dateOfBirth;
  const birth = dob === null ? null : dayOfDateOrInstant(dob);
  const under4 = (review: HeldReview) => birth !== null && ageOn(birth, review.day) < minimumAge;
  const silent = (review: HeldReview | undefined) =>
    review !== undefined && review.participation === noViews && !under4(review);

  return reviews.map((review, index): SubjectVerdict => {
    if (under4(review)) return null;
    const subject = `${review.kind} ${review.id}`;
    if (review.participation === null)
      return cannotDecide('MISSING_DATA', `${subject}: no participation code recorded`);
    if (review.participation !== noViews) return null;
    if (birth === null)
      return cannotDecide('MISSING_DATA', `${subject}: date of birth not recorded, so age at review unknown`);
    const previous = reviews[index - 1];
    const twice = silent(previous);
    const what = review.kind === 'LAC_REVIEW' ? 'looked-after review' : 'child protection review';
    return {
      subject: { kind: review.kind, id: review.id },
      summary: twice
        ? `At the ${what} on ${dateOf(review.day)} the child's views were again not conveyed (PN7), the second review in a row.`
        : `At the ${what} on ${dateOf(review.day)} the child did not attend and their views were not conveyed (PN7).`,
      evidence: [
        socialCareSaid(record, review.id, `${what} held ${dateOf(review.day)}, participation PN7`),
        ...(twice && previous
          ? [
              socialCareSaid(
                record,
                previous.id,
                `previous ${what} held ${dateOf(previous.day)}, participation PN7`,
              ),
            ]
          : []),
      ],
      dueDate: null,
      ...(twice ? { severity: 'high' as const } : {}),
    };
  });
}
