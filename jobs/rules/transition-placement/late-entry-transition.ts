/**
 * LATE_ENTRY_TRANSITION: a child who came into care in Year 9 or later has less time for transition planning,
 * so it is fast-tracked (the learning review: "timely transition planning ... is harder to achieve for children
 * who come into care after year 9"). The local rule read here: within three months of entering care, some
 * transition planning is recorded — a pathway needs assessment, an adult services transition referral or
 * Care Act s58 request, or a TRANSITION_PLANNING meeting. Planning started after that date does not make the
 * entry fast-tracked, so the finding stands while the child is looked after (it is about the current period of
 * care; a child who returns to care is judged on the period they entered last).
 */
import type { Evidence } from '../rule.js';
import { decided, defineRule } from '../rule.js';
import { year9Start } from '../time/ages.js';
import { addMonths, dateOf, type DayNumber } from '../time/calendar-day.js';
import { evidenceFrom, isUnreadable, sectionOf } from '../facts/agency-parts.js';
import { agencyUnavailable, missingData } from './facts/agency-parts.js';
import { isUnknown, periodsOfCare } from './facts/periods-of-care.js';
import { spanOn } from '../facts/spans.js';
import { dayOrNull, socialCareDayOrNull } from '../facts/agency-days.js';
import { shownDate } from './facts/recorded-dates.js';

/** How long after entering care transition planning must have started (local practice). */

const within = (
  value: string | null | undefined,
  from: DayNumber,
  due: DayNumber,
  read: (value: string | null | undefined) => DayNumber | null = socialCareDayOrNull,
) => {
  const day = read(value);
  return day !== null && day <= due && day >= from;
};

export const lateEntryTransition = defineRule({
  id: 'LATE_ENTRY_TRANSITION',
  title: 'Came into care in Year 9 or later without fast-tracked transition planning',
  source: {
    kind: 'LEARNING_REVIEW',
    citation:
      'The learning review (transition planning for children who come into care after Year 9); local policy',
  },
  severity: 'medium',
  owner: 'SOCIAL_WORKER',
  category: 'LOOKED_AFTER',
  needs: ['socialCare', 'adultServices'],
  evaluate(record, context) {
    if (isUnreadable(record.socialCare))
      return agencyUnavailable(['socialCare'], 'whether and when the child came into care is unknown');
    const socialCare = sectionOf(record.socialCare);
    if (!socialCare) return decided([]);
    const periods = periodsOfCare(socialCare);
    if (isUnknown(periods)) return missingData(periods.missing);
    const period = spanOn(periods, context.today);
    if (!period) return decided([]);
    const birth = dayOrNull(record.child.dateOfBirth);
    if (birth === null) return missingData('the child has no date of birth, so Year 9 cannot be placed');
    const yearNine = year9Start(birth);
    if (period.start < yearNine) return decided([]);
    const due = addMonths(period.start, context.config.lateEntryPlanningMonths);
    if (context.today <= due) return decided([]);

    const leaver = socialCare.careLeaver;
    const plannedInSocialCare =
      within(leaver?.needsAssessmentDate, period.start, due) ||
      socialCare.meetings.some(
        (m) => m.type?.trim().toUpperCase() === 'TRANSITION_PLANNING' && within(m.date, period.start, due),
      );
    if (plannedInSocialCare) return decided([]);
    if (isUnreadable(record.adultServices))
      return agencyUnavailable(
        ['adultServices'],
        'an adult services transition referral may be recorded there',
      );
    const adult = sectionOf(record.adultServices);
    const plannedInAdultServices =
      adult !== null &&
      (adult.transitionReferrals.some((r) => within(r.date, period.start, due, dayOrNull)) ||
        adult.s58Assessments.some((a) => within(a.referralDate, period.start, due, dayOrNull)) ||
        adult.pathwayPlans.some((p) => within(p.needsAssessmentDate, period.start, due, dayOrNull)));
    if (plannedInAdultServices) return decided([]);

    const evidence: Evidence[] = [
      evidenceFrom(
        record.socialCare,
        period.id,
        `entered care ${dateOf(period.start)}, on or after the start of Year 9 (${dateOf(yearNine)})`,
      ),
      evidenceFrom(
        record.socialCare,
        null,
        `no pathway needs assessment or transition planning meeting recorded between ${dateOf(period.start)} and ${dateOf(due)}` +
          (leaver?.needsAssessmentDate
            ? ` (a needs assessment is dated ${shownDate(leaver.needsAssessmentDate)})`
            : ''),
      ),
      evidenceFrom(
        record.adultServices,
        null,
        adult === null
          ? 'no adult services record for the child'
          : `no transition referral or s58 assessment request recorded by ${dateOf(due)}`,
      ),
    ];
    return decided([
      {
        subject: { kind: 'CHILD', id: record.child.id },
        summary:
          'Came into care in Year 9 or later, and no transition planning was started within three months of entering care (local rule).',
        evidence,
        dueDate: dateOf(due),
      },
    ]);
  },
});
