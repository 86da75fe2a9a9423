/**
 * IHA_MISSING: a looked-after child has no initial health assessment before the first review of their case.
 * CPPCR 2010 reg 7 requires it before the child is first placed or, where that is not practicable, before the
 * first review (reg 33: within 20 working days of becoming looked after); an assessment in the three months before
 * the placement may stand (reg 7(2)). The 2015 guidance repeats the 20 working days. Only the period of care the
 * child is in today is checked: an earlier period's lapse asks nothing of anyone now.
 */
import type { HealthAssessmentValue } from '../../../connectors/social-care/social-care-section.js';
import { decided, defineRule, notAssessed, type Evidence, type RuleOutcome } from '../rule.js';
import { addMonths, dateOf } from '../time/calendar-day.js';
import { withSection } from './facts/agency-parts.js';
import { withinCalendar } from './facts/calendar-guard.js';
import { socialCareDay } from '../facts/agency-days.js';
import { firstReviewOf } from './facts/first-review.js';
import { periodOfCareOn } from './facts/period-of-care.js';

const needs = ['socialCare'] as const;

const isInitialAssessment = (assessment: HealthAssessmentValue) =>
  assessment.type !== null && assessment.type.trim().toUpperCase() === 'IHA';

const isCompleted = (assessment: HealthAssessmentValue) =>
  assessment.status !== null && assessment.status.trim().toUpperCase() === 'COMPLETED';

export const ihaMissing = defineRule({
  id: 'IHA_MISSING',
  title: 'No initial health assessment before the first review',
  source: {
    kind: 'LAW',
    citation:
      'CPPCR 2010 reg 7; Promoting the health and wellbeing of looked-after children (statutory guidance, 2015)',
  },
  severity: 'high',
  owner: 'SOCIAL_WORKER',
  category: 'HEALTH',
  needs,
  evaluate(record, context): RuleOutcome {
    // No social care record: the child is not looked after by this council, so there is no IHA to arrange.
    return withSection(record, needs, 'socialCare', (sc) => {
      const period = periodOfCareOn(sc, context.today);
      if (period === null) return decided([]);
      return withinCalendar(() => {
        const firstReview = firstReviewOf(sc, period, context);
        const due = firstReview.due;
        if (context.today <= due) return decided([]);
        const asOf = record.socialCare.asOf;
        // reg 7(2): an assessment in the three months before the child was placed can stand as the IHA.
        const earliestAccepted = addMonths(period.entered, -3);
        const iha = sc.healthAssessments.filter(isInitialAssessment);
        const undated = iha.filter((assessment) => assessment.date === null && isCompleted(assessment));
        const dated = iha
          .filter(
            (assessment): assessment is HealthAssessmentValue & { date: string } => assessment.date !== null,
          )
          .map((assessment) => ({ assessment, day: socialCareDay(assessment.date) }))
          .filter(({ day }) => day >= earliestAccepted)
          .sort((a, b) => a.day - b.day);
        const completed = dated.filter(({ assessment }) => isCompleted(assessment));
        if (completed.some(({ day }) => day <= due)) return decided([]);
        const unknownStatus = dated.filter(({ assessment, day }) => assessment.status === null && day <= due);
        if (unknownStatus.length > 0 || undated.length > 0)
          return notAssessed(
            'MISSING_DATA',
            unknownStatus.length > 0
              ? 'an initial health assessment in time has no status, so whether it was completed is unknown'
              : 'an initial health assessment is recorded as completed with no date',
          );

        const evidence: Evidence[] = [
          {
            agency: 'SOCIAL_CARE',
            recordId: period.id,
            fact: `entered care on ${dateOf(period.entered)}; the first review was due by ${dateOf(firstReview.statutoryBy)} (20 working days)`,
            asOf,
          },
        ];
        if (firstReview.heldOn !== null)
          evidence.push({
            agency: 'SOCIAL_CARE',
            recordId: firstReview.reviewId,
            fact: `first review held on ${dateOf(firstReview.heldOn)}`,
            asOf,
          });
        const late = completed[0];
        if (late) {
          evidence.push(
            assessmentEvidence(
              late.assessment.id,
              `initial health assessment completed on ${dateOf(late.day)}`,
              asOf,
            ),
          );
          return decided([
            {
              subject: { kind: 'PERIOD_OF_CARE', id: period.id },
              summary: 'The initial health assessment was completed after the first review was due.',
              evidence,
              dueDate: dateOf(due),
              // Done, if late: nothing is outstanding, so it no longer calls for urgent action.
              severity: 'medium',
            },
          ]);
        }
        for (const { assessment, day } of dated)
          evidence.push(
            assessmentEvidence(
              assessment.id,
              `initial health assessment dated ${dateOf(day)} has status ${assessment.status ?? 'not recorded'}`,
              asOf,
            ),
          );
        return decided([
          {
            subject: { kind: 'PERIOD_OF_CARE', id: period.id },
            summary: `No initial health assessment has been completed; it was due before the first review, by ${dateOf(due)}.`,
            evidence,
            dueDate: dateOf(due),
          },
        ]);
      });
    });
  },
});

function assessmentEvidence(recordId: string, fact: string, asOf: string | null): Evidence {
  return { agency: 'SOCIAL_CARE', recordId, fact, asOf };
}
