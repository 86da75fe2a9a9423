/**
 * PFA_MISSING: an EHC plan review held in Year 9 or later that did not consider preparation for adulthood. SEND
 * Regulations 2014 regs 20(6) and 21(6): the review in Year 9, and every review after it, must consider the
 * provision needed to prepare the young person for adulthood and independent living. Year 9 is the school year in
 * which the child turns 14 (time/ages.ts), so a child born on 31 August reaches it a year before one born on
 * 1 September of the same year.
 *
 * Every such review is a finding on that review; once a later review of the same plan has covered preparation for
 * adulthood, the earlier lapse is kept at low severity (the plan now has the outcomes).
 */
import { decided, defineRule, notAssessed, type Finding, type RuleOutcome } from '../rule.js';
import { year9Start } from '../time/ages.js';
import { dateOf, dayOf } from '../time/calendar-day.js';
import { withSection } from './facts/agency-parts.js';
import { educationDay } from '../facts/agency-days.js';

const needs = ['education'] as const;

export const pfaMissing = defineRule({
  id: 'PFA_MISSING',
  title: 'EHC plan review in Year 9 or later without preparing-for-adulthood outcomes',
  source: { kind: 'LAW', citation: 'SEND Regulations 2014 regs 20(6) and 21(6)' },
  severity: 'medium',
  owner: 'SENCO',
  category: 'SEND',
  needs,
  evaluate(record, context): RuleOutcome {
    return withSection(record, needs, 'education', (education) => {
      const plans = education.ehcNeedsAssessments.filter((plan) => plan.annualReviews.length > 0);
      if (plans.length === 0) return decided([]);
      if (record.child.dateOfBirth === null)
        return notAssessed(
          'MISSING_DATA',
          'no date of birth, so which reviews fall in Year 9 or later is unknown',
        );
      const fromYear9 = year9Start(dayOf(record.child.dateOfBirth));
      const findings: Finding[] = [];
      for (const plan of plans) {
        const reviews = plan.annualReviews
          .map((review) => ({ review, day: educationDay(review.date) }))
          .filter(({ day }) => day >= fromYear9 && day <= context.today)
          .sort((a, b) => a.day - b.day);
        reviews.forEach(({ review, day }, index) => {
          if (review.preparingForAdulthoodOutcomes) return;
          const coveredLater = reviews
            .slice(index + 1)
            .some((later) => later.review.preparingForAdulthoodOutcomes);
          findings.push({
            subject: { kind: 'EHC_ANNUAL_REVIEW', id: review.id },
            summary: coveredLater
              ? 'An EHC plan review in Year 9 or later did not consider preparing for adulthood; a later review did.'
              : 'The EHC plan review in Year 9 or later did not consider preparing for adulthood.',
            evidence: [
              {
                agency: 'EDUCATION',
                recordId: review.id,
                fact: `annual review held on ${dateOf(day)} (Year 9 began ${dateOf(fromYear9)}) records no preparing-for-adulthood outcomes`,
                asOf: record.education.asOf,
              },
            ],
            dueDate: null,
            ...(coveredLater ? { severity: 'low' as const } : {}),
          });
        });
      }
      return decided(findings);
    });
  },
});
