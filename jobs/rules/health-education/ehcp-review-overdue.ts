/**
 * EHCP_REVIEW_OVERDUE: an EHC plan not reviewed within 12 months of being made or of its last review (Children and
 * Families Act 2014 s44(1); SEND Regulations 2014 regs 18–21), or, for a looked-after child, an annual review that
 * did not coincide with a review of the care plan (SEND Code of Practice 9.169: "should, if possible and
 * appropriate, coincide with one of the reviews in their Care Plan and in particular the PEP element").
 *
 * - Open: the next review is due 12 months after the plan or the latest review (month-end clamped); the finding is
 *   on the plan, from the day after. A plan that has ceased is not reviewed.
 * - Late: a review held more than 12 months after the one before is kept on that review, at low severity (it has
 *   happened; the clock was missed).
 * - Alignment: checked for the latest review held in the current period of care, against the looked-after reviews
 *   and PEP reviews of that period. "Coincide" is taken as within seven days either side — review meetings are
 *   often combined, but the two systems may record the day differently — and the finding is low severity, since
 *   the Code says "if possible".
 */
import type { EhcNeedsAssessmentValue } from '../../../connectors/education/education-section.js';
import type { JoinedChildRecord } from '../joined-record.js';
import { decided, defineRule, type Evidence, type Finding, type RuleOutcome } from '../rule.js';
import { addMonths, dateOf, type DayNumber } from '../time/calendar-day.js';
import { withSection } from './facts/agency-parts.js';
import { educationDay, socialCareDay } from '../facts/agency-days.js';
import { periodOfCareOn, reviewsHeldInPeriod } from './facts/period-of-care.js';

const needs = ['education', 'socialCare'] as const;

/** How far apart an EHC annual review and a care plan review may be and still coincide (days either side). */
export const ALIGNMENT_DAYS = 7;

interface ReviewProblem {
  evidence: Evidence[];
  late: boolean;
  unaligned: boolean;
  due: DayNumber | null;
}

export const ehcpReviewOverdue = defineRule({
  id: 'EHCP_REVIEW_OVERDUE',
  title: 'EHC plan annual review overdue or not aligned with the care plan review',
  source: {
    kind: 'LAW',
    citation:
      'Children and Families Act 2014 s44; SEND Regulations 2014 regs 18–21; SEND Code of Practice 9.169',
  },
  severity: 'medium',
  owner: 'SENCO',
  category: 'SEND',
  needs,
  evaluate(record, context): RuleOutcome {
    return withSection(record, needs, 'education', (education) => {
      const asOf = record.education.asOf;
      const careReviewDays = careReviewDaysOf(record, context.today);
      const findings: Finding[] = [];

      for (const plan of education.ehcNeedsAssessments) {
        if (plan.finalPlanDate === null) continue;
        const issued = educationDay(plan.finalPlanDate);
        const reviews = plan.annualReviews
          .map((review) => ({ review, day: educationDay(review.date) }))
          .filter(({ day }) => day <= context.today)
          .sort((a, b) => a.day - b.day);
        const problems = new Map<string, ReviewProblem>();
        const problemOf = (id: string) => {
          const found = problems.get(id) ?? { evidence: [], late: false, unaligned: false, due: null };
          problems.set(id, found);
          return found;
        };

        let previous = issued;
        for (const { review, day } of reviews) {
          const limit = addMonths(previous, 12);
          if (day > limit) {
            const problem = problemOf(review.id);
            problem.late = true;
            problem.due = limit;
            problem.evidence.push({
              agency: 'EDUCATION',
              recordId: review.id,
              fact: `annual review held on ${dateOf(day)}, more than 12 months after ${dateOf(previous)}`,
              asOf,
            });
          }
          previous = day;
        }

        const latest = reviews.at(-1);
        if (careReviewDays !== null && latest !== undefined && latest.day >= careReviewDays.entered) {
          const coincides = careReviewDays.days.some((day) => Math.abs(day - latest.day) <= ALIGNMENT_DAYS);
          if (!coincides) {
            const problem = problemOf(latest.review.id);
            problem.unaligned = true;
            problem.evidence.push({
              agency: 'EDUCATION',
              recordId: latest.review.id,
              fact: `annual review held on ${dateOf(latest.day)}; no looked-after review or PEP review within ${ALIGNMENT_DAYS} days of it`,
              asOf,
            });
          }
        }

        for (const [id, problem] of problems) findings.push(reviewFinding(id, problem));
        const open = openReviewFinding(plan, previous, context.today, asOf);
        if (open) findings.push(open);
      }
      return decided(findings);
    });
  },
});

/** For a child looked after today: the days of the current period's held LAC reviews and PEP writes/reviews. */
function careReviewDaysOf(
  record: JoinedChildRecord,
  today: DayNumber,
): { entered: DayNumber; days: DayNumber[] } | null {
  const sc = record.socialCare.section;
  if (sc === null) return null;
  const period = periodOfCareOn(sc, today);
  if (period === null) return null;
  const days = reviewsHeldInPeriod(sc, period).map((review) => socialCareDay(review.date));
  for (const pep of record.education.section?.personalEducationPlans ?? []) {
    days.push(educationDay(pep.date));
    if (pep.reviewedDate !== null) days.push(educationDay(pep.reviewedDate));
  }
  return { entered: period.entered, days };
}

function reviewFinding(id: string, problem: ReviewProblem): Finding {
  const summary =
    problem.late && problem.unaligned
      ? 'The EHC plan annual review was held late and did not coincide with a review of the care plan.'
      : problem.late
        ? 'The EHC plan annual review was held more than 12 months after the one before.'
        : "The EHC plan annual review did not coincide with a review of the looked-after child's care plan.";
  return {
    subject: { kind: 'EHC_ANNUAL_REVIEW', id },
    summary,
    evidence: problem.evidence,
    dueDate: problem.due === null ? null : dateOf(problem.due),
    severity: 'low',
  };
}

function openReviewFinding(
  plan: EhcNeedsAssessmentValue,
  last: DayNumber,
  today: DayNumber,
  asOf: string | null,
): Finding | null {
  if (plan.status === 'CEASED') return null;
  const due = addMonths(last, 12);
  if (today <= due) return null;
  const issued = plan.finalPlanDate === null ? null : educationDay(plan.finalPlanDate);
  return {
    subject: { kind: 'EHC_PLAN', id: plan.id },
    summary: `The EHC plan's annual review was due by ${dateOf(due)} and has not been held.`,
    evidence: [
      {
        agency: 'EDUCATION',
        recordId: plan.id,
        fact:
          issued === last
            ? `plan issued on ${dateOf(last)}; no annual review since`
            : `last annual review held on ${dateOf(last)}`,
        asOf,
      },
    ],
    dueDate: dateOf(due),
  };
}
