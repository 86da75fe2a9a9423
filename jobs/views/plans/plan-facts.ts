/**
 * What every plan builder needs about one child, worked out once: the sections that were read, today, the date of
 * birth, whether the child is looked after today, and when their next looked-after review falls due.
 */
import type { AdultServicesSectionValue } from '../../../connectors/adult-services/adult-section.js';
import type { EducationSectionValue } from '../../../connectors/education/education-section.js';
import type { SocialCareSectionValue } from '../../../connectors/social-care/social-care-section.js';
import type { AgencyPart, JoinedChildRecord } from '../../rules/joined-record.js';
import type { RuleContext } from '../../rules/rule.js';
import { dayOf, type DayNumber } from '../../rules/time/calendar-day.js';
import { OutsideCalendarError } from '../../rules/time/working-days.js';
import { lookedAfterOn, nextReviewDue, reviewsHeld, type LookedAfterToday } from '../facts/looked-after.js';
import type { UndecidedDue } from '../plan-item.js';

export interface PlanFacts {
  record: JoinedChildRecord;
  context: RuleContext;
  today: DayNumber;
  birth: DayNumber | null;
  socialCare: SocialCareSectionValue | null;
  education: EducationSectionValue | null;
  adultServices: AdultServicesSectionValue | null;
  lookedAfter: LookedAfterToday;
  /** The next looked-after review's due day, or why it is unknown; null when the child is not looked after. */
  nextReview: { day: DayNumber } | { undecided: UndecidedDue } | null;
  /** The latest looked-after review held in the current period, if any. */
  lastReview: DayNumber | null;
}

/** The section of a part that was read (OK); null when the child has no record there or it could not be read. */
export function sectionOf<S>(part: AgencyPart<S>): S | null {
  return part.state === 'OK' ? part.section : null;
}

export function planFactsOf(record: JoinedChildRecord, context: RuleContext): PlanFacts {
  const socialCare = sectionOf(record.socialCare);
  const today = context.today;
  // No social care record at all: not looked after by this council. One that could not be read: unknown.
  const lookedAfter: LookedAfterToday =
    record.socialCare.state === 'NOT_LINKED'
      ? { state: 'NOT_LOOKED_AFTER' }
      : lookedAfterOn(socialCare, today);
  let nextReview: PlanFacts['nextReview'] = null;
  let lastReview: DayNumber | null = null;
  if (lookedAfter.state === 'LOOKED_AFTER' && socialCare !== null) {
    try {
      const held = reviewsHeld(socialCare, lookedAfter.period, today);
      lastReview = held.days.at(-1) ?? null;
      nextReview = { day: nextReviewDue(lookedAfter.period, held.days, context.calendar) };
    } catch (error) {
      nextReview = { undecided: error instanceof OutsideCalendarError ? 'OUTSIDE_CALENDAR' : 'MISSING_DATA' };
    }
  }
  return {
    record,
    context,
    today,
    birth: birthOf(record.child.dateOfBirth),
    socialCare,
    education: sectionOf(record.education),
    adultServices: sectionOf(record.adultServices),
    lookedAfter,
    nextReview,
    lastReview,
  };
}

function birthOf(value: string | null): DayNumber | null {
  if (value === null) return null;
  try {
    return dayOf(value);
  } catch {
    return null;
  }
}
