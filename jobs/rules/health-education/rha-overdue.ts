/**
 * RHA_OVERDUE: a looked-after child's latest health assessment is older than the review interval. The 2015
 * statutory guidance (Promoting the health and wellbeing of looked-after children) asks for a review health
 * assessment once every six months before the child's fifth birthday and once every twelve months after it. So
 * the next review is six months after the latest assessment when that falls before the fifth birthday, otherwise
 * twelve months after it. The latest assessment is the latest completed IHA or RHA, in any period of care; a child
 * with none yet is IHA_MISSING's to report. A refused or outstanding assessment is not a completed one.
 */
import type { HealthAssessmentValue } from '../../../connectors/social-care/social-care-section.js';
import { decided, defineRule, notAssessed, type RuleOutcome } from '../rule.js';
import { birthdayOf } from '../time/ages.js';
import { addMonths, dateOf, dayOf, type DayNumber } from '../time/calendar-day.js';
import { withSection } from './facts/agency-parts.js';
import { socialCareDay } from '../facts/agency-days.js';
import { periodOfCareOn } from './facts/period-of-care.js';

const needs = ['socialCare'] as const;

const healthAssessmentTypes = new Set(['IHA', 'RHA']);

const counts = (assessment: HealthAssessmentValue) =>
  assessment.type !== null &&
  healthAssessmentTypes.has(assessment.type.trim().toUpperCase()) &&
  assessment.status !== null &&
  assessment.status.trim().toUpperCase() === 'COMPLETED';

/** When the review after an assessment on `latest` falls due, for a child born on `birth`. */
export function nextReviewDue(birth: DayNumber, latest: DayNumber): { due: DayNumber; months: 6 | 12 } {
  const sixMonthly = addMonths(latest, 6);
  return sixMonthly < birthdayOf(birth, 5)
    ? { due: sixMonthly, months: 6 }
    : { due: addMonths(latest, 12), months: 12 };
}

export const rhaOverdue = defineRule({
  id: 'RHA_OVERDUE',
  title: 'Review health assessment overdue',
  source: {
    kind: 'STATUTORY_GUIDANCE',
    citation: 'Promoting the health and wellbeing of looked-after children (statutory guidance, 2015)',
  },
  severity: 'medium',
  owner: 'SOCIAL_WORKER',
  category: 'HEALTH',
  needs,
  evaluate(record, context): RuleOutcome {
    return withSection(record, needs, 'socialCare', (sc) => {
      if (periodOfCareOn(sc, context.today) === null) return decided([]);
      const completed = sc.healthAssessments.filter(counts);
      if (completed.some((assessment) => assessment.date === null))
        return notAssessed(
          'MISSING_DATA',
          'a completed health assessment has no date, so the latest is unknown',
        );
      const latest = completed
        .map((assessment) => ({ assessment, day: socialCareDay(assessment.date as string) }))
        .filter(({ day }) => day <= context.today)
        .sort((a, b) => b.day - a.day)[0];
      if (!latest) return decided([]);
      if (record.child.dateOfBirth === null)
        return notAssessed(
          'MISSING_DATA',
          'no date of birth, so the review interval (6 or 12 months) is unknown',
        );
      const { due, months } = nextReviewDue(dayOf(record.child.dateOfBirth), latest.day);
      if (context.today <= due) return decided([]);
      const type = (latest.assessment.type as string).trim().toUpperCase();
      return decided([
        {
          subject: { kind: 'HEALTH_ASSESSMENT', id: latest.assessment.id },
          summary: `The review health assessment was due by ${dateOf(due)} (${months}-monthly) and none has been completed since ${dateOf(latest.day)}.`,
          evidence: [
            {
              agency: 'SOCIAL_CARE',
              recordId: latest.assessment.id,
              fact: `latest completed health assessment (${type}) on ${dateOf(latest.day)}`,
              asOf: record.socialCare.asOf,
            },
            {
              agency: 'IDENTITY',
              recordId: null,
              fact:
                months === 6
                  ? 'the next review falls before the fifth birthday: six-monthly'
                  : 'the next review falls on or after the fifth birthday: twelve-monthly',
              asOf: null,
            },
          ],
          dueDate: dateOf(due),
        },
      ]);
    });
  },
});
